// Ingest at national scale (issue 14): the time to load the national verwijzingen CSV through the
// import (`ingest()`, all rules, provenance, record keys, the atomic swap) next to bare DuckDB
// (`CREATE TABLE AS SELECT * FROM read_csv(...)`) on the same file, and the peak resident memory of
// each. Each runs in its own child process, so its peak RSS (VmHWM) is its own; bare DuckDB runs
// before and after the import and the mean is taken, so that a busy machine weighs on both alike.
//
//   npx tsx bench/landelijk/ingest.ts [--verwijzingen 10000000] [--map /tmp/landelijk] [--alleen-import]
//
// The import's time per step (pipelines/profile.ts) is printed with the figures; --alleen-import
// skips the bare DuckDB runs (to profile the import alone, e.g. after a change).
//
// measureIngest() is what `npm run bench -- --schaal landelijk` calls.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { generateLandelijk, LANDELIJK_DEFAULTS, type LandelijkFile } from './generate';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface IngestFigures {
	rows: number;
	bytes: number;
	/** Seconds for the import of verwijzingen.csv into a database holding the reference data. */
	ingestSeconds: number;
	ingestPeakRssMb: number;
	/** Seconds for bare DuckDB read_csv into a new database file (mean of before and after). */
	bareSeconds: number;
	bareRuns: number[];
	barePeakRssMb: number;
	ratio: number;
	/** Seconds to load the reference data (wijken, praktijken, bestemmingen, populatie, ojg_inzet, surveys). */
	referenceSeconds: number;
	generateSeconds: number | null;
	machine: string;
	/** Load average over 1 minute at the start and the end: other work on the machine. */
	load: [number, number];
	/** The import's time per step, in seconds (pipelines/profile.ts). */
	phases: { name: string; seconds: number }[];
}

interface ChildResult {
	seconds: number;
	peakRssMb: number;
	output?: unknown;
	phases?: { name: string; ms: number }[];
}

/** Runs this file as a child in `mode`; it prints one JSON line with its time and peak RSS. */
async function child(mode: 'ingest' | 'bare', args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
	const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/landelijk/ingest.ts'), `--kind=${mode}`, ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		maxBuffer: 256 * 1024 * 1024
	});
	const last = stdout.trim().split('\n').at(-1)!;
	return JSON.parse(last) as ChildResult;
}

