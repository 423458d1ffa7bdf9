// Where referrals go: counts per lijn and bestemming for the selected referrals (every lijn,
// whatever the lijn filter), with the lijn subtotals and the total as suppression groups.

import type { Database } from '$lib/server/db/database';
import type { Filters } from './filters';
import { suppress, type Onderdrukt } from '$lib/server/disclosure/suppression';
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

const SQL = `
SELECT b.lijn, b.bestemming, count(v.verwijzing_id) AS verwijzingen
FROM bestemmingen b
LEFT JOIN (
	SELECT v.verwijzing_id, v.bestemming FROM verwijzingen v
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
GROUP BY ALL
ORDER BY b.lijn, verwijzingen DESC, b.bestemming`;

export async function destinations(db: Database, f: Filters, k: number): Promise<Destinations> {
	const raw = await db.query<{ lijn: number; bestemming: string; verwijzingen: number }>(SQL, {
		...filterParams(f),
		lijn: null,
		van: f.van,
		tot: f.tot,
		wijk: f.wijk,
		praktijk: f.praktijk,
		perPraktijk: f.niveau === 'praktijk'
	});
	const counts = new Map<string, number>();
	const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
	const lijnen = [...new Set(raw.map((r) => r.lijn))];
	for (const l of lijnen) add(`lijn|${l}`, 0);
	add('totaal', 0);
	for (const r of raw) {
		add(`b|${r.bestemming}`, r.verwijzingen);
		add(`lijn|${r.lijn}`, r.verwijzingen);
		add('totaal', r.verwijzingen);
	}
	const groups = [
		['totaal', ...lijnen.map((l) => `lijn|${l}`)],
		...lijnen.map((l) => [`lijn|${l}`, ...raw.filter((r) => r.lijn === l).map((r) => `b|${r.bestemming}`)])
	];
	const cells = suppress(counts, groups, k);
	const total = cells.get('totaal')!.value;
	const share = (n: number | null) => (n === null || !total ? null : n / total);
	return {
		rows: raw.map((r) => {
			const c = cells.get(`b|${r.bestemming}`)!;
			return { lijn: r.lijn, bestemming: r.bestemming, verwijzingen: c.value, aandeel: share(c.value), onderdrukt: c.onderdrukt };
		}),
		lijnen: lijnen.map((l) => {
			const v = cells.get(`lijn|${l}`)!.value;
			return { lijn: l, verwijzingen: v, aandeel: share(v) };
		}),
		totaal: total
	};
}
