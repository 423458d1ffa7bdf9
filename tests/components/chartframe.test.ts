// ChartFrame: the one frame of every chart, with one state for "nothing to draw".
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChartFrame from '$lib/components/ChartFrame.svelte';

const chart = createRawSnippet(() => ({ render: () => '<svg data-chart="test"></svg>' }));
const table = createRawSnippet(() => ({ render: () => '<table data-table></table>' }));
const base = { id: 'f', title: 'Verwijzingen per 1.000 inwoners per jaar', csvHref: '/export/x.csv', chart, table };

describe('ChartFrame', () => {
	it('shows the title, the chart, the table and the three downloads', () => {
		const html = render(ChartFrame, { props: base }).body;
		expect(html).toMatch(/<h2 class="utrecht-heading-2[^"]*" id="f-heading">Verwijzingen per 1.000 inwoners per jaar<\/h2>/);
		expect(html).toContain('data-chart="test"');
		expect(html).toContain('data-table');
		expect(html).toContain('data-download="csv"');
		expect(html.match(/Download (SVG|PNG)/g)).toHaveLength(2);
		expect(html).not.toContain('data-chart-state');
	});

	it('without data: says so, and offers no chart, table or download', () => {
		const html = render(ChartFrame, { props: { ...base, empty: true } }).body;
		expect(html).toContain('data-chart-state="empty"');
		expect(html).not.toContain('data-chart="test"');
		expect(html).not.toContain('data-table');
		expect(html).not.toContain('Download');
	});

	it('with only hidden small numbers: says why there is no chart, keeps the table and the CSV', () => {
		const html = render(ChartFrame, { props: { ...base, suppressed: true } }).body;
		expect(html).toContain('data-chart-state="suppressed"');
		expect(html).toMatch(/role="status"[^>]*>Alle aantallen in deze selectie zijn klein/);
		expect(html).not.toContain('data-chart="test"');
		expect(html).toContain('data-table');
		expect(html).toContain('data-download="csv"');
		expect(html).not.toMatch(/Download (SVG|PNG)/);
	});
});
