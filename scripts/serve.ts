// The web server of `npm start` (and `tsx scripts/serve.ts` on its own): the built app
// (adapter-node's `build/handler.js`) behind three things adapter-node's own `build/index.js` lacks:
//
// - gzip/brotli for text responses (HTML, JSON, CSV, JavaScript, CSS, SVG), `compression`;
// - the security headers of src/lib/server/http/security.ts on every response, static files and
//   the responses SvelteKit gives before any hook (a refused cross-site form post) included;
// - an origin that is right over plain http on localhost. SvelteKit refuses a form post whose
//   Origin header is not the app's own origin; adapter-node without ORIGIN takes that origin to be
//   `https://<Host header>`, so a browser's own post to http://localhost:3000 got a 403. Here, when
//   the server listens on a loopback address and neither ORIGIN nor PROTOCOL_HEADER/HOST_HEADER is
//   set, the protocol comes from the connection itself (plain http) through a header only this
//   server sets, and the Host header must name this machine's loopback address and port: a request
//   for another host (a spoofed Host, DNS rebinding) gets 421, so it never reaches the origin check
//   with a host of its own choosing. Behind a reverse proxy, set ORIGIN (or PROTOCOL_HEADER and
//   HOST_HEADER) as adapter-node documents; this server then leaves the origin to adapter-node.
// - a Dutch answer to a refused cross-site form post. SvelteKit's own check (which stays on, and
//   runs after this one) answers in English, before any hook; where this server knows the app's
//   origin (on localhost, or from ORIGIN) it refuses the same requests first, in Dutch, saying what
//   to set. It refuses only what SvelteKit would refuse too (the same methods, form content types
//   and comparison of the Origin header), so it cannot let anything through that SvelteKit stops.
//
// Settings: HOST (default 127.0.0.1, only this machine; it used to be 0.0.0.0), PORT (3000),
// ORIGIN, PROTOCOL_HEADER, HOST_HEADER, BM_BUILD_DIR (default build), and adapter-node's others
// (BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import { BASE_SECURITY_HEADERS } from '../src/lib/server/http/security';

export interface ServeOptions {
	/** The adapter-node output folder (holds handler.js). */
	buildDir: string;
	host?: string;
	port?: number;
	/** Print the Dutch start-up lines (default true). */
	announce?: boolean;
}

export interface RunningServe {
	server: http.Server;
	url: string;
	/** How the origin for SvelteKit's form check is found. */
	originMode: 'lokaal' | 'ORIGIN' | 'proxy' | 'https-aangenomen';
	close(): Promise<void>;
}

/** The header through which this server tells adapter-node the protocol of a direct connection. */
const LOCAL_PROTOCOL_HEADER = 'x-basiszorg-monitor-protocol';

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void) => void;

export function isLoopback(host: string): boolean {
	const h = host.replace(/^\[|\]$/g, '').toLowerCase();
	return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** A Host header naming a loopback address, with this port (or none, for port 80). */
export function isLocalHostHeader(hostHeader: string | undefined, port: number): boolean {
	if (!hostHeader) return false;
	const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(hostHeader.trim());
	if (!m) return false;
	const hostPort = m[2] === undefined ? 80 : Number(m[2]);
	return hostPort === port && isLoopback(m[1]);
}

const FORM_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The content types SvelteKit's origin check guards (kit/src/utils/http.js, is_form_content_type). */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata']);

