// DataTable is the one table component: caption, headers, row headers, text or snippet cells,
// data-* hooks on table, rows and cells, and a scroll region that keyboard users can reach.
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DataTable from '$lib/components/DataTable.svelte';
import type { Column } from '$lib/components/table';

interface Row {
	id: string;
	naam: string;
	n: number;
}
const rows: Row[] = [
	{ id: 'a', naam: 'Noord', n: 12 },
	{ id: 'b', naam: 'Zuid', n: 7 }
];
const link = createRawSnippet((row: () => Row) => ({ render: () => `<a href="/wijk/${row().id}">${row().naam}</a>` }));
const columns: Column<Row>[] = [
	{ label: 'Wijk', cell: link },
	{ label: 'Aantal', note: 'per jaar', value: (r) => String(r.n), numeric: true, attrs: (r) => ({ 'data-cell': `n-${r.id}` }) }
];
/** The markup without hydration comments and Svelte's scoping classes. */
const html = (props: Record<string, unknown> = {}) =>
	render(DataTable<Row>, { props: { caption: 'Verwijzingen per wijk', rows, columns, ...props } }).body.replace(/<!--[^]*?-->/g, '').replace(/ svelte-[a-z0-9]+/g, '');

describe('DataTable', () => {
	it('scrolls in a focusable region labelled by the caption', () => {
		const out = html();
		const region = /<div [^>]*role="region"[^>]*>/.exec(out)![0];
		expect(region).toContain('tabindex="0"');
		const label = /aria-labelledby="([^"]+)"/.exec(region)![1];
		expect(out).toMatch(new RegExp(`<caption id="${label}" class="utrecht-table__caption">Verwijzingen per wijk</caption>`));
	});

	it('renders text and snippet cells, the first column as row header, with their data-* hooks', () => {
		const out = html({ 'data-voorbeeld': 'x', rowAttrs: (r: Row) => ({ 'data-wijk': r.id }) });
		expect(out).toMatch(/<table [^>]*data-table[^>]*data-voorbeeld="x"/);
		expect(out).toContain('<tr class="utrecht-table__row" data-wijk="a"><th scope="row" class="utrecht-table__header-cell"><a href="/wijk/a">Noord</a></th>');
		expect(out).toContain('<td class="utrecht-table__cell utrecht-table__cell--numeric-data" data-cell="n-b">7</td>');
		expect(out).toContain('Aantal<br/><span class="data-table__note');
		expect(out.match(/<tr /g)).toHaveLength(3);
	});

	it('can hide its caption visually and go without stripes (printed reports)', () => {
		const out = html({ captionHidden: true, striped: false });
		expect(out).toMatch(/<caption [^>]*class="utrecht-table__caption visually-hidden"/);
		expect(out).not.toContain('utrecht-table--alternate-row-color');
		expect(html()).toContain('utrecht-table--alternate-row-color');
	});
});
