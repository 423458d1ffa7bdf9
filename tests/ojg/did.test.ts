// The estimator's arithmetic against hand-computed examples, the design rules, and its behaviour on
// synthetic Poisson data with a planted effect (overdispersed data: calibration.test.ts).
import { randomLcg, randomPoisson } from 'd3';
import { describe, expect, it } from 'vitest';
import { comparisonGroup, earlierPlacementInPre, viewDesigns, windows, type PlacementRecord } from '$lib/server/ojg/design';
import { did, toPct } from '$lib/ojg/did';
import { poolCalibrated } from '$lib/ojg/calibration';

describe('did (hand-computed)', () => {
	it('halving against a flat comparison group is -50% with its Wald interval', () => {
		// rates per 1,000: 40/1 → 40,000; 20/1 → 20,000; 100/2 → 50,000 both: RR 0.5, RR_c 1.
		// se = sqrt(1/40 + 1/20 + 1/100 + 1/100) = sqrt(0.095) = 0.30822
		// interval 0.5 · exp(±1.96 · 0.30822) = 0.27328 .. 0.91480
		const e = did({ aPre: 40, aPost: 20, cPre: 100, cPost: 100 }, { aPre: 1, aPost: 1, cPre: 2, cPost: 2 });
		expect(e.ratePre).toBeCloseTo(40_000, 6);
		expect(e.rr).toBeCloseTo(0.5, 12);
		expect(e.rrC).toBeCloseTo(1, 12);
		expect(toPct(e.did)).toBeCloseTo(-50, 10);
		expect(e.se).toBeCloseTo(0.30822, 5);
		expect(e.ciLow).toBeCloseTo(0.27328, 4);
		expect(e.ciHigh).toBeCloseTo(0.9148, 4);
	});

	it('a comparison group that falls as fast cancels the drop', () => {
		const e = did({ aPre: 30, aPost: 15, cPre: 200, cPost: 100 }, { aPre: 2, aPost: 2, cPre: 10, cPost: 10 });
		expect(e.did).toBeCloseTo(1, 12);
	});
});