function machine(): string {
	const cpus = os.cpus();
	return `${cpus.length} cores (${cpus[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export async function measureIngest(
	options: {
		verwijzingen?: number;
		dir?: string;
		log?: (line: string) => void;
		/** keep the imported database here (with its secret) */
		keepDatabase?: string;
		/** skip the bare DuckDB runs (their figures are then 0) */
		importOnly?: boolean;
	} = {}
): Promise<IngestFigures> {
	const rows = options.verwijzingen ?? LANDELIJK_DEFAULTS.verwijzingen;
	const log = options.log ?? ((line: string) => console.log(line));
	const dir = options.dir ?? path.join(os.tmpdir(), `landelijk-${rows}`);
	const load0 = os.loadavg()[0];

	// The exports: generated once per size (the generator is seeded, so a kept copy is the same).
	let generateSeconds: number | null = null;
	const manifest = path.join(dir, 'bestanden.json');
	let files: LandelijkFile[];
	if (fs.existsSync(manifest)) {
		files = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	} else {
		log(`genereren: ${rows.toLocaleString('nl-NL')} verwijzingen in ${dir}`);
		const t = performance.now();
		files = await generateLandelijk(dir, { verwijzingen: rows });
		generateSeconds = (performance.now() - t) / 1000;
		fs.writeFileSync(manifest, JSON.stringify(files));
	}
	const csv = path.join(dir, 'verwijzingen.csv');
	const bytes = fs.statSync(csv).size;

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'landelijk-db-'));
	try {
		const db = path.join(work, 'monitor.duckdb');
		const reference = files.filter((f) => f.file !== 'verwijzingen.csv').map((f) => path.join(dir, f.file));
		log('referentiegegevens laden');
		const ref = await child('ingest', [db, ...reference]);
		const base = path.join(work, 'basis.duckdb');
		fs.copyFileSync(db, base);

		const bare = async (n: number): Promise<ChildResult> => {
			if (options.importOnly) return { seconds: 0, peakRssMb: 0 };
			log(`kale DuckDB (${n})`);
			const r = await child('bare', [path.join(work, `kaal${n}.duckdb`), csv]);
			log(`  ${r.seconds.toFixed(1)} s, ${r.peakRssMb} MB`);
			return r;
		};
		const bare1 = await bare(1);
		log('import');
		const imp = await child('ingest', [db, csv]);
		log(`  ${imp.seconds.toFixed(1)} s, ${imp.peakRssMb} MB`);
		const bare2 = await bare(2);

		if (options.keepDatabase) {
			for (const suffix of ['', '.celsleutel']) fs.renameSync(db + suffix, options.keepDatabase + suffix);
		}
		const bareSeconds = (bare1.seconds + bare2.seconds) / 2;
		return {
			rows,
			bytes,
			ingestSeconds: imp.seconds,
			ingestPeakRssMb: imp.peakRssMb,
			bareSeconds,
			bareRuns: [bare1.seconds, bare2.seconds],
			barePeakRssMb: Math.max(bare1.peakRssMb, bare2.peakRssMb),
			ratio: imp.seconds / bareSeconds,
			referenceSeconds: ref.seconds,
			generateSeconds,
			machine: machine(),
			load: [load0, os.loadavg()[0]],
			phases: (imp.phases ?? []).map((p) => ({ name: p.name, seconds: p.ms / 1000 }))
		};
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/** Peak resident set of this process, in MB (VmHWM; the same as resourceUsage().maxRSS). */
function peakRssMb(): number {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
		if (m) return Math.round(Number(m[1]) / 1024);
	} catch {
		// not Linux
	}
	return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function runChild(kind: string, db: string, files: string[]): Promise<void> {
	const t = performance.now();
	let output: unknown;
	let phases: unknown;
	if (kind === 'ingest') {
		const { ingest } = await import('../../pipelines/ingest');
		const { takePhases } = await import('../../pipelines/profile');
		takePhases();
		const reports = await ingest(db, files);
		phases = takePhases();
		output = reports.map((r) => ({ file: r.file, rows: r.rowsLoaded }));
	} else {
		const { DuckDBInstance } = await import('@duckdb/node-api');
		const instance = await DuckDBInstance.create(db);
		const conn = await instance.connect();
		await conn.run(`CREATE TABLE verwijzingen AS SELECT * FROM read_csv('${files[0].replaceAll("'", "''")}')`);
		await conn.run('CHECKPOINT');
		output = (await conn.runAndReadAll('SELECT count(*)::BIGINT FROM verwijzingen')).getRows()[0][0]?.toString();
		conn.closeSync();
		instance.closeSync();
	}
	const seconds = (performance.now() - t) / 1000;
	console.log(JSON.stringify({ seconds, peakRssMb: peakRssMb(), output, phases }));
}

export function formatFigures(f: IngestFigures): string {
	const nl = (n: number, d = 1) => n.toLocaleString('nl-NL', { maximumFractionDigits: d, minimumFractionDigits: d });
	return [
		`Import van verwijzingen.csv: ${f.rows.toLocaleString('nl-NL')} rijen, ${nl(f.bytes / 2 ** 20, 0)} MB`,
		`  import (ingest, alle regels):   ${nl(f.ingestSeconds)} s, piek-RSS ${f.ingestPeakRssMb} MB`,
		`  kale DuckDB read_csv (CTAS):    ${nl(f.bareSeconds)} s (${f.bareRuns.map((s) => nl(s)).join(' en ')}), piek-RSS ${f.barePeakRssMb} MB`,
		`  verhouding: ${nl(f.ratio, 2)}x (doel: 1,5x); referentiegegevens vooraf: ${nl(f.referenceSeconds)} s` +
			(f.generateSeconds === null ? '' : `; genereren: ${nl(f.generateSeconds)} s`),
		`  machine: ${f.machine}; belasting (1 min) ${nl(f.load[0], 1)} bij de start, ${nl(f.load[1], 1)} aan het eind`,
		'  stappen van de import:',
		...f.phases.map((p) => `    ${p.name.padEnd(44)} ${nl(p.seconds).padStart(7)} s`)
	].join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
	const argv = process.argv.slice(2);
	const kind = argv.find((a) => a.startsWith('--kind='))?.slice('--kind='.length);
	if (kind) {
		const [db, ...files] = argv.filter((a) => !a.startsWith('--kind='));
		await runChild(kind, db, files);
	} else {
		const at = (flag: string) => {
			const i = argv.indexOf(flag);
			return i >= 0 ? argv[i + 1] : undefined;
		};
		const verwijzingen = at('--verwijzingen') ? Number(at('--verwijzingen')!.replaceAll('_', '')) : undefined;
		const figures = await measureIngest({ verwijzingen, dir: at('--map'), importOnly: argv.includes('--alleen-import') });
		console.log(formatFigures(figures));
		console.log(JSON.stringify(figures));
	}
}
