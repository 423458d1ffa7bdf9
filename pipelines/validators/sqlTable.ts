// A CSV export checked and staged in DuckDB instead of in JavaScript arrays: the rows live in a
// temporary table (read by DuckDB's read_csv, spilled to disk beyond the memory limit), and every
// rule of the contract is applied with the same code and messages as the in-memory path:
//
// - values: each column's distinct values go once through the column's own check (fields.ts), and
//   the outcome is joined back to the rows; a trimmed-text column is trimmed in SQL;
// - privacy: each column's distinct values, in the order they first occur, feed the privacy
//   accumulators of validators/privacy.ts (`columnPrivacy`), so a rule fires at its first line;
// - mojibake and nameless columns: found in SQL, reported by the in-memory checks on the rows found;
// - cross-column checks, derived columns, references and duplicate keys: per distinct combination
//   of the columns a check reads (DatasetSpec.rowColumns), or per row streamed in batches, and in SQL.
//
// Errors carry the record number DuckDB read them at; `lineOf` turns it into the physical line
// (readers/csvScan.ts). They are reported in the order the in-memory path reports them: by line,
// and within a line value errors (column order), then the cross-column check, references, key.

import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { ErrorCollector, type RuleId } from '../errors';
import { checkMojibake } from '../readers/checkText';
import { looksLikeMojibake, MOJIBAKE_SOURCE } from '../readers/mojibake';
import { isEmptyCell, type RawRow, type RawTable } from '../readers/table';
import type { CsvScan, CsvShapeGuess } from '../readers/csvScan';
import type { FieldContext, Value } from './fields';
import { matchHeader, normaliseColumnName, type HeaderMatch } from './header';
import { checkHeaderPrivacy, columnPrivacy, columnRole, type ColumnPrivacy } from './privacy';
import { columnPosition } from '../readers/position';
import { findPersonalData } from '../../contract/privacy';
import type { CheckedRow, ColumnSpec, DatasetSpec } from './spec';
import { startPhase } from '../profile';
import { KIND, PRIVACY_SQL_MACROS, privacyKindSql } from './privacySql';

