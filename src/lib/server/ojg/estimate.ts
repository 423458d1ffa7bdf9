// The OJG-effect model of one view (window length and comparison choice), as a pure function of
// the designs and the keyed practice-month counts: status and reason per placement, the
// difference-in-differences on TRUE counts, the placebo calibration of the intervals and the
// pooled estimate (docs/ojg-effect.md). The model publishes no count: the window counts it shows
// are published through the cell key method, and a placement is only estimated when every
// window count it rests on is safely above k (see `MODEL_MIN_PUBLISHED`).

import { CELL_KEY_MODULUS, MAX_PERTURBATION, NO_RECORDS, addKeyed, publishCount, type KeyedCount } from '$lib/server/disclosure/cellKey';
import { isSmall, type Cell } from '$lib/server/disclosure/suppression';
import { did, type DidEstimate, type PersonTime } from '$lib/ojg/did';
import { calibrate, calibratedInterval, placeboZ, poolCalibrated, type Calibration, type CalibratedPool, type PlaceboUnit } from '$lib/ojg/calibration';
import { yearOf } from '$lib/shared/periods';
import { formatDate } from '$lib/shared/format';
import { FUNCTIE_LABEL, label } from '$lib/referrals/labels';
import { earlierPlacementInPre, type Design, type PlacementRecord } from './design';

/** The keyed outcome counts (`<praktijk>|<YYYY-MM>`) and registered children (`<praktijk>|<jaar>`). */
export interface OutcomeData {
	counts: ReadonlyMap<string, KeyedCount>;
	population: ReadonlyMap<string, number>;
}

export interface Bounds {
	/** first month with data */
	first: string;
	/** last month whose last day is in the data */
	lastComplete: string;
	/** last date with data (YYYY-MM-DD) */
	dataTot: string;
}

export type EffectStatus = 'geschat' | 'niet_te_schatten' | 'niet_te_tonen';

/** Why a placement is not in the pooled estimate. */
export type Weglating = 'gegevens' | 'recent' | 'eerdere_plaatsing' | 'geen_vergelijking' | 'populatie' | 'kleine_populatie' | 'klein_aantal' | 'nul';

/** Why placements are left out, as it reads after a number ("2 te recent"). */
export const WEGLATING_LABEL: Record<Weglating, string> = {
	gegevens: 'met te weinig gegevens vóór de start',
	recent: 'te recent',
	eerdere_plaatsing: 'met een eerdere plaatsing in dezelfde praktijk',
	geen_vergelijking: 'zonder vergelijkingspraktijken',
	populatie: 'zonder populatiecijfers',
	kleine_populatie: 'met te weinig ingeschreven kinderen',
	klein_aantal: 'met een klein aantal verwijzingen',
	nul: 'met 0 verwijzingen in een van de vier perioden'
};

/**
 * The smallest published window count an estimate may rest on: k + D. A perturbation is at most D,
 * so every true count behind the estimate is then at least k: the estimate and its interval (which
 * follow from the true counts) cannot give away a count below k, and the rule itself only depends
 * on published counts.
 */
export function modelMinPublished(k: number): number {
	return k + MAX_PERTURBATION;
}

export interface WindowCells<T> {
	aPre: T;
	aPost: T;
	cPre: T;
	cPost: T;
}

const CELL_LABEL: WindowCells<string> = {
	aPre: 'de praktijk vóór de start',
	aPost: 'de praktijk na de start',
	cPre: 'de vergelijkingsgroep vóór',
	cPost: 'de vergelijkingsgroep na'
};
const CELLS = ['aPre', 'aPost', 'cPre', 'cPost'] as const;

export interface PlacementModel {
	design: Design;
	status: EffectStatus;
	reden: string | null;
	/** why it is not estimated (null when it is) */
	weglating: Weglating | null;
	/** published window counts; null when the windows are not (wholly) in the data */
	published: WindowCells<Cell> | null;
	/** person-years of the four windows; null when unknown */
	personYears: PersonTime | null;
	/** the estimate from true counts; only for status 'geschat' */
	est: DidEstimate | null;
	/** calibrated 95% interval of the ratio; null without calibration */
	interval: { low: number; high: number } | null;
}

export interface ViewModel {
	placements: PlacementModel[];
	calibration: Calibration | null;
	/** number of placebos of the view */
	placebos: number;
	pooled: CalibratedPool | null;
}

/** Calendar month as a number: consecutive months are consecutive numbers. */
const monthNumber = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

interface OutcomeIndex {
	first: number;
	/** per practice: cumulative n and record-key sums over the months first.. (length months + 1) */
	prefix: Map<string, { n: Float64Array; s: Float64Array }>;
	/** per practice: registered 0-17 children per year */
	population: Map<string, Map<number, number>>;
}

