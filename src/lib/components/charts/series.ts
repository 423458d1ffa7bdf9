// Turns rate rows (per unit and period) into chart series, with the spoken text of every value.
import type { LineSeries } from './types';
import { formatCount, formatNumber, formatRate, type Onderdrukt } from '$lib/shared/format';
import { periodLabelNl } from '$lib/shared/periods';

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

interface RateRowLike extends RateLike {
	verwijzingen: number | null;
	populatie: number | null;
}

/** The table columns of a rate table: name, period, count, population, rate. */
export function rateColumns<R extends RateRowLike>(k: number, nameLabel: string, periodLabel: string, populationLabel = 'Populatie') {
	return [
		{ label: nameLabel, value: (r: R) => r.niveau_naam },
		{ label: periodLabel, value: (r: R) => periodLabelNl(r.periode) },
		{ label: 'Verwijzingen', value: (r: R) => formatCount(r.verwijzingen, r.onderdrukt, k), numeric: true },
		{ label: populationLabel, value: (r: R) => (r.populatie === null ? '–' : formatNumber(r.populatie)), numeric: true },
		{ label: 'Per 1.000 per jaar', value: (r: R) => formatRate(r.per_1000), numeric: true }
	];
}
