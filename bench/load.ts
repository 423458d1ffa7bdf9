// The load test of `npm run bench`: 50 signed-in users (each connection its own session; a mix of
// beheerders and beleid users of one gemeente) request pages and exports for 30 s with autocannon,
// while the database is swapped by an import every few seconds. Goal: not one failed request
// (any status but 200, a connection error or a timeout). Latencies p50/p95/p99 per run.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ingest } from '../pipelines/ingest';
import { DEMO_DIR } from '../scripts/demo-db';
import { UserStore } from '../src/lib/server/auth/users';
import { startServer } from '../tests/browser/server';
import { ADMIN, signIn } from '../tests/browser/session';

export interface LoadResult {
	requests: number;
	failed: number;
	statuses: Record<string, number>;
	swaps: number;
	p50: number;
	p95: number;
	p99: number;
	seconds: number;
}

const PATHS = [
	'/',
	'/verwijzingen',
	'/verwijzingen?niveau=praktijk&periode=maand',
	'/wijk/WK990101',
	'/ojg',
	'/werkplannen',
	'/swot',
	'/leerbijeenkomsten',
	'/werkafspraken',
	'/export/verwijzingen.csv?niveau=wijk&periode=kwartaal',
	'/export/kerncijfers.csv',
	'/export/leerbijeenkomsten.csv'
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];

/**
 * Runs the load test against fresh servers on `dbPath` (a copy of the demo database): one by
 * default, or `servers` processes reading the same file, the connections split evenly over them
 * (each server keeps its own sessions, so each connection signs in at its own server).
 */
export async function loadTest(
	dbPath: string,
	dir: string,
	opts: { connections?: number; seconds?: number; swapEveryMs?: number; servers?: number; paths?: readonly string[] } = {}
): Promise<LoadResult> {
	const connections = opts.connections ?? 50;
	const seconds = opts.seconds ?? 30;
	const serverCount = opts.servers ?? 1;
	const users = new UserStore(path.join(dir, 'gebruikers-load.json'));
	const beleid = { gebruikersnaam: 'beleid.load', naam: 'Beleid (load)', rol: 'beleid', gemeenten: ['GM9901'], wachtwoord: 'load-wachtwoord-1' };
	if (!users.get(beleid.gebruikersnaam)) await users.add(beleid);
	const servers = await Promise.all(Array.from({ length: serverCount }, () => startServer(dbPath, { MONITOR_USERS: users.path, MONITOR_ADMIN_PASSWORD: ADMIN.wachtwoord })));
	try {
		// Swap the database while the users read: a re-import of the wijken (every row unchanged).
		let swaps = 0;
		let running = true;
		const swapper = (async () => {
			while (running) {
				await new Promise((r) => setTimeout(r, opts.swapEveryMs ?? 4000));
				if (!running) break;
				await ingest(dbPath, [path.join(DEMO_DIR, 'wijken.csv')]);
				swaps++;
			}
		})();

		const times: number[] = [];
		const statuses: Record<string, number> = {};
		const runs = servers.map(async (server, si) => {
			const own = Math.max(1, Math.round(connections / serverCount));
			const cookies: string[] = [];
			for (let i = 0; i < own; i++) cookies.push(`bm_sessie=${(await signIn(server.url, (i + si) % 2 === 0 ? ADMIN : beleid)).token}`);
			let next = 0;
			return new Promise<autocannon.Result>((resolve, reject) => {
				const instance = autocannon(
					{
						url: server.url,
						connections: own,
						duration: seconds,
						timeout: 20,
						requests: (opts.paths ?? PATHS).map((p) => ({
							method: 'GET' as const,
							path: p,
							setupRequest: (req: autocannon.Request, context: { cookie?: string }) => {
								context.cookie ??= cookies[next++ % cookies.length];
								return { ...req, headers: { ...req.headers, cookie: context.cookie, 'accept-encoding': 'gzip' } };
							}
						}))
					},
					(err, result) => (err ? reject(err) : resolve(result))
				);
				instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
					statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
					times.push(responseTime);
				});
			});
		});
		const results = await Promise.all(runs);
		running = false;
		await swapper;
		times.sort((a, b) => a - b);
		const errors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);
		return {
			requests: times.length,
			failed: errors + times.length - (statuses['200'] ?? 0),
			statuses,
			swaps,
			p50: percentile(times, 0.5),
			p95: percentile(times, 0.95),
			p99: percentile(times, 0.99),
			seconds
		};
	} finally {
		// A failed request is explained in the server's log: keep its error lines for the report.
		if (process.env.BENCH_LOAD_LOG) for (const s of servers) fs.appendFileSync(process.env.BENCH_LOAD_LOG, s.output());
		await Promise.all(servers.map((s) => s.stop()));
	}
}
