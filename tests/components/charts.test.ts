// Charts are pure functions of their data: the same props give the same SVG. Each case renders a
// chart on the server and compares it with a reviewed snapshot in tests/output/ (see
// tests/components/snapshots.ts). The Plot charts (line, bar, small multiples) are drawn wide and
// narrow; each variant has its own snapshot.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { compareSnapshot, plotSvgs, svgOf } from './snapshots';
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
	const wide = (p: object = props) => plotSvgs(render(LineChart, { props: { ...props, ...p } }).body)[0];

	it('renders the snapshots, wide and narrow', () => {
		const [w, n] = plotSvgs(render(LineChart, { props }).body);
		compareSnapshot('line-chart', w);
		compareSnapshot('line-chart-narrow', n);
	});

	it('is a pure function of its props', () => {
		expect(render(LineChart, { props }).body).toBe(render(LineChart, { props }).body);
	});

	it('draws one focusable point per known value and a gap for a hidden one; hooks on the wide variant only', () => {
		const html = render(LineChart, { props }).body;
		expect(html.match(/data-mark="point"/g)).toHaveLength(7);
		expect(html.match(/data-mark="line"/g)).toHaveLength(2);
		// Both variants are focusable and spoken; only one carries the test hooks.
		expect(html.match(/role="listitem"/g)).toHaveLength(14);
		expect(wide()).not.toContain('Noord, 2024-K2');
		expect(wide()).toContain('aria-label="Zuid, 2024-K1: 40,0 per 1.000"');
		// Noord's path breaks at the hidden quarter: two "M" (move) commands.
		const noordPath = /<g[^>]*data-series="WK990101"[^>]*>\s*<path[^>]* d="([^"]+)"/.exec(wide())![1];
		expect(noordPath.match(/M/g)).toHaveLength(2);
	});

	it('highlights the first series (or the selected one) and draws the others in grey behind it', () => {
		const stroke = (svg: string, key: string) => new RegExp(`<g style="stroke: (var\\([^)]+\\))[^>]*data-series="${key}"`).exec(svg)?.[1];
		expect(stroke(wide(), 'WK990101')).toBe('var(--bm-chart-series-1)');
		expect(stroke(wide(), 'WK990102')).toBe('var(--bm-chart-context)');
		const chosen = wide({ highlight: 'WK990102' });
		expect(stroke(chosen, 'WK990102')).toBe('var(--bm-chart-series-1)');
		expect(stroke(chosen, 'WK990101')).toBe('var(--bm-chart-context)');
		// The grey line's label is text: in the axis colour (4.5:1), not the line's lighter grey.
		expect(wide()).toMatch(/<text style="fill: var\(--bm-chart-axis\)"[^>]*>Zuid<\/text>/);
		// The highlighted line is drawn last, on top.
		expect(chosen.indexOf('data-series="WK990102"')).toBeGreaterThan(chosen.indexOf('data-series="WK990101"'));
	});

	it('places y = 0 on the axis and every point inside the plot', () => {
		const svg = wide({ height: 340 });
		// marginBottom 50: y(0) = 340 - 50 = 290; Noord K3 (0) sits there.
		expect(svg).toMatch(/data-x="2024-K3"[^>]*cy="290"|cy="290"[^>]*data-x="2024-K3"/);
		const ys = [...svg.matchAll(/data-mark="point"[^>]* cy="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(ys.length).toBe(7);
		expect(Math.min(...ys)).toBeGreaterThanOrEqual(16);
	});

	it('writes a long series name out in full, wrapped, instead of cutting it off', () => {
		const long = [{ ...trend[0], name: 'Huisartsenpraktijk Heuvelrug en Omstreken' }, trend[1]];
		const svg = wide({ series: long });
		expect(svg).not.toContain('…');
		expect(svg).toContain('>Huisartsenpraktijk</tspan>');
		expect(svg).toContain('>Heuvelrug en</tspan>');
	});

	it('adds a labelled rolling mean of 4 quarters over a quarterly series', () => {
		const quarters = ['2023-K1', '2023-K2', '2023-K3', '2023-K4', '2024-K1', '2024-K2'];
		const s = [{ key: 'A', name: 'A', points: quarters.map((x, i) => ({ x, y: [4, 8, 4, 8, 12, null][i], text: '' })) }];
		const svg = wide({ series: s });
		expect(svg).toContain('data-trend="A"');
		expect(svg).toContain('gemiddelde van 4');
		// Means of K1-K4 2023 (6) and K2 2023-K1 2024 (8); the window with the hidden K2 2024 has none.
		const path = /data-trend="A"[^>]*>\s*<path[^>]* d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)"/.exec(svg)!;
		const y0 = Number(/data-x="2023-K1"[^>]* cy="([\d.]+)"/.exec(svg)![1]); // value 4
		const y1 = Number(/data-x="2023-K2"[^>]* cy="([\d.]+)"/.exec(svg)![1]); // value 8
		const perUnit = (y0 - y1) / 4;
		expect(Number(path[2])).toBeCloseTo(y0 - 2 * perUnit, 1);
		expect(Number(path[4])).toBeCloseTo(y0 - 4 * perUnit, 1);
		// Not across an intervention: the windows before and after are what the chart compares.
		expect(wide({ series: s, markers: [{ x: '2023-K3', label: 'start' }] })).not.toContain('data-trend');
		// Years are not smoothed.
		expect(wide({ series: [{ key: 'B', name: 'B', points: ['2020', '2021', '2022', '2023', '2024'].map((x) => ({ x, y: 3, text: '' })) }] })).not.toContain('data-trend');
	});

	it('becomes small multiples past 6 series: a panel per series, its own line in colour over the others in grey', () => {
		const many = Array.from({ length: 8 }, (_, i) => ({ key: `W${i}`, name: `Wijk ${i}`, points: trend[i % 2].points }));
		const svg = wide({ series: many });
		compareSnapshot('line-chart-multiples', svg);
		compareSnapshot('line-chart-multiples-narrow', plotSvgs(render(LineChart, { props: { ...props, series: many } }).body)[1]);
		expect(svg.match(/data-mark="line"/g)).toHaveLength(8);
		for (let i = 0; i < 8; i++) expect(svg).toContain(`>Wijk ${i}</text>`);
		// In each panel the 7 other series are context lines (one <path> each).
		const context = [...svg.matchAll(/<g style="stroke: var\(--bm-chart-context\)[^>]*>([^]*?)<\/g>/g)];
		expect(context).toHaveLength(8);
		for (const g of context) expect(g[1].match(/<path/g)).toHaveLength(7);
	});

	it('shades periods and marks a start, with labels that do not collide', () => {
		const months = Array.from({ length: 24 }, (_, i) => `${2017 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
		const s = [{ key: 'P', name: 'Praktijk', points: months.map((x, i) => ({ x, y: 30 + ((i * 7) % 11), text: '' })) }];
		const svg = wide({ series: s, points: false, bands: [{ from: '2017-01', to: '2017-12', label: 'vóór' }, { from: '2018-02', to: '2018-12', label: 'na' }], markers: [{ x: '2018-01', label: 'start OJG' }] });
		compareSnapshot('line-chart-bands', svg);
		expect(svg.match(/data-band=/g)).toHaveLength(2);
		expect(svg).toContain('data-marker="start OJG"');
		// The band labels sit inside the plot (below its top), the marker's label above it.
		const textY = (t: string) => {
			const m = new RegExp(`<g[^>]*transform="translate\\([-\\d.]+,([-\\d.]+)\\)"[^>]*>\\s*<text[^>]*translate\\([\\d.]+,([\\d.]+)\\)"[^>]*>${t}<`).exec(svg)!;
			return Number(m[1]) + Number(m[2]);
		};
		expect(textY('na')).toBeGreaterThan(textY('start OJG'));
	});

	it('past 12 series draws the others as one grey band (lowest to highest), not as lines', () => {
		const many = Array.from({ length: 14 }, (_, i) => ({ key: `W${i}`, name: `Wijk ${i}`, points: trend[0].points.map((p) => ({ ...p, y: p.y === null ? null : p.y + i })) }));
		const svg = wide({ series: many });
		expect(svg.match(/data-mark="line"/g)).toHaveLength(14);
		expect(svg).not.toContain('data-context="lines"');
		expect(svg.match(/data-context="band"/g)).toHaveLength(14);
		expect(svg).toContain('laagste tot hoogste van alle reeksen');
		// 12 series still get lines.
		expect(wide({ series: many.slice(0, 12) })).toContain('data-context="lines"');
	});

	it('never repeats a tick label and gives counts whole-number ticks', () => {
		const small = [{ key: 'A', name: 'A', points: [{ x: '2024', y: 1, text: '1' }, { x: '2025', y: 0, text: '0' }] }];
		const labels = (svg: string) => [...svg.matchAll(/<g(?=[^>]*class="bm-axis-y")(?=[^>]*text-anchor="end")[^>]*>([^]*?)<\/g>/g)].flatMap((g) => [...g[1].matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]));
		const counts = labels(wide({ series: small, integer: true }));
		expect(counts).toContain('1');
		expect(counts.every((l) => /^\d+$/.test(l))).toBe(true);
		expect(new Set(counts).size).toBe(counts.length);
		// Whole-number data gets whole-number ticks by default; asked not to, fractions, each written exactly.
		expect(labels(wide({ series: small }))).toEqual(counts);
		expect(labels(wide({ series: small, integer: false }))).toContain('0,4');
		const rounded = labels(wide({ series: small, yTickFormat: (v: number) => String(Math.round(v)) }));
		expect(new Set(rounded).size).toBe(rounded.length);
	});
});

