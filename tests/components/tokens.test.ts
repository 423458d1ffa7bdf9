// Colours are design tokens: routes, components and charts use only the --bm-* custom properties
// of src/app.css, so that a gemeente's static/theme.css recolours the whole monitor, charts
// included (docs/theming.md). These tests keep it so, and keep the defaults at WCAG AA contrast.
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from '$lib/components/charts/BarChart.svelte';
import DivergingBars from '$lib/components/charts/DivergingBars.svelte';
import ForestPlot from '$lib/components/charts/ForestPlot.svelte';
import IntervalChart from '$lib/components/charts/IntervalChart.svelte';
import LineChart from '$lib/components/charts/LineChart.svelte';
import Timeline from '$lib/components/charts/Timeline.svelte';
import { COLORS } from '$lib/components/charts/style';
import { APP_CSS, bmTokens, contrast, resolver } from './tokens';

const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && ext.test(e.name))
		.map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
		.sort();
}

/** Where the colours may be written out: nowhere but src/app.css. */
const STYLED = [...files('src/routes', /\.svelte$/), ...files('src/lib/components', /\.(svelte|ts|css)$/)];
/** A hex colour (not an HTML entity like &#160; or a link to #main), or an rgb()/hsl() colour. */
const COLOUR_LITERAL = /(?<![&\w]|href="|url\()#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})(?![\w-])|\b(?:rgba?|hsla?)\(/gi;

describe('colours are design tokens', () => {
	it('no route or component writes a colour literal (use a --bm-* token of src/app.css)', () => {
		expect(STYLED.length).toBeGreaterThan(30);
		const found = STYLED.flatMap((file) =>
			fs
				.readFileSync(path.join(ROOT, file), 'utf8')
				.split('\n')
				.flatMap((line, i) => (line.match(COLOUR_LITERAL) ?? []).map((hit) => `${file}:${i + 1}: ${hit}`))
		);
		expect(found, 'colour literals; use a --bm-* token instead').toEqual([]);
	});

	it('every --bm-* token used is defined in src/app.css', () => {
		const defined = bmTokens();
		const used = new Set<string>();
		for (const file of [...STYLED, 'src/app.css', 'src/lib/shared/download.ts']) {
			for (const m of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/var\((--bm-[\w-]+)\)/g)) used.add(m[1]);
		}
		// Token names built in code: the series, and whatever the charts render (Likert scales, milestone states).
		for (const c of COLORS) used.add(c.slice(4, -1));
		for (const svg of Object.values(rendered())) for (const m of svg.matchAll(/var\((--bm-[\w-]+)\)/g)) used.add(m[1]);
		expect([...used].filter((t) => !defined.has(t))).toEqual([]);
		expect(used.size).toBeGreaterThan(50);
	});

	it('charts paint only with tokens: fill and stroke are var(--bm-*), none or a pattern', () => {
		for (const [name, svg] of Object.entries(rendered())) {
			const paints = [
				...[...svg.matchAll(/ (?:fill|stroke)="([^"]*)"/g)].map((m) => m[1]),
				...[...svg.matchAll(/(?:^|[\s;"])(?:fill|stroke):\s*([^;"]+)/g)].map((m) => m[1].trim())
			];
			expect(paints.length, name).toBeGreaterThan(5);
			expect(paints.filter((p) => !/^(var\(--bm-[\w-]+\)|none|url\(#[\w-]+\))$/.test(p)), name).toEqual([]);
		}
	});

	it('a token set in static/theme.css recolours a chart', () => {
		// 1. The chart refers to the token (in style: SVG presentation attributes take no var()).
		const bar = rendered().bar;
		expect(bar).toMatch(/<rect [^>]*style="fill: var\(--bm-chart-series-1\)"/);
		// 2. The defaults have no specificity, so `.utrecht-theme { --bm-chart-series-1: … }` wins ...
		const css = fs.readFileSync(APP_CSS, 'utf8');
		expect(css).toContain(':where(.utrecht-theme) {');
		expect(css.match(/^\s*--bm-chart-series-1\s*:/gm)).toHaveLength(1);
		// 3. ... and static/theme.css is loaded after the built-in styles anyway, on the page where <body class="utrecht-theme">.
		const html = fs.readFileSync(path.join(ROOT, 'src/app.html'), 'utf8');
		expect(html.indexOf('theme.css')).toBeGreaterThan(html.indexOf('%sveltekit.head%'));
		expect(html).toMatch(/<body class="utrecht-theme"/);
		// 4. The example in static/theme.css names tokens that exist.
		const theme = fs.readFileSync(path.join(ROOT, 'static/theme.css'), 'utf8');
		const named = [...theme.matchAll(/(--bm-[\w-]+)\s*:/g)].map((m) => m[1]).filter((t) => t !== '--bm-theme-brand');
		expect(named.length).toBeGreaterThan(0);
		expect(named.filter((t) => !bmTokens().has(t))).toEqual([]);
	});
});

describe('the default colours keep WCAG AA contrast', () => {
	const resolve = resolver();
	const color = (token: string) => resolve(`var(${token})`);
	const ratio = (fg: string, bg: string) => contrast(color(fg), color(bg));

	it('text: 4.5:1', () => {
		const pairs: [string, string][] = [
			['--bm-color-text', '--bm-color-surface'],
			['--bm-color-text', '--bm-color-page'],
			['--bm-color-muted', '--bm-color-surface'],
			['--bm-color-muted', '--bm-color-page'],
			['--bm-color-muted', '--bm-color-subtle'],
			['--bm-color-text', '--bm-color-footer'],
			['--bm-color-link', '--bm-color-surface'],
			['--bm-color-brand-contrast', '--bm-color-brand'],
			['--bm-color-demo', '--bm-color-surface'],
			['--bm-color-error', '--bm-color-surface'],
			['--bm-color-text', '--bm-color-error-background'],
			['--bm-color-text', '--bm-color-success-background'],
			['--bm-color-warning', '--bm-color-page'],
			['--bm-status-op-schema', '--bm-status-op-schema-background'],
			['--bm-status-aandacht', '--bm-status-aandacht-background'],
			['--bm-status-achter', '--bm-status-achter-background'],
			['--bm-status-neutraal', '--bm-status-neutraal-background'],
			['--bm-color-muted', '--bm-color-surface'],
			['--bm-chart-text', '--bm-chart-background'],
			['--bm-chart-axis', '--bm-chart-background'],
			['--bm-chart-axis', '--bm-chart-band'],
			['--bm-chart-axis', '--bm-chart-empty'],
			['--bm-likert-text-outer', '--bm-likert5-1'],
			['--bm-likert-text-outer', '--bm-likert5-5'],
			['--bm-likert-text-outer', '--bm-likert7-1'],
			['--bm-likert-text-outer', '--bm-likert7-7'],
			...[2, 3, 4].map((i): [string, string] => ['--bm-likert-text', `--bm-likert5-${i}`]),
			...[2, 3, 4, 5, 6].map((i): [string, string] => ['--bm-likert-text', `--bm-likert7-${i}`])
		];
		expect(pairs.filter(([fg, bg]) => ratio(fg, bg) < 4.5).map(([fg, bg]) => `${fg} on ${bg}: ${ratio(fg, bg).toFixed(2)}`)).toEqual([]);
	});

	it('marks, borders and focus: 3:1', () => {
		const pairs: [string, string][] = [
			...COLORS.map((c): [string, string] => [c.slice(4, -1), '--bm-chart-background']),
			['--bm-chart-reference', '--bm-chart-background'],
			['--bm-chart-muted', '--bm-chart-background'],
			['--bm-chart-context', '--bm-chart-background'],
			['--bm-chart-trend', '--bm-chart-background'],
			['--bm-timeline-bar-stroke', '--bm-chart-background'],
			['--bm-mijlpaal-gereed', '--bm-chart-background'],
			['--bm-mijlpaal-open-stroke', '--bm-chart-background'],
			['--bm-mijlpaal-verlopen', '--bm-chart-background'],
			...['sterkte', 'zwakte', 'kans', 'bedreiging'].map((k): [string, string] => [`--bm-kwadrant-${k}`, '--bm-color-surface']),
			['--bm-color-success', '--bm-color-success-background'],
			['--bm-color-error', '--bm-color-error-background'],
			['--bm-color-focus', '--bm-color-surface'],
			['--bm-color-focus', '--bm-color-page'],
			['--bm-color-focus-on-brand', '--bm-color-brand']
		];
		expect(pairs.filter(([fg, bg]) => ratio(fg, bg) < 3).map(([fg, bg]) => `${fg} on ${bg}: ${ratio(fg, bg).toFixed(2)}`)).toEqual([]);
	});
});

let cache: Record<string, string> | undefined;
/** Every chart, rendered on the server with each of its colour variants. */
function rendered(): Record<string, string> {
	const likert = (points: number) =>
		render(DivergingBars, {
			props: {
				id: `d${points}`,
				title: 'Antwoorden',
				categories: Array.from({ length: points }, (_, i) => `a${i}`),
				rows: [
					{ key: 'x', label: 'x', shares: Array.from({ length: points }, () => 1 / points), hidden: 0.1 },
					{ key: 'y', label: 'y', shares: Array.from({ length: points }, () => 0), hidden: 0, empty: 'minder dan 5 respondenten' }
				]
			}
		}).body;
	cache ??= {
		bar: render(BarChart, {
			props: { id: 'b', title: 'Bars', xLabel: 'Aantal', bars: [{ key: 'a', label: 'A', value: 3, text: '3', group: 'G' }] }
		}).body,
		line: render(LineChart, {
			props: {
				id: 'l',
				title: 'Lijnen',
				xLabel: 'x',
				yLabel: 'y',
				bands: [{ from: 'a', to: 'b', label: 'voor' }],
				markers: [{ x: 'b', label: 'start' }],
				series: [
					{ key: 's', name: 'S', points: [{ x: 'a', y: 1, text: '1' }, { x: 'b', y: 2, text: '2' }] },
					{ key: 'r', name: 'R', reference: true, points: [{ x: 'a', y: 2, text: '2' }, { x: 'b', y: 2, text: '2' }] }
				]
			}
		}).body,
		likert5: likert(5),
		likert7: likert(7),
		interval: render(IntervalChart, {
			props: {
				id: 'i',
				title: 'Verschil',
				xLabel: 'punten',
				rows: [
					{ key: 'a', label: 'a', interval: { verschil: 0.5, lo: 0.2, hi: 0.8, oordeel: 'hoger' as const }, text: 'beter' },
					{ key: 'b', label: 'b', interval: { verschil: 0.1, lo: -0.2, hi: 0.3, oordeel: 'geen' as const }, text: 'gelijk' }
				]
			}
		}).body,
		forest: render(ForestPlot, {
			props: {
				id: 'f',
				title: 'Effect',
				rows: [
					{ key: 'a', label: 'A', value: 0.8, low: 0.6, high: 1.1, text: '−20%' },
					{ key: 'z', label: 'Alle', value: 0.8, low: 0.7, high: 0.9, text: '−20%', overall: true }
				]
			}
		}).body,
		timeline: render(Timeline, {
			props: {
				id: 't',
				title: 'Tijdlijn',
				peildatum: '2025-06-01',
				rows: [
					{
						key: 'w',
						label: 'W',
						start: '2025-01-01',
						eind: '2025-12-31',
						milestones: [
							{ key: 'm1', label: 'm1', datum: '2025-02-01', staat: 'gereed' as const, text: 'gereed' },
							{ key: 'm2', label: 'm2', datum: '2025-09-01', staat: 'open' as const, text: 'open' },
							{ key: 'm3', label: 'm3', datum: '2025-04-01', staat: 'verlopen' as const, text: 'te laat' }
						]
					}
				]
			}
		}).body
	};
	return cache;
}
