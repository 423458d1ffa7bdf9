// Charts are pure functions of their data: the same props give the same SVG. Each case renders a
// chart on the server and compares it with a reviewed snapshot in tests/output/ (see
// tests/components/snapshots.ts).
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { compareSnapshot, svgOf } from './snapshots';
import BarChart from '$lib/components/charts/BarChart.svelte';
import DivergingBars from '$lib/components/charts/DivergingBars.svelte';
import IntervalChart from '$lib/components/charts/IntervalChart.svelte';
import ForestPlot from '$lib/components/charts/ForestPlot.svelte';
import LineChart from '$lib/components/charts/LineChart.svelte';
import SmallMultiples from '$lib/components/charts/SmallMultiples.svelte';

const trend = [
	{
		key: 'WK990101',
		name: 'Noord',
		points: [
			{ x: '2024-K1', y: 12, text: '12,0 per 1.000' },
			{ x: '2024-K2', y: null, text: 'afgeschermd (<5)' },
			{ x: '2024-K3', y: 0, text: '0,0 per 1.000' },
			{ x: '2024-K4', y: 10, text: '10,0 per 1.000' }
		]
	},
	{
		key: 'WK990102',
		name: 'Zuid',
		points: [
			{ x: '2024-K1', y: 40, text: '40,0 per 1.000' },
			{ x: '2024-K2', y: 8, text: '8,0 per 1.000' },
			{ x: '2024-K3', y: 28, text: '28,0 per 1.000' },
			{ x: '2024-K4', y: 0, text: '0,0 per 1.000' }
		]
	}
];

describe('LineChart', () => {
	const props = { id: 't', series: trend, title: 'Verwijzingen per 1.000', xLabel: 'Kwartaal', yLabel: 'Per 1.000 per jaar' };

	it('renders the snapshot', () => {
		compareSnapshot('line-chart', svgOf(render(LineChart, { props }).body));
	});

	it('is a pure function of its props', () => {
		expect(render(LineChart, { props }).body).toBe(render(LineChart, { props }).body);
	});

	it('draws one focusable point per known value and a gap for a hidden one', () => {
		const svg = render(LineChart, { props }).body;
		expect(svg.match(/data-mark="point"/g)).toHaveLength(7);
		expect(svg.match(/data-mark="line"/g)).toHaveLength(2);
		expect(svg).not.toContain('data-x="2024-K2" data-value="null"');
		expect(svg).toContain('aria-label="Zuid, 2024-K1: 40,0 per 1.000"');
		// Noord's path breaks at the hidden quarter: two "M" (move) commands.
		const noordPath = svg.match(/<g class="series" data-series="WK990101"><path d="([^"]+)"/)![1];
		expect(noordPath.match(/M/g)).toHaveLength(2);
	});

	it('places y = 0 on the axis and the largest value below the top', () => {
		const svg = render(LineChart, { props: { ...props, height: 340 } }).body;
		// margin.bottom = 52: y(0) = 340 - 52 = 288; Noord K3 (0) sits there.
		expect(svg).toMatch(/<circle cx="[\d.]+" cy="288"[^>]*data-x="2024-K3" data-value="0"/);
	});
});

describe('BarChart', () => {
	const bars = [
		{ key: 'welzijn', label: 'Welzijn', value: 6, text: '6 (8%)', group: 'Lijn 0 (voorveld)' },
		{ key: 'buurtteam', label: 'Buurtteam', value: 20, text: '20 (27%)', group: 'Lijn 1 (basiszorg)' },
		{ key: 'ojg', label: 'OJG', value: null, text: '<5', group: 'Lijn 1 (basiszorg)' },
		{ key: 'jeugdhulp', label: 'Specialistische jeugdhulp', value: 48, text: '48 (65%)', group: 'Lijn 2 (tweede lijn)' }
	];
	const props = { id: 'b', bars, title: 'Per bestemming', xLabel: 'Aantal' };

	it('renders the snapshot', () => {
		compareSnapshot('bar-chart', svgOf(render(BarChart, { props }).body));
	});

	it('draws a bar for every visible value and none for a hidden one', () => {
		const svg = render(BarChart, { props }).body;
		expect(svg.match(/<rect /g)).toHaveLength(3);
		expect(svg).toContain('aria-label="OJG: &lt;5"');
	});

	it('ends the axis at xMax when the scale has an end (a grade out of 10)', () => {
		const grades = [{ key: 'a', label: 'A', value: 5, text: '5' }];
		const svg = render(BarChart, { props: { id: 'g', bars: grades, title: 'Cijfer', xLabel: 'Cijfer', xMax: 10 } }).body;
		// The plot runs from 200 to 760 - 80 = 680: a 5 of 10 is half of it, 240 px wide.
		expect(svg).toMatch(/<rect x="200" y="[\d.]+" width="240"/);
		expect(svg).toContain('>10</text>');
	});
});

describe('SmallMultiples', () => {
	it('renders one panel per wijk on a shared scale', () => {
		const panels = trend.map((s) => ({ key: s.key, title: s.name, series: [s] }));
		const html = render(SmallMultiples, { props: { id: 'sm', panels, yLabel: 'Per 1.000' } }).body;
		expect(html.match(/data-panel=/g)).toHaveLength(2);
		compareSnapshot('small-multiples', svgOf(html));
	});
});

