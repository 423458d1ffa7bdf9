// What `npm start` serves (scripts/serve.ts in front of the built app), as a browser and a client
// that sends whatever it likes see it: security headers on every kind of response (pages, redirects,
// refusals, exports, static files), gzip/brotli for text, and SvelteKit's origin check working over
// plain http on localhost without ORIGIN — the browser's own form posts go through, a post from
// another origin or for another host does not. Also: a SWOT item typed as a formula comes out of
// /export/swot.csv as text. The server here is started the way `npm start` starts it, without ORIGIN.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegiegroepDb } from '../fixtures/regiegroep-db';
import { launch } from './browser';
import { BUILD_DIR, ROOT } from './server';
import { ADMIN } from './session';

let dir: string;
let child: ChildProcess;
let port: number;
let log = '';
let browser: Browser;
/** The address `npm start` prints. */
let base: string;

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const p = (srv.address() as net.AddressInfo).port;
			srv.close(() => resolve(p));
		});
		srv.on('error', reject);
	});
}

interface Raw {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** A request exactly as given (Host and Origin included), the body as sent on the wire. */
function raw(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers: { host: `localhost:${port}`, ...options.headers } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end(options.body);
	});
}

function decode(r: Raw): string {
	const enc = r.headers['content-encoding'];
	if (enc === 'br') return zlib.brotliDecompressSync(r.body).toString('utf8');
	if (enc === 'gzip') return zlib.gunzipSync(r.body).toString('utf8');
	return r.body.toString('utf8');
}

