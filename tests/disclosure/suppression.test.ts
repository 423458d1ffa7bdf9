import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmall, suppress, suppressedRate, suppressedShare } from '$lib/server/disclosure/suppression';

const K = 5;

describe('suppress (hand-made cases)', () => {
	it('hides counts 1..k-1 and keeps 0 and k', () => {
		const cells = suppress(new Map([['a', 0], ['b', 1], ['c', 4], ['d', 5]]), [], K);
		expect([...cells.values()].map((c) => c.value)).toEqual([0, null, null, 5]);
		expect(cells.get('b')!.onderdrukt).toBe('klein');
	});

	it('hides the smallest other non-zero cell of a group with one hidden cell', () => {
		// total 30 = 3 + 12 + 15: 3 is small; without a second hidden cell 30 - 12 - 15 gives it away.
		const counts = new Map([['t', 30], ['a', 3], ['b', 12], ['c', 15]]);
		const cells = suppress(counts, [['t', 'a', 'b', 'c']], K);
		expect(cells.get('a')).toEqual({ value: null, onderdrukt: 'klein' });
		expect(cells.get('b')).toEqual({ value: null, onderdrukt: 'aanvullend' });
		expect(cells.get('c')!.value).toBe(15);
		expect(cells.get('t')!.value).toBe(30);
	});

	it('picks the smallest non-zero partner, and a zero only when nothing else is visible', () => {
		// t = a + b + c = 7 + 0 + 2: c is small; the partner is a (7), not the zero b and not t (9).
		const cells = suppress(new Map([['t', 9], ['a', 7], ['b', 0], ['c', 2]]), [['t', 'a', 'b', 'c']], K);
		expect(cells.get('a')!.onderdrukt).toBe('aanvullend');
		expect(cells.get('b')!.value).toBe(0);
		expect(cells.get('t')!.value).toBe(9);
		// a = 2 is small and its only companion is a zero: hide the zero rather than leave a alone.
		const lone = suppress(new Map([['a', 2], ['b', 0]]), [['a', 'b']], K);
		expect(lone.get('b')).toEqual({ value: null, onderdrukt: 'aanvullend' });
	});

	it('hides another cell when two hidden cells together make a small count', () => {
		// total 13 = 1 + 2 + 10: 1 and 2 are hidden, but 13 - 10 = 3 would give away the pair.
		const counts = new Map([['t', 13], ['a', 1], ['b', 2], ['c', 10]]);
		const cells = suppress(counts, [['t', 'a', 'b', 'c']], K);
		expect([cells.get('a')!.value, cells.get('b')!.value]).toEqual([null, null]);
		expect(cells.get('c')).toEqual({ value: null, onderdrukt: 'aanvullend' });
		expect(cells.get('t')!.value).toBe(13);
		// Hidden cells that together make k or more need no partner: 1 + 4 + 30 = 35.
		const enough = suppress(new Map([['t', 35], ['a', 1], ['b', 4], ['c', 30]]), [['t', 'a', 'b', 'c']], K);
		expect([enough.get('t')!.value, enough.get('c')!.value]).toEqual([35, 30]);
	});

	it('hides forced cells whatever their count, and counts them as they are', () => {
		// b is forced (0: its group of respondents is hidden), a is small: 0 + 2 is still small, so c goes too.
		const counts = new Map([['t', 22], ['a', 2], ['b', 0], ['c', 20]]);
		const cells = suppress(counts, [['t', 'a', 'b', 'c']], K, new Set(['b']));
		expect(cells.get('b')).toEqual({ value: null, onderdrukt: 'klein' });
		expect(cells.get('c')).toEqual({ value: null, onderdrukt: 'aanvullend' });
		expect(cells.get('t')!.value).toBe(22);
	});

	it('propagates across groups until no group has a lone hidden cell', () => {
		// Two groups share cell b: hiding b for group 1 leaves group 2 with a lone hidden cell.
		const counts = new Map([['t1', 22], ['a', 2], ['b', 20], ['t2', 50], ['c', 30]]);
		const cells = suppress(counts, [['t1', 'a', 'b'], ['t2', 'b', 'c']], K);
		expect(cells.get('b')!.onderdrukt).toBe('aanvullend');
		const hiddenIn = (g: string[]) => g.filter((key) => cells.get(key)!.value === null).length;
		expect(hiddenIn(['t1', 'a', 'b'])).toBeGreaterThanOrEqual(2);
		expect(hiddenIn(['t2', 'b', 'c'])).toBeGreaterThanOrEqual(2);
	});
});

describe('suppress (properties)', () => {
	const tables = fc
		.record({
			counts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 200 })), { minLength: 2, maxLength: 40 }),
			groups: fc.array(fc.uniqueArray(fc.nat(39), { minLength: 2, maxLength: 8 }), { maxLength: 12 }),
			k: fc.integer({ min: 2, max: 11 })
		})
		.map(({ counts, groups, k }) => ({
			counts: new Map(counts.map((n, i) => [`c${i}`, n])),
			groups: groups.map((g) => g.filter((i) => i < counts.length).map((i) => `c${i}`)).filter((g) => g.length >= 2),
			k
		}));

	it('never shows a count between 1 and k-1', () => {
		fc.assert(
			fc.property(tables, ({ counts, groups, k }) => {
				const cells = suppress(counts, groups, k);
				for (const c of cells.values()) expect(c.value === null || !isSmall(c.value, k)).toBe(true);
			})
		);
	});

	it('never leaves exactly one hidden cell in a group', () => {
		fc.assert(
			fc.property(tables, ({ counts, groups, k }) => {
				const cells = suppress(counts, groups, k);
				for (const g of groups) expect(g.filter((key) => cells.get(key)!.value === null).length).not.toBe(1);
			})
		);
	});

	it('never leaves hidden cells that together make a small count while a non-zero cell is visible', () => {
		fc.assert(
			fc.property(tables, ({ counts, groups, k }) => {
				const cells = suppress(counts, groups, k);
				for (const g of groups) {
					const hidden = g.filter((key) => cells.get(key)!.value === null);
					const sum = hidden.reduce((t, key) => t + counts.get(key)!, 0);
					const visibleNonZero = g.some((key) => cells.get(key)!.value !== null && counts.get(key)! > 0);
					if (hidden.length > 1 && visibleNonZero) expect(isSmall(sum, k)).toBe(false);
				}
			})
		);
	});

	it('only hides what it must: visible cells keep their exact value', () => {
		fc.assert(
			fc.property(tables, ({ counts, groups, k }) => {
				const cells = suppress(counts, groups, k);
				for (const [key, c] of cells) if (c.value !== null) expect(c.value).toBe(counts.get(key));
			})
		);
	});
});

describe('rates and shares', () => {
	it('gives no rate for a hidden count or an empty denominator', () => {
		expect(suppressedRate({ value: null, onderdrukt: 'klein' }, 100)).toBeNull();
		expect(suppressedRate({ value: 10, onderdrukt: null }, 0)).toBeNull();
		expect(suppressedRate({ value: 10, onderdrukt: null }, 500)).toBe(20);
	});

	it('hides a share whose numerator, rest or denominator is small', () => {
		expect(suppressedShare(3, 100, K)).toBeNull(); // 3 of 100
		expect(suppressedShare(96, 100, K)).toBeNull(); // gives away the 4 others
		expect(suppressedShare(4, 4, K)).toBeNull();
		expect(suppressedShare(0, 10, K)).toBe(0);
		expect(suppressedShare(10, 10, K)).toBe(1);
		expect(suppressedShare(15, 20, K)).toBe(0.75);
	});
});
