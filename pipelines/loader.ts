// Writes checked rows into their table: bulk-append into a staging table (or take the staged table
// of a large CSV, validators/sqlTable.ts), then one set-based upsert. Rows whose key already exists replace the old row; rows identical to what is stored are
// left alone, so loading the same file twice changes nothing (not even the load_id).

import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec } from './validators/spec';
import type { Value } from './validators/fields';

export interface UpsertResult {
	/** Rows whose key was already in the table. */
	replaced: number;
	/** Of those, rows that were identical and so kept as they were. */
	unchanged: number;
}

const PROGRESS_EVERY = 5000;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Must run inside the caller's transaction: a failure anywhere then leaves no trace. */
export async function upsertRows(
	conn: DuckDBConnection,
	spec: DatasetSpec,
	rows: readonly Value[][],
	loadId: number,
	onProgress?: (done: number) => void,
	computed?: ComputedColumn
): Promise<UpsertResult> {
	const cols = spec.columns.map((c) => ident(c.name));
	const target = ident(spec.table);

	// Values travel as text and are cast once in SQL: one appender call per cell, no per-type code,
	// and DuckDB's own casts for DATE ('2024-03-15') and DOUBLE ('12.5').
	await conn.run('DROP TABLE IF EXISTS temp.stage_raw');
	await conn.run(`CREATE TEMP TABLE stage_raw (${cols.map((c) => `${c} VARCHAR`).join(', ')})`);
	const appender = await conn.createAppender('stage_raw', 'main', 'temp');
	try {
		for (let r = 0; r < rows.length; r++) {
			for (const v of rows[r]) {
				if (v === null) appender.appendNull();
				else appender.appendVarchar(String(v));
			}
			appender.endRow();
			if (onProgress && r % PROGRESS_EVERY === 0) onProgress(r);
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
	onProgress?.(rows.length);

	const typed = spec.columns.map((c) => `CAST(${ident(c.name)} AS ${c.type.sqlType}) AS ${ident(c.name)}`);
	await conn.run('DROP TABLE IF EXISTS temp.stage');
	await conn.run(`CREATE TEMP TABLE stage AS SELECT ${typed.join(', ')} FROM temp.stage_raw`);
	await conn.run('DROP TABLE temp.stage_raw');
	const result = await upsertStage(conn, spec, 'temp.stage', loadId, computed);
	await conn.run('DROP TABLE temp.stage');
	return result;
}

/**
 * A column the dataset's table has beyond the file's: its value computed in SQL from the staged
 * row while the row is written (the record key of a referral, pipelines/cellKeys.ts), with the
 * parameters the expression needs.
 */
export interface ComputedColumn {
	column: string;
	sql: string;
	params: Record<string, string>;
}

/**
 * Writes a staged table or view (the dataset's columns, typed; other columns are ignored) into the
 * dataset's table: new keys are inserted, known keys replaced unless the row is identical. Must
 * run inside the caller's transaction. The stage is only read, so it may be a view over the rows
 * as DuckDB read them (validators/sqlTable.ts): they are then copied once, into their table.
 */
export async function upsertStage(conn: DuckDBConnection, spec: DatasetSpec, stage: string, loadId: number, computed?: ComputedColumn): Promise<UpsertResult> {
	const cols = spec.columns.map((c) => ident(c.name));
	const target = ident(spec.table);
	const into = `${cols.join(', ')}, load_id${computed ? `, ${ident(computed.column)}` : ''}`;
	const values = `${cols.map((c) => `s.${c}`).join(', ')}, ${Number(loadId)}${computed ? `, ${computed.sql}` : ''}`;
	const params = computed?.params;
	const empty = (await conn.runAndReadAll(`SELECT NOT EXISTS (SELECT 1 FROM ${target})`)).getRows()[0][0] === true;
	if (empty) {
		// A first load (the national export into a new database): nothing to compare or replace.
		await conn.run(`INSERT INTO ${target} (${into}) SELECT ${values} FROM ${stage} s`, params);
		return { replaced: 0, unchanged: 0 };
	}
	const keyJoin = spec.key.map((k) => `s.${ident(k)} = t.${ident(k)}`).join(' AND ');
	const same = spec.columns.map((c) => `s.${ident(c.name)} IS NOT DISTINCT FROM t.${ident(c.name)}`).join(' AND ');
	const counts = await conn.runAndReadAll(
		`SELECT count(*) AS replaced, count(*) FILTER (WHERE ${same}) AS unchanged
		 FROM ${stage} s JOIN ${target} t ON ${keyJoin}`
	);
	const [replaced, unchanged] = counts.getRows()[0].map(Number);
	// Identical rows are left alone (not even their load_id changes): loading a file twice changes nothing.
	const changed = unchanged > 0 ? ` WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${keyJoin} AND ${same})` : '';
	await conn.run(`INSERT OR REPLACE INTO ${target} (${into}) SELECT ${values} FROM ${stage} s${changed}`, params);
	return { replaced, unchanged };
}
