// The placebo-calibrated OJG interval (issue 13, docs/ojg-effect.md "Uncertainty"): the worked
// example by hand, the t quantile against printed tables, and a seeded simulation with
// overdispersed counts and no effect, through the real model of a view (estimate.ts).
import { randomGamma, randomLcg, randomPoisson } from 'd3';
import { describe, expect, it } from 'vitest';
import { calibrate, calibratedInterval, MIN_PLACEBOS, placeboZ, poolCalibrated, tQuantile } from '$lib/ojg/calibration';
import { did } from '$lib/ojg/did';
import { viewDesigns, type PlacementRecord, type PracticeRecord } from '$lib/server/ojg/design';
import { modelView, type OutcomeData } from '$lib/server/ojg/estimate';
import { monthRange, yearOf } from '$lib/shared/periods';

describe('the worked example (issue 13)', () => {
	// Comparison practices (pre, post), equal person-time: B (50,45) C (30,36) D (60,48) E (25,33)
	// F (45,31); treated (40,20). By hand:
	//   C pre = 210, C post = 193; DiD = (20/40) / (193/210) = 0.544041; ln DiD = -0.608730
	//   se = sqrt(1/40 + 1/20 + 1/210 + 1/193) = sqrt(0.0849429) = 0.291450
	//   placebos (j against the other four pooled, e.g. B: (45/50) / (148/160)):
	//     z_B =  0.0263 / 0.2783 =  ...; the mean of the five z^2 is 1.234327 = phi; nu = 4
	//   t(0.975, 4) = 2.776445; half-width 2.776445 * sqrt(1.234327) * 0.291450 = 0.899021
	//   interval exp(-0.608730 -/+ 0.899021) = 0.221408 .. 1.336813
	//   today's method: exp(-0.608730 -/+ 1.959964 * 0.291450) = 0.307290 .. 0.963197
	const C = [
		[50, 45],
		[30, 36],
		[60, 48],
		[25, 33],
		[45, 31]
	];
	const units = C.map(([pre, post]) => ({ pre, post, pyPre: 1, pyPost: 1 }));
	const treated = did({ aPre: 40, aPost: 20, cPre: 210, cPost: 193 }, { aPre: 1, aPost: 1, cPre: 5, cPost: 5 });

	it('gives ln DiD, se, phi, nu and the interval of the issue', () => {
		expect(treated.lnDid).toBeCloseTo(-0.60873, 6);
		expect(treated.se).toBeCloseTo(0.29145, 6);
		const z = placeboZ(units);
		expect(z).toHaveLength(5);
		const c = calibrate(z)!;
		expect(c.phi).toBeCloseTo(1.234327, 6);
		expect(c.nu).toBe(4);
		expect(c.t).toBeCloseTo(2.776445, 6);
		const ci = calibratedInterval(treated.lnDid, treated.se, c);
		expect(ci.low).toBeCloseTo(0.221408, 6);
		expect(ci.high).toBeCloseTo(1.336813, 6);
		// Today's (Wald) interval, for comparison.
		expect(treated.ciLow).toBeCloseTo(0.30729, 6);
		expect(treated.ciHigh).toBeCloseTo(0.963197, 6);
	});

	it('each placebo is one practice against the others pooled', () => {
		// B against C..F: (45/50) / ((36+48+33+31)/(30+60+25+45)) = 0.9 / (148/160) = 0.972973,
		// ln = -0.027399; se = sqrt(1/50 + 1/45 + 1/160 + 1/148) = sqrt(0.055229) = 0.235008;
		// z = -0.116587.
		expect(placeboZ(units)[0]).toBeCloseTo(-0.116587, 6);
	});

	it('skips a placebo with a zero count, and a group of one has none', () => {
		const withZero = [...units.slice(0, 4), { pre: 45, post: 0, pyPre: 1, pyPost: 1 }];
		expect(placeboZ(withZero)).toHaveLength(4);
		expect(placeboZ(units.slice(0, 1))).toEqual([]);
	});

	it('needs at least 5 placebos; phi is never below 1', () => {
		expect(MIN_PLACEBOS).toBe(5);
		expect(calibrate([1, 1, 1, 1])).toBeNull();
		// mean z^2 = (0.01 + 0.04 + 0 + 0.09 + 0.16) / 5 = 0.06 < 1: phi = 1, t(0.975, 4)
		expect(calibrate([0.1, -0.2, 0, 0.3, 0.4])).toMatchObject({ phi: 1, nu: 4, placebos: 5 });
	});
});

describe('t quantile', () => {
	it('matches printed tables of t(0.975, nu)', () => {
		// Student's t tables: 12.706205 (1), 4.302653 (2), 2.776445 (4), 2.228139 (10), 2.042272 (30), 1.983972 (100)
		for (const [nu, t] of [
			[1, 12.706205],
			[2, 4.302653],
			[4, 2.776445],
			[10, 2.228139],
			[30, 2.042272],
			[100, 1.983972]
		])
			expect(tQuantile(0.975, nu)).toBeCloseTo(t, 5);
	});
});

