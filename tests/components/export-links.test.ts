// ExportLinks: a plain export's downloads in all three formats, with accessible names that
// contain the visible name (WCAG 2.5.3).
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ExportLinks from '$lib/components/ExportLinks.svelte';

describe('ExportLinks', () => {
	it('links the same query as CSV, Excel and Arrow', () => {
		const html = render(ExportLinks, { props: { href: '/export/werkplannen.csv?peildatum=2025-10-14', what: 'de werkplannen' } }).body;
		const links = [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*aria-label="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => m.slice(1));
		expect(links).toEqual([
			['/export/werkplannen.csv?peildatum=2025-10-14', 'CSV: de werkplannen als CSV', 'CSV'],
			['/export/werkplannen.xlsx?peildatum=2025-10-14', 'Excel: de werkplannen als Excel-bestand, met toelichting', 'Excel'],
			['/export/werkplannen.arrow?peildatum=2025-10-14', 'Arrow: de werkplannen als Arrow-bestand, voor Python en R', 'Arrow']
		]);
		expect(html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).toBe('Download de werkplannen: CSV, Excel, Arrow');
	});
});
