// The exports as a user gets them, on the demo data: the Excel download behind a chart in
// Chromium (named after its filters, a data sheet and a Toelichting), the download row on a phone,
// and the access rules over HTTP for every format: a beleidsadviseur of Voorbeeldstad (GM9901)
// gets only Voorbeeldstad in .xlsx and .arrow as in .csv, and nothing without signing in.
import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { openPage } from './browser';
import { sessionFetch, signIn, type Session } from './session';
import { serveDatabase } from './suite';

const BELEID = { gebruikersnaam: 'beleid.test', naam: 'Beleid Voorbeeldstad', rol: 'beleid' as const, gemeenten: ['GM9901'], wachtwoord: 'beleid-wachtwoord-1' };
const suite = serveDatabase(buildDemoDatabase, {}, [BELEID]);

async function workbook(bytes: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as ArrayBuffer);
	return wb;
}

/** Gemeente codes in column E (Gemeentecode) of the data sheet. */
async function xlsxGemeenten(res: Response): Promise<string[]> {
	expect(res.status).toBe(200);
	const ws = (await workbook(await res.arrayBuffer())).getWorksheet('Gegevens')!;
	expect(ws.getRow(1).getCell(5).value).toBe('Gemeentecode');
	const out = new Set<string>();
	ws.eachRow((r, n) => n > 1 && out.add(String(r.getCell(5).value)));
	return [...out].sort();
}

async function arrowGemeenten(res: Response): Promise<string[]> {
	expect(res.status).toBe(200);
	const t = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
	return [...new Set(t.getChild('gemeente_code')!.toArray() as string[])].sort();
}

describe('downloads from a page', () => {
	it('downloads the Excel file behind a chart, named after its filters', async () => {
		const { page, errors, close } = await openPage(suite.browser, { acceptDownloads: true });
		await page.goto(suite.server.url + '/verwijzingen?periode=jaar&leeftijd=0-17&domein=jeugd', { waitUntil: 'networkidle' });
		const link = page.locator('#verwijzingen-trend [data-download="xlsx"]');
		expect(await link.getAttribute('aria-label')).toBe('Download de gegevens als Excel-bestand, met toelichting');
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe('verwijzingen_wijk_jaar_lijn2_0-17_2016-2025_jeugd.xlsx');
		const file = path.join(suite.dir, 'download.xlsx');
		await download.saveAs(file);
		const wb = await workbook(fs.readFileSync(file));
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Gegevens', 'Toelichting']);
		// The same rows as the CSV of the same chart.
		const csv = await (await suite.fetch('/export/verwijzingen.csv?periode=jaar&leeftijd=0-17&domein=jeugd')).text();
		expect(wb.getWorksheet('Gegevens')!.rowCount).toBe(csv.trim().split('\r\n').length);
		const toelichting: string[] = [];
		wb.getWorksheet('Toelichting')!.eachRow((r) => toelichting.push(`${r.getCell(1).value ?? ''}|${r.getCell(2).value ?? ''}`));
		expect(toelichting).toContain('Filters|niveau=wijk&periode=jaar&lijn=2&leeftijd=0-17&van=2016&tot=2025&domein=jeugd');
		expect(toelichting).toContain('Gegevensperiode|verwijzingen van januari 2016 t/m december 2025');
		expect(errors).toEqual([]);
		await close();
	});

	it('fits the download row of a chart on a 390 px phone', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(suite.server.url + '/verwijzingen?periode=jaar', { waitUntil: 'networkidle' });
		const group = page.locator('#verwijzingen-trend .chart-frame__downloads');
		expect(await group.locator('a, button').allTextContents()).toEqual(['CSV', 'Excel', 'Arrow', 'SVG', 'PNG']);
		const box = (await group.boundingBox())!;
		// At most two rows of buttons, inside the screen, and the page does not scroll sideways.
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		expect(box.height).toBeLessThan(2 * 44 + 3 * 8 + 1);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await close();
	});
});

describe('access in every format', () => {
	let beleid: Session;
	const get = (p: string) => sessionFetch(beleid, p, { redirect: 'manual' });

	it('signs in', async () => {
		beleid = await signIn(suite.server.url, BELEID);
	});

	it('gives a beleidsadviseur of Voorbeeldstad only Voorbeeldstad in .xlsx and .arrow', async () => {
		for (const q of ['niveau=gemeente&periode=jaar', 'niveau=wijk&periode=jaar', 'niveau=praktijk&periode=jaar', 'niveau=wijk&periode=jaar&gemeente=GM9902']) {
			const expected = q.includes('GM9902') ? [] : ['GM9901'];
			expect(await xlsxGemeenten(await get(`/export/verwijzingen.xlsx?${q}`)), q).toEqual(expected);
			expect(await arrowGemeenten(await get(`/export/verwijzingen.arrow?${q}`)), q).toEqual(expected);
		}
		// The beheerder gets all three (the comparison can fail).
		expect(await arrowGemeenten(await suite.fetch('/export/verwijzingen.arrow?niveau=gemeente&periode=jaar'))).toEqual(['GM9901', 'GM9902', 'GM9903']);
		expect(await xlsxGemeenten(await suite.fetch('/export/verwijzingen.xlsx?niveau=gemeente&periode=jaar'))).toEqual(['GM9901', 'GM9902', 'GM9903']);
	});

	it('refuses the provenance export in every format to a beleidsadviseur, and everything without a session', async () => {
		for (const format of ['csv', 'xlsx', 'arrow']) {
			expect((await get(`/export/bronnen.${format}`)).status, format).toBe(403);
			const anonymous = await fetch(`${suite.server.url}/export/verwijzingen.${format}`, { redirect: 'manual' });
			expect(anonymous.status, format).toBe(401);
			expect(await anonymous.text()).not.toMatch(/WK99|GM99/);
		}
	});

	it('answers an unknown format with a Dutch 404', async () => {
		const res = await suite.fetch('/export/verwijzingen.pdf', { headers: { accept: 'application/json' } });
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ message: 'Onbekend bestandsformaat ".pdf": kies .csv, .xlsx, .arrow' });
	});
});
