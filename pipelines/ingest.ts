// The import: check every file, then load them all into a copy of the database, then swap the
// copy in. All or nothing: if any file fails, nothing is loaded and the database file is untouched.
//
//   1. lock        <db>.lock, so two imports never interleave
//   2. check       per file: read, privacy, dataset, header (no database needed)
//   3. load        per file, in dependency order, on a working copy: rows (with references to
//                  what is loaded so far), then one transaction with data and provenance
//   4. swap        checkpoint, fsync, keep the old file as a version, rename the copy over it
//
// A dry run (opts.dryRun) does steps 1-3 and then discards the copy: the same report, nothing stored.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, CustomPlan, DatasetSpec } from './validators/spec';
import { acquireLock } from './db/lock';
import { DEFAULT_KEEP_VERSIONS, keepVersion } from './db/versions';
import { openWorkingCopy } from './db/workingCopy';
import { DEFAULT_MAX_ERRORS, ErrorCollector, IngestError, IngestFailedError } from './errors';
import { upsertRows } from './loader';
import { cellKeySecret, fillRecordKeys } from './cellKeys';
import { nextLoadId, recordLoad, recordLoadedBy, setMeta } from './provenance';
import { readTable } from './readers';
import type { RawTable } from './readers/table';
import { detectDataset, type Detection } from './registry';
import { today as dutchToday } from '../contract/dates';
import type { JsonFileReport } from '../contract/ingestJson';
import { matchHeader, normaliseColumnName, type HeaderMatch } from './validators/header';
import { checkPrivacy } from './validators/privacy';
import { checkRows, type ReferenceSets } from './validators/rows';

export { IngestError, IngestFailedError } from './errors';

/** A file on disk, or the contents of one (an upload). */
export type IngestInput = string | { name: string; bytes: Uint8Array };

export interface IngestProgress {
	file: string;
	dataset: string;
	/** 'lezen': the file is being read and checked as a whole (dataset '' and totals 0: not known yet). */
	phase: 'lezen' | 'controleren' | 'laden';
	done: number;
	total: number;
}

export interface IngestOptions {
	/** Treat every file as this dataset instead of detecting it from the header. */
	dataset?: string;
	/** Mark the database as holding demo data (meta `demo` = '1'). */
	demo?: boolean;
	/** XLSX: read this sheet instead of the first. */
	sheet?: string;
	/** The day of the import, YYYY-MM-DD (default: today); later dates are errors. */
	today?: string;
	/** Errors collected per file before checking stops (default 20). */
	maxErrors?: number;
	/**
	 * Survey tool exports (LimeSurvey, Microsoft Forms) carry no enquete_id: the enquete they belong
	 * to, for every such file, or per file name (basename).
	 */
	enquete?: string | Readonly<Record<string, string>>;
	/** Check and load into the working copy as usual, then discard it: the report, nothing stored. */
	dryRun?: boolean;
	/** Who loads (a user name), recorded per load in `meta` (contract/provenance.ts). */
	loadedBy?: string;
	/** Earlier versions of the database to keep in `<db>.versies/` (default 5; 0 keeps none). */
	keepVersions?: number;
	onProgress?: (progress: IngestProgress) => void;
}

/** What one file did (or, in a dry run, would do): the shape --json prints (contract/ingestJson.ts). */
export type FileReport = JsonFileReport;

interface CheckedFile {
	name: string;
	sha256: string;
	table: RawTable;
	spec: DatasetSpec;
	header: HeaderMatch;
	position: number;
	/** Datasets that check and load themselves (DatasetSpec.custom). */
	plan?: CustomPlan;
}

