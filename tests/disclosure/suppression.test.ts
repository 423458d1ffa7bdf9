import { describe, expect, it } from 'vitest';
import { isSmall, suppressedRate } from '$lib/server/disclosure/suppression';

describe('small counts and rates', () => {
	it('calls 1..k-1 small, and 0 and k not', () => {
		expect([0, 1, 4, 5, 6].map((n) => isSmall(n, 5))).toEqual([false, true, true, false, false]);
		expect([1, 2, 3].map((n) => isSmall(n, 3))).toEqual([true, true, false]);
	});

	it('gives no rate for a hidden count or an empty denominator', () => {
		expect(suppressedRate({ value: null, onderdrukt: 'klein' }, 100)).toBeNull();
		expect(suppressedRate({ value: 10, onderdrukt: null }, 0)).toBeNull();
		expect(suppressedRate({ value: 10, onderdrukt: null }, null)).toBeNull();
		expect(suppressedRate({ value: 10, onderdrukt: null }, 500)).toBe(20);
	});
});
