// Statistics of survey scores: means, and a 95% interval for the difference between two groups
// of respondents (this spring against last spring; huisartsen against buurtteam) by the bootstrap.
//
// Method: percentile bootstrap over respondents. Each group is resampled with replacement (same
// size, independently), the difference of the two resampled means is recorded, and the 2.5% and
// 97.5% quantiles of 2,000 such differences form the interval. A respondent's thema score is the
// mean of their scored items in that thema, so respondents, not answers, are the unit. The random
// numbers come from a linear congruential generator seeded with a hash of what is compared, so
// the same data always give the same interval.

import { quantileSorted, randomLcg } from 'd3';

export const BOOTSTRAP_RESAMPLES = 2000;
export const INTERVAL_LEVEL = 0.95;

export function mean(xs: readonly number[]): number {
	let s = 0;
	for (const x of xs) s += x;
	return s / xs.length;
}

/** 32-bit FNV-1a: turns a label into a seed. */
export function seedOf(label: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export type Oordeel = 'hoger' | 'lager' | 'geen';

export interface Interval {
	/** mean(b) - mean(a) */
	verschil: number;
	/** lower and upper end of the 95% interval */
	lo: number;
	hi: number;
	/** 'geen': the interval includes 0, no significant difference */
	oordeel: Oordeel;
}

/** The mean of a resample (with replacement) of xs. */
function resampledMean(xs: readonly number[], random: () => number): number {
	let s = 0;
	for (let i = 0; i < xs.length; i++) s += xs[Math.floor(random() * xs.length)];
	return s / xs.length;
}

/** mean(b) - mean(a) with its 95% percentile-bootstrap interval; both groups must be non-empty. */
export function bootstrapDifference(a: readonly number[], b: readonly number[], seed: string, resamples = BOOTSTRAP_RESAMPLES): Interval {
	if (a.length === 0 || b.length === 0) throw new Error('bootstrapDifference: lege groep');
	const random = randomLcg(seedOf(seed) || 1);
	const diffs: number[] = new Array(resamples);
	for (let r = 0; r < resamples; r++) diffs[r] = resampledMean(b, random) - resampledMean(a, random);
	diffs.sort((x, y) => x - y);
	const tail = (1 - INTERVAL_LEVEL) / 2;
	const lo = quantileSorted(diffs, tail)!;
	const hi = quantileSorted(diffs, 1 - tail)!;
	return { verschil: mean(b) - mean(a), lo, hi, oordeel: lo > 0 ? 'hoger' : hi < 0 ? 'lager' : 'geen' };
}
