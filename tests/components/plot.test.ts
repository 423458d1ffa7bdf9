// The pure parts of the Plot charts (src/lib/components/charts/plot/): ticks, the rolling mean,
// label placement, wrapping, and the render itself (same spec, same SVG; tokens, not colours).
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { periodTicks, stepDigits, valueTicks } from '$lib/components/charts/plot/ticks';
import { rollingMean, rollingWindow } from '$lib/components/charts/plot/rolling';
import { spread } from '$lib/components/charts/plot/line';
import { wrap } from '$lib/components/charts/plot/theme';
import { renderSvg } from '$lib/components/charts/plot/render';

describe('valueTicks', () => {
	it('gives the decimals the step needs, no more', () => {
		expect(stepDigits(5)).toBe(0);
		expect(stepDigits(0.5)).toBe(1);
		expect(stepDigits(0.25)).toBe(2);
		const t = valueTicks(0.9);
		expect(t.values.map(t.format)).toEqual(['0,0', '0,2', '0,4', '0,6', '0,8', '1,0']);
	});

	it('never repeats a label: a rounding format gets fewer ticks', () => {
		// The issue: small values gave the axis "1, 1, 1, 0, 0, 0".
		const t = valueTicks(1.2, { format: (v) => String(Math.round(v)) });
		const labels = t.values.map(t.format);
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels.length).toBeGreaterThanOrEqual(2);
	});

	it('counts of people: whole numbers only, also for a maximum below 1', () => {
		for (const max of [0.3, 1, 2.5, 7, 13, 1499]) {
			const t = valueTicks(max, { integer: true });
			expect(t.values.every(Number.isInteger), `max ${max}`).toBe(true);
			expect(t.top).toBeGreaterThanOrEqual(max);
			expect(new Set(t.values).size).toBe(t.values.length);
		}
		expect(valueTicks(2, { integer: true }).values).toEqual([0, 1, 2]);
	});

	it('ends at a fixed top (a grade out of 10, 100%)', () => {
		expect(valueTicks(6, { fixedTop: 10 }).top).toBe(10);
		expect(valueTicks(6, { fixedTop: 10 }).values).toContain(10);
	});

	it('skips labels a format leaves empty', () => {
		const t = valueTicks(3, { format: (v) => (Number.isInteger(v) ? String(v) : '') });
		expect(t.values.every(Number.isInteger)).toBe(true);
	});
});

describe('periodTicks', () => {
	it('labels every period that fits, else year starts', () => {
		expect(periodTicks(['2023', '2024', '2025'], 600, 40)).toEqual(['2023', '2024', '2025']);
		const months = Array.from({ length: 36 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
		expect(periodTicks(months, 300, 70)).toEqual(['2022-01', '2023-01', '2024-01']);
		const quarters = Array.from({ length: 40 }, (_, i) => `${2016 + Math.floor(i / 4)}-K${(i % 4) + 1}`);
		const few = periodTicks(quarters, 250, 60);
		expect(few.length).toBeLessThanOrEqual(4);
		expect(few.every((q) => q.endsWith('K1'))).toBe(true);
	});
});

describe('rollingMean', () => {
	it('takes 12 months or 4 quarters, and nothing for years', () => {
		expect(rollingWindow(['2024-01', '2024-02'])?.k).toBe(12);
		expect(rollingWindow(['2024-K1'])?.label).toBe('gemiddelde van 4 kwartalen');
		expect(rollingWindow(['2023', '2024'])).toBeNull();
	});

	it('averages the last k values, only where all k are known', () => {
		const pts = [4, 8, 4, 8, 12, null, 4, 4, 4, 4].map((y, i) => ({ x: `p${i}`, y }));
		expect(rollingMean(pts, 4)).toEqual([
			{ x: 'p3', y: 6 },
			{ x: 'p4', y: 8 },
			{ x: 'p9', y: 4 }
		]);
	});
});

describe('label placement and wrapping', () => {
	it('spreads labels so they do not overlap, within the bounds', () => {
		const items = [{ at: 100, size: 15 }, { at: 102, size: 30 }, { at: 300, size: 15 }, { at: 301, size: 15 }];
		const out = spread(items, 0, 310);
		const boxes = items.map((it, i) => ({ top: out[i], bottom: out[i] + it.size })).sort((a, b) => a.top - b.top);
		for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
		expect(boxes[0].top).toBeGreaterThanOrEqual(0);
		expect(boxes[boxes.length - 1].bottom).toBeLessThanOrEqual(310);
	});

	it('wraps at spaces and keeps every word', () => {
		expect(wrap('Huisartsenpraktijk Heuvelrug en Omstreken', 14)).toEqual(['Huisartsenpraktijk', 'Heuvelrug en', 'Omstreken']);
		expect(wrap('Noord', 14)).toEqual(['Noord']);
	});
});

describe('renderSvg', () => {
	const spec = (): Plot.PlotOptions => ({ width: 200, height: 100, marks: [Plot.dot([{ x: 1, y: 2 }], { x: 'x', y: 'y', fill: 'var(--bm-chart-series-1)' })] });

	it('gives the same SVG for the same spec, titled and labelled', () => {
		const a = renderSvg(spec(), { id: 'c', title: 'Titel', description: 'Uitleg', kind: 'test' });
		expect(renderSvg(spec(), { id: 'c', title: 'Titel', description: 'Uitleg', kind: 'test' })).toBe(a);
		expect(a).toMatch(/^<svg /);
		expect(a).toContain('<title id="c-title">Titel</title>');
		expect(a).toContain('<desc id="c-desc">Uitleg</desc>');
		expect(a).toContain('aria-labelledby="c-title"');
		expect(a).toContain('data-chart="test"');
	});

	it('paints only with tokens, in style (not presentation attributes), and drops Plot\'s stylesheet', () => {
		const a = renderSvg(spec(), { id: 'c', title: 'T', kind: 'test' });
		expect(a).not.toContain('<style');
		expect(a).not.toMatch(/currentColor/i);
		expect(a).not.toMatch(/ (fill|stroke)="var\(/);
		expect(a).toContain('style="fill: var(--bm-chart-series-1)"');
		expect(a).toContain('font-size:12px');
	});

	it('keeps aria-label only where there is a role (axe: aria-prohibited-attr)', () => {
		const a = renderSvg(spec(), { id: 'c', title: 'T', kind: 'test' });
		expect(a).toContain('<g');
		for (const m of a.matchAll(/<[^>]*aria-label="[^"]*"[^>]*>/g)) expect(m[0]).toMatch(/ role="/);
	});
});
