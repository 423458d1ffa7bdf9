// `npm run bench`: performance goals, measured on the demo data (and a 10x larger synthetic copy
// of the referrals). Prints a table and exits non-zero when a goal is missed.
//
// Goals (docs/performance.md):
//   - importing all demo exports into a new database: < 30 s
//   - server: p95 of /, /verwijzingen (month, wijk), /wijk/<code>, /export/verwijzingen.csv, /ojg,
//     /werkplannen, /leerbijeenkomsten (+ rapport, export), /werkafspraken: < 500 ms
//   - the same pages on 10x the referrals: p95 < 1,500 ms
//   - the same pages for a beleid user of one gemeente (row-level security): p95 < 500 ms (demo)
//   - load: 50 signed-in users for 30 s over pages and exports while imports swap the database:
//     no failed request; p50/p95/p99 reported (bench/load.ts)
// Every request is signed in (a session cookie), as in production.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDemoDatabase } from '../scripts/demo-db';
import { BUILD_DIR, startServer } from '../tests/browser/server';
import { ADMIN, sessionFetch, signIn, type Session } from '../tests/browser/session';
import { UserStore } from '../src/lib/server/auth/users';
import { loadTest } from './load';
import { runLandelijk } from './landelijk/run';

// `npm run bench -- --schaal landelijk [--verwijzingen N] [--rondes N]`: the national-scale run
// (bench/landelijk/run.ts: 10 million referrals by default, import and every page and export,
// written to BENCHMARKS.md) instead of the demo benchmark.
const schaalAt = process.argv.indexOf('--schaal');
if (schaalAt >= 0) {
	const schaal = process.argv[schaalAt + 1];
	if (schaal !== 'landelijk') throw new Error(`--schaal kent alleen "landelijk", niet "${schaal}"`);
	process.exit((await runLandelijk(process.argv.slice(2))) ? 0 : 1);
}

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-'));
const results: { meting: string; waarde: string; doel: string; ok: boolean }[] = [];

function record(meting: string, ms: number, goalMs: number, extra = '') {
	results.push({ meting, waarde: `${ms.toFixed(0)} ms${extra}`, doel: `< ${goalMs} ms`, ok: ms < goalMs });
}

async function timeRequests(session: Session, routes: string[], rounds: number) {
	const out: Record<string, number[]> = {};
	for (const r of routes) {
		await sessionFetch(session, r); // warm-up
		out[r] = [];
		for (let i = 0; i < rounds; i++) {
			const t = performance.now();
			const res = await sessionFetch(session, r);
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`${r}: HTTP ${res.status}`);
			out[r].push(performance.now() - t);
		}
	}
	return out;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];

/** Multiplies the referrals by `factor` (new ids, dates shifted by up to 3 days) in a copy. */
async function inflate(src: string, dst: string, factor: number) {
	fs.copyFileSync(src, dst);
	const instance = await DuckDBInstance.create(dst);
	const c = await instance.connect();
	await c.run(`INSERT INTO verwijzingen
		SELECT verwijzing_id || '-x' || i, least(datum + CAST(i % 4 AS INTEGER), DATE '2025-12-31'), praktijk_code, wijk_code, leeftijdsgroep, verwijzer,
			bestemming, domein, client_pseudo, terugkoppeling_datum, load_id, CAST((celsleutel + 37 * i) % 256 AS INTEGER)
		FROM verwijzingen, range(1, ${factor}) AS t(i)`);
	await c.run('CHECKPOINT');
	const n = (await c.runAndReadAll('SELECT count(*)::INTEGER AS n FROM verwijzingen')).getRowObjectsJS()[0].n;
	c.closeSync();
	instance.closeSync();
	return Number(n);
}

try {
	const db = path.join(dir, 'demo.duckdb');
	let t = performance.now();
	await buildDemoDatabase(db);
	record('import demodata (alle bestanden)', performance.now() - t, 30_000);

	if (!fs.existsSync(path.join(BUILD_DIR, 'index.js'))) {
		execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
	}
	const routes = [
		'/',
		'/wijk/WK990101',
		'/verwijzingen',
		'/verwijzingen?periode=maand',
		'/verwijzingen?niveau=praktijk&periode=maand',
		'/export/verwijzingen.csv?periode=maand',
		'/ojg',
		'/werkplannen',
		// The survey pages compute bootstrap intervals per request (2,000 resamples per difference).
		'/leerbijeenkomsten',
		'/leerbijeenkomsten/rapport?seizoen=voorjaar-2025',
		'/export/leerbijeenkomsten.csv',
		'/werkafspraken'
	];
	const users = new UserStore(path.join(dir, 'gebruikers.json'));
	const BELEID = { gebruikersnaam: 'beleid.bench', naam: 'Bench', rol: 'beleid', gemeenten: ['GM9901'], wachtwoord: 'bench-wachtwoord' };
	await users.add(BELEID);
	for (const [label, file, goal, account] of [
		['demo', db, 500, ADMIN],
		['demo, beleid 1 gemeente', db, 500, BELEID],
		['10x verwijzingen', path.join(dir, 'big.duckdb'), 1500, ADMIN]
	] as const) {
		let extra = '';
		if (file !== db) {
			t = performance.now();
			const n = await inflate(db, file, 10);
			extra = ` (${n.toLocaleString('nl-NL')} verwijzingen)`;
		}
		const server = await startServer(file, { MONITOR_USERS: users.path, MONITOR_ADMIN_PASSWORD: ADMIN.wachtwoord });
		try {
			const session = await signIn(server.url, account);
			const times = await timeRequests(session, routes, 20);
			for (const r of routes) record(`${label}${extra}: p95 ${r}`, p95(times[r]), goal);
		} finally {
			await server.stop();
		}
	}
	const load = await loadTest(db, dir, { seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 30) });
	const nl = (n: number) => n.toLocaleString('nl-NL');
	results.push({
		meting: `belasting: 50 gebruikers, ${load.seconds} s, ${load.swaps} wissels: mislukte verzoeken (van ${nl(load.requests)})`,
		waarde: nl(load.failed),
		doel: '0',
		ok: load.failed === 0
	});
	// Latency under saturation is reported, not a goal: 50 users who each fire their next request the
	// moment the last one returns keep both cores busy, so the latency is the queue (docs/performance.md).
	results.push({
		meting: `belasting: ${(load.requests / load.seconds).toFixed(1).replace('.', ',')} verzoeken/s; p50, p95, p99`,
		waarde: `${load.p50.toFixed(0)}, ${load.p95.toFixed(0)}, ${load.p99.toFixed(0)} ms`,
		doel: '(meting)',
		ok: true
	});
	if (load.failed > 0) console.error('statussen:', load.statuses);
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}

console.table(results);
const failed = results.filter((r) => !r.ok);
if (failed.length) {
	console.error(`${failed.length} doel(en) niet gehaald`);
	process.exit(1);
}
console.log('Alle prestatiedoelen gehaald.');
