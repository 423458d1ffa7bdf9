// The survey comparisons (src/lib/surveys/stats.ts): Welch's t interval and the wijk-level t
// interval against hand-computed examples (the t quantiles from SciPy, scipy.stats.t.ppf), Holm's
// correction against a hand-worked example, and a seeded simulation of the false-positive rate of
// the spring-to-spring verdict for groups of 5 to 9 respondents.
import { randomLcg } from 'd3';
import { describe, expect, it } from 'vitest';
import { holm, mean, oordelen, tQuantile, welch, wijkenInterval } from '$lib/surveys/stats';

describe('welch', () => {
	it('matches a hand-computed example', () => {
		// a: 3 4 5 4 (mean 4, s² = 2/3), b: 5 5 4 6 5 (mean 5, s² = 1/2).
		// se² = (2/3)/4 + (1/2)/5 = 0.266667, se = 0.516398;
		// df = se⁴ / ((1/6)²/3 + (1/10)²/4) = 0.0711111 / 0.0117593 = 6.047244;
		// t(0.975; 6.047244) = 2.442285 (SciPy); interval 1 ± 2.442285 · 0.516398.
		const iv = welch([3, 4, 5, 4], [5, 5, 4, 6, 5])!;
		expect(iv.verschil).toBeCloseTo(1, 12);
		expect(iv.df).toBeCloseTo(6.047244, 5);
		expect(iv.lo).toBeCloseTo(-0.261191, 5);
		expect(iv.hi).toBeCloseTo(2.261191, 5);
		// SciPy's ttest_ind(b, a, equal_var=False): p = 0.100554.
		expect(iv.p).toBeCloseTo(0.100554, 5);
		expect(iv.methode).toBe('welch');
	});

	it('needs two respondents per group; no spread at all gives the exact difference', () => {
		expect(welch([4], [3, 5])).toBeNull();
		const same = welch([4, 4, 4], [4, 4])!;
		expect([same.lo, same.hi, same.p]).toEqual([0, 0, 1]);
		const apart = welch([3, 3, 3], [5, 5])!;
		expect([apart.verschil, apart.lo, apart.hi, apart.p]).toEqual([2, 2, 2, 0]);
	});

	it('uses the t quantile of SciPy', () => {
		expect(tQuantile(0.975, 6)).toBeCloseTo(2.446912, 5);
		expect(tQuantile(0.975, 3)).toBeCloseTo(3.182446, 5);
	});
});

describe('wijkenInterval: all wijken from the wijk-level changes', () => {
	it('is a t interval on the wijken with df = wijken - 1', () => {
		// changes 0.3 -0.1 0.5 0.2: mean 0.225, sd 0.25, se 0.125, t(0.975; 3) = 3.182446.
		const iv = wijkenInterval([0.3, -0.1, 0.5, 0.2])!;
		expect(iv.verschil).toBeCloseTo(0.225, 12);
		expect(iv.df).toBe(3);
		expect(iv.lo).toBeCloseTo(-0.172806, 5);
		expect(iv.hi).toBeCloseTo(0.622806, 5);
		expect(iv.p).toBeCloseTo(0.16968, 4);
		expect(iv.methode).toBe('wijken');
	});

	it('gives no interval with fewer than 3 wijken', () => {
		expect(wijkenInterval([0.3, 0.5])).toBeNull();
		expect(wijkenInterval([0.3, 0.5, 0.4])).not.toBeNull();
	});
});

describe('holm', () => {
	it('rejects step-down: p sorted, the i-th against alpha / (m - i + 1), stopping at the first that fails', () => {
		// 0.005 <= 0.05/4 yes; 0.01 <= 0.05/3 yes; 0.03 <= 0.05/2 no: stop (0.04 not tested).
		expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual([true, false, false, true]);
		// 0.012 <= 0.05/3, 0.02 <= 0.05/2, 0.04 <= 0.05/1: all three (Bonferroni would take one).
		expect(holm([0.04, 0.012, 0.02])).toEqual([true, true, true]);
		expect(holm([0.2, 0.5])).toEqual([false, false]);
		expect(holm([])).toEqual([]);
	});

	it('sets the verdicts of a page: hoger, lager or geen, intervals unchanged', () => {
		const up = welch([3, 3, 4, 3, 3, 4], [5, 5, 4, 5, 5, 5])!;
		const down = welch([5, 5, 4, 5, 5, 5], [3, 3, 4, 3, 3, 4])!;
		const flat = welch([3, 4, 5, 4], [5, 5, 4, 6, 5])!;
		const before = [up.lo, up.hi];
		oordelen([up, null, down, flat]);
		expect([up.oordeel, down.oordeel, flat.oordeel]).toEqual(['hoger', 'lager', 'geen']);
		expect([up.lo, up.hi]).toEqual(before);
	});
});

describe('false-positive rate of the spring-to-spring verdict, groups of 5 to 9', () => {
	it('lies near 5% (between 2.5% and 8%) with no change at all', () => {
		const random = randomLcg(20251130);
		// A respondent's thema score: the mean of 3 Likert items drawn from one skewed distribution.
		const cum = [0.05, 0.15, 0.4, 0.8, 1];
		const item = () => {
			const u = random();
			return cum.findIndex((c) => u < c) + 1;
		};
		const respondent = () => mean([item(), item(), item()]);
		const group = () => Array.from({ length: 5 + Math.floor(random() * 5) }, respondent);
		const reps = 4000;
		let positive = 0;
		for (let i = 0; i < reps; i++) {
			const iv = welch(group(), group())!;
			if (iv.lo > 0 || iv.hi < 0) positive++;
		}
		const rate = positive / reps;
		expect(rate).toBeGreaterThan(0.025);
		expect(rate).toBeLessThan(0.08);
	});
});
