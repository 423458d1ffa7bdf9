// Row-level security for the analytic database. A user with a limited scope (docs/access.md)
// queries through temporary views that shadow the tables by name: `wijken` is only their wijken,
// `verwijzingen` only referrals of residents of those wijken or at their practices, and so on. Every
// query module runs unchanged on these views, so no page or export can forget the scope, and
// gemeenten outside it do not exist for that user (not even as totals).
//
// DuckDB resolves an unqualified table name in the temp catalog first, so a temp view `wijken`
// wins over the table `wijken`; the views read the tables by their fully qualified name.
import type { DuckDBConnection } from '@duckdb/node-api';
import { GEMEENTE_CODE, WIJK_CODE } from '$contract/codes';
import { isFullScope, type Scope } from '$lib/auth/types';

/** Where a table's rows belong, as a condition on the table's own columns (alias `t`). */
const ROW_FILTERS: Record<string, string> = {
	wijken: 't.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)',
	praktijken: 't.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)',
	populatie_wijk: 't.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)',
	populatie_praktijk: 't.praktijk_code IN (SELECT praktijk_code FROM bm_scope_praktijken)',
	verwijzingen:
		't.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken) OR t.praktijk_code IN (SELECT praktijk_code FROM bm_scope_praktijken)',
	ojg_inzet: 't.praktijk_code IN (SELECT praktijk_code FROM bm_scope_praktijken)',
	// A werkplan without a wijk belongs to the whole alliance and is seen by everyone in it.
	werkplannen: 't.wijk_code IS NULL OR t.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)',
	mijlpalen: 't.werkplan_id IN (SELECT werkplan_id FROM werkplannen)',
	voortgang: 't.werkplan_id IN (SELECT werkplan_id FROM werkplannen)',
	swot: 't.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)',
	wijkgrenzen: 't.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)',
	enquetes: 't.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)',
	enquete_vragen: 't.enquete_id IN (SELECT enquete_id FROM enquetes)',
	enquete_responsen: 't.enquete_id IN (SELECT enquete_id FROM enquetes)',
	enquete_antwoorden: 't.enquete_id IN (SELECT enquete_id FROM enquetes)',
	// Pages name the file a record came from (its load), so loads stay; what they say is masked below.
	loads: 'true'
};

/**
 * Columns a scoped user sees masked. A referral at one of their practices by a resident of a wijk
 * outside their scope counts for the practice, but does not name that wijk (and the other way round).
 */
const MASKED_COLUMNS: Record<string, Record<string, string>> = {
	// A file's row counts and warnings are about every gemeente in it: for the beheerder only.
	loads: {
		rows_read: 'NULL',
		rows_loaded: 'NULL',
		rows_replaced: 'NULL',
		rows_rejected: 'NULL',
		warnings: "'[]'"
	},
	verwijzingen: {
		wijk_code: 'CASE WHEN t.wijk_code IN (SELECT wijk_code FROM bm_scope_wijken) THEN t.wijk_code END',
		praktijk_code: 'CASE WHEN t.praktijk_code IN (SELECT praktijk_code FROM bm_scope_praktijken) THEN t.praktijk_code END'
	}
};

/** Views in dependency order: mijlpalen reads the scoped werkplannen, and so on. */
const ORDER = Object.keys(ROW_FILTERS);

/** Tables the same for everyone: the schema version and the code list of destinations. */
const PUBLIC_TABLES = new Set(['meta', 'bestemmingen']);

const codes = (list: readonly string[], pattern: RegExp, what: string) => {
	for (const c of list) if (!pattern.test(c)) throw new Error(`ongeldige ${what} in de scope: ${JSON.stringify(c)}`);
	return list.join(',');
};

/** A column name as an SQL identifier (the names come from the file, so they are quoted, not trusted). */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Columns per table of the database, to build the views (a table the file lacks gets no view). */
export type TableColumns = ReadonlyMap<string, readonly string[]>;

export async function tableColumns(conn: DuckDBConnection): Promise<TableColumns> {
	const reader = await conn.runAndReadAll(
		`SELECT table_name, list(column_name ORDER BY column_index) FROM duckdb_columns() WHERE schema_name = 'main' AND database_name = current_database() GROUP BY table_name`
	);
	return new Map(reader.getRowsJS().map(([name, cols]) => [String(name), (cols as unknown[]).map(String)]));
}

/** Creates the scope's views on a fresh connection; a full scope needs none. */
export async function applyScope(conn: DuckDBConnection, scope: Scope, tables: TableColumns): Promise<void> {
	if (isFullScope(scope)) return;
	const catalog = String((await conn.runAndReadAll('SELECT current_database()')).getRows()[0][0]).replace(/"/g, '""');
	const base = (table: string) => `"${catalog}".main.${table}`;
	const gemeenten = scope.gemeenten === null ? null : codes(scope.gemeenten, GEMEENTE_CODE, 'gemeentecode');
	const wijken = scope.wijken === null ? null : codes(scope.wijken, WIJK_CODE, 'wijkcode');
	if (tables.has('wijken') && tables.has('praktijken')) {
		await conn.run(
			`CREATE TEMP TABLE bm_scope_wijken AS
			 SELECT wijk_code FROM ${base('wijken')}
			 WHERE (CAST($gemeenten AS VARCHAR) IS NULL OR list_contains(string_split($gemeenten, ','), gemeente_code))
			   AND (CAST($wijken AS VARCHAR) IS NULL OR list_contains(string_split($wijken, ','), wijk_code))`,
			{ gemeenten, wijken }
		);
		await conn.run(`CREATE TEMP TABLE bm_scope_praktijken AS SELECT praktijk_code FROM ${base('praktijken')} WHERE wijk_code IN (SELECT wijk_code FROM bm_scope_wijken)`);
	} else {
		// A file without reference data: nothing of it is in anyone's scope.
		await conn.run(`CREATE TEMP TABLE bm_scope_wijken (wijk_code VARCHAR); CREATE TEMP TABLE bm_scope_praktijken (praktijk_code VARCHAR)`);
	}
	for (const table of ORDER) {
		const columns = tables.get(table);
		if (!columns) continue;
		const masked = MASKED_COLUMNS[table] ?? {};
		const select = columns.map((c) => (masked[c] ? `${masked[c]} AS ${ident(c)}` : `t.${ident(c)}`)).join(', ');
		await conn.run(`CREATE TEMP VIEW ${table} AS SELECT ${select} FROM ${base(table)} t WHERE ${ROW_FILTERS[table]}`);
	}
	// A table this code does not know (added by a later version of the pipelines) is empty for a
	// scoped user until a rule says whose rows it holds: scopes fail closed.
	for (const [table, columns] of tables) {
		if (Object.hasOwn(ROW_FILTERS, table) || PUBLIC_TABLES.has(table)) continue;
		await conn.run(`CREATE TEMP VIEW ${ident(table)} AS SELECT ${columns.map((c) => `t.${ident(c)}`).join(', ')} FROM "${catalog}".main.${ident(table)} t WHERE false`);
	}
}