describe('ForestPlot', () => {
	const rows = [
		{ key: 'P1', label: 'Praktijk A (OJG, 2018-03)', value: 0.64, low: 0.42, high: 0.97, text: '−36% (−58% tot −3%)' },
		{ key: 'P2', label: 'Praktijk B (POH-jeugd, 2025-09)', value: null, low: null, high: null, text: 'niet te schatten: te recent' },
		{ key: 'ALLE', label: 'Gemiddeld (gewogen)', value: 0.69, low: 0.56, high: 0.86, text: '−31% (−44% tot −14%)', overall: true }
	];
	const props = { id: 'f', rows, title: 'Effect per plaatsing' };

	it('renders the snapshot', () => {
		compareSnapshot('forest-plot', svgOf(render(ForestPlot, { props }).body));
	});

	it('has one row per estimate, a diamond for the overall one, and the reason where there is no estimate', () => {
		const svg = render(ForestPlot, { props }).body;
		expect(svg.match(/data-mark="forest-row"/g)).toHaveLength(3);
		expect(svg.match(/<rect /g)).toHaveLength(1);
		expect(svg.match(/<path d="M/g)).toHaveLength(1);
		expect(svg).toContain('niet te schatten: te recent');
	});
});

describe('DivergingBars', () => {
	const categories = ['helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens'];
	const rows = [
		{ key: 'terug', label: 'terugkoppeling', shares: [0.1, 0.2, 0.2, 0.3, 0.2], hidden: 0, note: 'gem. 3,3 (n = 30)' },
		// 1 and 2 hidden (small counts): 0.15 of the answers drawn apart.
		{ key: 'info', label: 'informatie delen', shares: [null, null, 0.25, 0.4, 0.2], hidden: 0.15, note: 'gem. 3,6 (n = 20)' },
		{ key: 'regie', label: 'regie', shares: [0, 0, 0, 0, 0], hidden: 0, empty: 'minder dan 5 respondenten' }
	];
	const props = { id: 'd', title: 'Antwoorden per thema', categories, rows, width: 760 };

	it('renders the snapshot', () => {
		compareSnapshot('diverging-bars', svgOf(render(DivergingBars, { props }).body));
	});

	it('puts disagreement left and agreement right of the centre, splitting neutral', () => {
		const svg = render(DivergingBars, { props }).body;
		// x runs from 170 (-100%) to 760 - 150 - 80 - 16 = 514 (+100%): centre 342, 1% = 1.72 px.
		const seg = (row: string, score: number) => {
			const g = svg.slice(svg.indexOf(`data-key="${row}"`));
			const m = new RegExp(`<rect x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)"[^>]*data-score="${score}"`).exec(g)!;
			return [Number(m[1]), Number(m[1]) + Number(m[2])];
		};
		const [n0, n1] = seg('terug', 3);
		expect((n0 + n1) / 2).toBeCloseTo(342, 6); // neutral centred on 0
		expect(seg('terug', 2)[1]).toBeCloseTo(n0, 6); // mee oneens ends where neutral starts
		expect(seg('terug', 1)[1]).toBeCloseTo(seg('terug', 2)[0], 6);
		expect(seg('terug', 4)[0]).toBeCloseTo(n1, 6);
		expect(seg('terug', 1)[0]).toBeCloseTo(342 - 0.4 * 172, 6); // 10% + 20% + half of 20%
		expect(seg('terug', 5)[1]).toBeCloseTo(342 + 0.6 * 172, 6);
	});

	it('draws no segment for a hidden category, one hatched segment for the hidden share, and a text for a hidden row', () => {
		const svg = render(DivergingBars, { props }).body;
		expect(svg.match(/data-mark="segment"/g)).toHaveLength(5 + 3);
		expect(svg.match(/data-mark="hidden"/g)).toHaveLength(1);
		expect(svg).toContain('aria-label="informatie delen: helemaal mee oneens afgeschermd, mee oneens afgeschermd, neutraal 25%, mee eens 40%, helemaal mee eens 20%, afgeschermd samen 15%; gem. 3,6 (n = 20)"');
		expect(svg).toContain('aria-label="regie: minder dan 5 respondenten"');
	});

	it('draws a 7-point scale with its own colours', () => {
		const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		const svg = render(DivergingBars, { props: { ...props, categories: seven, rows: [{ key: 'x', label: 'x', shares: [1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7], hidden: 0 }] } }).body;
		expect(svg.match(/data-mark="segment"/g)).toHaveLength(7);
		expect(new Set(svg.match(/fill: var\(--bm-likert7-\d\)/g)).size).toBe(7);
	});
});

describe('IntervalChart', () => {
	const rows = [
		{ key: 'terug', label: 'terugkoppeling', interval: { verschil: 0.78, lo: 0.61, hi: 0.95, oordeel: 'hoger' as const }, text: 'beter: +0,78' },
		{ key: 'bereik', label: 'bereikbaarheid', interval: { verschil: 0.04, lo: -0.14, hi: 0.23, oordeel: 'geen' as const }, text: 'geen significante verandering' },
		{ key: 'regie', label: 'regie', interval: null, text: 'geen vergelijking mogelijk' }
	];
	const props = { id: 'i', title: 'Verandering per thema', rows, xLabel: 'Verschil in punten', ends: ['slechter', 'beter'] as [string, string] };

	it('renders the snapshot', () => {
		compareSnapshot('interval-chart', svgOf(render(IntervalChart, { props }).body));
	});

	it('fills significant estimates and leaves those that include 0 open, and says so in words', () => {
		const svg = render(IntervalChart, { props }).body;
		expect(svg.match(/data-mark="interval"/g)).toHaveLength(3);
		expect(svg.match(/<circle /g)).toHaveLength(2);
		expect(svg).toMatch(/<circle [^>]*style="fill: var\(--bm-chart-series-1\)/);
		expect(svg).toMatch(/<circle [^>]*style="fill: var\(--bm-chart-background\)/);
		expect(svg).toContain('data-oordeel="geen"');
		expect(svg).toContain('aria-label="bereikbaarheid: geen significante verandering"');
		expect(svg).toContain('aria-label="regie: geen vergelijking mogelijk"');
	});
});