/** Signs in through the login form as a client would post it; returns the Cookie header. */
async function signInCookie(): Promise<string> {
	const res = await raw('/login', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base },
		body: new URLSearchParams(ADMIN).toString()
	});
	const cookie = /(bm_sessie=[^;]+)/.exec((res.headers['set-cookie'] ?? []).join('\n'))?.[1];
	if (res.status !== 303 || !cookie) throw new Error(`aanmelden mislukt: ${res.status} ${res.body.toString()}`);
	return cookie;
}

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-hardening-'));
	const dbPath = path.join(dir, 'monitor.duckdb');
	await createRegiegroepDb(dbPath);
	port = await freePort();
	base = `http://localhost:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		HOST: '127.0.0.1',
		PORT: String(port),
		MONITOR_DB: dbPath,
		MONITOR_USERS: path.join(dir, 'gebruikers.json'),
		MONITOR_ADMIN_PASSWORD: ADMIN.wachtwoord,
		BM_BUILD_DIR: BUILD_DIR
	};
	// As `npm start` runs it: no ORIGIN, no proxy headers.
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'PORT_HEADER']) delete env[name];
	child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/serve.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
		try {
			if ((await raw('/login')).status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`server did not start: ${log}`);
		await new Promise((r) => setTimeout(r, 150));
	}
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	if (child && child.exitCode === null) {
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function expectSecurityHeaders(r: Raw, what: string) {
	const h = r.headers;
	expect(h['x-frame-options'], what).toBe('DENY');
	expect(h['x-content-type-options'], what).toBe('nosniff');
	expect(h['referrer-policy'], what).toBe('same-origin');
	for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(h['permissions-policy'], what).toContain(feature);
	expect(h['content-security-policy'], what).toMatch(/(^|; )frame-ancestors 'none'/);
}

describe('npm start, as served', () => {
	it('says where it runs, on localhost', () => {
		expect(log).toContain(`Basiszorg Monitor draait op http://localhost:${port}`);
	});

	it('sets the security headers on pages, redirects, refusals, errors, exports and static files', async () => {
		const login = await raw('/login');
		expect(login.status).toBe(200);
		const csp = String(login.headers['content-security-policy']);
		const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
		// SvelteKit's inline start-up script runs by nonce, not by 'unsafe-inline'.
		expect(scriptSrc).toMatch(/'nonce-[^']+'|'sha256-[^']+'/);
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("object-src 'none'");

		const cookie = await signInCookie();
		const asset = /<link[^>]+href="\.?\/?(_app\/immutable\/[^"]+\.css)"/.exec(decode(login))?.[1];
		expect(asset).toBeDefined();
		const responses: [string, Raw, number][] = [
			['page', login, 200],
			['page, signed in', await raw('/verwijzingen', { headers: { cookie } }), 200],
			['redirect to sign-in', await raw('/verwijzingen'), 303],
			['export without session', await raw('/export/swot.csv'), 401],
			['export', await raw('/export/swot.csv', { headers: { cookie } }), 200],
			['404 page', await raw('/bestaat-niet', { headers: { cookie, accept: 'text/html' } }), 404],
			['cross-site post', await raw('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' }, body: 'a=b' }), 403],
			['foreign host', await raw('/login', { headers: { host: 'evil.example' } }), 421],
			['static file', await raw(`/${asset}`), 200]
		];
		for (const [what, r, status] of responses) {
			expect(r.status, what).toBe(status);
			expectSecurityHeaders(r, what);
		}
		const notFound = decode(responses[5][1]);
		expect(notFound).toContain('Pagina niet gevonden');
		expect(notFound).toContain('Er is geen pagina op /bestaat-niet.');
	});

	it('compresses HTML and CSV with brotli or gzip, as the client asks', async () => {
		const cookie = await signInCookie();
		const sizes: Record<string, number> = {};
		for (const encoding of ['br', 'gzip', 'identity']) {
			const r = await raw('/verwijzingen', { headers: { cookie, 'accept-encoding': encoding } });
			expect(r.status).toBe(200);
			expect(r.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
			expect(r.headers.vary).toContain('Accept-Encoding');
			expect(decode(r)).toContain('<title>Verwijzingen');
			sizes[encoding] = r.body.length;
		}
		// Figures for the report: /verwijzingen on the regiegroep fixture database.
		console.log(`/verwijzingen: ${sizes.identity} bytes, gzip ${sizes.gzip}, brotli ${sizes.br}`);
		expect(sizes.br).toBeLessThan(sizes.identity / 5);
		expect(sizes.gzip).toBeLessThan(sizes.identity / 5);

		const csv = await raw('/export/verwijzingen.csv', { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
		expect(csv.status).toBe(200);
		expect(csv.headers['content-encoding']).toBe('br');
		expect(decode(csv).startsWith('\uFEFF')).toBe(true);
	});

	it('lets the browser sign in and edit over plain http without ORIGIN; a formula typed in comes out of the CSV as text', async () => {
		const context = await browser.newContext({ locale: 'nl-NL' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(String(e)));

		// A same-origin form post over http: the sign-in.
		await page.goto(`${base}/swot?wijk=WK990101`, { waitUntil: 'networkidle' });
		expect(new URL(page.url()).pathname).toBe('/login');
		await page.fill('#gebruikersnaam', ADMIN.gebruikersnaam);
		await page.fill('#wachtwoord', ADMIN.wachtwoord);
		await Promise.all([page.waitForURL(/\/swot/), page.locator('form.login__form button[type="submit"]').click()]);

		// And an edit: a SWOT item that a spreadsheet would run as a formula.
		await page.waitForLoadState('networkidle');
		await page.selectOption('#nieuw-kwadrant', 'kans');
		await page.fill('#nieuw-omschrijving', '=HYPERLINK("http://evil.example";"klik")');
		if (await page.locator('#nieuw-wie').count()) await page.fill('#nieuw-wie', 'Regiegroep Noord');
		await page.locator('[data-form="toevoegen"] button[type="submit"]').click();
		await page.locator('[data-kwadrant="kans"] [data-item]', { hasText: '=HYPERLINK' }).waitFor();

		const cookies = await context.cookies(base);
		const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
		const csv = decode(await raw('/export/swot.csv?wijk=WK990101', { headers: { cookie } }));
		expect(csv).toContain(`;"'=HYPERLINK(""http://evil.example"";""klik"")";`);
		expect(csv).not.toMatch(/;"?=HYPERLINK/);

		// The pages render under the Content-Security-Policy: nothing blocked, nothing thrown.
		for (const p of ['/', '/verwijzingen', '/werkplannen', '/werkplannen/WP01', '/swot', '/ojg', '/bronnen']) {
			const res = await page.goto(`${base}${p}`, { waitUntil: 'networkidle' });
			expect(res?.status(), p).toBe(200);
		}
		expect(errors).toEqual([]);
		await context.close();
	});

	it('refuses a form post from another origin, without one, for another host, or claiming https', async () => {
		const cookie = await signInCookie();
		const form = (origin: string | null, extra: Record<string, string> = {}) => ({
			method: 'POST',
			headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}), ...extra },
			body: new URLSearchParams({ wijk_code: 'WK990101', datum: '2025-10-01', kwadrant: 'kans', omschrijving: 'Van buiten', wie: 'Aanvaller' }).toString()
		});
		const before = decode(await raw('/export/swot.csv', { headers: { cookie } }));

		const foreign = await raw('/swot?/toevoegen', form('http://evil.example'));
		expect(foreign.status).toBe(403);
		expect(decode(foreign)).toContain(`Formulier geweigerd: het komt van http://evil.example, niet van ${base}.`);
		expect((await raw('/swot?/toevoegen', form(null))).status).toBe(403);
		expect((await raw('/swot?/toevoegen', form('https://localhost:' + port))).status).toBe(403);
		// A spoofed Host that matches the spoofed Origin never reaches the app.
		const spoofed = await raw('/swot?/toevoegen', form('http://evil.example', { host: 'evil.example' }));
		expect(spoofed.status).toBe(421);
		expect(decode(spoofed)).toContain(`Deze server is alleen bereikbaar als http://localhost:${port}`);
		// Nor does a client's claim that the connection was https.
		expect((await raw('/swot?/toevoegen', form(`https://localhost:${port}`, { 'x-basiszorg-monitor-protocol': 'https' }))).status).toBe(403);
		// JSON for a client that asks for it (SvelteKit's enhanced forms), in Dutch.
		const json = await raw('/swot?/toevoegen', form('http://evil.example', { accept: 'application/json' }));
		expect(JSON.parse(decode(json)).message).toMatch(/^Formulier geweigerd/);

		expect(decode(await raw('/export/swot.csv', { headers: { cookie } }))).toBe(before);
		// The same post from the app's own origin gets past the check (to the form action).
		const own = await raw('/swot?/toevoegen', form(base));
		expect([403, 421]).not.toContain(own.status);
		expect(decode(own)).not.toContain('Formulier geweigerd');
	});
});
