// Provenance: what was loaded, when, from which file, and what each load reported.
import type { Database } from '../db';
import { isSmall } from '../suppression';

export interface LoadRecord {
	load_id: number;
	file_name: string;
	sha256: string;
	dataset: string;
	rows_read: number | null;
	rows_loaded: number | null;
	rows_replaced: number | null;
	rows_rejected: number | null;
	warnings: string[];
	started_at: string;
	finished_at: string;
	pipeline_version: string;
}

/** Row counts of referral files are counts of events, so small ones are hidden like any other. */
function hideSmall(n: number, k: number): number | null {
	return isSmall(n, k) ? null : n;
}

export async function loads(db: Database, k: number): Promise<LoadRecord[]> {
	type RawCounts = { rows_read: number; rows_loaded: number; rows_replaced: number; rows_rejected: number };
	const rows = await db.query<Omit<LoadRecord, 'warnings' | keyof RawCounts> & RawCounts & { warnings: string }>(
		`SELECT load_id, file_name, sha256, dataset, rows_read, rows_loaded, rows_replaced, rows_rejected,
			warnings, started_at, finished_at, pipeline_version
		 FROM loads ORDER BY load_id DESC`
	);
	return rows.map((r) => {
		const counts = r.dataset === 'verwijzingen'
			? {
					rows_read: hideSmall(r.rows_read, k),
					rows_loaded: hideSmall(r.rows_loaded, k),
					rows_replaced: hideSmall(r.rows_replaced, k),
					rows_rejected: hideSmall(r.rows_rejected, k)
				}
			: {};
		return { ...r, ...counts, warnings: parseWarnings(r.warnings) };
	});
}

function parseWarnings(json: string): string[] {
	try {
		const v = JSON.parse(json);
		return Array.isArray(v) ? v.map(String) : [];
	} catch {
		return [];
	}
}

/** Row counts per table, so the Bronnen page can show what is in the database. */
export async function tableCounts(db: Database, k: number): Promise<{ tabel: string; rijen: number | null }[]> {
	const rows = await db.query<{ tabel: string; rijen: number }>(`
		SELECT 'wijken' AS tabel, count(*) AS rijen FROM wijken
		UNION ALL SELECT 'praktijken', count(*) FROM praktijken
		UNION ALL SELECT 'populatie_wijk', count(*) FROM populatie_wijk
		UNION ALL SELECT 'populatie_praktijk', count(*) FROM populatie_praktijk
		UNION ALL SELECT 'verwijzingen', count(*) FROM verwijzingen
		UNION ALL SELECT 'ojg_inzet', count(*) FROM ojg_inzet
		UNION ALL SELECT 'bestemmingen', count(*) FROM bestemmingen`);
	return rows.map((r) => (r.tabel === 'verwijzingen' ? { ...r, rijen: hideSmall(r.rijen, k) } : r));
}