/** SvelteKit's origin check, for an app whose origin is `appOrigin`: would it refuse this request? */
export function isCrossSiteForm(req: http.IncomingMessage, appOrigin: string): boolean {
	const type = String(req.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
	return FORM_METHODS.has(req.method ?? '') && FORM_TYPES.has(type) && req.headers.origin !== appOrigin;
}

/** Responses worth compressing: text. Images other than SVG, fonts and zips are compressed already. */
function compressible(contentType: string): boolean {
	return /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/i.test(contentType);
}

export async function serve(options: ServeOptions): Promise<RunningServe> {
	const host = options.host ?? process.env.HOST ?? '127.0.0.1';
	const port = options.port ?? Number(process.env.PORT ?? 3000);
	const announce = options.announce ?? true;
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT moet een poortnummer zijn, niet "${process.env.PORT}"`);

	let originMode: RunningServe['originMode'];
	if (process.env.ORIGIN) originMode = 'ORIGIN';
	else if (process.env.PROTOCOL_HEADER || process.env.HOST_HEADER) originMode = 'proxy';
	else if (isLoopback(host)) originMode = 'lokaal';
	else originMode = 'https-aangenomen';
	// adapter-node reads its settings when handler.js is first imported.
	if (originMode === 'lokaal') process.env.PROTOCOL_HEADER = LOCAL_PROTOCOL_HEADER;
	// Uploads on /beheer/upload go up to MONITOR_UPLOAD_MAX_MB (default 100), refused there with a
	// Dutch message; adapter-node's own default (512 kB) would refuse them first, bare.
	process.env.BODY_SIZE_LIMIT ??= `${Number(process.env.MONITOR_UPLOAD_MAX_MB ?? 100) + 10}M`;

	const { handler } = (await import(pathToFileURL(path.join(options.buildDir, 'handler.js')).href)) as { handler: Middleware };
	const compress = compression({ filter: (_req, res) => compressible(String(res.getHeader('content-type') ?? '')) }) as unknown as Middleware;

	const configuredOrigin = originMode === 'ORIGIN' ? new URL(process.env.ORIGIN!.trim()).origin : null;
	let boundPort = port; // the real one once listening (PORT=0 picks a free port)
	const server = http.createServer((req, res) => {
		for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
		let appOrigin = configuredOrigin;
		if (originMode === 'lokaal') {
			if (!isLocalHostHeader(req.headers.host, boundPort)) return misdirected(res, boundPort);
			// Overwrites whatever a client sent under this name: only the connection decides.
			req.headers[LOCAL_PROTOCOL_HEADER] = 'http';
			appOrigin = new URL(`http://${req.headers.host}`).origin;
		}
		if (appOrigin && isCrossSiteForm(req, appOrigin)) return crossSite(req, res, appOrigin);
		compress(req, res, (err) => {
			if (err) return failed(res);
			handler(req, res, (e) => (e ? failed(res) : notFound(res)));
		});
	});
	const keepAlive = process.env.KEEP_ALIVE_TIMEOUT;
	if (keepAlive && /^\d+$/.test(keepAlive)) server.keepAliveTimeout = Number(keepAlive) * 1000;
	const headersTimeout = process.env.HEADERS_TIMEOUT;
	if (headersTimeout && /^\d+$/.test(headersTimeout)) server.headersTimeout = Number(headersTimeout) * 1000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	boundPort = (server.address() as AddressInfo).port;
	const shownHost = isLoopback(host) ? 'localhost' : host === '0.0.0.0' || host === '::' ? os.hostname() : host;
	const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${boundPort}`;
	if (announce) {
		console.log(`Basiszorg Monitor draait op ${url}`);
		if (originMode === 'https-aangenomen') {
			console.warn(
				`Let op: de server luistert op ${host} zonder ORIGIN. Hij neemt dan aan dat gebruikers hem via https bereiken ` +
					'(achter een reverse proxy). Bereiken ze hem rechtstreeks over http, zet dan ORIGIN=http://<naam>:<poort>, ' +
					'anders weigert hij elk formulier (403). Zie README, "Achter een reverse proxy".'
			);
		}
	}

	let closing: Promise<void> | null = null;
	const close = () =>
		(closing ??= new Promise<void>((resolve) => {
			const timeout = setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000);
			timeout.unref();
			server.close(() => {
				clearTimeout(timeout);
				// adapter-node's signal for the app to clean up (close databases).
				(process.emit as (event: string, ...args: unknown[]) => boolean)('sveltekit:shutdown', 'SIGTERM');
				resolve();
			});
			server.closeIdleConnections();
		}));
	return { server, url, originMode, close };
}

function misdirected(res: http.ServerResponse, port: number): void {
	res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
	res.end(
		`Deze server is alleen bereikbaar als http://localhost:${port} (of http://127.0.0.1:${port}). ` +
			'Draait hij achter een reverse proxy of onder een andere naam, zet dan ORIGIN (zie README).\n'
	);
}

function crossSite(req: http.IncomingMessage, res: http.ServerResponse, appOrigin: string): void {
	const from = req.headers.origin
		? `het komt van ${req.headers.origin}, niet van ${appOrigin}`
		: `het zegt niet waar het vandaan komt (geen Origin-header), dus niet dat het van ${appOrigin} komt`;
	const message =
		`Formulier geweigerd: ${from}. Zo beschermt de monitor zich tegen ` +
		'formulieren die een andere website namens u verstuurt. Opent u de monitor onder een ander adres of achter ' +
		'een reverse proxy, zet dan ORIGIN op dat adres (zie README).';
	const accept = String(req.headers.accept ?? '');
	// Drain the body, so that the connection can be reused.
	req.resume();
	if (accept === 'application/json') {
		res.writeHead(403, { 'content-type': 'application/json', 'cache-control': 'no-store' });
		return void res.end(JSON.stringify({ message }));
	}
	if (accept.includes('text/html')) {
		res.writeHead(403, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
		return void res.end(
			`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Formulier geweigerd · Basiszorg Monitor</title></head>` +
				`<body><h1>Formulier geweigerd</h1><p>${escapeHtml(message)}</p><p><a href="/">Naar het overzicht</a></p></body></html>`
		);
	}
	res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
	res.end(`${message}\n`);
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function notFound(res: http.ServerResponse): void {
	res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
	res.end('Niet gevonden.\n');
}

function failed(res: http.ServerResponse): void {
	if (res.headersSent) return void res.destroy();
	res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
	res.end('Er ging iets mis op de server.\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
	const root = path.resolve(import.meta.dirname, '..');
	const running = await serve({ buildDir: path.resolve(root, process.env.BM_BUILD_DIR ?? 'build') });
	const stop = () => void running.close();
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}
