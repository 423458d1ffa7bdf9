// Rendered pages kept per version of the database, per user and per address. The referral pages
// only change when an import swaps in a new file, yet rendering one at national scale (twelve Plot
// charts drawn twice on a server-side DOM, a table of a thousand rows, the page data serialised) costs
// a few hundred milliseconds of the server's single JavaScript thread: under 50 concurrent users
// that, not DuckDB, was the limit. A page is rendered once and then served from memory until the file
// is swapped, the calendar day changes (the print date on every page) or the user's account changes.
//
// Only routes whose content comes from the analytic database alone may be listed (the werkplannen and
// SWOT pages read the edits store, which changes without a swap). The key holds everything that a
// page's HTML depends on: the file version, the whole session user (name, role and scope: one user
// never gets another's page), the day, and the raw request URL (path, query, /__data.json). A
// response with a Set-Cookie header, or any status but 200, is never kept. Content-Security-Policy
// is in hash mode (svelte.config.js), so a kept page carries no per-request nonce.
import type { SessionUser } from '$lib/auth/types';
import { today } from '$contract/dates';

/** Route ids whose pages depend on nothing but the analytic database, the user and the day. */
export const CACHED_ROUTES: ReadonlySet<string> = new Set([
	'/',
	'/verwijzingen',
	'/wijk/[code]',
	'/ojg',
	'/leerbijeenkomsten',
	'/leerbijeenkomsten/rapport',
	'/werkafspraken',
	'/bronnen'
]);

/** Bytes of kept pages (uncompressed), least recently used dropped first. */
const MAX_BYTES = 96 * 1024 * 1024;
/** A larger page is rendered every time rather than pushing out many others. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

interface Kept {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
}

export class PageCache {
	#pages = new Map<string, Kept>();
	#bytes = 0;
	readonly maxBytes: number;
	readonly maxPageBytes: number;

	constructor(maxBytes = MAX_BYTES, maxPageBytes = MAX_PAGE_BYTES) {
		this.maxBytes = maxBytes;
		this.maxPageBytes = maxPageBytes;
	}

	get size(): number {
		return this.#pages.size;
	}

	get bytes(): number {
		return this.#bytes;
	}

	/** A fresh Response of the kept page, or null. */
	get(key: string): Response | null {
		const kept = this.#pages.get(key);
		if (!kept) return null;
		this.#pages.delete(key);
		this.#pages.set(key, kept);
		return new Response(kept.body.slice(), { status: kept.status, headers: kept.headers });
	}

	/** Keeps `response` when it may be kept, and returns a Response the caller can send. */
	async put(key: string, response: Response): Promise<Response> {
		if (response.status !== 200 || response.headers.has('set-cookie') || !response.body) return response;
		const body = new Uint8Array(await response.arrayBuffer());
		const kept: Kept = { status: response.status, headers: [...response.headers], body };
		if (body.byteLength <= this.maxPageBytes) {
			this.#drop(key);
			this.#pages.set(key, kept);
			this.#bytes += body.byteLength;
			for (const [k, v] of this.#pages) {
				if (this.#bytes <= this.maxBytes) break;
				this.#pages.delete(k);
				this.#bytes -= v.body.byteLength;
			}
		}
		return new Response(body, { status: kept.status, headers: kept.headers });
	}

	clear(): void {
		this.#pages.clear();
		this.#bytes = 0;
	}

	#drop(key: string) {
		const old = this.#pages.get(key);
		if (!old) return;
		this.#pages.delete(key);
		this.#bytes -= old.body.byteLength;
	}
}

/**
 * The key of a page request, or null when it may not be kept: not a GET, not a listed route, nobody
 * signed in, or no database file. `version` is asked last, so other requests (static files, the
 * login page, edits) never look at the database file.
 */
export function pageKey(request: Request, routeId: string | null, user: SessionUser | null, version: () => string | null, day = today()): string | null {
	if (request.method !== 'GET' || routeId === null || !CACHED_ROUTES.has(routeId) || user === null) return null;
	const v = version();
	return v === null ? null : JSON.stringify([v, day, user, request.url]);
}
