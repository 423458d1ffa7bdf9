// Command line for the import:
//   npm run ingest -- --db data/monitor.duckdb [--dataset NAAM] [--enquete ID] [--demo] [--controleer] [--door NAAM] bestand.csv ...
//   npm run ingest -- --db data/monitor.duckdb --terugdraaien     (the previous version back)
//   npm run ingest -- --db data/monitor.duckdb --versies          (the kept versions)
// Prints a Dutch report per file on stdout; on failure the errors go to stderr, nothing is loaded
// and the exit code is 1 (2 for a wrong command line). With --json: one JSON object on stdout and
// progress as JSON lines on stderr (contract/ingestJson.ts), for the web server's upload.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { Command, CommanderError } from 'commander';
import type { JsonResult } from '../contract/ingestJson';
import { jsonFailure, jsonProgress, jsonUsage, jsonVersion } from './cliJson';
import { DEFAULT_KEEP_VERSIONS, listVersions, rollback, type RollbackReport } from './db/versions';
import { IngestFailedError, ingest, type FileReport, type IngestProgress } from './ingest';
import { datasetNames } from './registry';

export interface CliIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** Show a progress bar (a terminal is watching). */
	interactive: boolean;
}

/** A progress bar is only worth it for files that take a moment. */
export const PROGRESS_BAR_MIN_ROWS = 5000;

const nl = new Intl.NumberFormat('nl-NL');

/** `dryRun`: what the load would do (`te laden`), not what it did. */
export function formatReport(r: FileReport, dryRun = false): string {
	const [loaded, replaced] = dryRun ? ['te laden', 'te vervangen'] : ['geladen', 'vervangen'];
	const lines = [
		`${r.file}: ${r.dataset} (tabel ${r.table}, laadnummer ${r.loadId})`,
		`  ${nl.format(r.rowsRead)} ${r.rowsRead === 1 ? 'rij' : 'rijen'} gelezen, ${nl.format(r.rowsLoaded)} ${loaded}, ` +
			`${nl.format(r.rowsReplaced)} ${replaced} (waarvan ${nl.format(r.rowsUnchanged)} ongewijzigd), ` +
			`${nl.format(r.rowsRejected)} geweigerd`
	];
	for (const n of r.notes ?? []) lines.push(`  ${n}`);
	for (const w of r.warnings) lines.push(`  waarschuwing: ${w}`);
	return lines.join('\n');
}

function buildProgram(): Command {
	return new Command()
		.name('ingest')
		.description('Laadt exports (CSV of XLSX) in de database van de monitor: alles of niets.')
		.requiredOption('--db <bestand>', 'de DuckDB-database (wordt aangemaakt als die nog niet bestaat)')
		.option('--dataset <naam>', `behandel elk bestand als deze gegevensset (${datasetNames().join(', ')}) in plaats van die aan de kolommen te herkennen`)
		.option('--sheet <naam>', 'XLSX: lees dit werkblad in plaats van het eerste')
		.option(
			'--enquete <id>',
			'LimeSurvey- of Forms-export: de enquete (enquete_id) waar de antwoorden bij horen; als BESTAND=ID alleen voor dat bestand (herhaalbaar)',
			(value: string, previous: string[] = []) => [...previous, value]
		)
		.option('--demo', 'markeer de database als demodatabase')
		.option('--controleer', 'alleen controleren: dezelfde controles en hetzelfde verslag als een echte import, maar er wordt niets opgeslagen')
		.option('--door <naam>', 'wie laadt (wordt per lading bewaard)')
		.option('--bewaar-versies <aantal>', `hoeveel eerdere versies van de database bewaard blijven (standaard ${DEFAULT_KEEP_VERSIONS}; 0: geen)`)
		.option('--terugdraaien', 'zet de vorige bewaarde versie van de database terug (zonder bestanden)')
		.option('--versies', 'toon de bewaarde eerdere versies van de database (zonder bestanden)')
		.option('--json', 'uitvoer als één JSON-object op stdout, voortgang als JSON-regels op stderr')
		.argument('[export...]', 'de bestanden om te laden')
		.helpOption('-h, --help', 'toon deze hulp')
		.exitOverride()
		.configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

/** Commander's own messages are English; the ones a user will meet are translated here. */
function usageMessage(e: CommanderError): string {
	switch (e.code) {
		case 'commander.missingMandatoryOptionValue':
			return 'geef de database op met --db <bestand>';
		case 'commander.missingArgument':
			return 'geef een of meer bestanden op om te laden';
		case 'commander.unknownOption':
			return `onbekende optie: ${e.message.replace(/^error: unknown option /, '')}`;
		case 'commander.optionMissingArgument':
			return `optie zonder waarde: ${e.message.replace(/^error: option /, '')}`;
		default:
			return e.message;
	}
}

interface CliOptions {
	db: string;
	dataset?: string;
	sheet?: string;
	enquete?: string[];
	demo?: boolean;
	controleer?: boolean;
	door?: string;
	bewaarVersies?: string;
	terugdraaien?: boolean;
	versies?: boolean;
	json?: boolean;
}

class UsageError extends Error {}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
	const program = buildProgram();
	const json = argv.includes('--json');
	const usage = (message: string) => {
		if (json) io.stdout(JSON.stringify(jsonUsage(message)) + '\n');
		else io.stderr(`Fout: ${message}\n\n${program.helpInformation()}`);
		return 2;
	};
	try {
		program.parse([...argv], { from: 'user' });
	} catch (e) {
		if (e instanceof CommanderError) {
			if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help') {
				io.stdout(program.helpInformation());
				return 0;
			}
			return usage(usageMessage(e));
		}
		throw e;
	}
	const opts = program.opts<CliOptions>();
	const files = program.args;
	let run: () => Promise<number>;
	try {
		run = chooseRun(opts, files, io);
	} catch (e) {
		if (e instanceof UsageError) return usage(e.message);
		throw e;
	}
	return run();
}

