// The wijk map of /verwijzingen (weergave=kaart) and the Overzicht: per wijk its boundary (table
// wijkgrenzen, optional) and the referral rate of one year and of the year before. The rates are
// the published ones of referralRates (cell key method, docs/privacy.md): this module adds no
// count of its own, so the map shows exactly what the line chart and the CSV show, a hidden count
// stays hidden (no rate, no change) and no count of 1..k-1 ever leaves the server.

import type { Database } from '$lib/server/db/database';
import { DATA_RANGE_SQL, existingTables } from '$lib/server/db/sql';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import type { Filters } from '$lib/server/referrals/filters';
import type { Geometry, KaartWijk, WijkKaart } from '$lib/map/kaart';

const BOUNDARIES_SQL = `
	SELECT g.wijk_code, g.geometrie
	FROM wijkgrenzen g JOIN wijken w USING (wijk_code)
	WHERE $gemeente IS NULL OR w.gemeente_code = $gemeente
	ORDER BY g.wijk_code`;

/** Wijk boundaries in view (a gemeente, or all), parsed; an empty map when none are loaded. */
export function wijkBoundaries(db: Database, gemeente: string | null): Promise<Map<string, Geometry>> {
	return db.memo('wijkBoundaries', [gemeente], async () => {
		if (!(await existingTables(db, ['wijkgrenzen'])).has('wijkgrenzen')) return new Map();
		const rows = await db.query<{ wijk_code: string; geometrie: string }>(BOUNDARIES_SQL, { gemeente });
		return new Map(rows.map((r) => [r.wijk_code, JSON.parse(r.geometrie) as Geometry]));
	});
}

/**
 * The year a map shows: the `tot` of the filters when it lies within the data, else the last
 * complete year (as the Overzicht's headline figures); null when no referrals are loaded.
 */
async function mapYear(db: Database, tot: number | null): Promise<number | null> {
	const [range] = await db.deliveryPeriod<{ eerste: string | null; laatste_volledige_jaar: number | null }>(DATA_RANGE_SQL);
	const last = range?.laatste_volledige_jaar ?? null;
	if (last === null || !range?.eerste) return null;
	const first = Number(range.eerste.slice(0, 4));
	if (tot !== null && tot >= first && tot <= last) return tot;
	return last;
}

/**
 * Per wijk (of the gemeente filter, else all in scope) the rate of the map's year and the year
 * before, and the change between them; with the filters of the page (lijn, leeftijd, domein,
 * verwijzer, noemer). Memoised per database version.
 */
export function wijkKaart(db: Database, f: Filters, k: number): Promise<WijkKaart> {
	const key = { ...f, niveau: 'wijk', periode: 'jaar', wijk: null, praktijk: null, van: null };
	return db.memo('wijkKaart', [key, k], () => computeWijkKaart(db, f, k));
}

async function computeWijkKaart(db: Database, f: Filters, k: number): Promise<WijkKaart> {
	const jaar = await mapYear(db, f.tot);
	const boundaries = await wijkBoundaries(db, f.gemeente);
	if (jaar === null) return { jaar: null, grenzen: boundaries.size > 0, wijken: [] };
	const rates = await referralRates(db, { ...f, niveau: 'wijk', periode: 'jaar', wijk: null, praktijk: null, van: jaar - 1, tot: jaar }, k);
	const byWijk = new Map<string, { huidig?: (typeof rates)[number]; vorig?: (typeof rates)[number] }>();
	for (const r of rates) {
		const entry = byWijk.get(r.niveau_code) ?? {};
		if (r.periode === String(jaar)) entry.huidig = r;
		else if (r.periode === String(jaar - 1)) entry.vorig = r;
		byWijk.set(r.niveau_code, entry);
	}
	const wijken: KaartWijk[] = [];
	for (const [code, { huidig, vorig }] of byWijk) {
		const any = (huidig ?? vorig)!;
		const per1000 = huidig?.per_1000 ?? null;
		const per1000Vorig = vorig?.per_1000 ?? null;
		wijken.push({
			code,
			naam: any.niveau_naam,
			gemeente_code: any.gemeente_code,
			gemeente_naam: any.gemeente_naam,
			geometrie: boundaries.get(code) ?? null,
			per1000,
			per1000Vorig,
			verwijzingen: huidig?.verwijzingen ?? null,
			onderdrukt: huidig?.onderdrukt != null,
			vorigOnderdrukt: vorig?.onderdrukt != null,
			noemer: any.noemer,
			verandering: per1000 !== null && per1000Vorig !== null && per1000Vorig > 0 ? per1000 / per1000Vorig - 1 : null
		});
	}
	wijken.sort((a, b) => a.gemeente_naam.localeCompare(b.gemeente_naam, 'nl') || a.naam.localeCompare(b.naam, 'nl'));
	return { jaar, grenzen: wijken.some((w) => w.geometrie !== null), wijken };
}
