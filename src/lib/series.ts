// Turns rate rows (per unit and period) into chart series, with the spoken text of every value.
import type { LineSeries } from '$lib/components/charts/types';
import { formatCount, formatRate, type Onderdrukt } from '$lib/format';

interface RateLike {
	periode: string;
	niveau_code: string;
	niveau_naam: string;
	per_1000: number | null;
	onderdrukt: Onderdrukt;
}

/** A rate as text: "12,3 per 1.000", or why it is not shown. */
export function rateText(rate: number | null, onderdrukt: Onderdrukt, k: number): string {
	if (onderdrukt) return `afgeschermd (${formatCount(null, onderdrukt, k)})`;
	return rate === null ? 'onbekend' : `${formatRate(rate)} per 1.000`;
}

export function seriesFromRows(rows: readonly RateLike[], k: number): LineSeries[] {
	const byUnit = new Map<string, LineSeries>();
	for (const r of rows) {
		let s = byUnit.get(r.niveau_code);
		if (!s) byUnit.set(r.niveau_code, (s = { key: r.niveau_code, name: r.niveau_naam, points: [] }));
		s.points.push({ x: r.periode, y: r.per_1000, text: rateText(r.per_1000, r.onderdrukt, k) });
	}
	return [...byUnit.values()];
}
