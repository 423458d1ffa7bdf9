// ChartFrame: the one frame of every chart, with one state for "nothing to draw".
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChartFrame from '$lib/components/ChartFrame.svelte';

const chart = createRawSnippet(() => ({ render: () => '<svg data-chart="test"></svg>' }));
const table = createRawSnippet(() => ({ render: () => '<table data-table></table>' }));
const base = { id: 'f', title: 'Verwijzingen per 1.000 inwoners per jaar', csvHref: '/export/x.csv?niveau=wijk&lijn=2', chart, table };

describe('ChartFrame', () => {
	it('shows the title, the chart, the table and the downloads', () => {
		const html = render(ChartFrame, { props: base }).body;
		expect(html).toMatch(/<h2 class="utrecht-heading-2[^"]*" id="f-heading">Verwijzingen per 1.000 inwoners per jaar<\/h2>/);
		expect(html).toContain('data-chart="test"');
		expect(html).toContain('data-table');
		expect(html).toContain('data-download="csv"');
		expect(html.match(/aria-label="Download de grafiek als (SVG|PNG)"/g)).toHaveLength(2);
		expect(html).not.toContain('data-chart-state');
	});

	it('offers the data as CSV, Excel and Arrow, each with a Dutch accessible name that contains its visible name', () => {
		const html = render(ChartFrame, { props: base }).body;
		const links = [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*data-download="(\w+)"[^>]*aria-label="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => m.slice(1));
		expect(links).toEqual([
			['/export/x.csv?niveau=wijk&amp;lijn=2', 'csv', 'Download de gegevens als CSV', 'CSV'],
			['/export/x.xlsx?niveau=wijk&amp;lijn=2', 'xlsx', 'Download de gegevens als Excel-bestand, met toelichting', 'Excel'],
			['/export/x.arrow?niveau=wijk&amp;lijn=2', 'arrow', 'Download de gegevens als Arrow-bestand, voor Python en R', 'Arrow']
		]);
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
		expect(html).toContain('data-download="xlsx"');
		expect(html).not.toMatch(/als (SVG|PNG)/);
	});
});
