// The part of `compression` (expressjs/compression 1.8) that scripts/serve.ts uses. The package ships
// no types, and @types/compression would pull in all of Express's types for this one signature.
declare module 'compression' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	interface CompressionOptions {
		/** Compress this response? Default: by Content-Type, through the `compressible` package. */
		filter?: (req: IncomingMessage, res: ServerResponse) => boolean;
		/** Smallest body to compress, in bytes or as '1kb' (default 1kb). */
		threshold?: number | string;
		level?: number;
		brotli?: { params?: Record<number, number> };
	}

	function compression(options?: CompressionOptions): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
	export default compression;
}
