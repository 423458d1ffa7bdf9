// The pure parts of the row charts (forest plot, diverging bars, interval chart): the signed ticks
// around 0, each chart's axis, the Likert segments, the legend and the row layout, on numbers.
// Expected values are worked out by hand in the comments (d3's tickStep: the step is 1, 2, 5 or
// 10 times a power of ten, the nearest to span / count in the ratios √2, √10, √50).
import { describe, expect, it } from 'vitest';
import { signedTicks, signedLabel } from '$lib/components/charts/plot/signed';
import { forestAxis } from '$lib/components/charts/plot/forest';
import { intervalAxis, intervalExtent } from '$lib/components/charts/plot/interval';
import { legendLayout, segments } from '$lib/components/charts/plot/diverging';
import { layoutRows } from '$lib/components/charts/plot/rows';

const labels = (t: { values: number[]; format: (v: number) => string }) => t.values.map(t.format);

describe('signedTicks', () => {
	it('is evenly spaced around 0, with a sign and the decimals the step needs', () => {
		// Span 1,1 in about 5: 0,22, a power 0,1 times 2,2 (above √2): step 0,2; -0,6 to +0,6.
		const t = signedTicks(-0.55, 0.55, { count: 5 });
		expect(labels(t)).toEqual(['−0,6', '−0,4', '−0,2', '0', '+0,2', '+0,4', '+0,6']);
		expect(t.domain).toEqual([-0.6, 0.6]);
	});

	it('in percent: the issue\'s ±25/50% axis becomes one step all the way', () => {
		// -58% to +25%: span 83 in about 4 is 20,75, 10 times 2,075 (above √2): step 20.
		const t = signedTicks(-58, 25, { count: 4, unit: '%' });
		expect(labels(t)).toEqual(['−60%', '−40%', '−20%', '0%', '+20%', '+40%']);
		expect(t.values.slice(1).map((v, i) => v - t.values[i])).toEqual([20, 20, 20, 20, 20]);
	});

	it('always includes 0, also for data on one side of it', () => {
		// 0 to 1,3 in about 5: 0,26 (above √2 times 0,1): step 0,2, up to 1,4.
		expect(labels(signedTicks(0.2, 1.3, { count: 5 }))).toEqual(['0', '+0,2', '+0,4', '+0,6', '+0,8', '+1,0', '+1,2', '+1,4']);
		expect(labels(signedTicks(-30, -10, { count: 3, unit: '%' }))).toEqual(['−30%', '−20%', '−10%', '0%']);
	});

	it('never repeats a label and never drifts (0,1 + 0,2 stays 0,3)', () => {
		for (const [lo, hi] of [[-0.07, 0.31], [-3.3, 0.9], [-99, 420], [-0.004, 0.004], [-1.2, 1.2]]) {
			for (const count of [3, 4, 6, 8]) {
				const t = signedTicks(lo, hi, { count });
				const l = labels(t);
				expect(new Set(l).size, `${lo}..${hi} (${count})`).toBe(l.length);
				expect(l).toContain('0');
				expect(t.domain[0]).toBeLessThanOrEqual(lo);
				expect(t.domain[1]).toBeGreaterThanOrEqual(hi);
				// Evenly spaced: every gap is the step.
				for (let i = 1; i < t.values.length; i++) expect(t.values[i] - t.values[i - 1]).toBeCloseTo(t.step, 9);
			}
		}
	});

	it('writes a real minus sign and rounds away a negative zero', () => {
		expect(signedLabel(-0.5, 1)).toBe('−0,5');
		expect(signedLabel(25, 0, '%')).toBe('+25%');
		expect(signedLabel(-0.0001, 1)).toBe('0');
	});
});

describe('forestAxis', () => {
	const rows = [
		{ key: 'a', label: 'A', value: 0.64, low: 0.42, high: 0.97, text: '' },
		{ key: 'x', label: 'X', value: null, low: null, high: null, text: 'niet te schatten' },
		{ key: 'all', label: 'Alle', value: 0.69, low: 0.56, high: 0.86, text: '', overall: true }
	];

	it('runs from the lowest interval end to at least +25%, ticks by the plot width', () => {
		// Ratios 0.42 .. 0.97 are -58% .. -3%; the axis reaches +25% at least. 300 px: 4 ticks asked,
		// step 20 (see signedTicks); 507 px: 6 asked, 83 / 6 = 13,8 (below √2 times 10): step 10.
		expect(labels(forestAxis(rows, 300))).toEqual(['−60%', '−40%', '−20%', '0%', '+20%', '+40%']);
		expect(forestAxis(rows, 507).domain).toEqual([-60, 30]);
	});

	it('stops at +300%: a wider interval ends in an arrow instead of squeezing every row', () => {
		// -58% .. +300% in about 4: 89,5, 10 times 8,95 (above √50): step 100.
		const wide = [...rows, { key: 'b', label: 'B', value: 1.4, low: 0.8, high: 5.2, text: '' }];
		expect(labels(forestAxis(wide, 300))).toEqual(['−100%', '0%', '+100%', '+200%', '+300%']);
	});
});

