// Statistics of survey scores: means, and a 95% interval for the difference between two groups of
// respondents (this spring against last spring; huisartsen against buurtteam), with a verdict that
// is corrected for the number of comparisons a page shows (docs/surveys.md "Comparisons").
//
//  - Two groups of respondents: Welch's t interval on the respondents' scores (a thema score is the
//    mean of a respondent's scored items, so respondents, not answers, are the unit): the difference
//    of the means, its standard error sqrt(s1²/n1 + s2²/n2), Welch–Satterthwaite degrees of freedom,
//    and Student's t quantile. Each group needs 2 or more respondents.
//  - All wijken against last year: respondents cluster in wijken (a wijk can have a good or bad
//    year as a whole), so the change is estimated from the wijk-level changes d_w: their mean, with
//    a t interval on the wijken (se = sd(d)/sqrt(m), df = m - 1). Fewer than 3 wijken: no interval.
//  - Verdicts: Holm's step-down correction over every comparison of one season's page (family-wise
//    error 5%); the intervals stay the unadjusted 95% intervals.
//
// The t distribution comes from jstat (Student's t quantile and distribution function).

// @ts-ignore jstat ships no type declarations
import jStatModule from 'jstat';

interface StudentT {
	inv(p: number, df: number): number;
	cdf(x: number, df: number): number;
}
const studentt = (jStatModule as { studentt: StudentT }).studentt;

export const INTERVAL_LEVEL = 0.95;
export const ALPHA = 1 - INTERVAL_LEVEL;
/** The fewest wijken for an all-wijken change with an interval. */
export const MIN_WIJKEN = 3;

export function mean(xs: readonly number[]): number {
	let s = 0;
	for (const x of xs) s += x;
	return s / xs.length;
}

/** Sample variance (n - 1 in the denominator). */
export function variance(xs: readonly number[]): number {
	const m = mean(xs);
	let s = 0;
	for (const x of xs) s += (x - m) ** 2;
	return s / (xs.length - 1);
}

/** Student's t quantile. */
export const tQuantile = (p: number, df: number) => studentt.inv(p, df);

/** Two-sided p-value of a t statistic. */
export const tPValue = (t: number, df: number) => Math.min(1, 2 * (1 - studentt.cdf(Math.abs(t), df)));

export type Oordeel = 'hoger' | 'lager' | 'geen';

export interface Interval {
	/** mean(b) - mean(a) (or the mean of the wijk-level changes) */
	verschil: number;
	/** lower and upper end of the unadjusted 95% interval */
	lo: number;
	hi: number;
	/** two-sided p-value of the difference */
	p: number;
	/** degrees of freedom of the t distribution */
	df: number;
	/** 'welch': two groups of respondents; 'wijken': from the wijk-level changes */
	methode: 'welch' | 'wijken';
	/** after Holm's correction over the page: 'geen' = no demonstrable difference */
	oordeel: Oordeel;
}

function tInterval(verschil: number, se: number, df: number, methode: Interval['methode']): Interval {
	if (!(se > 0)) {
		// No spread at all: the difference is exact (0 or not).
		return { verschil, lo: verschil, hi: verschil, p: verschil === 0 ? 1 : 0, df, methode, oordeel: 'geen' };
	}
	const t = tQuantile(1 - ALPHA / 2, df);
	return { verschil, lo: verschil - t * se, hi: verschil + t * se, p: tPValue(verschil / se, df), df, methode, oordeel: 'geen' };
}

/**
 * mean(b) - mean(a) with Welch's 95% t interval; null when a group has fewer than 2 respondents.
 * The verdict is 'geen' until `holm` sets it.
 */
export function welch(a: readonly number[], b: readonly number[]): Interval | null {
	if (a.length < 2 || b.length < 2) return null;
	const va = variance(a) / a.length;
	const vb = variance(b) / b.length;
	const se = Math.sqrt(va + vb);
	const df = se > 0 ? (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1)) : a.length + b.length - 2;
	return tInterval(mean(b) - mean(a), se, df, 'welch');
}

/**
 * The mean of wijk-level changes with a t interval on the wijken (df = wijken - 1); null with fewer
 * than MIN_WIJKEN wijken.
 */
export function wijkenInterval(changes: readonly number[]): Interval | null {
	if (changes.length < MIN_WIJKEN) return null;
	return tInterval(mean(changes), Math.sqrt(variance(changes) / changes.length), changes.length - 1, 'wijken');
}

/**
 * Holm's step-down procedure: which of the p-values are rejected at family-wise level alpha. Sorted
 * ascending, p_(i) (i = 1..m) is rejected while p_(j) <= alpha / (m - j + 1) for every j <= i.
 */
export function holm(ps: readonly number[], alpha = ALPHA): boolean[] {
	const order = ps.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
	const out = ps.map(() => false);
	const m = ps.length;
	for (let j = 0; j < m; j++) {
		if (order[j][0] > alpha / (m - j)) break;
		out[order[j][1]] = true;
	}
	return out;
}

/** Sets the verdict of every interval of one page by Holm's correction over all of them. */
export function oordelen(intervals: readonly (Interval | null)[]): void {
	const list = intervals.filter((x): x is Interval => x !== null);
	const reject = holm(list.map((x) => x.p));
	list.forEach((x, i) => (x.oordeel = reject[i] ? (x.verschil > 0 ? 'hoger' : 'lager') : 'geen'));
}
