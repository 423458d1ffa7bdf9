// Command line for the import:
//   npm run ingest -- --db data/monitor.duckdb [--dataset NAAM] [--enquete ID] [--demo] bestand.csv ...
// Prints a Dutch report per file on stdout; on failure the errors go to stderr, nothing is loaded
// and the exit code is 1 (2 for a wrong command line).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { Command, CommanderError } from 'commander';
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

export function formatReport(r: FileReport): string {
	const lines = [
		`${r.file}: ${r.dataset} (tabel ${r.table}, laadnummer ${r.loadId})`,
		`  ${nl.format(r.rowsRead)} ${r.rowsRead === 1 ? 'rij' : 'rijen'} gelezen, ${nl.format(r.rowsLoaded)} geladen, ` +
			`${nl.format(r.rowsReplaced)} vervangen (waarvan ${nl.format(r.rowsUnchanged)} ongewijzigd), ` +
			`${nl.format(r.rowsRejected)} geweigerd`
	];
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
		.option('--enquete <id>', 'LimeSurvey- of Forms-export: de enquete (enquete_id) waar de antwoorden bij horen')
		.option('--demo', 'markeer de database als demodatabase')
		.argument('<export...>', 'de bestanden om te laden')
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

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
	const program = buildProgram();
	try {
		program.parse([...argv], { from: 'user' });
	} catch (e) {
		if (e instanceof CommanderError) {
			if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help') {
				io.stdout(program.helpInformation());
				return 0;
			}
			io.stderr(`Fout: ${usageMessage(e)}\n\n${program.helpInformation()}`);
			return 2;
		}
		throw e;
	}
	const opts = program.opts<{ db: string; dataset?: string; sheet?: string; enquete?: string; demo?: boolean }>();
	const files = program.args;
	const bars = io.interactive ? new ProgressBars() : null;

	try {
		const reports = await ingest(path.resolve(opts.db), files, {
			dataset: opts.dataset,
			enquete: opts.enquete,
			sheet: opts.sheet,
			demo: opts.demo === true,
			onProgress: bars ? (p) => bars.update(p) : undefined
		});
		bars?.stop();
		for (const r of reports) io.stdout(formatReport(r) + '\n');
		io.stdout(`Klaar: ${reports.length} ${reports.length === 1 ? 'bestand' : 'bestanden'} geladen in ${opts.db}.\n`);
		return 0;
	} catch (e) {
		bars?.stop();
		if (e instanceof IngestFailedError) {
			for (const err of e.errors) io.stderr(`Fout: ${err.message}\n`);
			for (const f of e.stoppedEarly) io.stderr(`${f}: gestopt na ${e.errors.filter((x) => x.file === f).length} fouten; er kunnen er meer zijn.\n`);
		} else {
			io.stderr(`Onverwachte fout: ${(e as Error).stack ?? String(e)}\n`);
		}
		io.stderr(`Er is niets geladen; de database ${opts.db} is ongewijzigd.\n`);
		return 1;
	}
}

/** One bar per file and phase, on stderr, only for large files. */
class ProgressBars {
	#bar: cliProgress.SingleBar | null = null;
	#current = '';

	update(p: IngestProgress): void {
		if (p.total < PROGRESS_BAR_MIN_ROWS) return;
		const label = `${p.file} ${p.phase}`;
		if (label !== this.#current) {
			this.stop();
			this.#current = label;
			this.#bar = new cliProgress.SingleBar(
				{ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} rijen`, hideCursor: true },
				cliProgress.Presets.shades_classic
			);
			this.#bar.start(p.total, 0);
		}
		this.#bar?.update(p.done);
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
