import { describe, expect, it } from 'vitest';
import { limitUnits } from '$lib/referrals/limit';

const row = (niveau_code: string, periode: string, verwijzingen: number | null) => ({ niveau_code, periode, verwijzingen });

describe('limitUnits', () => {
	it('keeps every row when there are few units', () => {
		const rows = [row('A', '2024', 5), row('B', '2024', 7)];
		expect(limitUnits(rows, 2)).toEqual({ rows, limit: null });
	});

	it('keeps the units with the most published referrals over all periods, in the original order', () => {
		// totals: A 5+6 = 11, B 20, C 0 + hidden (counts as 0), D 11 (tie with A: code order)
		const rows = [row('A', '2024', 5), row('B', '2024', 20), row('C', '2024', 0), row('D', '2024', 11), row('A', '2025', 6), row('C', '2025', null)];
		const { rows: kept, limit } = limitUnits(rows, 2);
		// B (20), then A before D on the tie
		expect(kept).toEqual([row('A', '2024', 5), row('B', '2024', 20), row('A', '2025', 6)]);
		expect(limit).toEqual({ eenheden: 4, getoond: 2 });
		const three = limitUnits(rows, 3).rows.map((r) => `${r.niveau_code}${r.periode}`);
		expect(three).toEqual(['A2024', 'B2024', 'D2024', 'A2025']);
	});

	it('always keeps the selected unit', () => {
		const rows = [row('A', '2024', 5), row('B', '2024', 20), row('C', '2024', 1)];
		expect(limitUnits(rows, 1, 'C').rows).toEqual([row('C', '2024', 1)]);
		expect(limitUnits(rows, 2, 'C').rows.map((r) => r.niveau_code)).toEqual(['B', 'C']);
	});

	it('shows fewer units when each has many periods, so a page stays within its row budget', () => {
		// 5 units of 4 periods; 10 rows allow 2 units (8 rows), not 3 (12)
		const rows = ['A', 'B', 'C', 'D', 'E'].flatMap((code, i) => ['K1', 'K2', 'K3', 'K4'].map((p) => row(code, p, 10 * (i + 1))));
		const { rows: kept, limit } = limitUnits(rows, 4, null, 10);
		expect(new Set(kept.map((r) => r.niveau_code))).toEqual(new Set(['E', 'D']));
		expect(limit).toEqual({ eenheden: 5, getoond: 2 });
		// a budget smaller than one unit still shows one
		expect(new Set(limitUnits(rows, 4, 'A', 3).rows.map((r) => r.niveau_code))).toEqual(new Set(['A']));
	});
});