describe('intervalAxis', () => {
	it('is symmetric around 0 and at least ±0,5 points', () => {
		// ±0,95 in about 6: 0,317, 0,1 times 3,17 (just above √10): step 0,5.
		expect(labels(intervalAxis(0.95, false))).toEqual(['−1,0', '−0,5', '0', '+0,5', '+1,0']);
		// ±0,2 is widened to ±0,5: 1 in about 6 is 0,167, 0,1 times 1,67 (above √2): step 0,2, so ±0,6.
		expect(labels(intervalAxis(0.2, false))).toEqual(['−0,6', '−0,4', '−0,2', '0', '+0,2', '+0,4', '+0,6']);
		// Narrow, about 4: ±0,95 gives 0,475, 0,1 times 4,75 (above √10): step 0,5 as well.
		expect(intervalAxis(0.95, true).domain).toEqual([-1, 1]);
	});

	it('takes the largest distance from 0 over all rows: one extent for a whole report', () => {
		const iv = (lo: number, hi: number) => ({ interval: { verschil: (lo + hi) / 2, lo, hi, p: 0.5, df: 10, methode: 'welch' as const, oordeel: 'geen' as const } });
		expect(intervalExtent([iv(-0.3, 0.2), { interval: null }, iv(0.4, 1.25), iv(-1.4, -0.2)])).toBe(1.4);
		expect(intervalExtent([{ interval: null }])).toBe(0);
	});
});

describe('Likert segments', () => {
	const five = ['helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens'];
	const ends = (s: ReturnType<typeof segments>) => Object.fromEntries(s.map((x) => [x.score, [x.x0, x.x1].map((v) => Math.round(v * 1000) / 1000 || 0)]));

	it('splits neutral over the centre and stacks outwards', () => {
		// Neutral 20%: -10% to +10%; mee oneens 20% then helemaal mee oneens 10% to the left;
		// mee eens 30% then helemaal mee eens 20% to the right.
		expect(ends(segments([0.1, 0.2, 0.2, 0.3, 0.2], five))).toEqual({ 1: [-0.4, -0.3], 2: [-0.3, -0.1], 3: [-0.1, 0.1], 4: [0.1, 0.4], 5: [0.4, 0.6] });
	});

	it('leaves out a hidden (null) or empty category without a gap', () => {
		// Neutral 25%: ±12,5%; then 40% and 20% to the right.
		expect(ends(segments([null, null, 0.25, 0.4, 0.2], five))).toEqual({ 3: [-0.125, 0.125], 4: [0.125, 0.525], 5: [0.525, 0.725] });
		expect(ends(segments([0.5, 0, 0, 0, 0.5], five))).toEqual({ 1: [-0.5, 0], 5: [0, 0.5] });
	});

	it('a 7-point scale: the fourth answer is neutral', () => {
		const s = segments(Array.from({ length: 7 }, () => 1 / 7), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(s[0]).toMatchObject({ score: 4, label: 'd' });
		expect(s[0].x0).toBeCloseTo(-1 / 14, 9);
		expect(Math.min(...s.map((x) => x.x0))).toBeCloseTo(-0.5, 9);
		expect(Math.max(...s.map((x) => x.x1))).toBeCloseTo(0.5, 9);
	});
});

describe('legendLayout', () => {
	it('puts items in a line until the next does not fit, then starts a new line', () => {
		// An item is swatch 14 + 6 + its text (6,8 px a character, rounded up) + 16:
		// "ab" 50 px, "abcdef" 77 px. From x 10 in 150 px: 10, 60 (ends 137); the next would end at 214.
		expect(legendLayout([{ label: 'ab' }, { label: 'abcdef' }, { label: 'abcdef' }], 10, 150)).toEqual([
			{ x: 10, line: 0 },
			{ x: 60, line: 0 },
			{ x: 10, line: 1 }
		]);
	});
});

describe('layoutRows', () => {
	const rows = [
		{ label: 'kort', group: 'Thema A' },
		{ label: 'een heel lange naam die niet past', group: 'Thema A' },
		{ label: 'ander', group: 'Thema B' }
	];

	it('wide: the label beside the marks, a row as high as its label needs, a heading per group', () => {
		// 15 px a line. Row 1: max(band 16 + 8, 1 line 15 + 9) = 24. Row 2 wraps at 12 characters into
		// "een heel", "lange naam", "die niet", "past": 4 lines, 69 px. Groups take 26 px each.
		const l = layoutRows(rows, { top: 10, narrow: false, labelChars: 12, band: 16 });
		expect(l.heads).toEqual([{ name: 'Thema A', y: 16 }, { name: 'Thema B', y: 135 }]);
		expect(l.rows.map((r) => [r.top, r.height])).toEqual([[36, 24], [60, 69], [155, 24]]);
		expect(l.rows[1].label).toEqual(['een heel', 'lange naam', 'die niet', 'past']);
		expect(l.rows[1].mid).toBe(60 + 69 / 2);
		expect(l.bottom).toBe(179);
	});

	it('narrow: the label above the marks and the note under them, nothing side by side', () => {
		// top 0: label at 4, one line (15), 2 px, then the band of 20 (mid 31), the note 2 px under
		// it at 43, one line: the row is 43 + 15 + 10 = 68 high.
		const l = layoutRows([{ label: 'terugkoppeling', note: 'gem. 3,3' }], { top: 0, narrow: true, labelChars: 40, band: 20, note: (r) => r.note });
		expect(l.rows[0]).toMatchObject({ labelY: 4, mid: 31, noteY: 43, height: 68, note: ['gem. 3,3'] });
		expect(l.rows[0].noteY).toBeGreaterThan(l.rows[0].mid + 10);
	});
});