/** A CSV file's rows in DuckDB: the data rows only (header and blank rows removed), record numbers as rowid. */
export interface SqlTable {
	file: string;
	/** Temporary table with VARCHAR columns c0, c1, ... (NULL for an empty value). */
	table: string;
	header: string[];
	headerLine: number;
	lineOf(record: number): number;
	/** Data rows (rows with any value after the header). */
	rows: number;
	/** Set by checkTextAndPrivacySql: the checked values of the dataset's columns. */
	prepared?: PreparedValues;
	/** Set by checkTextAndPrivacySql: the columns that hold any value. */
	filled?: Set<number>;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const str = (text: string) => `'${text.replaceAll("'", "''")}'`;
const col = (i: number) => `c${i}`;

/** JavaScript's whitespace for String.prototype.trim, as an RE2 class. */
const JS_SPACE = String.raw`[\t\n\x{0B}\f\r \x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;

/** Macros the checks use: trim as JavaScript trims, blank as the readers' isEmptyCell, line breaks as the CSV reader gives them. */
export const SQL_MACROS = [
	`CREATE OR REPLACE TEMP MACRO bzm_trim(s) AS CASE WHEN s IS NULL THEN NULL
		WHEN ord(s[1]) BETWEEN 33 AND 126 AND ord(s[-1]) BETWEEN 33 AND 126 THEN s
		ELSE regexp_replace(s, '^${JS_SPACE}+|${JS_SPACE}+$', '', 'g') END`,
	// A value that starts with a printable ASCII character is not blank: most values, decided cheaply.
	`CREATE OR REPLACE TEMP MACRO bzm_blank(s) AS s IS NULL OR (NOT (ord(s) BETWEEN 33 AND 126) AND bzm_trim(s) = '')`,
	`CREATE OR REPLACE TEMP MACRO bzm_nl(s) AS CASE WHEN contains(s, chr(13)) THEN regexp_replace(s, '\\r\\n?', chr(10), 'g') ELSE s END`
];

export async function defineMacros(conn: DuckDBConnection): Promise<void> {
	for (const sql of [...SQL_MACROS, ...PRIVACY_SQL_MACROS]) await conn.run(sql);
}

/** The cell as the in-memory CSV reader gives it: line breaks as \n. */
const cellOf = (raw: string) => (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);

/** How read_csv reads a file into the temporary table. */
interface ReadShape {
	path: string;
	delimiter: string;
	width: number;
	shortRows: boolean;
	multiLine: boolean;
}

async function readCsvInto(conn: DuckDBConnection, shape: ReadShape, table: string): Promise<void> {
	const columns = Array.from({ length: shape.width }, (_, i) => `${str(col(i))}: 'VARCHAR'`).join(', ');
	await conn.run(`DROP TABLE IF EXISTS ${table}`);
	await conn.run(
		`CREATE TEMP TABLE ${table} AS SELECT * FROM read_csv(${str(shape.path)}, delim = ${str(shape.delimiter)}, quote = '"', escape = '"',
			header = false, auto_detect = false, columns = {${columns}}, strict_mode = false,
			null_padding = ${shape.shortRows}, parallel = ${!(shape.shortRows && shape.multiLine)})`
	);
}

/**
 * Starts reading the file into `table` as its first line suggests (readers/csvScan.ts
 * guessCsvShape), to run while the scan reads it too. Resolves to the shape read, or null when
 * DuckDB could not read it so (loadCsv then reads it again, as the scan says).
 */
export function readCsvEarly(conn: DuckDBConnection, guess: CsvShapeGuess, table: string): Promise<ReadShape | null> {
	const shape: ReadShape = { ...guess, shortRows: false, multiLine: false };
	return readCsvInto(conn, shape, table).then(
		() => shape,
		() => null
	);
}

/**
 * Reads the scanned CSV into a temporary table, checks that DuckDB saw the records the scan saw
 * (else the line numbers could not be trusted), and keeps the data rows. An early read
 * (readCsvEarly) is kept when it read the file as the scan says it must be read: the same file
 * (UTF-8), delimiter and width, and no short rows (so no padding, and any reader threads).
 */
export async function loadCsv(conn: DuckDBConnection, scan: CsvScan, file: string, table: string, early?: Promise<ReadShape | null>): Promise<SqlTable> {
	const read = early ? await early : null;
	const fits = read !== null && read.path === scan.path && read.delimiter === scan.delimiter && read.width === scan.width && !scan.shortRows;
	if (!fits) await readCsvInto(conn, { path: scan.path, delimiter: scan.delimiter, width: scan.width, shortRows: scan.shortRows, multiLine: scan.multiLine }, table);
	const count = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0][0]);
	if (count !== scan.records) {
		throw new Error(`${file}: DuckDB las ${count} records, de controle ${scan.records}; de regelnummers zouden niet kloppen`);
	}
	// The header and what comes before it; blank rows only when the scan saw any (rare, and costly to find).
	const blankRecords = scan.records - scan.headerRecord - 1 - scan.dataRows;
	const allBlank = Array.from({ length: scan.width }, (_, i) => `bzm_blank(${col(i)})`).join(' AND ');
	await conn.run(`DELETE FROM ${table} WHERE rowid <= ${scan.headerRecord}${blankRecords > 0 ? ` OR (${allBlank})` : ''}`);
	const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0][0]);
	return { file, table, header: scan.header, headerLine: scan.headerLine, lineOf: scan.lineOf, rows };
}

/** Streams a query's rows in chunks (bounded memory). */
async function* streamRows(conn: DuckDBConnection, sql: string): AsyncGenerator<DuckDBValue[][]> {
	const result = await conn.stream(sql);
	for await (const rows of result.yieldRows()) yield rows;
}

async function* streamJson(conn: DuckDBConnection, sql: string): AsyncGenerator<unknown[][]> {
	const result = await conn.stream(sql);
	for await (const rows of result.yieldRowsJson()) yield rows;
}

/** The header and up to one row per column, as the in-memory checks see a table. */
function tableOf(t: SqlTable, rows: RawRow[]): RawTable {
	return { file: t.file, format: 'csv', header: t.header, headerLine: t.headerLine, rows };
}

/** Columns with any value (for the header's nameless-column warning). */
async function columnsWithValues(conn: DuckDBConnection, t: SqlTable, which: number[]): Promise<Set<number>> {
	if (which.length === 0) return new Set();
	const row = (await conn.runAndReadAll(`SELECT ${which.map((i) => `bool_or(NOT bzm_blank(${col(i)}))`).join(', ')} FROM ${t.table}`)).getRows()[0];
	return new Set(which.filter((_, k) => row[k] === true));
}

/** matchHeader on the SQL table: the nameless columns that hold values are found in SQL. */
export async function matchHeaderSql(conn: DuckDBConnection, t: SqlTable, spec: DatasetSpec, errors: ErrorCollector): Promise<HeaderMatch> {
	const nameless = t.header.map((h, i) => (normaliseColumnName(h) === '' ? i : -1)).filter((i) => i >= 0);
	const filled = t.filled ? new Set(nameless.filter((i) => t.filled!.has(i))) : await columnsWithValues(conn, t, nameless);
	const rows = filled.size ? [{ line: t.headerLine + 1, cells: t.header.map((_, i) => (filled.has(i) ? 'x' : '')) }] : [];
	return matchHeader(tableOf(t, rows), spec, errors);
}

// PRIVACY_SAFE moved to validators/privacySql.ts with the other SQL forms of the privacy rules.
export { PRIVACY_SAFE } from './privacySql';

/** A column of the dataset whose distinct values the one scan wrote to a table, checked. */
interface PreparedMap {
	/** Temporary table (raw VARCHAR, val VARCHAR, rule VARCHAR, msg VARCHAR): one row per distinct raw value. */
	table: string;
	/** Only values the SQL could not prove clean (a pseudonym); the others are stored as they are. */
	partial: boolean;
	/** Trimmed text: the map holds raw values only (for the references); SQL trims them. */
	trimmed: boolean;
	/** Every value in the map is stored as it was read (no join needed). */
	identity: boolean;
	/** Some value breaks its column's rule (or is empty in a required column). */
	failing: boolean;
}

/** What the one scan of a file (checkTextAndPrivacySql) prepared for checkRowsSql. */
export interface PreparedValues {
	/** The header match the maps were made for (checkRowsSql uses them only for the same one). */
	sourceIndex: number[];
	/** Per column of the dataset. */
	maps: (PreparedMap | null)[];
	/** Per column of the file: empty fields, and values of only spaces (counted where no map holds them). */
	missing: number[];
	blank: number[];
}

/** How the one scan treats a column of the file. */
interface ColumnPlan {
	index: number;
	/** Privacy rules (null: free text, masked instead). */
	acc: ColumnPrivacy | null;
	/** The dataset's column fed from it, when its values are checked in JavaScript or referenced. */
	spec?: { j: number; column: ColumnSpec; map: PreparedMap; appender: DuckDBAppender };
	allValues: boolean;
}

/**
 * Mojibake (as readers/checkText.ts), the privacy rules of validators/privacy.ts and, with
 * `values`, the dataset's own check of every value (validators/fields.ts), on the SQL table, in one
 * scan: every column's values are sorted into kinds by SQL (validators/privacySql.ts), and each
 * column's distinct values of the kind that needs JavaScript come back once, with their first
 * record and how often they occur:
 * - mojibake: each column's first mangled value is found (only non-ASCII values can be mangled;
 *   free-text columns are searched in SQL), and checkMojibake reports exactly those; after a
 *   mangled value nothing else is reported, as the in-memory reader stops there;
 * - privacy: the header's rules as they are, and each column's accumulator fed with its distinct
 *   values at their first line, as often as they occur; nine-digit values are counted in SQL (the
 *   elfproef as a macro), values no detector can fire on not fed at all. An adapter for
 *   `checkPrivacy`, with its messages and names;
 * - values: each distinct value of a checked column goes through the column's check into a table
 *   (`PreparedValues`), which checkRowsSql joins to the rows when it must.
 */
export async function checkTextAndPrivacySql(
	conn: DuckDBConnection,
	t: SqlTable,
	errors: ErrorCollector,
	freeText: ReadonlySet<number> = new Set(),
	contract: ReadonlySet<number> = new Set(),
	values?: { spec: DatasetSpec; ctx: FieldContext }
): Promise<void> {
	const width = t.header.length;
	const mangled = new Map<number, { rec: number; cell: string }>();
	const mangle = (i: number, rec: number, cell: string) => {
		const known = mangled.get(i);
		if (!known || rec < known.rec) mangled.set(i, { rec, cell });
	};

	// Which file column feeds which column of the dataset: the header's own messages come later
	// (matchHeaderSql); here only the columns are needed.
	const spec = values?.spec;
	const sourceIndex = spec ? matchHeader(tableOf(t, []), spec, new ErrorCollector(t.file, Number.MAX_SAFE_INTEGER)).sourceIndex : [];
	const specOf = new Map<number, number>();
	sourceIndex.forEach((s, j) => s >= 0 && specOf.set(s, j));
	const referenced = new Set(spec?.references.map((r) => r.column));
	const maps: (PreparedMap | null)[] = spec ? spec.columns.map(() => null) : [];

	const plans: ColumnPlan[] = [];
	try {
		for (let i = 0; i < width; i++) {
			const role = columnRole(t.header[i] ?? '', freeText.has(i));
			const acc = role === 'vrije-tekst' ? null : columnPrivacy(role);
			if (!acc) {
				const moji = `strlen(${col(i)}) <> length(${col(i)}) AND regexp_matches(${col(i)}, ${str(MOJIBAKE_SOURCE)})`;
				const [cell, rec] = (await conn.runAndReadAll(`SELECT arg_min(${col(i)}, rowid) FILTER (WHERE ${moji}), min(rowid) FILTER (WHERE ${moji}) FROM ${t.table}`)).getRows()[0];
				if (cell !== null && cell !== undefined) mangle(i, Number(rec), cellOf(String(cell)));
			}
			const j = specOf.get(i);
			const column = j === undefined ? undefined : spec!.columns[j];
			const checked = column !== undefined && !column.type.trimmedText;
			const trimmedRef = column !== undefined && column.type.trimmedText === true && referenced.has(column.name);
			if (!acc && !checked) continue;
			// A pseudonym's clean values are stored as they are, so only the others need its check.
			const partial = checked && acc?.role === 'pseudoniem' && column!.type.pseudonym === true;
			const plan: ColumnPlan = { index: i, acc, allValues: (checked && !partial) || trimmedRef };
			if (checked || trimmedRef) {
				const map: PreparedMap = { table: `${t.table}_p${j}`, partial, trimmed: trimmedRef, identity: true, failing: false };
				await conn.run(`CREATE OR REPLACE TEMP TABLE ${map.table} (raw VARCHAR, val VARCHAR, rule VARCHAR, msg VARCHAR)`);
				maps[j!] = map;
				plan.spec = { j: j!, column: column!, map, appender: await conn.createAppender(map.table, 'main', 'temp') };
			}
			plans.push(plan);
		}

		const missing = new Array<number>(width).fill(0);
		const blank = new Array<number>(width).fill(0);
		const filled = new Set<number>();
		if (plans.length > 0) {
			const kinds = plans.map((p) => `${privacyKindSql(col(p.index), p.acc?.role ?? null, p.allValues)} AS k${p.index}`);
			const vals = plans.map((p) => `k${p.index}, CASE WHEN k${p.index} = ${KIND.javascript} THEN ${col(p.index)} END AS v${p.index}`);
			const sets = plans.map((p) => `(k${p.index}, v${p.index})`);
			const sql = `SELECT ${plans.map((p) => `k${p.index}, v${p.index}`).join(', ')}, min(rec) AS first, count(*) AS n
				FROM (SELECT rec, ${vals.join(', ')} FROM (SELECT rowid AS rec, ${plans.map((p) => col(p.index)).join(', ')}, ${kinds.join(', ')} FROM ${t.table}))
				GROUP BY GROUPING SETS (${sets.join(', ')})`;
			const m = plans.length;
			for await (const rows of streamRows(conn, sql)) {
				for (const row of rows) {
					// Each result row belongs to one grouping set: the one whose kind is not NULL.
					let q = 0;
					while (q < m && (row[2 * q] === null || row[2 * q] === undefined)) q++;
					const plan = plans[q];
					const i = plan.index;
					const kind = Number(row[2 * q]);
					const first = Number(row[2 * m]);
					const n = Number(row[2 * m + 1]);
					if (kind === KIND.missing) missing[i] += n;
					else if (kind === KIND.blank) blank[i] += n;
					else if (kind === KIND.bsn || kind === KIND.nineDigits) {
						filled.add(i);
						plan.acc?.addNineDigits(n, kind === KIND.bsn ? n : 0, kind === KIND.bsn ? t.lineOf(first) : undefined);
					} else if (kind === KIND.nothing) filled.add(i);
					else {
						const rawText = String(row[2 * q + 1]);
						const cell = cellOf(rawText);
						if (!isEmptyCell(cell)) filled.add(i);
						if (plan.acc) {
							if (looksLikeMojibake(cell)) mangle(i, first, cell);
							plan.acc.add(cell, t.lineOf(first), n);
						}
						if (plan.spec) appendChecked(plan.spec, rawText, cell, values!.ctx);
					}
				}
			}
		}
		for (const p of plans) p.spec?.appender.flushSync();
		for (const map of maps) {
			// Trimmed text is trimmed in SQL; an empty required value is found the way the rows are checked.
			if (map?.trimmed) map.identity = false;
		}
		t.prepared = spec ? { sourceIndex, maps, missing, blank } : undefined;
		t.filled = filled;
	} finally {
		for (const p of plans) p.spec?.appender.closeSync();
	}

	const byLine = new Map<number, string[]>();
	for (const [i, { rec, cell }] of mangled) {
		const line = t.lineOf(rec);
		const cells = byLine.get(line) ?? new Array<string>(width).fill('');
		cells[i] = cell;
		byLine.set(line, cells);
	}
	const rows = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, cells]) => ({ line, cells }));
	checkMojibake(tableOf(t, rows), errors);
	if (!errors.empty) return;

	checkHeaderPrivacy({ header: t.header, headerLine: t.headerLine, format: 'csv' }, errors, contract);
	plans.forEach(({ acc, index: i }) => {
		if (!acc) return;
		const name = contract.has(i) && findPersonalData(t.header[i]).length === 0 ? t.header[i] : columnPosition('csv', i);
		for (const f of acc.result()) errors.add(f.line, name, f.rule, f.message);
	});
}

/** One distinct value through its column's check, into the column's map (as checkRowsSql's maps). */
function appendChecked(target: NonNullable<ColumnPlan['spec']>, rawText: string, cell: string, ctx: FieldContext): void {
	const { appender, column: c, map } = target;
	appender.appendVarchar(rawText);
	if (map.trimmed) {
		appender.appendNull();
		appender.appendNull();
		appender.appendNull();
	} else if (isEmptyCell(cell)) {
		map.identity = false;
		appender.appendNull();
		if (c.required) {
			map.failing = true;
			appender.appendVarchar('waarde-verplicht');
			appender.appendVarchar(REQUIRED);
		} else {
			appender.appendNull();
			appender.appendNull();
		}
	} else {
		const checked = c.type.check(cell, ctx);
		if (checked.ok) {
			if (checked.value === null) appender.appendNull();
			else appender.appendVarchar(String(checked.value));
			if (checked.value === null || String(checked.value) !== rawText) map.identity = false;
			appender.appendNull();
			appender.appendNull();
		} else {
			map.failing = true;
			map.identity = false;
			appender.appendNull();
			appender.appendVarchar(checked.rule);
			appender.appendVarchar(checked.message);
		}
	}
	appender.endRow();
}

interface Problem {
	rec: number;
	/** Order within a line: 0 values, 1 cross-column, 2 references, 3 key; then `sub`. */
	kind: number;
	sub: number;
	column: string;
	rule: RuleId;
	message: string;
}

export interface StagedRows {
	/** The table holding the checked rows with the dataset's columns, typed. */
	table: string;
	rows: number;
}

const REQUIRED = 'deze kolom is verplicht, maar de waarde is leeg';
const BATCH = 2000;

/**
 * The rows of a file whose one scan (checkTextAndPrivacySql) found every value valid, as a view
 * with the dataset's columns, typed: the read table itself, joined only to the maps of columns
 * whose values the checks change (a D-M-YYYY date, a code in small letters). The cross-column
 * check, the references and the key are checked on it; when all hold, the view is the stage the
 * load reads, so the rows are copied once, into their table. Null when anything might be wrong:
 * then checkRowsSql checks every row the thorough way, which finds and words each problem.
 */
async function stageWhenValid(conn: DuckDBConnection, t: SqlTable, spec: DatasetSpec, header: HeaderMatch): Promise<StagedRows | null> {
	const p = t.prepared;
	if (!p || p.sourceIndex.join() !== header.sourceIndex.join()) return null;
	// Row checks without declared columns, and derived columns, go row by row (small datasets).
	if (spec.derive || (spec.checkRow && !spec.rowColumns)) return null;
	const select: string[] = ['r.rowid AS rec'];
	const joins: string[] = [];
	for (const [j, c] of spec.columns.entries()) {
		const s = header.sourceIndex[j];
		const name = ident(c.name);
		if (s < 0) {
			select.push(`CAST(NULL AS ${c.type.sqlType}) AS ${name}`);
			continue;
		}
		const raw = `r.${col(s)}`;
		const map = p.maps[j];
		if (c.required && p.missing[s] > 0) return null;
		if (c.type.trimmedText) {
			if (c.required && (p.blank[s] > 0 || (map && (await count(conn, `SELECT count(*) FROM ${map.table} WHERE bzm_blank(raw)`)) > 0))) return null;
			select.push(`nullif(bzm_trim(bzm_nl(${raw})), '') AS ${name}`);
			continue;
		}
		if (!map || map.failing) return null;
		// A pseudonym's values of only spaces are not in its map: they are empty, as the check makes them.
		const blanks = map.partial && p.blank[s] > 0;
		if (blanks && c.required) return null;
		if (map.identity && !blanks) {
			select.push(`CAST(${raw} AS ${c.type.sqlType}) AS ${name}`);
			continue;
		}
		joins.push(`LEFT JOIN ${map.table} p${j} ON p${j}.raw = ${raw}`);
		const value = `CASE WHEN p${j}.raw IS NOT NULL THEN p${j}.val${blanks ? ` WHEN bzm_blank(${raw}) THEN NULL` : ''} ELSE ${raw} END`;
		select.push(`CAST(${value} AS ${c.type.sqlType}) AS ${name}`);
	}
	const view = `${t.table}_v`;
	await conn.run(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT ${select.join(', ')} FROM ${t.table} r ${joins.join(' ')}`);

	// The cross-column check, once per distinct combination of the columns it reads.
	if (spec.checkRow && spec.rowColumns) {
		const names = spec.rowColumns;
		const named = (values: unknown[]): CheckedRow => Object.fromEntries(names.map((n, k) => [n, values[k] as Value]));
		const end = startPhase('cross-column check');
		try {
			for await (const rows of streamJson(conn, `SELECT DISTINCT ${names.map(ident).join(', ')} FROM ${view}`)) {
				for (const values of rows) if (spec.checkRow(named(values)).length > 0) return null;
			}
		} finally {
			end();
		}
	}

	// References: each distinct value once, from the maps (a few thousand codes, not millions of rows).
	const endRefs = startPhase('references');
	try {
		const keyColumn = { wijken: 'wijk_code', praktijken: 'praktijk_code', bestemmingen: 'bestemming', werkplannen: 'werkplan_id', enquetes: 'enquete_id' } as const;
		for (const ref of spec.references) {
			const j = spec.columns.findIndex((c) => c.name === ref.column);
			if (header.sourceIndex[j] < 0) continue;
			const map = p.maps[j];
			if (!map || map.partial) return null;
			const value = map.trimmed ? `nullif(bzm_trim(bzm_nl(raw)), '')` : 'val';
			const missing = await count(
				conn,
				`SELECT count(*) FROM (SELECT DISTINCT CAST(${value} AS VARCHAR) AS v FROM ${map.table} WHERE ${value} IS NOT NULL
				 EXCEPT SELECT CAST(${keyColumn[ref.table]} AS VARCHAR) FROM ${ref.table})`
			);
			if (missing > 0) return null;
		}
	} finally {
		endRefs();
	}

	// The key, once per file.
	const endKey = startPhase('duplicate keys');
	try {
		const keys = spec.key.map(ident).join(', ');
		if ((await count(conn, `SELECT count(*) FROM (SELECT 1 FROM ${view} GROUP BY ${keys} HAVING count(*) > 1)`)) > 0) return null;
	} finally {
		endKey();
	}
	return { table: view, rows: t.rows };
}