/** Which of the four things the command line asks for, checked before anything is opened. */
function chooseRun(opts: CliOptions, files: string[], io: CliIo): () => Promise<number> {
	const dbPath = path.resolve(opts.db);
	if (opts.terugdraaien && opts.versies) throw new UsageError('kies --terugdraaien of --versies, niet allebei');
	if (opts.terugdraaien || opts.versies) {
		const option = opts.terugdraaien ? '--terugdraaien' : '--versies';
		if (files.length) throw new UsageError(`${option} laadt geen bestanden; laat ${files.length === 1 ? 'het bestand' : 'de bestanden'} weg`);
		return opts.terugdraaien ? () => runRollback(dbPath, opts, io) : () => runVersions(dbPath, opts, io);
	}
	if (files.length === 0) throw new UsageError('geef een of meer bestanden op om te laden');
	let keepVersions: number | undefined;
	if (opts.bewaarVersies !== undefined) {
		keepVersions = Number(opts.bewaarVersies);
		if (!Number.isInteger(keepVersions) || keepVersions < 0) throw new UsageError(`--bewaar-versies moet een geheel getal van 0 of meer zijn, niet "${opts.bewaarVersies}"`);
	}
	if (opts.door !== undefined && opts.door.trim() === '') throw new UsageError('--door heeft een naam nodig');
	const enquete = enqueteOption(opts.enquete ?? [], files);
	return () => runIngest(dbPath, files, { ...opts, keepVersions, enqueteChoice: enquete }, io);
}

/**
 * `--enquete ID` holds for every survey tool export of the run; `--enquete BESTAND=ID` for that file
 * only (its name as given, or its basename), so one run can load exports of several enquetes.
 */
export function enqueteOption(values: readonly string[], files: readonly string[]): string | Record<string, string> | undefined {
	const names = new Map<string, string>();
	for (const f of files) {
		names.set(f, path.basename(f));
		names.set(path.basename(f), path.basename(f));
	}
	const perFile: Record<string, string> = {};
	const global: string[] = [];
	for (const v of values) {
		const eq = v.indexOf('=');
		const file = eq > 0 ? names.get(v.slice(0, eq)) : undefined;
		if (file !== undefined) perFile[file] = v.slice(eq + 1);
		else global.push(v);
	}
	if (global.length > 1) throw new UsageError('geef --enquete zonder bestandsnaam hoogstens één keer; kies per bestand met --enquete BESTAND=ID');
	if (Object.keys(perFile).length === 0) return global[0];
	const out: Record<string, string> = {};
	for (const f of files) {
		const name = path.basename(f);
		const id = perFile[name] ?? global[0];
		if (id !== undefined) out[name] = id;
	}
	return out;
}

async function runIngest(
	dbPath: string,
	files: string[],
	opts: CliOptions & { keepVersions?: number; enqueteChoice?: string | Record<string, string> },
	io: CliIo
): Promise<number> {
	const dryRun = opts.controleer === true;
	const action = dryRun ? 'controleren' : 'laden';
	const bars = io.interactive && !opts.json ? new ProgressBars() : null;
	const onProgress = opts.json ? (p: IngestProgress) => io.stderr(JSON.stringify(jsonProgress(p)) + '\n') : bars ? (p: IngestProgress) => bars.update(p) : undefined;
	try {
		const reports = await ingest(dbPath, files, {
			dataset: opts.dataset,
			enquete: opts.enqueteChoice,
			sheet: opts.sheet,
			demo: opts.demo === true,
			dryRun,
			loadedBy: opts.door?.trim(),
			keepVersions: opts.keepVersions,
			onProgress
		});
		bars?.stop();
		if (opts.json) {
			io.stdout(JSON.stringify({ ok: true, action, db: dbPath, reports } satisfies JsonResult) + '\n');
			return 0;
		}
		for (const r of reports) io.stdout(formatReport(r, dryRun) + '\n');
		const count = `${reports.length} ${reports.length === 1 ? 'bestand' : 'bestanden'}`;
		io.stdout(dryRun ? `Controle klaar: ${count} zonder fouten. Er is niets geladen; de database ${opts.db} is ongewijzigd.\n` : `Klaar: ${count} geladen in ${opts.db}.\n`);
		return 0;
	} catch (e) {
		bars?.stop();
		return failed(e, action, dbPath, opts, io);
	}
}