// The model sums the same practices over many windows (every placement, placebo and month of the
// series): nationally millions of sums. Prefix sums per practice make each one O(practices).
const indexes = new WeakMap<OutcomeData, OutcomeIndex>();

function indexOf(data: OutcomeData): OutcomeIndex {
	let index = indexes.get(data);
	if (index) return index;
	let first = Infinity;
	let last = -Infinity;
	const byPractice = new Map<string, [number, KeyedCount][]>();
	for (const [key, c] of data.counts) {
		const bar = key.lastIndexOf('|');
		const m = monthNumber(key.slice(bar + 1));
		first = Math.min(first, m);
		last = Math.max(last, m);
		const code = key.slice(0, bar);
		const list = byPractice.get(code) ?? [];
		list.push([m, c]);
		byPractice.set(code, list);
	}
	const length = Number.isFinite(first) ? last - first + 1 : 0;
	const prefix = new Map<string, { n: Float64Array; s: Float64Array }>();
	for (const [code, list] of byPractice) {
		const n = new Float64Array(length + 1);
		const s = new Float64Array(length + 1);
		for (const [m, c] of list) {
			n[m - first + 1] += c.n;
			s[m - first + 1] += c.sleutel;
		}
		for (let i = 1; i <= length; i++) {
			n[i] += n[i - 1];
			s[i] += s[i - 1];
		}
		prefix.set(code, { n, s });
	}
	const population = new Map<string, Map<number, number>>();
	for (const [key, pop] of data.population) {
		const bar = key.lastIndexOf('|');
		const code = key.slice(0, bar);
		const years = population.get(code) ?? new Map<number, number>();
		years.set(Number(key.slice(bar + 1)), pop);
		population.set(code, years);
	}
	index = { first: Number.isFinite(first) ? first : 0, prefix, population };
	indexes.set(data, index);
	return index;
}

/** The keyed sum over practices and months. */
export function keyedSum(data: OutcomeData, codes: readonly string[], months: readonly string[]): KeyedCount {
	if (months.length === 0) return NO_RECORDS;
	const from = monthNumber(months[0]);
	const to = monthNumber(months[months.length - 1]);
	if (to - from + 1 !== months.length) {
		// Not one run of consecutive months: sum cell by cell.
		let sum = NO_RECORDS;
		for (const c of codes) for (const m of months) sum = addKeyed(sum, data.counts.get(`${c}|${m}`) ?? NO_RECORDS);
		return sum;
	}
	const index = indexOf(data);
	let n = 0;
	let s = 0;
	for (const c of codes) {
		const p = index.prefix.get(c);
		if (!p) continue;
		const lo = Math.min(Math.max(from - index.first, 0), p.n.length - 1);
		const hi = Math.min(Math.max(to - index.first + 1, 0), p.n.length - 1);
		n += p.n[hi] - p.n[lo];
		s += p.s[hi] - p.s[lo];
	}
	return { n, sleutel: s % CELL_KEY_MODULUS };
}

/** Person-years of practices over months: sum of (registered 0-17 of the year) / 12; missing names the gap. */
export function personYears(data: OutcomeData, codes: readonly string[], months: readonly string[]): { py: number; missing: string | null } {
	const index = indexOf(data);
	const monthsPerYear = new Map<number, number>();
	for (const m of months) monthsPerYear.set(yearOf(m), (monthsPerYear.get(yearOf(m)) ?? 0) + 1);
	let py = 0;
	for (const [year, count] of monthsPerYear)
		for (const c of codes) {
			const pop = index.population.get(c)?.get(year);
			if (pop === undefined) return { py: 0, missing: `${c} in ${year}` };
			py += (pop * count) / 12;
		}
	return { py, missing: null };
}

function windowCounts(d: Design, data: OutcomeData): WindowCells<KeyedCount> {
	const t = [d.placement.praktijk_code];
	return {
		aPre: keyedSum(data, t, d.w.pre),
		aPost: keyedSum(data, t, d.w.post),
		cPre: keyedSum(data, d.comparison.codes, d.w.pre),
		cPost: keyedSum(data, d.comparison.codes, d.w.post)
	};
}

