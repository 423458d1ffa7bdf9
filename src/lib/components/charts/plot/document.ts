// The document Plot draws into. In the browser that is the page's own; on the server (SSR, tests)
// a linkedom document, so that a chart is an SVG string before any JavaScript runs. The linkedom
// branch is behind import.meta.env.SSR, which Vite replaces at build time, so the client bundle
// drops it (tests/components/plot-render.test.ts checks the client build does not carry it).
import { parseHTML } from 'linkedom';

let serverDocument: Document | undefined;

export function plotDocument(): Document {
	if (import.meta.env.SSR || typeof document === 'undefined') {
		serverDocument ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
		return serverDocument;
	}
	return document;
}
