// What the upload page reads from the analytic database: the enquetes a survey tool export can
// belong to (for the choice per file) and the latest loads with who loaded them.
import { LOADED_BY_PREFIX } from '$contract/provenance';
import type { Database } from '$lib/server/db/database';
import { existingTables } from '$lib/server/db/sql';

export interface EnqueteChoice {
	enquete_id: string;
	naam: string;
	seizoen: string;
	wijk_code: string | null;
}

const ENQUETES_SQL = `SELECT enquete_id, naam, seizoen, wijk_code FROM enquetes ORDER BY datum DESC, enquete_id`;

/** Every enquete in the database, newest first; none when the survey tables are not there yet. */
export async function enqueteChoices(db: Pick<Database, 'query'>): Promise<EnqueteChoice[]> {
	if (!(await existingTables(db, ['enquetes'])).has('enquetes')) return [];
	return db.query<EnqueteChoice>(ENQUETES_SQL);
}

export interface RecentLoad {
	load_id: number;
	file_name: string;
	dataset: string;
	finished_at: string;
	/** Who loaded it (`--door`), when recorded. */
	door: string | null;
}

const RECENT_LOADS_SQL = `SELECT l.load_id, l.file_name, l.dataset, l.finished_at, m.value AS door
	FROM loads l LEFT JOIN meta m ON m.key = $prefix || CAST(l.load_id AS VARCHAR)
	ORDER BY l.load_id DESC LIMIT $limit`;

/** The newest loads, newest first. */
export async function recentLoads(db: Pick<Database, 'query'>, limit = 5): Promise<RecentLoad[]> {
	return db.query<RecentLoad>(RECENT_LOADS_SQL, { prefix: LOADED_BY_PREFIX, limit });
}
