// The security headers (src/lib/server/http/security.ts) and the Host/origin rules of `npm start`'s
// server (scripts/serve.ts), without a server: what the browser test checks end to end, rule by rule.
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { BASE_SECURITY_HEADERS, NON_HTML_CSP, withSecurityHeaders } from '$lib/server/http/security';
import { isCrossSiteForm, isLocalHostHeader, isLoopback } from '../../scripts/serve';

describe('withSecurityHeaders', () => {
	it('adds frame-ancestors to the CSP SvelteKit set on a page, and the other headers', () => {
		const page = new Response('<!doctype html>', {
			headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'; script-src 'self' 'nonce-abc'" }
		});
		const h = withSecurityHeaders(page).headers;
		expect(h.get('content-security-policy')).toBe("default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'");
		expect(h.get('x-frame-options')).toBe('DENY');
		expect(h.get('x-content-type-options')).toBe('nosniff');
		expect(h.get('referrer-policy')).toBe('same-origin');
		expect(h.get('permissions-policy')).toContain('camera=(), microphone=(), geolocation=()');
	});

	it('keeps a CSP that has frame-ancestors, and headers the response set itself', () => {
		const res = new Response('', { headers: { 'content-type': 'text/html', 'content-security-policy': "frame-ancestors 'self'", 'referrer-policy': 'no-referrer' } });
		const h = withSecurityHeaders(res).headers;
		expect(h.get('content-security-policy')).toBe("frame-ancestors 'self'");
		expect(h.get('referrer-policy')).toBe('no-referrer');
	});

	it('gives a CSV export or JSON without a policy one that loads nothing', () => {
		for (const type of ['text/csv; charset=utf-8', 'application/json']) {
			expect(withSecurityHeaders(new Response('a;b', { headers: { 'content-type': type } })).headers.get('content-security-policy')).toBe(NON_HTML_CSP);
		}
		expect(withSecurityHeaders(new Response('<p>', { headers: { 'content-type': 'text/html' } })).headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
	});

	it('copies a response whose headers cannot be changed (Response.redirect)', () => {
		const redirect = Response.redirect('http://localhost:3000/login', 303);
		const out = withSecurityHeaders(redirect);
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toBe('http://localhost:3000/login');
		expect(out.headers.get('x-frame-options')).toBe('DENY');
	});

	it('has one base CSP that only forbids framing (safe on any static file)', () => {
		expect(BASE_SECURITY_HEADERS['content-security-policy']).toBe("frame-ancestors 'none'");
	});
});

describe("npm start's server: which Host and which form posts", () => {
	it('knows the loopback addresses', () => {
		expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].map(isLoopback)).toEqual([true, true, true, true, true]);
		expect(['0.0.0.0', '192.168.1.10', 'monitor.gemeente.nl', 'localhost.evil.example', '::'].map(isLoopback)).toEqual([false, false, false, false, false]);
	});

	it('takes only a Host that names this machine and this port', () => {
		expect(isLocalHostHeader('localhost:3000', 3000)).toBe(true);
		expect(isLocalHostHeader('127.0.0.1:3000', 3000)).toBe(true);
		expect(isLocalHostHeader('[::1]:3000', 3000)).toBe(true);
		expect(isLocalHostHeader('localhost', 80)).toBe(true);
		for (const host of ['localhost:3001', 'localhost', 'evil.example:3000', 'evil.example', '127.0.0.1.evil.example:3000', 'localhost:3000@evil', '', undefined]) {
			expect(isLocalHostHeader(host, 3000), String(host)).toBe(false);
		}
	});

	it('refuses exactly the form posts SvelteKit refuses', () => {
		const req = (method: string, type: string, origin?: string) => ({ method, headers: { 'content-type': type, ...(origin ? { origin } : {}) } }) as unknown as http.IncomingMessage;
		const app = 'http://localhost:3000';
		expect(isCrossSiteForm(req('POST', 'application/x-www-form-urlencoded', app), app)).toBe(false);
		expect(isCrossSiteForm(req('POST', 'application/x-www-form-urlencoded', 'http://evil.example'), app)).toBe(true);
		expect(isCrossSiteForm(req('POST', 'multipart/form-data; boundary=x', 'http://evil.example'), app)).toBe(true);
		expect(isCrossSiteForm(req('DELETE', 'text/plain', 'https://localhost:3000'), app)).toBe(true);
		expect(isCrossSiteForm(req('POST', 'application/x-www-form-urlencoded'), app)).toBe(true);
		// Not a form: SvelteKit lets these through to the route, and so does the server.
		expect(isCrossSiteForm(req('POST', 'application/json', 'http://evil.example'), app)).toBe(false);
		expect(isCrossSiteForm(req('GET', 'application/x-www-form-urlencoded', 'http://evil.example'), app)).toBe(false);
	});
});
