// Provenance: one row in `loads` per loaded file, saying what came in, when, and with which code.

import type { DuckDBConnection } from '@duckdb/node-api';
import { loadedByKey } from '../contract/provenance';
import { PIPELINE_VERSION } from './version';

export interface LoadRecord {
	loadId: number;
	fileName: string;
	sha256: string;
	dataset: string;
	rowsRead: number;
	rowsLoaded: number;
	rowsReplaced: number;
	rowsRejected: number;
	warnings: readonly string[];
	/** ISO timestamps (UTC). */
	startedAt: string;
	finishedAt: string;
}

/** The next load id. The import lock makes this safe: nobody else writes in the meantime. */
export async function nextLoadId(conn: DuckDBConnection): Promise<number> {
	const reader = await conn.runAndReadAll('SELECT coalesce(max(load_id), 0) + 1 FROM loads');
	return Number(reader.getRows()[0][0]);
}

/** TIMESTAMP columns hold UTC without zone: '2024-03-15T10:00:00.000Z' -> '2024-03-15 10:00:00.000'. */
function utcTimestamp(iso: string): string {
	return iso.replace('T', ' ').replace(/Z$/, '');
}

export async function recordLoad(conn: DuckDBConnection, rec: LoadRecord): Promise<void> {
	await conn.run(
		`INSERT INTO loads (load_id, file_name, sha256, dataset, rows_read, rows_loaded, rows_replaced,
		   rows_rejected, warnings, started_at, finished_at, pipeline_version)
		 VALUES ($load_id, $file_name, $sha256, $dataset, $rows_read, $rows_loaded, $rows_replaced,
		   $rows_rejected, $warnings, CAST($started_at AS TIMESTAMP), CAST($finished_at AS TIMESTAMP), $pipeline_version)`,
		{
			load_id: rec.loadId,
			file_name: rec.fileName,
			sha256: rec.sha256,
			dataset: rec.dataset,
			rows_read: rec.rowsRead,
			rows_loaded: rec.rowsLoaded,
			rows_replaced: rec.rowsReplaced,
			rows_rejected: rec.rowsRejected,
			warnings: JSON.stringify(rec.warnings),
			started_at: utcTimestamp(rec.startedAt),
			finished_at: utcTimestamp(rec.finishedAt),
			pipeline_version: PIPELINE_VERSION
		}
	);
}

export async function setMeta(conn: DuckDBConnection, key: string, value: string): Promise<void> {
	await conn.run('INSERT OR REPLACE INTO meta VALUES ($key, $value)', { key, value });
}

/** Who loaded: `meta` key `geladen_door:<load_id>` (contract/provenance.ts), so `loads` keeps its columns. */
export async function recordLoadedBy(conn: DuckDBConnection, loadId: number, who: string): Promise<void> {
	await setMeta(conn, loadedByKey(loadId), who);
}
