// The import: check every file, then load them all into a copy of the database, then swap the
// copy in. All or nothing: if any file fails, nothing is loaded and the database file is untouched.
//
//   1. lock        <db>.lock, so two imports never interleave; then the working copy is opened
//   2. check       per file: read, privacy, dataset, header (nothing of the database is read).
//                  A CSV is read by DuckDB into a temporary table of the working copy's instance
//                  (readers/csvScan.ts, validators/sqlTable.ts), never whole into memory; a
//                  workbook and survey responses are read into memory, within the limits
//   3. load        per file, in dependency order, on the working copy: rows (with references to
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
import { timed } from './profile';
import { DEFAULT_KEEP_VERSIONS, keepVersion } from './db/versions';
import { openWorkingCopy, type WorkingCopy } from './db/workingCopy';
import { DEFAULT_MAX_ERRORS, ErrorCollector, IngestError, IngestFailedError } from './errors';
import { upsertRows, upsertStage } from './loader';
import { fillRecordKeys, newCellKeySecret, readCellKeySecret, recordKeyFor, saveCellKeySecret } from './cellKeys';
import { nextLoadId, recordLoad, recordLoadedBy, setMeta } from './provenance';
import { checkFileOnDisk, importLimits, readTable, type ImportLimits } from './readers';
import { guessCsvShape, scanCsv } from './readers/csvScan';
import { formatSize } from './readers/limits';
import type { RawTable, TextEncodingName } from './readers/table';
import { detectDataset, type Detection } from './registry';
import { checkGeoJson, isGeoJsonFile, wijkgrenzen } from './datasets/wijkgrenzen/dataset';
import { today as dutchToday } from '../contract/dates';
import type { JsonFileReport } from '../contract/ingestJson';
import { matchHeader, normaliseColumnName, type HeaderMatch } from './validators/header';
import { checkPrivacy } from './validators/privacy';
import { checkRows, type ReferenceSets } from './validators/rows';
import { checkRowsSql, checkTextAndPrivacySql, defineMacros, dropSqlTable, loadCsv, matchHeaderSql, readCsvEarly, type SqlTable } from './validators/sqlTable';

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
	/**
	 * CSV files of at least this many bytes are read as a stream through DuckDB instead of into
	 * memory (default: MONITOR_IMPORT_STREAM_MB, 16 MB). 0 streams every CSV.
	 */
	streamFromBytes?: number;
}

/** What one file did (or, in a dry run, would do): the shape --json prints (contract/ingestJson.ts). */
export type FileReport = JsonFileReport;

interface CheckedFile {
	name: string;
	sha256: string;
	/** Rows in memory (a workbook, survey responses) ... */
	table?: RawTable;
	/** ... or in DuckDB (a CSV). */
	sql?: SqlTable;
	format: 'csv' | 'xlsx' | 'geojson';
	encoding?: TextEncodingName;
	delimiter?: string;
	date1904?: boolean;
	rowsRead: number;
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
	const scratch = scratchDir(dbPath);
	// The working copy is opened when the first large CSV needs DuckDB to be read, else after the
	// checks (so a run of small files that fails its checks never copies the database).
	let copy: WorkingCopy | null = null;
	const connection = async () => {
		if (!copy) {
			copy = await timed('working copy', () => openWorkingCopy(dbPath));
			await prepareConnection(copy.connection);
		}
		return copy.connection;
	};
	try {
		const checked = await checkFiles(connection, files, { ...opts, today }, maxErrors, scratch);
		// Reference data first, so a verwijzingen file may refer to wijken delivered in the same run.
		checked.sort((a, b) => a.spec.order - b.spec.order || a.position - b.position);

		const conn = await connection();
		const wc: WorkingCopy = copy!;
		const lastLoadId = (await nextLoadId(conn)) - 1;
		const reports: FileReport[] = [];
		// The cell key secret: read now (a damaged one stops the import before anything is written),
		// made when missing, and stored only when the import succeeds.
		const knownSecret = readCellKeySecret(dbPath);
		const secret = knownSecret ?? newCellKeySecret();
		for (const file of checked) {
			reports.push(await loadFile(conn, file, { today, maxErrors, loadedBy: opts.loadedBy, onProgress: opts.onProgress, secret }));
		}
		await timed('record keys of older rows', () => fillRecordKeys(conn, secret));
		if (!knownSecret && !opts.dryRun) saveCellKeySecret(dbPath, secret);
		if (opts.dryRun) {
			copy = null;
			wc.discard();
			return reports;
		}
		await setMeta(conn, 'updated_at', new Date().toISOString());
		if (opts.demo) await setMeta(conn, 'demo', '1');
		const keep = opts.keepVersions ?? DEFAULT_KEEP_VERSIONS;
		copy = null;
		try {
			await timed('checkpoint and swap', () => wc.commit(wc.created ? undefined : () => void keepVersion(dbPath, lastLoadId, keep)));
		} catch (e) {
			wc.discard();
			throw e;
		}
		return reports;
	} catch (e) {
		(copy as WorkingCopy | null)?.discard();
		throw e;
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
		lock.release();
	}
}

