// Where referrals go: counts per lijn and bestemming for the selected referrals (every lijn,
// whatever the lijn filter), with the lijn subtotals and the total. Each is a cell of its own under
// the cell key method (its own set of referrals, its own key), so a subtotal is not the sum of its
// perturbed parts and no part follows from subtraction.

import type { Database } from '$lib/server/db/database';
import type { Filters } from './filters';
import type { Onderdrukt } from '$lib/server/disclosure/suppression';
import { CELL_KEY_MODULUS, publishCount } from '$lib/server/disclosure/cellKey';
import { REFERRAL_FILTER } from '$lib/server/db/sql';
import { filterParams } from './verwijzingen';

export interface DestinationRow {
	lijn: number;
	bestemming: string;
	verwijzingen: number | null;
	/** share of all selected referrals, 0..1 */
	aandeel: number | null;
	onderdrukt: Onderdrukt;
}

export interface Destinations {
	rows: DestinationRow[];
	/** per lijn: subtotal (null when hidden) */
	lijnen: { lijn: number; verwijzingen: number | null; aandeel: number | null }[];
	totaal: number | null;
}

// Per bestemming, per lijn and in total (GROUPING SETS), every bestemming listed, zeros included.
const SQL = `
SELECT b.lijn, b.bestemming, count(v.verwijzing_id) AS n, CAST(coalesce(sum(v.celsleutel), 0) % ${CELL_KEY_MODULUS} AS INTEGER) AS sleutel
FROM bestemmingen b
LEFT JOIN (
	SELECT v.verwijzing_id, v.bestemming, v.celsleutel FROM verwijzingen v
	JOIN bestemmingen b USING (bestemming)
	JOIN wijken w ON w.wijk_code = v.wijk_code
	LEFT JOIN praktijken p ON p.praktijk_code = v.praktijk_code
	LEFT JOIN wijken pw ON pw.wijk_code = p.wijk_code
	WHERE ($van IS NULL OR year(v.datum) >= $van)
		AND ($tot IS NULL OR year(v.datum) <= $tot)
		AND ${REFERRAL_FILTER}
		AND ($praktijk IS NULL OR v.praktijk_code = $praktijk)
		AND CASE WHEN $perPraktijk
			THEN v.praktijk_code IS NOT NULL AND ($gemeente IS NULL OR pw.gemeente_code = $gemeente) AND ($wijk IS NULL OR pw.wijk_code = $wijk)
			ELSE ($gemeente IS NULL OR w.gemeente_code = $gemeente) AND ($wijk IS NULL OR v.wijk_code = $wijk) END
) v USING (bestemming)
GROUP BY GROUPING SETS ((b.lijn, b.bestemming), (b.lijn), ())
ORDER BY b.lijn, n DESC, b.bestemming`;

/** Computed once per version of the database (Database.memo). */
export function destinations(db: Database, f: Filters, k: number): Promise<Destinations> {
	return db.memo('destinations', [f, k], () => computeDestinations(db, f, k));
}

async function computeDestinations(db: Database, f: Filters, k: number): Promise<Destinations> {
	const raw = await db.query<{ lijn: number | null; bestemming: string | null; n: number; sleutel: number }>(SQL, {
		...filterParams(f),
		lijn: null,
		van: f.van,
		tot: f.tot,
		wijk: f.wijk,
		praktijk: f.praktijk,
		perPraktijk: f.niveau === 'praktijk'
	});
	const total = publishCount(raw.find((r) => r.lijn === null)?.n ?? 0, raw.find((r) => r.lijn === null)?.sleutel ?? 0, k).value;
	const share = (n: number | null) => (n === null || !total ? null : n / total);
	return {
		rows: raw
			.filter((r) => r.bestemming !== null)
			.map((r) => {
				const c = publishCount(r.n, r.sleutel, k);
				return { lijn: r.lijn!, bestemming: r.bestemming!, verwijzingen: c.value, aandeel: share(c.value), onderdrukt: c.onderdrukt };
			}),
		lijnen: raw
			.filter((r) => r.lijn !== null && r.bestemming === null)
			.map((r) => {
				const v = publishCount(r.n, r.sleutel, k).value;
				return { lijn: r.lijn!, verwijzingen: v, aandeel: share(v) };
			}),
		totaal: total
	};
}
