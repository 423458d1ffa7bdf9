// The wijk map's view model and its rules, client-safe: what the server hands the page (one row per
// wijk with its boundary and published rates), the colour classes of the two maps (rate and change
// against the previous year) with their legend, and the words beside an arrow in the ranked list.
// Colours are theme tokens (mixed with the chart background for the lighter classes), never literals.
import { ticks } from 'd3';
import { formatNumber } from '$lib/shared/format';

/** A wijk boundary as stored at ingest: GeoJSON, WGS84 [lon, lat]. */
export type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface KaartWijk {
	code: string;
	naam: string;
	gemeente_code: string;
	gemeente_naam: string;
	/** null: no boundary loaded for this wijk */
	geometrie: Geometry | null;
	/** referrals per 1,000 per year in `jaar`, from the published count; null when hidden or unknown */
	per1000: number | null;
	per1000Vorig: number | null;
	/** the published count in `jaar`; null when it is "<k" */
	verwijzingen: number | null;
	/** the count of `jaar` is a small number ("<k"): no rate, no change */
	onderdrukt: boolean;
	/** the count of the year before is a small number: no change */
	vorigOnderdrukt: boolean;
	/** the denominator of `per1000` (inhabitants, or registered patients where those are missing) */
	noemer: 'inwoners' | 'patienten';
	/** relative change of the rate against the year before (0.1 = 10% higher); null when unknown */
	verandering: number | null;
}

export interface WijkKaart {
	/** the year shown and the year it is compared with; null: no referrals loaded */
	jaar: number | null;
	/** true when any wijk boundary is loaded (the table exists and holds a wijk in view) */
	grenzen: boolean;
	wijken: KaartWijk[];
}

export type Weergave = 'tijd' | 'kaart';

/** `weergave` from the query string: the map when asked for, else the lines over time. */
export function parseWeergave(params: URLSearchParams): Weergave {
	return params.get('weergave') === 'kaart' ? 'kaart' : 'tijd';
}

/** One class of a map: its paint and its legend text. */
export interface Klasse {
	fill: string;
	label: string;
}

/** Paint of a hidden (small-number) wijk: hatched, see plot/map.ts. */
export const HATCH = 'hatch';
/** Paint of a wijk without a value (no denominator, no data). */
export const EMPTY = 'var(--bm-chart-empty)';

const mix = (token: string, pct: number) => (pct >= 100 ? `var(${token})` : `color-mix(in srgb, var(${token}) ${pct}%, var(--bm-chart-background))`);


/**
 * Rate classes: up to five, split at round numbers over the values shown (d3.ticks), so the legend
 * reads "10 tot 15" rather than "10,37 tot 14,92". Light to dark in the first series colour.
 */
export function rateClasses(values: readonly number[]): { thresholds: number[]; klassen: Klasse[] } {
	if (values.length === 0) return { thresholds: [], klassen: [] };
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of values) {
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	// At most four thresholds (five classes): fewer ticks when round numbers come thick.
	const inside = (count: number) => (lo === hi ? [] : ticks(lo, hi, count).filter((t) => t > lo && t < hi));
	const thresholds = [5, 4, 3, 2].map(inside).find((t) => t.length <= 4) ?? [];
	const n = thresholds.length + 1;
	// Whole thresholds are written whole ("10 tot 15"), others with one decimal.
	const fmt1 = (v: number) => formatNumber(v, thresholds.every(Number.isInteger) && (n > 1 || Number.isInteger(v)) ? 0 : 1);
	const shades = [20, 40, 60, 80, 100].slice(5 - n);
	const klassen = shades.map((pct, i) => {
		const label =
			n === 1 ? fmt1(lo) : i === 0 ? `minder dan ${fmt1(thresholds[0])}` : i === n - 1 ? `${fmt1(thresholds[n - 2])} of meer` : `${fmt1(thresholds[i - 1])} tot ${fmt1(thresholds[i])}`;
		return { fill: mix('--bm-chart-series-1', pct), label };
	});
	return { thresholds, klassen };
}

/** The class of a value: the number of thresholds it reaches. */
export function classIndex(value: number, thresholds: readonly number[]): number {
	let i = 0;
	while (i < thresholds.length && value >= thresholds[i]) i++;
	return i;
}

/**
 * Change classes, fixed so that maps of different years and filters read alike: 5% either way is
 * "about the same" (perturbed counts move a rate by a few percent on their own), 15% is a lot.
 * Down in the third series colour (green), up in the second (red-orange).
 */
export const CHANGE_THRESHOLDS = [-0.15, -0.05, 0.05, 0.15] as const;
export const CHANGE_CLASSES: readonly Klasse[] = [
	{ fill: mix('--bm-chart-series-3', 100), label: '15% of meer lager' },
	{ fill: mix('--bm-chart-series-3', 45), label: '5 tot 15% lager' },
	{ fill: 'var(--bm-chart-grid)', label: 'minder dan 5% verschil' },
	{ fill: mix('--bm-chart-series-2', 45), label: '5 tot 15% hoger' },
	{ fill: mix('--bm-chart-series-2', 100), label: '15% of meer hoger' }
];

export type Richting = 'hoger' | 'lager' | 'gelijk';

/** Direction of a change, rounded as it is written (0,0% is "gelijk"). */
export function richting(verandering: number): Richting {
	const pct = Math.round(verandering * 1000) / 10;
	return pct > 0 ? 'hoger' : pct < 0 ? 'lager' : 'gelijk';
}

/** "12,3% hoger", "4,0% lager", "gelijk": the size without a sign, the direction in words. */
export function changeText(verandering: number): string {
	const r = richting(verandering);
	return r === 'gelijk' ? 'gelijk' : `${formatNumber(Math.abs(verandering) * 100, 1)}% ${r}`;
}

/** The ranked list: largest rise first, then down to the largest fall; wijken without a change last, by name. */
export function rankByChange(wijken: readonly KaartWijk[]): KaartWijk[] {
	return [...wijken].sort((a, b) => {
		if (a.verandering === null || b.verandering === null) {
			if (a.verandering !== b.verandering) return a.verandering === null ? 1 : -1;
			return a.naam.localeCompare(b.naam, 'nl');
		}
		return b.verandering - a.verandering || a.naam.localeCompare(b.naam, 'nl');
	});
}