/** DuckDB's memory for an import (`MONITOR_IMPORT_DUCKDB_MB`); beyond it, DuckDB spills to disk. */
export const DEFAULT_DUCKDB_MEMORY_MB = 1024;

async function prepareConnection(conn: DuckDBConnection): Promise<void> {
	const raw = process.env.MONITOR_IMPORT_DUCKDB_MB?.trim();
	const mb = raw ? Number(raw.replace(',', '.')) : DEFAULT_DUCKDB_MEMORY_MB;
	if (!Number.isFinite(mb) || mb <= 0) throw new Error(`MONITOR_IMPORT_DUCKDB_MB moet een positief getal zijn, niet "${raw}"`);
	await conn.run(`SET memory_limit = '${Math.floor(mb)}MB'`);
	await defineMacros(conn);
}

const SCRATCH_MARK = '.ruw-';

/**
 * A directory beside the database for what an import writes besides the working copy (a UTF-8 copy
 * of a Windows-1252 or UTF-16 CSV, an upload's bytes): on the same disk, removed afterwards, and
 * left-overs of a crashed import are removed by the next one (we hold the lock).
 */
function scratchDir(dbPath: string): string {
	const dir = path.dirname(dbPath);
	fs.mkdirSync(dir, { recursive: true });
	const prefix = path.basename(dbPath) + SCRATCH_MARK;
	for (const name of fs.readdirSync(dir)) {
		if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
	}
	const scratch = `${dbPath}${SCRATCH_MARK}${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
	fs.mkdirSync(scratch);
	return scratch;
}

/** Step 2 for every file; all files are checked so that one run reports every file's problems. */
async function checkFiles(connection: () => Promise<DuckDBConnection>, files: readonly IngestInput[], opts: IngestOptions, maxErrors: number, scratch: string): Promise<CheckedFile[]> {
	const out: CheckedFile[] = [];
	const errors: IngestError[] = [];
	const stoppedEarly: string[] = [];
	const limits = importLimits();

	for (const [position, input] of files.entries()) {
		const name = typeof input === 'string' ? path.basename(input) : input.name;
		const collector = new ErrorCollector(name, maxErrors);
		opts.onProgress?.({ file: name, dataset: '', phase: 'lezen', done: 0, total: 0 });
		const result = await checkFile(connection, input, name, position, opts, collector, scratch, limits);
		if (result) out.push(result);
		// bounded: a collector keeps at most maxErrors errors
		errors.push(...collector.errors);
		if (collector.full) stoppedEarly.push(name);
	}
	if (errors.length) throw new IngestFailedError(errors, stoppedEarly);
	return out;
}

/**
 * CSV files from this size on are read as a stream into DuckDB; smaller ones into memory
 * (`MONITOR_IMPORT_STREAM_MB`, default 16 MB; the option is for tests).
 */
export const DEFAULT_STREAM_FROM_MB = 16;

function streamFromBytes(opts: IngestOptions): number {
	if (opts.streamFromBytes !== undefined) return opts.streamFromBytes;
	const raw = process.env.MONITOR_IMPORT_STREAM_MB?.trim();
	const mb = raw ? Number(raw.replace(',', '.')) : DEFAULT_STREAM_FROM_MB;
	if (!Number.isFinite(mb) || mb < 0) throw new Error(`MONITOR_IMPORT_STREAM_MB moet een getal van 0 of meer zijn, niet "${raw}"`);
	return mb * 1024 * 1024;
}

/** Survey responses (and workbooks) are read into memory; a CSV of them larger than this is refused. */
export const MAX_IN_MEMORY_CSV_BYTES = 256 * 1024 * 1024;

async function checkFile(
	connection: () => Promise<DuckDBConnection>,
	input: IngestInput,
	name: string,
	position: number,
	opts: IngestOptions,
	errors: ErrorCollector,
	scratch: string,
	limits: ImportLimits
): Promise<CheckedFile | null> {
	// Uploads arrive as bytes: they are read from a file like any other.
	let file: string;
	if (typeof input === 'string') {
		file = input;
	} else {
		file = path.join(scratch, `${position}-${path.basename(name)}`);
		fs.writeFileSync(file, input.bytes);
	}
	if (!checkFileOnDisk(file, errors, limits)) return null;
	// A GeoJSON file (wijkgrenzen) is no table: it checks itself and loads through a custom plan.
	if (isGeoJsonFile(file, name, opts.dataset)) {
		const geo = checkGeoJson(file, opts.dataset, errors);
		if (!geo) return null;
		return { name, sha256: geo.sha256, format: 'geojson', rowsRead: geo.rowsRead, spec: wijkgrenzen, header: { sourceIndex: [], displayName: [], warnings: [] }, position, plan: geo.plan };
	}

	const ext = path.extname(name).toLowerCase();
	const head = readHead(file);
	const isZip = head !== null && head[0] === 0x50 && head[1] === 0x4b; // "PK": an XLSX is a zip archive
	const isCsv = head !== null && ext !== '.xls' && !isZip && (ext === '.csv' || ext === '.txt' || ext !== '.xlsx');
	// Small CSV files are read into memory: quicker than a round through DuckDB, and the same rules.
	if (!isCsv || fs.statSync(file).size < streamFromBytes(opts)) return checkInMemory(file, input, name, position, opts, errors, limits);

	// DuckDB reads the file as its first line suggests while the scan reads it (the scan is
	// JavaScript on one core); loadCsv keeps that read when the scan agrees, else reads again.
	const table = `bzm_f${position}`;
	const guess = await guessCsvShape(file);
	const early = guess ? readCsvEarly(await connection(), guess, table) : undefined;
	const dropEarly = async () => {
		if (early && (await early)) await (await connection()).run(`DROP TABLE IF EXISTS ${table}`);
	};
	const scan = await timed('scan (JavaScript), read_csv alongside', () => scanCsv(file, name, errors, {
		maxRows: limits.maxRows,
		scratchDir: scratch,
		onRows: opts.onProgress && ((done) => opts.onProgress!({ file: name, dataset: '', phase: 'lezen', done, total: 0 }))
	}));
	if (!scan) {
		await dropEarly();
		return null;
	}
	const detection = detectDataset(scan.header, opts.dataset);
	if (detection.ok && detection.spec.custom) {
		await dropEarly();
		// Survey responses check themselves, on rows in memory; such exports are small.
		if (scan.bytes > MAX_IN_MEMORY_CSV_BYTES) {
			errors.add(undefined, undefined, 'bestand-te-groot', `een bestand met enquêteantwoorden wordt in het geheugen gelezen en mag hoogstens ${formatSize(MAX_IN_MEMORY_CSV_BYTES)} zijn; dit is ${formatSize(scan.bytes)}. Splits de export`);
			return null;
		}
		return checkInMemory(file, input, name, position, opts, errors, limits);
	}

	const conn = await connection();
	const sql = await timed('read_csv (what the scan did not overlap)', () => loadCsv(conn, scan, name, table, early));
	// Mangled text first; then, before anything else looks at the values: a file with personal data
	// goes no further. Free text (werkplan notes, SWOT items) is the exception: masked, not rejected.
	// The dataset's own check of every value runs in the same scan (its errors are reported at the load).
	const values = detection.ok ? { spec: detection.spec, ctx: { today: opts.today ?? dutchToday() } } : undefined;
	await timed('one scan: mojibake, privacy, values', () =>
		checkTextAndPrivacySql(conn, sql, errors, specColumns(sql.header, detection, (c) => c.type.freeText === true), specColumns(sql.header, detection), values)
	);
	if (!errors.empty) return null;
	if (!detection.ok) {
		errors.add(sql.headerLine, undefined, detection.rule, detection.message);
		return null;
	}
	const header = await timed('header', () => matchHeaderSql(conn, sql, detection.spec, errors));
	if (!errors.empty) return null;
	return {
		name,
		sha256: scan.sha256,
		sql,
		format: 'csv',
		encoding: scan.encoding,
		delimiter: scan.delimiter,
		rowsRead: sql.rows,
		spec: detection.spec,
		header,
		position
	};
}

/** The first bytes of a file, or null when it cannot be read (the reader that follows says why). */
function readHead(file: string): Buffer | null {
	try {
		const fd = fs.openSync(file, 'r');
		try {
			const buf = Buffer.alloc(2);
			const n = fs.readSync(fd, buf, 0, 2, 0);
			return buf.subarray(0, n);
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		return null;
	}
}

/** A workbook, or survey responses: read whole into memory (within the limits) and checked there. */
async function checkInMemory(
	file: string,
	input: IngestInput,
	name: string,
	position: number,
	opts: IngestOptions,
	errors: ErrorCollector,
	limits: ImportLimits
): Promise<CheckedFile | null> {
	let bytes: Uint8Array;
	if (typeof input === 'string') {
		try {
			bytes = fs.readFileSync(file);
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			errors.add(undefined, undefined, 'bestand-onleesbaar', code === 'ENOENT' ? `bestand niet gevonden: ${input}` : `bestand kan niet worden gelezen (${code ?? 'onbekende fout'})`);
			return null;
		}
	} else {
		bytes = input.bytes;
	}

	const table = await readTable(bytes, name, errors, { sheet: opts.sheet, limits });
	if (!table) return null;
	const meta = { format: table.format, encoding: table.encoding, delimiter: table.delimiter, date1904: table.date1904, rowsRead: table.rows.length };

	// Before anything else looks at the values: a file with personal data goes no further. Free text
	// (werkplan notes, SWOT items) is the exception: personal data in it is masked, not rejected.
	const detection = detectDataset(table.header, opts.dataset);
	if (detection.ok && detection.spec.custom) {
		// Survey responses: one column per question, so privacy and header are checked by the dataset.
		const enquete = typeof opts.enquete === 'string' ? opts.enquete : opts.enquete?.[name];
		const plan = detection.spec.custom.prepare(table, errors, { enquete });
		if (!plan) return null;
		const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
		return { name, sha256, table, ...meta, spec: detection.spec, header: { sourceIndex: [], displayName: [], warnings: [] }, position, plan };
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
	return { name, sha256, table, ...meta, spec: detection.spec, header, position };
}

/** Step 3 for one file, on the working copy. */
async function loadFile(
	conn: DuckDBConnection,
	file: CheckedFile,
	{ today, maxErrors, loadedBy, onProgress, secret }: { today: string; maxErrors: number; loadedBy?: string; onProgress?: IngestOptions['onProgress']; secret: Uint8Array }
): Promise<FileReport> {
	const startedAt = new Date().toISOString();
	const { spec, table, sql } = file;
	const total = file.rowsRead;
	const progress = (phase: IngestProgress['phase']) =>
		onProgress && ((done: number) => onProgress({ file: file.name, dataset: spec.id, phase, done, total }));

	const errors = new ErrorCollector(file.name, maxErrors);
	const ctx = { today, date1904: file.date1904 };
	const custom = file.plan ? await file.plan.check(conn, errors, ctx) : null;
	const staged = sql && !file.plan ? await checkRowsSql(conn, sql, spec, file.header, errors, { ctx, maxErrors, onProgress: progress('controleren') }) : null;
	const rows =
		file.plan || sql
			? []
			: checkRows(table!, spec, file.header, errors, {
					ctx,
					references: await readReferences(conn, spec),
					onProgress: progress('controleren')
				});
	if (!errors.empty) throw new IngestFailedError(errors.errors, errors.full ? [file.name] : []);

	await conn.run('BEGIN TRANSACTION');
	try {
		const loadId = await nextLoadId(conn);
		let result: { replaced: number; unchanged: number };
		if (custom) result = await custom.write(conn, loadId);
		else if (staged) {
			progress('laden')?.(0);
			result = await timed('insert (with record keys)', () => upsertStage(conn, spec, staged.table, loadId, recordKeyFor(spec.table, secret)));
			progress('laden')?.(staged.rows);
		} else result = await upsertRows(conn, spec, rows, loadId, progress('laden'), recordKeyFor(spec.table, secret));
		const { replaced, unchanged } = result;
		const report: FileReport = {
			file: file.name,
			dataset: spec.id,
			table: spec.table,
			loadId,
			sha256: file.sha256,
			format: file.format,
			encoding: file.encoding,
			delimiter: file.delimiter,
			rowsRead: total,
			rowsLoaded: custom ? custom.rows : staged ? staged.rows : rows.length,
			rowsReplaced: replaced,
			rowsUnchanged: unchanged,
			rowsRejected: 0,
			warnings: [...file.header.warnings, ...(custom?.warnings ?? [])],
			...(custom?.notes?.length ? { notes: custom.notes } : {}),
			startedAt,
			finishedAt: new Date().toISOString()
		};
		await recordLoad(conn, { ...report, fileName: report.file });
		if (loadedBy) await recordLoadedBy(conn, loadId, loadedBy);
		await conn.run('COMMIT');
		if (sql) await dropSqlTable(conn, sql);
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
