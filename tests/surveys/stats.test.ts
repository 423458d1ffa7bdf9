// The bootstrap interval: a planted large difference excludes 0, identical groups include it, the
// same input gives the same interval, and the interval agrees with the normal approximation.
import { describe, expect, it } from 'vitest';
import { bootstrapDifference, mean } from '$lib/surveys/stats';

/** A fixed spread of Likert scores around a centre, n of them. */
function scores(n: number, values: number[]): number[] {
	return Array.from({ length: n }, (_, i) => values[i % values.length]);
}

describe('bootstrapDifference', () => {
	it('excludes 0 for a planted large difference, in the right direction', () => {
		const before = scores(25, [2, 3, 3, 2, 4]); // mean 2.8
		const after = scores(25, [4, 4, 5, 3, 4]); // mean 4.0
		const up = bootstrapDifference(before, after, 'planted');
		expect(up.verschil).toBeCloseTo(1.2, 10);
		expect(up.lo).toBeGreaterThan(0);
		expect(up.oordeel).toBe('hoger');
		const down = bootstrapDifference(after, before, 'planted');
		expect(down.hi).toBeLessThan(0);
		expect(down.oordeel).toBe('lager');
	});

	it('includes 0 for two identical groups: no significant change', () => {
		const same = scores(20, [1, 3, 4, 5, 2]);
		const r = bootstrapDifference(same, [...same], 'same');
		expect(r.verschil).toBe(0);
		expect(r.lo).toBeLessThan(0);
		expect(r.hi).toBeGreaterThan(0);
		expect(r.oordeel).toBe('geen');
	});

	it('is deterministic for a seed, and the seed matters', () => {
		const a = scores(15, [2, 4, 3]);
		const b = scores(12, [3, 5, 4, 2]);
		expect(bootstrapDifference(a, b, 'x')).toEqual(bootstrapDifference(a, b, 'x'));
		expect(bootstrapDifference(a, b, 'x').lo).not.toBe(bootstrapDifference(a, b, 'y').lo);
	});

	it('has about the width of the normal approximation (±1.96 standard errors)', () => {
		const a = scores(40, [1, 2, 3, 4, 5]);
		const b = scores(40, [2, 3, 4, 5, 5]);
		// Independently: SE = sqrt(var(a)/n + var(b)/n) with the population variance (as the bootstrap uses).
		const v = (xs: number[]) => mean(xs.map((x) => (x - mean(xs)) ** 2));
		const se = Math.sqrt(v(a) / a.length + v(b) / b.length);
		const r = bootstrapDifference(a, b, 'width');
		expect((r.hi - r.lo) / (2 * 1.96 * se)).toBeGreaterThan(0.9);
		expect((r.hi - r.lo) / (2 * 1.96 * se)).toBeLessThan(1.1);
		expect(r.verschil).toBeCloseTo(mean(b) - mean(a), 10);
	});
});
