import { describe, expect, it } from 'vitest';
import {
	CELL_KEY_MODULUS,
	MAX_PERTURBATION,
	PERTURBATION_VARIANCE,
	perturbation,
	perturbationRow,
	publishCount,
	publishedShare
} from '$lib/server/disclosure/cellKey';
import { expectedPerturbation } from '../fixtures/cellKeys';

const ps = [-3, -2, -1, 0, 1, 2, 3];

describe('the perturbation table', () => {
	for (const count of [1, 2, 3, 4, 5, 100, 10_000]) {
		it(`row for count ${count}: 256 keys, mean exactly 0, |p| <= D, count + p >= 1`, () => {
			const row = perturbationRow(count);
			expect(row.reduce((a, b) => a + b, 0)).toBe(CELL_KEY_MODULUS);
			expect(row.reduce((s, n, i) => s + n * ps[i], 0)).toBe(0);
			row.forEach((n, i) => {
				if (n > 0) {
					expect(Math.abs(ps[i])).toBeLessThanOrEqual(MAX_PERTURBATION);
					expect(count + ps[i]).toBeGreaterThanOrEqual(1);
				}
			});
		});
	}

	it('has the documented D = 3 and V = 334/256 for counts of 4 and more', () => {
		expect(MAX_PERTURBATION).toBe(3);
		expect(PERTURBATION_VARIANCE).toBeCloseTo(334 / 256, 12);
		// Hand-computed: 2 * (70 * 1 + 22 * 4 + 1 * 9) / 256
		expect(PERTURBATION_VARIANCE).toBeCloseTo((2 * (70 + 88 + 9)) / 256, 12);
	});

	it('looks every key up as the documented table says (independent implementation)', () => {
		for (let count = 0; count <= 12; count++)
			for (let key = 0; key < CELL_KEY_MODULUS; key++) expect(perturbation(count, key)).toBe(expectedPerturbation(count, key));
	});

	it('takes key sums of any size, also as bigint, modulo N', () => {
		expect(perturbation(10, 256 * 7 + 3)).toBe(perturbation(10, 3));
		expect(perturbation(10, 2n ** 40n + 5n)).toBe(perturbation(10, Number((2n ** 40n + 5n) % 256n)));
		// key 0 is the first of the row: p = -3 for counts of 4 and more (1 key in 256)
		expect(perturbation(50, 0)).toBe(-3);
		expect(perturbation(50, 255)).toBe(3);
	});
});

describe('publishCount', () => {
	it('keeps a true 0 at 0 and never turns a count into 0', () => {
		expect(publishCount(0, 123, 5)).toEqual({ value: 0, onderdrukt: null });
		for (let count = 1; count <= 30; count++)
			for (let key = 0; key < 256; key++) expect(publishCount(count, key, 5).value).not.toBe(0);
	});

	it('shows a published 1..k-1 as "<k" and anything else as its perturbed value', () => {
		for (let count = 1; count <= 30; count++)
			for (let key = 0; key < 256; key++) {
				const v = count + expectedPerturbation(count, key);
				expect(publishCount(count, key, 5)).toEqual(v < 5 ? { value: null, onderdrukt: 'klein' } : { value: v, onderdrukt: null });
			}
	});

	it('hides every true count of 1 (its row never moves it up to k)', () => {
		for (let key = 0; key < 256; key++) expect(publishCount(1, key, 5).value).toBeNull();
	});

	it('gives a share only when both counts are shown', () => {
		expect(publishedShare({ value: 30, onderdrukt: null }, { value: 120, onderdrukt: null })).toBe(0.25);
		expect(publishedShare({ value: null, onderdrukt: 'klein' }, { value: 120, onderdrukt: null })).toBeNull();
		expect(publishedShare({ value: 0, onderdrukt: null }, { value: 0, onderdrukt: null })).toBeNull();
		// perturbed independently, a part can exceed its whole: the share is capped at 100%
		expect(publishedShare({ value: 12, onderdrukt: null }, { value: 11, onderdrukt: null })).toBe(1);
	});
});