describe('design', () => {
	it('leaves the start month out of both windows', () => {
		const w = windows('2020-03-15', 12);
		expect(w.m0).toBe('2020-03');
		expect([w.pre[0], w.pre[11], w.post[0], w.post[11]]).toEqual(['2019-03', '2020-02', '2020-04', '2021-03']);
		expect([w.spanFrom, w.spanTo]).toEqual(['2019-03-01', '2021-03-31']);
		expect(windows('2024-01-31', 6).pre).toEqual(['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12']);
	});

	const practices = [
		{ code: 'A', gemeente_code: 'GM0001' },
		{ code: 'B', gemeente_code: 'GM0001' },
		{ code: 'C', gemeente_code: 'GM0001' },
		{ code: 'D', gemeente_code: 'GM0002' }
	];
	const a: PlacementRecord = { praktijk_code: 'A', functie: 'ojg', start: '2020-03-15', eind: null };

	it('excludes practices with a placement overlapping the span, and falls back to all gemeenten', () => {
		const w = windows(a.start, 12); // span 2019-03-01 .. 2021-03-31
		const cOverlapping = { praktijk_code: 'C', functie: 'poh_jeugd', start: '2021-03-31', eind: null };
		const cAfter = { ...cOverlapping, start: '2021-04-01' };
		const cEndedBefore = { praktijk_code: 'C', functie: 'jeugdconsulent', start: '2017-01-01', eind: '2019-02-28' };
		expect(comparisonGroup(a, w, 'gemeente', practices, [a, cOverlapping]).codes).toEqual(['B']);
		expect(comparisonGroup(a, w, 'gemeente', practices, [a, cAfter]).codes).toEqual(['B', 'C']);
		expect(comparisonGroup(a, w, 'gemeente', practices, [a, cEndedBefore]).codes).toEqual(['B', 'C']);
		expect(comparisonGroup(a, w, 'alle', practices, [a, cOverlapping]).codes).toEqual(['B', 'D']);
		const bBusy = { praktijk_code: 'B', functie: 'ojg', start: '2018-01-01', eind: null };
		expect(comparisonGroup(a, w, 'gemeente', practices, [a, bBusy, cOverlapping])).toEqual({ codes: ['D'], fallback: true });
	});

	it('a comparison practice may have no placement on any day of the span, not even its last', () => {
		// The span of a (12 months) is 2019-03-01 .. 2021-03-31: a placement that starts on its last
		// day, or ended on its first, overlaps it.
		const w = windows(a.start, 12);
		const endedOnFirstDay = { praktijk_code: 'C', functie: 'ojg', start: '2018-01-01', eind: '2019-03-01' };
		const endedTheDayBefore = { ...endedOnFirstDay, eind: '2019-02-28' };
		expect(comparisonGroup(a, w, 'gemeente', practices, [a, endedOnFirstDay]).codes).toEqual(['B']);
		expect(comparisonGroup(a, w, 'gemeente', practices, [a, endedTheDayBefore]).codes).toEqual(['B', 'C']);
	});

	it('finds an earlier placement in the same practice that runs into the pre window', () => {
		// a: m0 2020-03, 12 months: pre window 2019-03-01 .. 2020-02-29.
		const w = windows(a.start, 12);
		const inPre = { praktijk_code: 'A', functie: 'poh_jeugd', start: '2017-05-01', eind: '2019-03-01' };
		const endedBefore = { ...inPre, eind: '2019-02-28' };
		const otherPractice = { ...inPre, praktijk_code: 'B' };
		const sameStart = { praktijk_code: 'A', functie: 'jeugdconsulent', start: '2020-03-15', eind: null };
		const openEnded = { praktijk_code: 'A', functie: 'ojg', start: '2020-02-29', eind: null };
		expect(earlierPlacementInPre(a, w, [a, inPre])).toEqual(inPre);
		expect(earlierPlacementInPre(a, w, [a, endedBefore])).toBeNull();
		expect(earlierPlacementInPre(a, w, [a, otherPractice])).toBeNull();
		expect(earlierPlacementInPre(a, w, [a, sameStart])).toBeNull();
		// The latest of several.
		expect(earlierPlacementInPre(a, w, [a, inPre, openEnded])).toEqual(openEnded);
	});

	it('makes one design per placement for the chosen window and comparison', () => {
		const b: PlacementRecord = { praktijk_code: 'B', functie: 'ojg', start: '2022-01-10', eind: null };
		const designs = viewDesigns([a, b], practices, 6, 'gemeente');
		expect(designs.map((d) => [d.id, d.L, d.mode, d.w.m0])).toEqual([
			['A-ojg-2020-03-15', 6, 'gemeente', '2020-03'],
			['B-ojg-2022-01-10', 6, 'gemeente', '2022-01']
		]);
		// A's span (2019-09 .. 2020-09) ends before B's placement: B compares for A, not A for B.
		expect(designs[0].comparison.codes).toEqual(['B', 'C']);
		expect(designs[1].comparison.codes).toEqual(['C']);
	});
});

describe('did on synthetic data (planted effects)', () => {
	// A practice with 60 referrals a year before the start and a comparison group with 600,
	// both with person-time 1,000 a year, over 12-month windows.
	function simulate(seed: number, effect: number, scale = 1) {
		const source = randomLcg(seed / 1000);
		const poisson = (lambda: number) => randomPoisson.source(source)(lambda)();
		const cells = { aPre: poisson(60 * scale), aPost: poisson(60 * scale * (1 + effect)), cPre: poisson(600 * scale), cPost: poisson(600 * scale) };
		return did(cells, { aPre: 1, aPost: 1, cPre: 10, cPost: 10 });
	}

	it('recovers a planted -35% with large counts within the tolerance of its interval', () => {
		for (const seed of [1, 2, 3]) {
			const e = simulate(seed, -0.35, 200);
			const halfWidth = (toPct(e.ciHigh) - toPct(e.ciLow)) / 2;
			expect(halfWidth).toBeLessThan(5);
			expect(Math.abs(toPct(e.did) - -35)).toBeLessThan(2 * halfWidth);
		}
	});

	it('covers the planted effect in about 95% of seeds, and 0 when there is none', () => {
		const seeds = Array.from({ length: 200 }, (_, i) => i + 1);
		const covers = (effect: number) =>
			seeds.filter((seed) => {
				const e = simulate(seed, effect);
				const truth = 1 + effect;
				return e.ciLow <= truth && truth <= e.ciHigh;
			}).length / seeds.length;
		expect(covers(0)).toBeGreaterThan(0.9);
		expect(covers(-0.35)).toBeGreaterThan(0.9);
		// The pooled estimate of many placements without an effect is close to 0 (within 2 se).
		const pooled = poolCalibrated(seeds.slice(0, 50).map((seed) => simulate(seed, 0)), null)!;
		expect(Math.abs(pooled.lnDid)).toBeLessThan(2 * pooled.se);
	});
});