describe('BarChart', () => {
	const bars = [
		{ key: 'welzijn', label: 'Welzijn', value: 6, text: '6 (8%)', group: 'Lijn 0 (voorveld)' },
		{ key: 'buurtteam', label: 'Buurtteam', value: 20, text: '20 (27%)', group: 'Lijn 1 (basiszorg)' },
		{ key: 'ojg', label: 'OJG', value: null, text: '<5', group: 'Lijn 1 (basiszorg)' },
		{ key: 'jeugdhulp', label: 'Specialistische jeugdhulp', value: 48, text: '1.500 (34,0%)', group: 'Lijn 2 (tweede lijn)' }
	];
	const props = { id: 'b', bars, title: 'Per bestemming', xLabel: 'Aantal' };

	it('renders the snapshots, wide and narrow', () => {
		const [w, n] = plotSvgs(render(BarChart, { props }).body);
		compareSnapshot('bar-chart', w);
		compareSnapshot('bar-chart-narrow', n);
	});

	it('draws a bar for every visible value and none for a hidden one, each value spoken and focusable', () => {
		const [svg] = plotSvgs(render(BarChart, { props }).body);
		expect(svg.match(/<rect /g)).toHaveLength(3);
		expect(svg.match(/data-mark="bar"/g)).toHaveLength(4);
		expect(svg).toMatch(/aria-label="OJG: (<|&lt;)5"/);
		expect(svg).toMatch(/tabindex="0"[^>]*aria-label="Specialistische jeugdhulp: 1.500 \(34,0%\)"|aria-label="Specialistische jeugdhulp: 1.500 \(34,0%\)"[^>]*tabindex="0"/);
	});

	it('leaves room right of the longest bar for its whole value text', () => {
		const [svg] = plotSvgs(render(BarChart, { props }).body);
		const x = Number(/data-key="jeugdhulp"[^>]*transform="translate\(([\d.]+)/.exec(svg)![1]);
		// The text starts 6 px after the bar's end and has 13 characters of about 6.8 px.
		expect(x + 6 + 13 * 6.8).toBeLessThanOrEqual(760);
	});

	it('ends the axis at xMax when the scale has an end (a grade out of 10)', () => {
		const grades = [{ key: 'a', label: 'A', value: 5, text: '5' }];
		const [svg] = plotSvgs(render(BarChart, { props: { id: 'g', bars: grades, title: 'Cijfer', xLabel: 'Cijfer', xMax: 10 } }).body);
		const rect = /<rect [^>]*width="([\d.]+)"[^>]*x="([\d.]+)"/.exec(svg)!;
		const ten = Number(/translate\(([\d.]+),[\d.]+\)" y="0.71em">10<\/text>/.exec(svg)![1]);
		// A 5 of 10 is half the axis.
		expect(Number(rect[2]) + 2 * Number(rect[1])).toBeCloseTo(ten, 1);
	});

	it('wraps a long label on a narrow screen instead of cutting it off', () => {
		const [, narrow] = plotSvgs(render(BarChart, { props }).body);
		expect(narrow).toContain('>Specialistische</tspan>');
		expect(narrow).not.toContain('…');
	});
});

describe('SmallMultiples', () => {
	it('renders one panel per wijk on a shared scale, each drawn once at panel width', () => {
		const panels = trend.map((s) => ({ key: s.key, title: s.name, series: [s] }));
		const html = render(SmallMultiples, { props: { id: 'sm', panels, yLabel: 'Per 1.000' } }).body;
		expect(html.match(/data-panel=/g)).toHaveLength(2);
		const svgs = plotSvgs(html);
		expect(svgs).toHaveLength(2);
		for (const svg of svgs) expect(svg).toContain('width="260"');
		// Shared scale: both panels have the same top tick.
		const top = (svg: string) => [...svg.matchAll(/>([\d.,]+)<\/text>/g)].map((m) => m[1]).pop();
		expect(top(svgs[0])).toBe(top(svgs[1]));
		compareSnapshot('small-multiples', svgs[0]);
	});
});

/** Absolute x of the <text> elements whose content matches `re`: its group's translate plus its own. */
function textXs(svg: string, re: RegExp): { text: string; x: number }[] {
	const out: { text: string; x: number }[] = [];
	for (const g of svg.matchAll(/<g([^>]*)>([^]*?)<\/g>/g)) {
		const gx = Number(/transform="translate\(([-\d.]+),/.exec(g[1])?.[1] ?? 0);
		for (const t of g[2].matchAll(/<text[^>]*transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*>([^<]*)<\/text>/g)) if (re.test(t[2])) out.push({ text: t[2], x: gx + Number(t[1]) });
	}
	return out;
}

describe('ForestPlot', () => {
	const rows = [
		{ key: 'P1', label: 'Praktijk A (OJG, 2018-03)', value: 0.64, low: 0.42, high: 0.97, text: '−36% (−58% tot −3%)' },
		{ key: 'P2', label: 'Praktijk B (POH-jeugd, 2025-09)', value: null, low: null, high: null, text: 'niet te schatten: te recent' },
		{ key: 'ALLE', label: 'Gemiddeld (gewogen)', value: 0.69, low: 0.56, high: 0.86, text: '−31% (−44% tot −14%)', overall: true }
	];
	const props = { id: 'f', rows, title: 'Effect per plaatsing' };
	const svgs = (p: object = props) => plotSvgs(render(ForestPlot, { props: { ...props, ...p } }).body);

	it('renders the snapshots, wide and narrow', () => {
		const [w, n] = svgs();
		compareSnapshot('forest-plot', w);
		compareSnapshot('forest-plot-narrow', n);
	});

	it('has one focusable row per estimate, a diamond for the overall one, and the reason where there is no estimate', () => {
		const [w, n] = svgs();
		expect(w.match(/data-mark="forest-row"/g)).toHaveLength(3);
		expect(w.match(/data-overall="true"/g)).toHaveLength(1);
		// Hooks on the wide variant only; both variants are spoken and focusable.
		expect(n).not.toContain('data-mark=');
		expect(n.match(/role="listitem"/g)).toHaveLength(3);
		expect(w).toContain('aria-label="Gemiddeld (gewogen): −31% (−44% tot −14%)"');
		// The diamond is an area of one path; the other estimate a square.
		expect(w.match(/<path d="M[\d.]+,[\d.]+L[^"]*Z"/g)).toHaveLength(1);
		expect(w).toContain('niet te schatten: te recent');
	});

	it('draws the axis in percent with evenly spaced, different ticks, and places the estimates on it', () => {
		const [w] = svgs();
		// The label column: "Praktijk B (POH-jeugd, 2025-09)" is 31 characters of 6.8 px (211) + 18 = 229;
		// the plot 760 - 229 - 24 = 507 px. From -58% to +25%, at most 6 ticks: step 10, -60% to +30%.
		const ticks = textXs(w, /^[+−]?\d+%$/);
		expect(ticks.map((t) => t.text)).toEqual(['−60%', '−50%', '−40%', '−30%', '−20%', '−10%', '0%', '+10%', '+20%', '+30%']);
		const steps = ticks.slice(1).map((t, i) => t.x - ticks[i].x);
		for (const s of steps) expect(s).toBeCloseTo(507 / 9, 1);
		expect(ticks[0].x).toBeCloseTo(229, 1);
		// Praktijk A, -36%: 24 of the 90 points right of the axis start.
		const square = /<path d="M-4[^"]*" transform="translate\(([\d.]+),[\d.]+\)"/.exec(w);
		expect(Number(square![1])).toBeCloseTo(229 + (24 / 90) * 507, 1);
	});

	it('writes a long label in full, wrapped, on both variants', () => {
		const long = [{ ...rows[0], label: 'Huisartsenpraktijk De Linde en Omstreken (POH-jeugd, 2019-03)' }, rows[2]];
		const [w, n] = svgs({ rows: long });
		for (const svg of [w, n]) {
			expect(svg).not.toContain('…');
			expect(svg).toMatch(/<tspan[^>]*>Huisartsenpraktijk De Linde en/);
		}
	});

	it('an interval past +300% ends in an arrow at the edge of the axis', () => {
		const wide = [{ ...rows[0], value: 1.4, low: 0.8, high: 5.2, text: '+40%' }];
		const [w] = svgs({ rows: wide });
		const ticks = textXs(w, /^[+−]?\d+%$/).map((t) => t.text);
		expect(ticks.at(-1)).toBe('+300%');
		expect(w).not.toContain('+400%');
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
	const svgs = (p: object = props) => plotSvgs(render(DivergingBars, { props: { ...props, ...p } }).body);

	it('renders the snapshots, wide and narrow', () => {
		const [w, n] = svgs();
		compareSnapshot('diverging-bars', w);
		compareSnapshot('diverging-bars-narrow', n);
	});

	it('puts disagreement left and agreement right of the centre, splitting neutral', () => {
		const [svg] = svgs();
		// Label column: "informatie delen", 16 characters (109 px) + 18 = 127. Right of the bars 16 px,
		// the hidden column (50 + 6 + "100%" 28 + 12 = 96) and the note (17 characters, 116) + 8: 236.
		// The bars run from 127 (-100%) to 760 - 236 = 524 (+100%): centre 325.5, 1% = 1.985 px.
		const seg = (row: string, score: number) => {
			const m = new RegExp(`<rect [^>]*data-score="${score}" data-row="${row}"[^>]*width="([\\d.]+)"[^>]*x="([\\d.]+)"`).exec(svg)!;
			return [Number(m[2]), Number(m[2]) + Number(m[1])];
		};
		const [n0, n1] = seg('terug', 3);
		expect((n0 + n1) / 2).toBeCloseTo(325.5, 1); // neutral centred on 0
		expect(seg('terug', 2)[1]).toBeCloseTo(n0, 1); // mee oneens ends where neutral starts
		expect(seg('terug', 1)[1]).toBeCloseTo(seg('terug', 2)[0], 1);
		expect(seg('terug', 4)[0]).toBeCloseTo(n1, 1);
		expect(seg('terug', 1)[0]).toBeCloseTo(325.5 - 40 * 1.985, 1); // 10% + 20% + half of 20%
		expect(seg('terug', 5)[1]).toBeCloseTo(325.5 + 60 * 1.985, 1);
	});

	it('draws no segment for a hidden category, one hatched segment for the hidden share, and a text for a hidden row', () => {
		const [svg] = svgs();
		expect(svg.match(/data-mark="segment"/g)).toHaveLength(5 + 3);
		expect(svg.match(/data-mark="hidden"/g)).toHaveLength(1);
		expect(svg).toMatch(/<pattern [^>]*id="d-hatch-760"/);
		expect(svg).toContain('aria-label="informatie delen: helemaal mee oneens afgeschermd, mee oneens afgeschermd, neutraal 25%, mee eens 40%, helemaal mee eens 20%, afgeschermd samen 15%; gem. 3,6 (n = 20)"');
		expect(svg).toContain('aria-label="regie: minder dan 5 respondenten"');
		// Each variant its own pattern: a hidden variant's pattern would not paint the other.
		expect(svgs()[1]).toMatch(/<pattern [^>]*id="d-hatch-300"/);
	});

	it('keeps the hidden share and the mean apart (the issue: "100%gem. 2,9")', () => {
		const all = [{ key: 'alle', label: 'alles afgeschermd', shares: [null, null, null, null, null], hidden: 1, note: 'gem. 2,9 (n = 31)' }];
		const [w, n] = svgs({ rows: all });
		const [hidden] = textXs(w, /^100%$/);
		const [note] = textXs(w, /^gem\. 2,9/);
		// "100%" is 4 characters of at most 6.8 px.
		expect(hidden.x + 4 * 6.8).toBeLessThan(note.x);
		// Narrow: one line under the bar says both.
		expect(n).toContain('gem. 2,9 (n = 31) · afgeschermd 100%');
	});

	it('draws a 7-point scale with its own colours', () => {
		const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		const [svg] = svgs({ categories: seven, rows: [{ key: 'x', label: 'x', shares: [1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7], hidden: 0 }] });
		expect(svg.match(/data-mark="segment"/g)).toHaveLength(7);
		expect(new Set(svg.match(/fill: var\(--bm-likert7-\d\)/g)).size).toBe(7);
	});
});

describe('IntervalChart', () => {
	const rows = [
		{ key: 'terug', label: 'terugkoppeling', interval: { verschil: 0.78, lo: 0.61, hi: 0.95, oordeel: 'hoger' as const }, text: '0,78 hoger' },
		{ key: 'bereik', label: 'bereikbaarheid', interval: { verschil: 0.04, lo: -0.14, hi: 0.23, oordeel: 'geen' as const }, text: 'geen aantoonbaar verschil (+0,04)' },
		{ key: 'regie', label: 'regie', interval: null, text: 'geen vergelijking mogelijk' }
	];
	const props = { id: 'i', title: 'Verandering per thema', rows, xLabel: 'Verschil in punten', ends: ['lager', 'hoger'] as [string, string] };
	const svgs = (p: object = props) => plotSvgs(render(IntervalChart, { props: { ...props, ...p } }).body);
	const tickLabels = (svg: string) => textXs(svg, /^([+−]?\d,\d|0)$/).map((t) => t.text);

	it('renders the snapshots, wide and narrow', () => {
		const [w, n] = svgs();
		compareSnapshot('interval-chart', w);
		compareSnapshot('interval-chart-narrow', n);
	});

	it('fills significant estimates and leaves those that include 0 open, and says so in words', () => {
		const [svg] = svgs();
		expect(svg.match(/data-mark="interval"/g)).toHaveLength(3);
		expect(svg.match(/<circle /g)).toHaveLength(2);
		expect(svg).toMatch(/<circle [^>]*style="fill: var\(--bm-chart-series-1\)/);
		expect(svg).toMatch(/<circle [^>]*style="fill: var\(--bm-chart-background\)/);
		expect(svg).toContain('data-oordeel="geen"');
		expect(svg).toContain('data-oordeel="onbekend"');
		expect(svg).toContain('aria-label="bereikbaarheid: geen aantoonbaar verschil (+0,04)"');
		expect(svg).toContain('aria-label="regie: geen vergelijking mogelijk"');
	});

	it('places the estimates on a symmetric axis with evenly spaced, signed ticks', () => {
		const [svg] = svgs();
		// Up to 0,95 from 0, 6 ticks asked: step 0,5, from -1 to +1.
		expect(tickLabels(svg)).toEqual(['−1,0', '−0,5', '0', '+0,5', '+1,0']);
		// Label column "terugkoppeling" (96) + 18 = 114; note column "geen aantoonbaar verschil (+0,04)"
		// (225) + 24 = 249; the plot 760 - 114 - 249 = 397 px: 0 at 312.5, 1 point = 198.5 px.
		const cx = [...svg.matchAll(/<circle [^>]*cx="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(cx[0]).toBeCloseTo(312.5 + 0.78 * 198.5, 1);
		expect(cx[1]).toBeCloseTo(312.5 + 0.04 * 198.5, 1);
	});

	it('gives charts with the same extent the same axis, whatever their own data (a report compares wijken)', () => {
		const small = [{ key: 'a', label: 'een thema met een lange naam', interval: { verschil: 0.1, lo: -0.05, hi: 0.25, oordeel: 'geen' as const }, text: 'geen aantoonbaar verschil (+0,10)' }];
		// 1,2 from 0 with 6 ticks: step 0,5, -1,5 to +1,5.
		const expected = ['−1,5', '−1,0', '−0,5', '0', '+0,5', '+1,0', '+1,5'];
		expect(tickLabels(svgs({ extent: 1.2 })[0])).toEqual(expected);
		expect(tickLabels(svgs({ rows: small, extent: 1.2 })[0])).toEqual(expected);
		// Without an extent each chart fits its own data (at least ±0,5): -0,6 to +0,6 in steps of 0,2.
		expect(tickLabels(svgs({ rows: small })[0])).toEqual(['−0,6', '−0,4', '−0,2', '0', '+0,2', '+0,4', '+0,6']);
	});
});
