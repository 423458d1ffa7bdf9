// Runtime settings read from the environment, in one place.
import path from 'node:path';

/** The analytic database the server reads; pipelines swap a new version in beside it. */
export function databasePath(): string {
	return path.resolve(process.env.MONITOR_DB ?? 'data/monitor.duckdb');
}

/** Smallest count of people or events that may be shown (docs/privacy.md "Small numbers"). */
export function minCell(): number {
	const raw = process.env.MONITOR_MIN_CELL;
	if (raw === undefined || raw === '') return 5;
	const k = Number(raw);
	if (!Number.isInteger(k) || k < 1) {
		throw new Error(`MONITOR_MIN_CELL moet een geheel getal van 1 of meer zijn, niet "${raw}"`);
	}
	return k;
}

/**
 * Memory DuckDB may use for its buffer pool and query state (MONITOR_DB_MEMORY_MB, default 512).
 * DuckDB's own default is 80% of the machine's memory; for a read-only server that mostly means a
 * page cache of the whole file, which pushed the server past 1.5 GB at national scale while the
 * operating system caches the file anyway.
 */
export function databaseMemoryMb(): number {
	const raw = process.env.MONITOR_DB_MEMORY_MB;
	if (raw === undefined || raw === '') return 512;
	const mb = Number(raw);
	if (!Number.isInteger(mb) || mb < 64) {
		throw new Error(`MONITOR_DB_MEMORY_MB moet een geheel getal van 64 of meer zijn (megabytes), niet "${raw}"`);
	}
	return mb;
}
