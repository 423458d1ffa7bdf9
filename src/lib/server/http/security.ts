// Security headers for every response of the app. The Content-Security-Policy of HTML pages comes
// from SvelteKit itself (`kit.csp` in svelte.config.js: nonces or hashes for its inline scripts, no
// 'unsafe-inline' for scripts, frame-ancestors 'none'); this module adds the rest, and a strict
// policy for responses that have none (CSV exports, JSON, plain-text errors).
//
// `src/hooks.server.ts` calls `withSecurityHeaders(await resolve(event))`; `scripts/serve.ts`
// (`npm start`) sets `BASE_SECURITY_HEADERS` on every response, static files and the responses
// SvelteKit answers before any hook (a refused cross-site form post) included.

/** The same on every response, whatever its type. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), ' +
		'midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()',
	'cross-origin-opener-policy': 'same-origin',
	// A bare-minimum CSP for anything that has none (static files): no framing.
	'content-security-policy': "frame-ancestors 'none'"
};

/** For a response that is not an HTML page and has no policy of its own: load nothing, frame nowhere. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Sets the security headers on a response and returns it: the base headers (each only where the
 * response has none of that name), and a Content-Security-Policy — kept when SvelteKit set one,
 * with `frame-ancestors 'none'` added if it lacks that directive; `NON_HTML_CSP` for other
 * responses without one. A response whose headers cannot be changed (`Response.redirect`, a
 * fetched response) is copied first, so the returned response may be another object.
 */
export function withSecurityHeaders(response: Response): Response {
	try {
		setSecurityHeaders(response.headers);
		return response;
	} catch (e) {
		if (!(e instanceof TypeError)) throw e;
		const copy = new Response(response.body, response);
		setSecurityHeaders(copy.headers);
		return copy;
	}
}

/** The same on a Headers object (throws TypeError when it is immutable). */
export function setSecurityHeaders(headers: Headers): void {
	for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) {
		if (name !== 'content-security-policy' && !headers.has(name)) headers.set(name, value);
	}
	const csp = headers.get('content-security-policy');
	if (csp) {
		if (!/(^|;)\s*frame-ancestors\s/i.test(csp)) headers.set('content-security-policy', `${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`);
	} else {
		const html = /^text\/html\b/i.test(headers.get('content-type') ?? '');
		headers.set('content-security-policy', html ? BASE_SECURITY_HEADERS['content-security-policy'] : NON_HTML_CSP);
	}
}