describe('pooled estimate', () => {
	it('keeps the fixed-effect point estimate and scales its se by sqrt(phi)', () => {
		// ln 0.5 with se 0.5 (weight 4) and ln 1 with se 1 (weight 1): ln = 4 ln 0.5 / 5 = -0.554518,
		// estimate 0.574349. phi = 2, nu = 9 (10 placebos): se = sqrt(2 / 5) = 0.632456,
		// t(0.975, 9) = 2.262157: exp(-0.554518 -/+ 1.430718) = 0.137349 .. 2.401746
		const z = [1, -1, 1, -1, 2, -2, 1, -1, 1, -1].map((v) => v * Math.sqrt(2 / 1.6)); // mean z^2 = 2
		const c = calibrate(z)!;
		expect(c.phi).toBeCloseTo(2, 12);
		const p = poolCalibrated(
			[
				{ lnDid: Math.log(0.5), se: 0.5 },
				{ lnDid: 0, se: 1 }
			],
			c
		)!;
		expect(p.did).toBeCloseTo(0.574349, 6);
		expect(p.se).toBeCloseTo(0.632456, 6);
		expect(p.low).toBeCloseTo(0.137349, 5);
		expect(p.high).toBeCloseTo(2.401746, 5);
		// Without calibration: the point estimate, no interval.
		expect(poolCalibrated([{ lnDid: 0, se: 1 }], null)).toMatchObject({ did: 1, low: null, high: null, n: 1 });
		expect(poolCalibrated([], c)).toBeNull();
	});
});

// 20 practices in 3 gemeenten, 7 staggered placements (as in the demo), 10 years of months.
const PRACTICES: PracticeRecord[] = Array.from({ length: 20 }, (_, i) => ({ code: `P${String(i + 1).padStart(2, '0')}`, gemeente_code: i < 8 ? 'G1' : i < 14 ? 'G2' : 'G3' }));
const PLACEMENTS: PlacementRecord[] = [
	{ praktijk_code: 'P02', functie: 'ojg', start: '2018-03-01', eind: null },
	{ praktijk_code: 'P05', functie: 'ojg', start: '2019-01-01', eind: '2021-06-30' },
	{ praktijk_code: 'P10', functie: 'ojg', start: '2019-04-01', eind: null },
	{ praktijk_code: 'P16', functie: 'ojg', start: '2020-10-01', eind: null },
	{ praktijk_code: 'P07', functie: 'poh_jeugd', start: '2021-09-01', eind: null },
	{ praktijk_code: 'P12', functie: 'jeugdconsulent', start: '2022-02-01', eind: null },
	{ praktijk_code: 'P19', functie: 'poh_jeugd', start: '2023-03-01', eind: null }
];
const MONTHS = monthRange('2016-01', '2025-12');
const BOUNDS = { first: '2016-01', lastComplete: '2025-12', dataTot: '2025-12-31' };
const DESIGNS = viewDesigns(PLACEMENTS, PRACTICES, 12, 'gemeente');

/**
 * One replication: monthly counts per practice, negative binomial with mean mu and variance 2 mu
 * (a gamma-distributed rate with shape mu and scale 1, then Poisson), no effect anywhere. The
 * practices' means are 3 to 7 referrals a month.
 */
function replicate(source: () => number): OutcomeData {
	const counts = new Map<string, { n: number; sleutel: number }>();
	const population = new Map<string, number>();
	PRACTICES.forEach((p, i) => {
		const mu = 3 + (i % 5);
		const rate = randomGamma.source(source)(mu, 1);
		for (const m of MONTHS) counts.set(`${p.code}|${m}`, { n: randomPoisson.source(source)(rate())(), sleutel: 0 });
		for (const y of new Set(MONTHS.map(yearOf))) population.set(`${p.code}|${y}`, 1200);
	});
	return { counts, population };
}

describe('simulation: negative binomial counts (variance 2x the mean), no effect', () => {
	it('per-placement intervals exclude 0 in 2.5% to 8.5% of cases; the Wald intervals do not', () => {
		const source = randomLcg(0.4242);
		let intervals = 0;
		let excluded = 0;
		let waldExcluded = 0;
		let withoutInterval = 0;
		for (let r = 0; r < 500; r++) {
			const model = modelView(DESIGNS, PLACEMENTS, replicate(source), BOUNDS, 5);
			for (const p of model.placements) {
				if (p.status !== 'geschat') continue;
				if (!p.interval) {
					withoutInterval++;
					continue;
				}
				intervals++;
				if (p.interval.low > 1 || p.interval.high < 1) excluded++;
				if (p.est!.ciLow > 1 || p.est!.ciHigh < 1) waldExcluded++;
			}
		}
		// Nearly every placement is estimated with an interval (7 per replication).
		expect(withoutInterval).toBe(0);
		expect(intervals).toBeGreaterThan(0.95 * 500 * 7);
		const share = excluded / intervals;
		const waldShare = waldExcluded / intervals;
		expect(share).toBeGreaterThanOrEqual(0.025);
		expect(share).toBeLessThanOrEqual(0.085);
		// The method before issue 13 (Wald interval, 1.96 se) fails the same test.
		expect(waldShare).toBeGreaterThan(0.085);
	}, 60_000);
});
