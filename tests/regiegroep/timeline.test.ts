// The werkplannen timeline is a pure function of its props: same rows, same SVG. The snapshot in
// tests/output/timeline.svg is reviewed as a picture; a changed rendering is written beside it as
// timeline-changed.svg (tests/components/snapshots.ts), and a missing one fails in CI.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { compareSnapshot, plotSvgs } from '../components/snapshots';
import Timeline from '$lib/components/charts/Timeline.svelte';
import { shortDate, timeTickLabel, type TimelineRow } from '$lib/regiegroep/timeline';

// Two werkplannen of the fixture portfolio on 14 October 2025.
const rows: TimelineRow[] = [
	{
		key: 'WP01',
		label: 'Valpreventie thuiswonende ouderen',
		group: 'Ouderen',
		start: '2025-01-06',
		eind: '2026-06-30',
		milestones: [
			{ key: 'WP01/M1', label: 'Deelnemers geworven', datum: '2025-05-28', staat: 'gereed', text: 'gereed op 28 mei 2025, deadline 31 mei 2025' },
			{ key: 'WP01/M3', label: 'Evaluatie eerste groep', datum: '2025-10-31', staat: 'open', text: 'nog te doen, deadline 31 okt 2025' }
		]
	},
	{
		key: 'WP03',
		label: 'GGZ-preventie jongvolwassenen met een heel lange titel die wordt afgekort',
		group: 'GGZ',
		start: '2025-03-01',
		eind: null,
		milestones: [{ key: 'WP03/M1', label: 'Partner gevonden', datum: '2025-07-01', staat: 'verlopen', text: 'te laat, deadline 1 jul 2025' }]
	}
];
const props = { id: 't', rows, title: 'Looptijd en mijlpalen', peildatum: '2025-10-14' };

describe('Timeline', () => {
	it('renders the snapshots, wide and narrow', () => {
		const [wide, narrow] = plotSvgs(render(Timeline, { props }).body);
		compareSnapshot('timeline', wide);
		compareSnapshot('timeline-narrow', narrow);
	});

	it('is a pure function of its props', () => {
		expect(render(Timeline, { props }).body).toBe(render(Timeline, { props }).body);
	});

	it('draws one focusable mark per milestone, with its state, shape and spoken text', () => {
		const [svg, narrow] = plotSvgs(render(Timeline, { props }).body);
		expect(svg.match(/data-mark="mijlpaal"/g)).toHaveLength(3);
		expect(svg.match(/data-mark="looptijd"/g)).toHaveLength(2);
		expect(svg.match(/tabindex="0"/g)).toHaveLength(5);
		// The narrow variant is as focusable and spoken, without the test hooks.
		expect(narrow.match(/tabindex="0"/g)).toHaveLength(5);
		expect(narrow).not.toContain('data-mark=');
		expect(svg).toContain('data-staat="verlopen"');
		expect(svg).toContain('aria-label="Valpreventie thuiswonende ouderen, mijlpaal Deelnemers geworven: gereed op 28 mei 2025, deadline 31 mei 2025"');
		// Shape differs per state, not just colour: three different symbols.
		const shape = (staat: string) => new RegExp(`<path [^>]*data-staat="${staat}"[^>]* d="([^"]+)"`).exec(svg)![1];
		expect(new Set([shape('gereed'), shape('open'), shape('verlopen')]).size).toBe(3);
		expect(shape('gereed')).toMatch(/A6,6/); // a circle of radius 6
		// A long title is written in full on two lines, not cut off.
		expect(svg).not.toContain('…');
		expect(svg).toContain('>GGZ-preventie jongvolwassenen met</tspan>');
	});

	it('places marks in date order along the axis, the reference date between them', () => {
		const [svg] = plotSvgs(render(Timeline, { props }).body);
		const x = (key: string) => Number(new RegExp(`data-key="${key}"[^>]*transform="translate\\(([\\d.]+)`).exec(svg)![1]);
		const peil = Number(/data-peildatum="2025-10-14"[^>]*x1="([\d.]+)"/.exec(svg)![1]);
		expect(x('WP01/M1')).toBeLessThan(x('WP03/M1'));
		expect(x('WP03/M1')).toBeLessThan(peil);
		expect(peil).toBeLessThan(x('WP01/M3'));
		// A werkplan without an end runs to the right edge of the axis.
		const bars = [...svg.matchAll(/data-mark="looptijd"[^>]*width="([\d.]+)"[^>]*x="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
		expect(bars).toHaveLength(2);
		expect(bars[1]).toBeGreaterThan(bars[0]);
	});
});

describe('timeline labels', () => {
	it('writes dates in Dutch without depending on the machine', () => {
		expect(shortDate('2025-10-14')).toBe('14 okt 2025');
		expect(shortDate('2026-03-01')).toBe('1 mrt 2026');
		expect(timeTickLabel(new Date(Date.UTC(2025, 4, 1)))).toBe('mei 2025');
	});
});
