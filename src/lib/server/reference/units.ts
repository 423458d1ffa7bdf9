// Reference data for filter options and headers: gemeenten, wijken, praktijken, data range.
import type { Database } from '$lib/server/db/database';
import { DATA_RANGE_SQL } from '$lib/server/db/sql';

export interface Gemeente {
	gemeente_code: string;
	gemeente_naam: string;
}
export interface Wijk extends Gemeente {
	wijk_code: string;
	wijk_naam: string;
}
export interface Praktijk extends Wijk {
	praktijk_code: string;
	praktijk_naam: string;
}
export interface DataRange {
	eerste: string | null;
	laatste: string | null;
	laatste_volledige_jaar: number | null;
}
export interface Reference {
	gemeenten: Gemeente[];
	wijken: Wijk[];
	praktijken: Praktijk[];
	range: DataRange;
	demo: boolean;
	updatedAt: string | null;
}

export async function reference(db: Database): Promise<Reference> {
	const [gemeenten, wijken, praktijken, [range], meta] = await Promise.all([
		db.query<Gemeente>(
			`SELECT gemeente_code, any_value(gemeente_naam) AS gemeente_naam FROM wijken GROUP BY gemeente_code ORDER BY gemeente_naam`
		),
		db.query<Wijk>(`SELECT wijk_code, wijk_naam, gemeente_code, gemeente_naam FROM wijken ORDER BY gemeente_naam, wijk_naam`),
		db.query<Praktijk>(
			`SELECT p.praktijk_code, p.praktijk_naam, w.wijk_code, w.wijk_naam, w.gemeente_code, w.gemeente_naam
			 FROM praktijken p JOIN wijken w USING (wijk_code) ORDER BY p.praktijk_naam`
		),
		db.deliveryPeriod<DataRange>(DATA_RANGE_SQL),
		db.query<{ key: string; value: string }>(`SELECT key, value FROM meta`)
	]);
	const m = new Map(meta.map((r) => [r.key, r.value]));
	return { gemeenten, wijken, praktijken, range, demo: m.get('demo') === '1', updatedAt: m.get('updated_at') ?? null };
}
