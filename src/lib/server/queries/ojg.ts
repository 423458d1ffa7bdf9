// OJG / POH-jeugd placements in practices.
import type { Database } from '../db';

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
