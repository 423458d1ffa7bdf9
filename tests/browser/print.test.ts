// Printing, on the demo data: every printed page carries its page number in the page margin
// (the @page margin boxes of src/app.css, as Chromium writes them into a PDF), and the printout
// ends with the print date and the period the data cover (PrintMeta in the layout). Checked on both
// reports and on an ordinary page; each report keeps its method note.
import { describe, expect, it } from 'vitest';
import { today } from '../../contract/dates';
import { formatDate } from '../../src/lib/shared/format';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { openPage } from './browser';
import { readPdf } from './pdf';
import { query } from '../pipelines/helpers';
import { serveDatabase } from './suite';

const suite = serveDatabase(buildDemoDatabase);
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

async function printed(route: string) {
	const { page, errors, close } = await openPage(suite.browser);
	await page.goto(suite.server.url + route, { waitUntil: 'networkidle' });
	// No margins passed: the @page rule's margins (and so room for its margin boxes) apply.
	const pages = readPdf(await page.pdf({ preferCSSPageSize: true }));
	await close();
	return { pages, errors };
}

describe('printing', () => {
	for (const [route, method] of [
		['/werkplannen/rapport?vergadering=2025-12-09', 'Hoe is dit rapport gemaakt?'],
		['/leerbijeenkomsten/rapport?seizoen=voorjaar-2025', 'Hoe is dit berekend?'],
		['/werkafspraken', null]
	] as const) {
		it(`${route}: page numbers in the margin, the print date and the period of the data at the end${method ? ', the method note' : ''}`, async () => {
			const [{ eerste, laatste }] = await query(suite.dbPath, `SELECT strftime(min(datum), '%Y-%m') AS eerste, strftime(max(datum), '%Y-%m') AS laatste FROM verwijzingen`);
			const maand = (ym: unknown) => `${MAANDEN[Number(String(ym).slice(5, 7)) - 1]} ${String(ym).slice(0, 4)}`;
			const { pages, errors } = await printed(route);
			expect(pages.length).toBeGreaterThanOrEqual(2);
			for (const p of pages) expect(Math.abs(p.size[1] - 842)).toBeLessThan(3); // A4
			expect(pages.map((p) => p.margin)).toEqual(pages.map((_, i) => `Pagina ${i + 1} van ${pages.length} Basiszorg Monitor`));
			const end = pages.at(-1)!.text;
			expect(end).toContain(`Afgedrukt op ${formatDate(today())}`);
			expect(end.replace(/ \./g, '.')).toContain(`Verwijsgegevens van ${maand(eerste)} t/m ${maand(laatste)}.`);
			if (method) expect(pages.map((p) => p.text).join(' ')).toContain(method);
			expect(errors).toEqual([]);
		});
	}

	it('the print date and period are not shown on the screen', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/werkafspraken', { waitUntil: 'networkidle' });
		expect(await page.locator('[data-print-meta]').isVisible()).toBe(false);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('[data-print-meta]').isVisible()).toBe(true);
		await close();
	});
});