function assess(d: Design, all: readonly PlacementRecord[], data: OutcomeData, bounds: Bounds, k: number): PlacementModel {
	const base = { design: d, published: null, personYears: null, est: null, interval: null };
	const fail = (status: EffectStatus, weglating: Weglating, reden: string, extra: Partial<PlacementModel> = {}): PlacementModel => ({ ...base, ...extra, status, weglating, reden });
	const lastPost = d.w.post[d.w.post.length - 1];
	if (d.w.pre[0] < bounds.first) return fail('niet_te_schatten', 'gegevens', `te weinig gegevens vóór de start: nodig vanaf ${d.w.pre[0]}, gegevens vanaf ${bounds.first}`);
	if (lastPost > bounds.lastComplete)
		return fail('niet_te_schatten', 'recent', `te recent: na de start zijn nog geen ${d.L} maanden gegevens (nodig t/m ${lastPost}, gegevens t/m ${bounds.lastComplete})`);
	const earlier = earlierPlacementInPre(d.placement, d.w, all);
	if (earlier)
		return fail(
			'niet_te_schatten',
			'eerdere_plaatsing',
			`in de periode vóór de start had deze praktijk al een ${label(FUNCTIE_LABEL, earlier.functie)} (vanaf ${formatDate(earlier.start)}): er is geen periode zonder om mee te vergelijken`
		);
	if (d.comparison.codes.length === 0) return fail('niet_te_schatten', 'geen_vergelijking', 'geen vergelijkingspraktijken zonder OJG of POH-jeugd in deze periode');
	const t = [d.placement.praktijk_code];
	const pys = {
		aPre: personYears(data, t, d.w.pre),
		aPost: personYears(data, t, d.w.post),
		cPre: personYears(data, d.comparison.codes, d.w.pre),
		cPost: personYears(data, d.comparison.codes, d.w.post)
	};
	const missing = Object.values(pys).find((p) => p.missing)?.missing;
	if (missing) return fail('niet_te_schatten', 'populatie', `populatie 0-17 ontbreekt voor praktijk ${missing}`);
	const py: PersonTime = { aPre: pys.aPre.py, aPost: pys.aPost.py, cPre: pys.cPre.py, cPost: pys.cPost.py };
	for (const c of CELLS) if (!(py[c] > 0)) return fail('niet_te_schatten', 'populatie', `geen ingeschreven kinderen bij ${CELL_LABEL[c]}`);
	const counts = windowCounts(d, data);
	const published: WindowCells<Cell> = {
		aPre: publishCount(counts.aPre.n, counts.aPre.sleutel, k),
		aPost: publishCount(counts.aPost.n, counts.aPost.sleutel, k),
		cPre: publishCount(counts.cPre.n, counts.cPre.sleutel, k),
		cPost: publishCount(counts.cPost.n, counts.cPost.sleutel, k)
	};
	const known = { published, personYears: py };
	for (const y of new Set([...d.w.pre, ...d.w.post].map(yearOf))) {
		const pop = data.population.get(`${d.placement.praktijk_code}|${y}`)!;
		if (isSmall(pop, k)) return fail('niet_te_tonen', 'kleine_populatie', `te weinig ingeschreven kinderen (<${k}) in ${y}`, known);
	}
	for (const c of CELLS) if (published[c].value === null) return fail('niet_te_tonen', 'klein_aantal', `klein aantal verwijzingen (<${k}) bij ${CELL_LABEL[c]}`, known);
	for (const c of CELLS) if (published[c].value === 0) return fail('niet_te_schatten', 'nul', `0 verwijzingen bij ${CELL_LABEL[c]}`, known);
	const min = modelMinPublished(k);
	for (const c of CELLS)
		if (published[c].value! < min)
			return fail('niet_te_tonen', 'klein_aantal', `minder dan ${min} verwijzingen bij ${CELL_LABEL[c]}: te weinig om een effect te tonen zonder kleine aantallen prijs te geven`, known);
	const est = did({ aPre: counts.aPre.n, aPost: counts.aPost.n, cPre: counts.cPre.n, cPost: counts.cPost.n }, py);
	return { ...base, ...known, status: 'geschat', weglating: null, reden: null, est };
}

/** The placebo units of a design's comparison group: each practice's true window counts. */
function placeboUnits(d: Design, data: OutcomeData): PlaceboUnit[] {
	return d.comparison.codes.map((c) => ({
		pre: keyedSum(data, [c], d.w.pre).n,
		post: keyedSum(data, [c], d.w.post).n,
		pyPre: personYears(data, [c], d.w.pre).py,
		pyPost: personYears(data, [c], d.w.post).py
	}));
}

/**
 * The model of one view: every design assessed, placebos over the comparison groups of the
 * estimated placements, the calibrated intervals and the pooled estimate.
 */
export function modelView(designs: readonly Design[], all: readonly PlacementRecord[], data: OutcomeData, bounds: Bounds, k: number): ViewModel {
	const placements = designs.map((d) => assess(d, all, data, bounds, k));
	const estimated = placements.filter((p) => p.status === 'geschat');
	const z = estimated.flatMap((p) => placeboZ(placeboUnits(p.design, data)));
	const calibration = calibrate(z);
	for (const p of estimated) p.interval = calibration && calibratedInterval(p.est!.lnDid, p.est!.se, calibration);
	const pooled = poolCalibrated(
		estimated.map((p) => ({ lnDid: p.est!.lnDid, se: p.est!.se })),
		calibration
	);
	return { placements, calibration, placebos: z.length, pooled };
}
