// Earlier versions of the database: an import that swaps a new file in keeps the file it replaces
// in `<db>.versies/`, named after the moment it was replaced and the last load it holds, so a
// rollback can put it back (docs/formats.md "Loading: idempotence, which file wins, atomicity").
// Pure naming rules, shared by the pipelines (which write and restore versions) and the app (which
// lists them).

export const VERSIONS_DIR_SUFFIX = '.versies';

/** How many earlier versions an import keeps by default. */
export const DEFAULT_KEEP_VERSIONS = 5;

const NAME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(\d+)(?:-(\d+))?\.duckdb$/;

/** `20250301T101530123Z-41.duckdb`: replaced at 2025-03-01T10:15:30.123Z, holds loads up to 41. */
export function versionFileName(savedAt: Date, lastLoadId: number, suffix?: number): string {
	const stamp = savedAt.toISOString().replace(/[-:.]/g, '');
	return `${stamp}-${lastLoadId}${suffix ? `-${suffix}` : ''}.duckdb`;
}

export interface VersionName {
	name: string;
	/** ISO, UTC. */
	savedAt: string;
	lastLoadId: number;
}

/** The parts of a version file name, or null for any other file. Names sort oldest first. */
export function parseVersionFileName(name: string): VersionName | null {
	const m = NAME.exec(name);
	if (!m) return null;
	const [, y, mo, d, h, mi, s, ms, last] = m;
	return { name, savedAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, lastLoadId: Number(last) };
}
