// `npm run bench -- --schaal landelijk [--verwijzingen N] [--rondes N]`: the national-scale run of
// issue 14 in one go: generate the exports (kept per size), import them (against bare DuckDB),
// then every page and export on the imported database; writes the table to BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatFigures, measureIngest, type IngestFigures } from './ingest';
import { measurePages, type PagesResult } from './pages';

const ROOT = path.resolve(import.meta.dirname, '../..');

// Goals (issue 14): p95 < 150 ms for one wijk or gemeente, < 400 ms for the whole country.
const GOAL: Record<string, number> = { land: 400, gemeente: 150, wijk: 150 };

function markdown(ingest: IngestFigures, pages: PagesResult, rounds: number): string {
	const nl = (n: number, d = 0) => n.toLocaleString('nl-NL', { maximumFractionDigits: d, minimumFractionDigits: d });
	const lines = [
		'# Benchmarks',
		'',
		`Written by \`npm run bench -- --schaal landelijk\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${ingest.machine}.`,
		`Load average (1 min) at the start and end of the import: ${ingest.load.map((l) => nl(l, 1)).join(' and ')} (other work on the machine inflates the times).`,
		'',
		`National scale: ${nl(ingest.rows)} referrals (${nl(ingest.bytes / 2 ** 20)} MB CSV), 350 gemeenten, 3,000 wijken, 5,000 practices, 10 years (bench/landelijk/generate.ts, seeded).`,
		'',
		'## Import',
		'',
		'| measure | value | goal |',
		'|---|---|---|',
		`| import of verwijzingen.csv (every rule of the contract, record keys, swap) | ${nl(ingest.ingestSeconds, 1)} s | |`,
		`| bare DuckDB \`CREATE TABLE AS SELECT * FROM read_csv(...)\`, same file (mean of ${ingest.bareRuns.length}) | ${nl(ingest.bareSeconds, 1)} s | |`,
		`| ratio | ${nl(ingest.ratio, 2)}x | <= 1,5x ${ingest.ratio <= 1.5 ? '(met)' : '(missed)'} |`,
		`| peak RSS of the import | ${nl(ingest.ingestPeakRssMb)} MB | < 2.048 MB ${ingest.ingestPeakRssMb < 2048 ? '(met)' : '(missed)'} |`,
		'',
		'## Pages and exports',
		'',
		`Busiest gemeente ${pages.gemeente}, busiest wijk ${pages.wijk}. "first": the first request after the server started (the default views are prewarmed in the background); p50/p95 over ${rounds} warm requests, signed in as beheerder; "bare": the bare DuckDB query that computes the same referral figures from the referral rows (median of 5). Server peak RSS during the run: ${nl(pages.serverPiekRssMb)} MB (goal < 1.536 MB).`,
		'',
		'| scale | route | status | first | p50 | p95 | bare | p95 / bare | goal p95 |',
		'|---|---|---|---|---|---|---|---|---|'
	];
	for (const m of pages.metingen) {
		const goal = GOAL[m.schaal];
		lines.push(
			`| ${m.schaal} | \`${m.route}\` | ${m.status} | ${nl(m.eersteMs)} ms | ${nl(m.p50)} ms | ${nl(m.p95)} ms | ${m.kaalMs === null ? '–' : `${nl(m.kaalMs)} ms`} | ${m.kaalMs === null ? '–' : `${nl(m.p95 / m.kaalMs, 2)}x`} | < ${goal} ms ${m.p95 < goal ? '(met)' : '(missed)'} |`
		);
	}
	lines.push('', '## JavaScript shipped per page (gzip)', '', 'The entries and everything they import statically (a route\'s own node chunk not separated).', '', '| route | kB |', '|---|---|');
	for (const j of pages.jsPerPagina) lines.push(`| \`${j.route}\` | ${nl(j.gzipKb, 1)} |`);
	lines.push('');
	return lines.join('\n');
}

export async function runLandelijk(args: string[]): Promise<boolean> {
	const arg = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? Number(args[i + 1].replaceAll('_', '')) : undefined;
	};
	const rounds = arg('--rondes') ?? 50;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'landelijk-run-'));
	try {
		const db = path.join(work, 'monitor.duckdb');
		const ingest = await measureIngest({ verwijzingen: arg('--verwijzingen'), keepDatabase: db });
		console.log(formatFigures(ingest));
		const pages = await measurePages(db, work, rounds);
		fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown(ingest, pages, rounds));
		console.log(`BENCHMARKS.md geschreven (${pages.metingen.length} metingen, server piek-RSS ${pages.serverPiekRssMb.toFixed(0)} MB).`);
		return pages.metingen.every((m) => m.status === 200);
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}