export async function ingest(dbPath: string, files: readonly IngestInput[], opts: IngestOptions = {}): Promise<FileReport[]> {
	if (files.length === 0) {
		throw new IngestFailedError([new IngestError({ file: path.basename(dbPath) }, 'geen-bestanden', 'er zijn geen bestanden opgegeven om te laden')]);
	}
	const today = opts.today ?? dutchToday();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today moet JJJJ-MM-DD zijn, niet "${today}"`);
	const maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;

	const lock = acquireLock(dbPath);
	try {
		const checked = await checkFiles(files, opts, maxErrors);
		// Reference data first, so a verwijzingen file may refer to wijken delivered in the same run.
		checked.sort((a, b) => a.spec.order - b.spec.order || a.position - b.position);

		const copy = await openWorkingCopy(dbPath);
		try {
			const lastLoadId = (await nextLoadId(copy.connection)) - 1;
			const reports: FileReport[] = [];
			for (const file of checked) {
				reports.push(await loadFile(copy.connection, file, { today, maxErrors, loadedBy: opts.loadedBy, onProgress: opts.onProgress }));
			}
			await fillRecordKeys(copy.connection, cellKeySecret(dbPath, !opts.dryRun));
			if (opts.dryRun) {
				copy.discard();
				return reports;
			}
			await setMeta(copy.connection, 'updated_at', new Date().toISOString());
			if (opts.demo) await setMeta(copy.connection, 'demo', '1');
			const keep = opts.keepVersions ?? DEFAULT_KEEP_VERSIONS;
			await copy.commit(copy.created ? undefined : () => void keepVersion(dbPath, lastLoadId, keep));
			return reports;
		} catch (e) {
			copy.discard();
			throw e;
		}
	} finally {
		lock.release();
	}
}

/** Step 2 for every file; all files are checked so that one run reports every file's problems. */
async function checkFiles(files: readonly IngestInput[], opts: IngestOptions, maxErrors: number): Promise<CheckedFile[]> {
	const out: CheckedFile[] = [];
	const errors: IngestError[] = [];
	const stoppedEarly: string[] = [];

	for (const [position, input] of files.entries()) {
		const name = typeof input === 'string' ? path.basename(input) : input.name;
		const collector = new ErrorCollector(name, maxErrors);
		opts.onProgress?.({ file: name, dataset: '', phase: 'lezen', done: 0, total: 0 });
		const result = await checkFile(input, name, position, opts, collector);
		if (result) out.push(result);
		errors.push(...collector.errors);
		if (collector.full) stoppedEarly.push(name);
	}
	if (errors.length) throw new IngestFailedError(errors, stoppedEarly);
	return out;
}

async function checkFile(
	input: IngestInput,
	name: string,
	position: number,
	opts: IngestOptions,
	errors: ErrorCollector
): Promise<CheckedFile | null> {
	let bytes: Uint8Array;
	if (typeof input === 'string') {
		try {
			bytes = fs.readFileSync(input);
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			errors.add(undefined, undefined, 'bestand-onleesbaar', code === 'ENOENT' ? `bestand niet gevonden: ${input}` : `bestand kan niet worden gelezen (${code ?? 'onbekende fout'})`);
			return null;
		}
	} else {
		bytes = input.bytes;
	}

	const table = await readTable(bytes, name, errors, { sheet: opts.sheet });
	if (!table) return null;

	// Before anything else looks at the values: a file with personal data goes no further. Free text
	// (werkplan notes, SWOT items) is the exception: personal data in it is masked, not rejected.
	const detection = detectDataset(table.header, opts.dataset);
	if (detection.ok && detection.spec.custom) {
		// Survey responses: one column per question, so privacy and header are checked by the dataset.
		const enquete = typeof opts.enquete === 'string' ? opts.enquete : opts.enquete?.[name];
		const plan = detection.spec.custom.prepare(table, errors, { enquete });
		if (!plan) return null;
		const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
		return { name, sha256, table, spec: detection.spec, header: { sourceIndex: [], displayName: [], warnings: [] }, position, plan };
	}
	checkPrivacy(
		table,
		errors,
		specColumns(table.header, detection, (c) => c.type.freeText === true),
		specColumns(table.header, detection)
	);
	if (!errors.empty) return null;

	if (!detection.ok) {
		errors.add(table.headerLine, undefined, detection.rule, detection.message);
		return null;
	}
	const header = matchHeader(table, detection.spec, errors);
	if (!errors.empty) return null;

	const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
	return { name, sha256, table, spec: detection.spec, header, position };
}

/** Step 3 for one file, on the working copy. */
async function loadFile(
	conn: DuckDBConnection,
	file: CheckedFile,
	{ today, maxErrors, loadedBy, onProgress }: { today: string; maxErrors: number; loadedBy?: string; onProgress?: IngestOptions['onProgress'] }
): Promise<FileReport> {
	const startedAt = new Date().toISOString();
	const { spec, table } = file;
	const total = table.rows.length;
	const progress = (phase: IngestProgress['phase']) =>
		onProgress && ((done: number) => onProgress({ file: file.name, dataset: spec.id, phase, done, total }));

	const errors = new ErrorCollector(file.name, maxErrors);
	const ctx = { today, date1904: table.date1904 };
	const custom = file.plan ? await file.plan.check(conn, errors, ctx) : null;
	const rows = file.plan
		? []
		: checkRows(table, spec, file.header, errors, {
				ctx,
				references: await readReferences(conn, spec),
				onProgress: progress('controleren')
			});
	if (!errors.empty) throw new IngestFailedError(errors.errors, errors.full ? [file.name] : []);

	await conn.run('BEGIN TRANSACTION');
	try {
		const loadId = await nextLoadId(conn);
		const { replaced, unchanged } = custom ? await custom.write(conn, loadId) : await upsertRows(conn, spec, rows, loadId, progress('laden'));
		const report: FileReport = {
			file: file.name,
			dataset: spec.id,
			table: spec.table,
			loadId,
			sha256: file.sha256,
			format: table.format,
			encoding: table.encoding,
			delimiter: table.delimiter,
			rowsRead: total,
			rowsLoaded: custom ? custom.rows : rows.length,
			rowsReplaced: replaced,
			rowsUnchanged: unchanged,
			rowsRejected: 0,
			warnings: [...file.header.warnings, ...(custom?.warnings ?? [])],
			startedAt,
			finishedAt: new Date().toISOString()
		};
		await recordLoad(conn, { ...report, fileName: report.file });
		if (loadedBy) await recordLoadedBy(conn, loadId, loadedBy);
		await conn.run('COMMIT');
		return report;
	} catch (e) {
		await conn.run('ROLLBACK').catch(() => undefined);
		throw e;
	}
}

/**
 * Indexes of the header's columns that the detected dataset defines (their names are the
 * contract's), optionally only those that match `which` (its free-text columns, say).
 */
function specColumns(header: readonly string[], detection: Detection, which: (c: ColumnSpec) => boolean = () => true): Set<number> {
	const out = new Set<number>();
	if (!detection.ok) return out;
	const names = new Set(detection.spec.columns.filter((c) => !c.derived && which(c)).map((c) => c.name));
	header.forEach((h, i) => {
		if (names.has(normaliseColumnName(h))) out.add(i);
	});
	return out;
}

/** The values other tables hold for this dataset's references, as they are in the working copy now. */
async function readReferences(conn: DuckDBConnection, spec: DatasetSpec): Promise<ReferenceSets> {
	const keyColumn = { wijken: 'wijk_code', praktijken: 'praktijk_code', bestemmingen: 'bestemming', werkplannen: 'werkplan_id', enquetes: 'enquete_id' } as const;
	const sets: ReferenceSets = {};
	for (const ref of spec.references) {
		if (sets[ref.table]) continue;
		const reader = await conn.runAndReadAll(`SELECT ${keyColumn[ref.table]} FROM ${ref.table}`);
		sets[ref.table] = new Set(reader.getRows().map((r) => String(r[0])));
	}
	return sets;
}
