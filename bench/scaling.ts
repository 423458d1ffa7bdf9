// `npx tsx bench/scaling.ts`: the load test (bench/load.ts) against one and against two server
// processes reading the same database file, for docs/scaling.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDemoDatabase } from '../scripts/demo-db';
import { loadTest } from './load';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-scaling-'));
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
try {
	const db = path.join(dir, 'demo.duckdb');
	await buildDemoDatabase(db);
	for (const servers of [1, 2]) {
		const load = os.loadavg()[0];
		const r = await loadTest(db, dir, { servers, seconds });
		console.log(
			`${servers} server(s), 50 gebruikers, ${seconds} s, ${r.swaps} wissels: ${(r.requests / seconds).toFixed(1)} verzoeken/s, ` +
				`p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, mislukt ${r.failed} van ${r.requests} (load ${load.toFixed(1)}) ${JSON.stringify(r.statuses)}`
		);
	}
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
