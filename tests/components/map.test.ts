// The wijk map (plot/map.ts, WijkMap.svelte) and its rules (src/lib/map/kaart.ts): classes and
// legend, words beside the arrows, the ranking, the projection, and the SVG as a snapshot.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { compareSnapshot, plotSvgs } from './snapshots';
import WijkMap from '$lib/components/map/WijkMap.svelte';
import { fitProjection, labelPoint, type MapArea } from '$lib/components/charts/plot/map';
import { CHANGE_THRESHOLDS, HATCH, changeText, classIndex, rankByChange, rateClasses, richting, type KaartWijk } from '$lib/map/kaart';

const square = (x: number, y: number, s: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

const wijk = (code: string, naam: string, x: number, y: number, per1000: number | null, vorig: number | null, extra: Partial<KaartWijk> = {}): KaartWijk => ({
	code,
	naam,
	gemeente_code: 'GM9901',
	gemeente_naam: 'Voorbeeldstad',
	geometrie: square(x, y, 0.02),
	per1000,
	per1000Vorig: vorig,
	verwijzingen: per1000 === null ? null : Math.round(per1000 * 5),
	onderdrukt: false,
	vorigOnderdrukt: false,
	noemer: 'inwoners',
	verandering: per1000 !== null && vorig ? per1000 / vorig - 1 : null,
	...extra
});

// A 3 x 2 block of wijken: rates 8..30, one hidden, one without a boundary.
const WIJKEN: KaartWijk[] = [
	wijk('WK990101', 'Centrum', 5.0, 52.02, 30, 25),
	wijk('WK990102', 'Riëndonk', 5.02, 52.02, 12, 15),
	wijk('WK990103', 'Lindenhof', 5.04, 52.02, 8.5, 8.4),
	wijk('WK990104', 'Molenkwartier', 5.0, 52.0, 21, 18),
	wijk('WK990105', 'De Gaarden', 5.02, 52.0, null, 10, { onderdrukt: true }),
	wijk('WK990106', 'Het Prieël', 5.04, 52.0, 16, 21),
	wijk('WK990107', 'Zonder grens', 0, 0, 10, 10, { geometrie: null })
];

describe('rate classes', () => {
	it('split at round numbers over the values, light to dark', () => {
		const { thresholds, klassen } = rateClasses([8.5, 12, 16, 21, 30]);
		// d3.ticks(8.5, 30, 4) = 10, 15, 20, 25, 30; only those strictly between minimum and maximum.
		expect(thresholds).toEqual([10, 15, 20, 25]);
		expect(klassen.map((k) => k.label)).toEqual(['minder dan 10', '10 tot 15', '15 tot 20', '20 tot 25', '25 of meer']);
		expect(classIndex(8.5, thresholds)).toBe(0);
		expect(classIndex(10, thresholds)).toBe(1);
		expect(classIndex(30, thresholds)).toBe(4);
		// Round numbers too thick for five classes: fewer, never more than five.
		expect(rateClasses([1, 9.9]).klassen.length).toBeLessThanOrEqual(5);
	});

	it('one value: one class', () => {
		expect(rateClasses([12]).klassen).toHaveLength(1);
		expect(rateClasses([]).klassen).toHaveLength(0);
	});
});

describe('change classes and words', () => {
	it('places a change in one of five classes around "minder dan 5% verschil"', () => {
		expect([-0.2, -0.15, -0.1, -0.049, 0, 0.05, 0.149, 0.15, 0.5].map((v) => classIndex(v, CHANGE_THRESHOLDS))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
	});

	it('says the size without a sign and the direction in words (no "-6,4% lager")', () => {
		expect(changeText(-0.064)).toBe('6,4% lager');
		expect(changeText(0.123)).toBe('12,3% hoger');
		expect(changeText(0.0004)).toBe('gelijk');
		expect(richting(-0.0006)).toBe('lager');
	});

	it('ranks the largest rise first, the largest fall last, unknown changes after', () => {
		// +20%, +16,7%, +1,2%, 0%, -20%, -23,8%, hidden
		expect(rankByChange(WIJKEN).map((w) => w.naam)).toEqual(['Centrum', 'Molenkwartier', 'Lindenhof', 'Zonder grens', 'Riëndonk', 'Het Prieël', 'De Gaarden']);
	});
});

describe('label placement', () => {
	it('puts a name at the centroid of the largest part', () => {
		const g = { type: 'MultiPolygon' as const, coordinates: [[square(0, 0, 1).coordinates[0]], [square(10, 10, 4).coordinates[0]]] };
		expect(labelPoint(g)).toEqual([12, 12]);
	});
});

describe('projection', () => {
	it('keeps the shape: a square of 0.02 x 0.02 degrees at 52 N is cos(52°) as wide as it is high', () => {
		const areas: MapArea[] = [{ key: 'a', name: 'a', label: 'a', fill: 'x', geometry: square(5, 52, 0.02) }];
		const { project, width, height } = fitProjection(areas, 1000, 400);
		expect(height).toBeCloseTo(400, 6);
		expect(width / height).toBeCloseTo(Math.cos((52.01 * Math.PI) / 180), 6);
		// North is up: the north-west corner is at y = 0, the south-west corner at the bottom.
		expect(project([5, 52.02])[1]).toBeCloseTo(0, 6);
		expect(project([5, 52])[1]).toBeCloseTo(400, 6);
	});
});

describe('WijkMap', () => {
	const props = { id: 'kaart', title: 'Verwijzingen per 1.000 inwoners per jaar, per wijk, 2025', wijken: WIJKEN, measure: 'rate' as const, jaar: 2025, k: 5, legendTitle: 'Per 1.000 per jaar, 2025', highlight: 'WK990102' };

	it('draws each wijk with a boundary once, in its class; the hidden one hatched; a legend with both', () => {
		const [wide, narrow] = plotSvgs(render(WijkMap, { props }).body);
		const marks = [...wide.matchAll(/<path [^>]*data-mark="wijk"[^>]*>/g)].map((m) => [/data-key="([^"]+)"/.exec(m[0])![1], /data-fill="([^"]+)"/.exec(m[0])![1]]);
		expect(marks.map((m) => m[0])).toEqual(['WK990101', 'WK990102', 'WK990103', 'WK990104', 'WK990105', 'WK990106']);
		expect(Object.fromEntries(marks)['WK990105']).toBe(HATCH);
		// Centrum (30) in the darkest class, Lindenhof (8,5) in the lightest.
		expect(Object.fromEntries(marks)['WK990101']).toBe('var(--bm-chart-series-1)');
		expect(Object.fromEntries(marks)['WK990103']).toMatch(/color-mix\(in srgb, var\(--bm-chart-series-1\) \d+%/);
		expect(wide).toContain('url(#kaart-arcering-760)');
		expect(wide).toContain('onderdrukt (minder dan 5)');
		expect(wide).toContain('aria-label="De Gaarden: onderdrukt, minder dan 5 verwijzingen"');
		expect(wide).toContain('aria-label="Centrum: 30,0 per 1.000"');
		expect(wide).not.toContain('Zonder grens');
		// Names on the wide map, at the middle of each square; none on the narrow one (no room).
		expect(wide).toMatch(/<text[^>]*>Molenkwartier<\/text>/);
		expect(narrow).not.toMatch(/>Molenkwartier</);
	});

	it('never writes a colour literal: every paint is a token or a mix of tokens', () => {
		const [wide, narrow] = plotSvgs(render(WijkMap, { props }).body);
		for (const svg of [wide, narrow]) {
			expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b(?![^"]*arcering)/i);
			expect(svg).not.toMatch(/\sfill="(?!none")/i);
		}
	});

	it('the change map says each change in words', () => {
		const [wide] = plotSvgs(render(WijkMap, { props: { ...props, measure: 'change', legendTitle: 'Verandering tegen 2024' } }).body);
		expect(wide).toContain('aria-label="Riëndonk: 20,0% lager dan in 2024 (12,0 tegen 15,0 per 1.000)"');
		expect(wide).toContain('15% of meer hoger');
	});

	it('matches the snapshots, wide and narrow', () => {
		const [wide, narrow] = plotSvgs(render(WijkMap, { props }).body);
		compareSnapshot('wijk-map', wide);
		compareSnapshot('wijk-map-narrow', narrow);
		const [change] = plotSvgs(render(WijkMap, { props: { ...props, measure: 'change', legendTitle: 'Verandering tegen 2024' } }).body);
		compareSnapshot('wijk-map-change', change);
	});
});
