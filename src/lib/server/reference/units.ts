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

/** What every page's layout needs: no wijken or praktijken (3,000 and 5,000 of them nationally). */
export type SiteReference = Omit<Reference, 'wijken' | 'praktijken'>;

export async function siteReference(db: Database): Promise<SiteReference> {
	const { gemeenten, range, demo, updatedAt } = await reference(db);
	return { gemeenten, range, demo, updatedAt };
}

/** Above this many, filter lists of wijken and praktijken only offer those of the chosen gemeente. */
export const MAX_OPTIONS = 300;

/** The wijken and praktijken a filter bar offers: all, or when there are many, those of the selection. */
export async function filterOptions(db: Database, sel: { gemeente: string | null; wijk: string | null }) {
	const ref = await reference(db);
	const wijken = ref.wijken.length <= MAX_OPTIONS ? ref.wijken : ref.wijken.filter((w) => w.gemeente_code === sel.gemeente);
	const praktijken =
		ref.praktijken.length <= MAX_OPTIONS
			? ref.praktijken
			: ref.praktijken.filter((p) => (sel.wijk ? p.wijk_code === sel.wijk : p.gemeente_code === sel.gemeente));
	return { wijken, praktijken, beperkt: wijken.length < ref.wijken.length };
}

/** Gemeenten, wijken, praktijken and the data range; computed once per database version. */
export function reference(db: Database): Promise<Reference> {
	return db.memo('reference', [], () => computeReference(db));
}

async function computeReference(db: Database): Promise<Reference> {
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