async function count(conn: DuckDBConnection, sql: string): Promise<number> {
	return Number((await conn.runAndReadAll(sql)).getRows()[0][0]);
}

/**
 * Every row rule of the dataset on the SQL table (as validators/rows.ts does in memory); on success
 * the rows are staged, typed, in `<t.table>_chk`. Null after an error (in `errors`).
 */
export async function checkRowsSql(
	conn: DuckDBConnection,
	t: SqlTable,
	spec: DatasetSpec,
	header: HeaderMatch,
	errors: ErrorCollector,
	{ ctx, maxErrors, onProgress }: { ctx: FieldContext; maxErrors: number; onProgress?: (done: number) => void }
): Promise<StagedRows | null> {
	onProgress?.(0);
	const fast = await stageWhenValid(conn, t, spec, header);
	if (fast) {
		onProgress?.(t.rows);
		return fast;
	}
	const chk = `${t.table}_chk`;
	const problems: Problem[] = [];
	const cols = spec.columns;

	// 1. Values: distinct values per column through the column's check, or trimmed in SQL.
	let end = startPhase('values: distinct values through JavaScript');
	const select: string[] = ['r.rowid AS rec'];
	const joins: string[] = [];
	const errorCols: string[] = [];
	for (let j = 0; j < cols.length; j++) {
		const c = cols[j];
		const s = header.sourceIndex[j];
		const name = ident(c.name);
		if (s < 0) {
			select.push(`CAST(NULL AS ${c.type.sqlType}) AS ${name}`);
			continue;
		}
		const raw = `r.${col(s)}`;
		const blankRule = c.required ? `'waarde-verplicht'` : 'NULL';
		if (c.type.trimmedText) {
			select.push(`nullif(bzm_trim(bzm_nl(${raw})), '') AS ${name}`);
			if (c.required) {
				select.push(`CASE WHEN bzm_blank(${raw}) THEN 'waarde-verplicht' END AS e${j}, CASE WHEN bzm_blank(${raw}) THEN ${str(REQUIRED)} END AS m${j}`);
				errorCols.push(`e${j}`);
			}
			continue;
		}
		// Every distinct value, blank ones too: blank is decided here (readers' isEmptyCell), not per row.
		const map = `${t.table}_m${j}`;
		await conn.run(`DROP TABLE IF EXISTS ${map}`);
		await conn.run(`CREATE TEMP TABLE ${map} (raw VARCHAR, val VARCHAR, rule VARCHAR, msg VARCHAR)`);
		const appender = await conn.createAppender(map, 'main', 'temp');
		try {
			for await (const rows of streamRows(conn, `SELECT DISTINCT ${col(s)} FROM ${t.table} WHERE ${col(s)} IS NOT NULL`)) {
				for (const [v] of rows) {
					const rawText = String(v);
					const cell = cellOf(rawText);
					appender.appendVarchar(rawText);
					if (isEmptyCell(cell)) {
						appender.appendNull();
						if (c.required) {
							appender.appendVarchar('waarde-verplicht');
							appender.appendVarchar(REQUIRED);
						} else {
							appender.appendNull();
							appender.appendNull();
						}
						appender.endRow();
						continue;
					}
					const checked = c.type.check(cell, ctx);
					if (checked.ok) {
						if (checked.value === null) appender.appendNull();
						else appender.appendVarchar(String(checked.value));
						appender.appendNull();
						appender.appendNull();
					} else {
						appender.appendNull();
						appender.appendVarchar(checked.rule);
						appender.appendVarchar(checked.message);
					}
					appender.endRow();
				}
			}
			appender.flushSync();
		} finally {
			appender.closeSync();
		}
		joins.push(`LEFT JOIN ${map} m${j} ON m${j}.raw = ${raw}`);
		select.push(`CAST(m${j}.val AS ${c.type.sqlType}) AS ${name}`);
		// Only a column with a failing value (or an empty required one) needs its error columns.
		const failing = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${map} WHERE rule IS NOT NULL`)).getRows()[0][0]) > 0;
		if (!failing && !c.required) continue;
		select.push(`CASE WHEN ${raw} IS NULL THEN ${blankRule} ELSE m${j}.rule END AS e${j}`);
		select.push(`CASE WHEN ${raw} IS NULL THEN ${c.required ? str(REQUIRED) : 'NULL'} ELSE m${j}.msg END AS m${j}`);
		errorCols.push(`e${j}`);
	}
	end();
	end = startPhase('values: checked table (joins)');
	const bad = errorCols.length ? errorCols.map((e) => `${e} IS NOT NULL`).join(' OR ') : 'false';
	await conn.run(`DROP TABLE IF EXISTS ${chk}`);
	await conn.run(`CREATE TEMP TABLE ${chk} AS SELECT *, (${bad}) AS bad FROM (SELECT ${select.join(', ')} FROM ${t.table} r ${joins.join(' ')})`);
	for (const m of cols.keys()) await conn.run(`DROP TABLE IF EXISTS ${t.table}_m${m}`);

	if (errorCols.length) {
		const list = (field: 'e' | 'm') => `[${errorCols.map((e) => `${field}${e.slice(1)}`).join(', ')}]`;
		const found = await conn.runAndReadAll(`SELECT rec, ${list('e')}, ${list('m')} FROM ${chk} WHERE bad ORDER BY rec LIMIT ${maxErrors}`);
		const indexes = errorCols.map((e) => Number(e.slice(1)));
		for (const [rec, rules, messages] of found.getRowsJS()) {
			(rules as (string | null)[]).forEach((rule, k) => {
				if (rule === null) return;
				const j = indexes[k];
				problems.push({ rec: Number(rec), kind: 0, sub: j, column: header.displayName[j], rule: rule as RuleId, message: String((messages as string[])[k]) });
			});
		}
	}
	onProgress?.(Math.floor(t.rows / 2));
	end();
	end = startPhase('cross-column check');

	// 2. Cross-column checks and derived columns.
	let source = chk;
	const columnIndex = new Map(cols.map((c, j) => [c.name, j]));
	const named = (names: readonly string[], values: unknown[]): CheckedRow => Object.fromEntries(names.map((n, k) => [n, values[k] as Value]));
	if (spec.checkRow && spec.rowColumns && !spec.derive) {
		const names = spec.rowColumns;
		const fails = `${t.table}_rowfail`;
		await conn.run(`CREATE OR REPLACE TEMP TABLE ${fails} (${names.map((n, k) => `v${k} VARCHAR`).join(', ')}, sub INTEGER, col VARCHAR, rule VARCHAR, msg VARCHAR)`);
		const appender = await conn.createAppender(fails, 'main', 'temp');
		let any = false;
		try {
			for await (const rows of streamJson(conn, `SELECT DISTINCT ${names.map(ident).join(', ')} FROM ${chk} WHERE NOT bad`)) {
				for (const values of rows) {
					const found = spec.checkRow(named(names, values));
					found.forEach((p, sub) => {
						any = true;
						for (const v of values) {
							if (v === null) appender.appendNull();
							else appender.appendVarchar(String(v));
						}
						appender.appendInteger(sub);
						appender.appendVarchar(p.column);
						appender.appendVarchar(p.rule);
						appender.appendVarchar(p.message);
						appender.endRow();
					});
				}
			}
			appender.flushSync();
		} finally {
			appender.closeSync();
		}
		if (any) {
			const on = names.map((n, k) => `CAST(c.${ident(n)} AS VARCHAR) IS NOT DISTINCT FROM f.v${k}`).join(' AND ');
			const found = await conn.runAndReadAll(`SELECT c.rec, f.sub, f.col, f.rule, f.msg FROM ${chk} c JOIN ${fails} f ON ${on} WHERE NOT c.bad ORDER BY c.rec, f.sub LIMIT ${maxErrors}`);
			for (const [rec, sub, column, rule, message] of found.getRowsJS()) {
				problems.push({ rec: Number(rec), kind: 1, sub: Number(sub), column: header.displayName[columnIndex.get(String(column))!], rule: rule as RuleId, message: String(message) });
			}
		}
		await conn.run(`DROP TABLE ${fails}`);
	} else if (spec.checkRow || spec.derive) {
		// Every row through JavaScript, in batches from DuckDB (small datasets: werkplannen, swot, ...).
		const derivedCols = cols.filter((c) => c.derived);
		const derived = `${t.table}_derived`;
		await conn.run(`CREATE OR REPLACE TEMP TABLE ${derived} (rec BIGINT${derivedCols.map((c) => `, ${ident(c.name)} VARCHAR`).join('')})`);
		const appender = await conn.createAppender(derived, 'main', 'temp');
		const names = cols.map((c) => c.name);
		let checkRowErrors = 0;
		try {
			for await (const rows of streamJson(conn, `SELECT rec, ${names.map(ident).join(', ')} FROM ${chk} WHERE NOT bad ORDER BY rec`)) {
				for (const [rec, ...values] of rows) {
					const row = named(names, values);
					const found = spec.checkRow?.(row) ?? [];
					if (checkRowErrors < maxErrors) {
						found.forEach((p, sub) => {
							checkRowErrors++;
							problems.push({ rec: Number(rec), kind: 1, sub, column: header.displayName[columnIndex.get(p.column)!], rule: p.rule, message: p.message });
						});
					}
					if (found.length === 0 && spec.derive && derivedCols.length) {
						const d = spec.derive(row);
						appender.appendBigInt(BigInt(Number(rec)));
						for (const c of derivedCols) {
							const v = d[c.name];
							if (v === null || v === undefined) appender.appendNull();
							else appender.appendVarchar(String(v));
						}
						appender.endRow();
					}
				}
			}
			appender.flushSync();
		} finally {
			appender.closeSync();
		}
		if (spec.derive && derivedCols.length) {
			source = `${t.table}_chk2`;
			const replace = derivedCols.map((c) => `CAST(d.${ident(c.name)} AS ${c.type.sqlType}) AS ${ident(c.name)}`).join(', ');
			await conn.run(`CREATE OR REPLACE TEMP TABLE ${source} AS SELECT c.* REPLACE (${replace}) FROM ${chk} c LEFT JOIN ${derived} d USING (rec)`);
		}
		await conn.run(`DROP TABLE ${derived}`);
	}

	end();
	end = startPhase('references');
	// 3. References: values that the referenced table does not hold (as it is in the working copy now).
	const keyColumn = { wijken: 'wijk_code', praktijken: 'praktijk_code', bestemmingen: 'bestemming', werkplannen: 'werkplan_id', enquetes: 'enquete_id' } as const;
	for (const [k, ref] of spec.references.entries()) {
		const j = columnIndex.get(ref.column)!;
		const v = `CAST(c.${ident(ref.column)} AS VARCHAR)`;
		// The distinct values first (a few thousand codes against millions of rows), then their rows.
		const missing = (
			await conn.runAndReadAll(
				`SELECT DISTINCT ${v} AS v FROM ${source} c WHERE NOT c.bad AND c.${ident(ref.column)} IS NOT NULL
				 EXCEPT SELECT CAST(${keyColumn[ref.table]} AS VARCHAR) FROM ${ref.table}`
			)
		).getRows();
		if (missing.length === 0) continue;
		const list = `${t.table}_missing`;
		await conn.run(`CREATE OR REPLACE TEMP TABLE ${list} (v VARCHAR)`);
		const appender = await conn.createAppender(list, 'main', 'temp');
		for (const [value] of missing) {
			appender.appendVarchar(String(value));
			appender.endRow();
		}
		appender.closeSync();
		const found = await conn.runAndReadAll(
			`SELECT c.rec, ${v} FROM ${source} c JOIN ${list} m ON m.v = ${v} WHERE NOT c.bad ORDER BY c.rec LIMIT ${maxErrors}`
		);
		for (const [rec, value] of found.getRowsJS()) {
			problems.push({ rec: Number(rec), kind: 2, sub: k, column: header.displayName[j], rule: ref.rule, message: ref.message(String(value)) });
		}
		await conn.run(`DROP TABLE ${list}`);
	}

	end();
	end = startPhase('duplicate keys');
	// 4. The key, once per file.
	const keys = spec.key.map((k) => `c.${ident(k)}`).join(', ');
	const dupes = Number((await conn.runAndReadAll(`SELECT count(*) FROM (SELECT 1 FROM ${source} c WHERE NOT c.bad GROUP BY ${keys} HAVING count(*) > 1)`)).getRows()[0][0]);
	if (dupes > 0) {
		const found = await conn.runAndReadAll(
			`SELECT rec, first FROM (SELECT c.rec, min(c.rec) OVER (PARTITION BY ${keys}) AS first FROM ${source} c WHERE NOT c.bad) WHERE rec > first ORDER BY rec LIMIT ${maxErrors}`
		);
		const column = header.displayName[columnIndex.get(spec.key[0])!];
		for (const [rec, first] of found.getRowsJS()) {
			problems.push({
				rec: Number(rec),
				kind: 3,
				sub: 0,
				column,
				rule: 'sleutel-dubbel',
				message: `dezelfde sleutel (${spec.key.join(', ')}) staat ook op regel ${t.lineOf(Number(first))}; elke sleutel mag maar een keer in een bestand voorkomen`
			});
		}
	}

	end();
	problems.sort((a, b) => a.rec - b.rec || a.kind - b.kind || a.sub - b.sub);
	for (const p of problems.slice(0, maxErrors)) errors.add(t.lineOf(p.rec), p.column, p.rule, p.message);
	onProgress?.(t.rows);
	if (!errors.empty) return null;
	return { table: source, rows: t.rows };
}

/** Drops a file's temporary tables. */
export async function dropSqlTable(conn: DuckDBConnection, t: SqlTable): Promise<void> {
	await conn.run(`DROP VIEW IF EXISTS ${t.table}_v`);
	for (const map of t.prepared?.maps ?? []) if (map) await conn.run(`DROP TABLE IF EXISTS ${map.table}`);
	for (const suffix of ['', '_chk', '_chk2']) await conn.run(`DROP TABLE IF EXISTS ${t.table}${suffix}`);
}
