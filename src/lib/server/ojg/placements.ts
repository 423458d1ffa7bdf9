// OJG / POH-jeugd placements in practices.
import type { Database } from '$lib/server/db/database';
import type { PlacementRecord, PracticeRecord } from './design';

export interface Placement {
	praktijk_code: string;
	praktijk_naam: string;
	wijk_code: string;
	functie: string;
	start: string;
	eind: string | null;
	uren_per_week: number | null;
}

/** Placements in the practices located in a wijk (or all, when wijk is null). */
export async function placements(db: Database, wijk: string | null): Promise<Placement[]> {
	return db.query<Placement>(
		`SELECT o.praktijk_code, p.praktijk_naam, p.wijk_code, o.functie, o.start, o.eind, o.uren_per_week
		 FROM ojg_inzet o JOIN praktijken p USING (praktijk_code)
		 WHERE $wijk IS NULL OR p.wijk_code = $wijk
		 ORDER BY o.start, p.praktijk_naam`,
		{ wijk }
	);
}

/** Placements and practices (with their gemeente) for the OJG-effect design. */
export async function placementRecords(db: Database): Promise<{ placements: PlacementRecord[]; practices: PracticeRecord[] }> {
	const [placements, practices] = await Promise.all([
		db.query<PlacementRecord>(`SELECT praktijk_code, functie, strftime(start, '%Y-%m-%d') AS start, strftime(eind, '%Y-%m-%d') AS eind FROM ojg_inzet ORDER BY start, praktijk_code, functie`),
		db.query<PracticeRecord>(`SELECT p.praktijk_code AS code, w.gemeente_code FROM praktijken p JOIN wijken w USING (wijk_code) ORDER BY p.praktijk_code`)
	]);
	return { placements, practices };
}