async function runRollback(dbPath: string, opts: CliOptions, io: CliIo): Promise<number> {
	try {
		const report = await rollback(dbPath);
		if (opts.json) {
			io.stdout(JSON.stringify({ ok: true, action: 'terugdraaien', db: dbPath, restored: jsonVersion(report.restored), removedLoads: report.removedLoads } satisfies JsonResult) + '\n');
		} else {
			io.stdout(formatRollback(report, opts.db));
		}
		return 0;
	} catch (e) {
		return failed(e, 'terugdraaien', dbPath, opts, io);
	}
}

async function runVersions(dbPath: string, opts: CliOptions, io: CliIo): Promise<number> {
	const versions = listVersions(dbPath);
	if (opts.json) {
		io.stdout(JSON.stringify({ ok: true, action: 'versies', db: dbPath, versions: versions.map(jsonVersion) } satisfies JsonResult) + '\n');
		return 0;
	}
	if (versions.length === 0) io.stdout(`Er zijn geen eerdere versies van ${opts.db} bewaard.\n`);
	for (const v of versions.toReversed()) io.stdout(`${v.name}: vervangen op ${dateTime(v.savedAt)}, tot en met laadnummer ${v.lastLoadId}\n`);
	return 0;
}

function failed(e: unknown, action: 'controleren' | 'laden' | 'terugdraaien', dbPath: string, opts: CliOptions, io: CliIo): number {
	if (opts.json) {
		if (!(e instanceof IngestFailedError)) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
		io.stdout(JSON.stringify(jsonFailure(action, dbPath, e)) + '\n');
		return 1;
	}
	if (e instanceof IngestFailedError) {
		for (const err of e.errors) io.stderr(`Fout: ${err.message}\n`);
		for (const f of e.stoppedEarly) io.stderr(`${f}: gestopt na ${e.errors.filter((x) => x.file === f).length} fouten; er kunnen er meer zijn.\n`);
	} else {
		io.stderr(`Onverwachte fout: ${(e as Error).stack ?? String(e)}\n`);
	}
	io.stderr(action === 'terugdraaien' ? `Er is niets teruggezet; de database ${opts.db} is ongewijzigd.\n` : `Er is niets geladen; de database ${opts.db} is ongewijzigd.\n`);
	return 1;
}

const dateTime = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });

export function formatRollback(report: RollbackReport, db: string): string {
	const lines = [`Teruggezet: de versie van ${db} zoals die was tot ${dateTime(report.restored.savedAt)} (tot en met laadnummer ${report.restored.lastLoadId}).`];
	if (report.removedLoads.length) {
		lines.push('Niet meer in de database:');
		for (const l of report.removedLoads) lines.push(`  laadnummer ${l.loadId}: ${l.file} (${l.dataset})`);
	}
	return lines.join('\n') + '\n';
}

/**
 * One bar per file and phase, on stderr, only for large files, with the rows per second. While a
 * file is read its size in rows is not known yet: then the count and the speed only.
 */
class ProgressBars {
	#bar: cliProgress.SingleBar | null = null;
	#current = '';
	#started = 0;

	update(p: IngestProgress): void {
		const reading = p.phase === 'lezen';
		if (reading ? p.done < PROGRESS_BAR_MIN_ROWS : p.total < PROGRESS_BAR_MIN_ROWS) return;
		const label = `${p.file} ${p.phase}`;
		if (label !== this.#current) {
			this.stop();
			this.#current = label;
			this.#started = performance.now();
			const format = reading
				? `${label} | {value} rijen | {snelheid} rijen/s`
				: `${label} [{bar}] {percentage}% | {value}/{total} rijen | {snelheid} rijen/s`;
			this.#bar = new cliProgress.SingleBar(
				{ stream: process.stderr, format, hideCursor: true, formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? nl.format(v) : String(v)) },
				cliProgress.Presets.shades_classic
			);
			this.#bar.start(reading ? 0 : p.total, 0, { snelheid: '-' });
		}
		const seconds = (performance.now() - this.#started) / 1000;
		this.#bar?.update(p.done, { snelheid: seconds > 0.2 ? nl.format(Math.round(p.done / seconds)) : '-' });
	}

	stop(): void {
		this.#bar?.stop();
		this.#bar = null;
		this.#current = '';
	}
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
	const code = await runCli(process.argv.slice(2), {
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		interactive: process.stderr.isTTY === true
	});
	process.exitCode = code;
}
