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
