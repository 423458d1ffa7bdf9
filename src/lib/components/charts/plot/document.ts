// The document Plot draws into. In the browser that is the page's own; on the server (SSR, tests)
// a linkedom document, so that a chart is an SVG string before any JavaScript runs. linkedom is
// imported behind import.meta.env.SSR, which Vite replaces by a constant at build time: in the
// client build the import is dead code and linkedom stays out of the bundle (a static import
// would not: linkedom has side effects, so the bundler keeps it even unused).
const serverDocument: Document | undefined = import.meta.env.SSR
	? ((await import('linkedom')).parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document)
	: undefined;

export function plotDocument(): Document {
	return serverDocument ?? document;
}
