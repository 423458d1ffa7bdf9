// The pages in Debian's Chromium on the hand-made fixture database (tests/fixtures/fixture-db.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureDb, FIXTURE_REFERRALS } from '../fixtures/fixture-db';
import { publishedOf } from '../fixtures/cellKeys';
import { expectAccessible, openPage } from './browser';
import { serveDatabase } from './suite';

const suite = serveDatabase(createFixtureDb);

// Expected counts: the published (cell key) values of hand-chosen sets of the fixture's referrals.
type R = (typeof FIXTURE_REFERRALS)[number];
const lijn2 = (r: R) => r[5] === 'specialistische_jeugdhulp';
const pub = (match: (r: R) => boolean) => publishedOf(FIXTURE_REFERRALS, match);
const quarterOf = (datum: string) => `${datum.slice(0, 4)}-K${Math.ceil(Number(datum.slice(5, 7)) / 3)}`;
const WIJKEN = ['WK990101', 'WK990102', 'WK990201'];
const GEMEENTE: Record<string, string> = { WK990101: 'GM9901', WK990102: 'GM9901', WK990201: 'GM9902' };

describe('every page', () => {
	for (const [route, heading] of [
		['/', 'Overzicht'],
		['/verwijzingen', 'Verwijzingen'],
		['/wijk/WK990101', 'Wijk Noord'],
		['/bronnen', 'Bronnen']
	]) {
		it(`${route} renders, has no console errors and no serious axe violations`, async () => {
			const { page, errors, close } = await openPage(suite.browser);
			const res = await page.goto(suite.server.url + route, { waitUntil: 'networkidle' });
			expect(res?.status()).toBe(200);
			await expect(page.locator('h1').first().textContent()).resolves.toContain(heading);
			// The fixture database is not demo data.
			expect(await page.locator('[data-demo-marker]').count()).toBe(0);
			await expectAccessible(page);
			expect(errors).toEqual([]);
			await close();
		});
	}

	it('Overzicht shows the hand-computed headline figures', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/', { waitUntil: 'networkidle' });
		const card = page.locator('[data-kpi="Testmaas"]');
		// 2025: 15 second-line referrals / 3,500 inhabitants; 2024: 33 / 3,000 (each count published)
		const testmaas = (jaar: string) => pub((r) => lijn2(r) && GEMEENTE[r[1]] === 'GM9901' && r[0].startsWith(jaar))!;
		const [r25, r24] = [(testmaas('2025') / 3500) * 1000, (testmaas('2024') / 3000) * 1000];
		const nl1 = (x: number) => x.toFixed(1).replace('.', ',');
		expect(await card.locator('[data-kpi-value="tweede-lijn"]').textContent()).toBe(nl1(r25));
		const change = ((r25 - r24) / r24) * 100;
		expect(change).toBeLessThan(0);
		expect(await card.textContent()).toContain(`${nl1(Math.abs(change))}% lager dan 2024 (${nl1(r24)})`);
		expect(await card.textContent()).not.toMatch(/[−+-]\d[\d,]*%? (procentpunt )?(lager|hoger)/); // no double negatives
		// 2025: no referral of Testmaas stays in the basiszorg: 0 of 15
		expect(await card.locator('[data-kpi-value="basiszorg"]').textContent()).toBe('0,0%');
		await close();
	});
});

describe('Verwijzingen', () => {
	it('a filter change updates the URL and the chart', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/verwijzingen', { waitUntil: 'networkidle' });
		const points = page.locator('#verwijzingen-trend [data-mark="point"]');
		// Per kwartaal, 3 wijken x 8 quarters, minus the ones published as "<5".
		const quarters = ['2024-K1', '2024-K2', '2024-K3', '2024-K4', '2025-K1', '2025-K2', '2025-K3', '2025-K4'];
		const shown = WIJKEN.flatMap((w) => quarters.filter((q) => pub((r) => lijn2(r) && r[1] === w && quarterOf(r[0]) === q) !== null));
		expect(shown.length).toBeLessThan(24);
		expect(await points.count()).toBe(shown.length);
		await page.selectOption('#filter-periode', 'jaar');
		await page.waitForURL(/periode=jaar/);
		// Per jaar: 3 wijken x 2 years, minus any published as "<5".
		const yearly = (wijken: string[]) => wijken.flatMap((w) => ['2024', '2025'].filter((y) => pub((r) => lijn2(r) && r[1] === w && r[0].startsWith(y)) !== null)).length;
		await expect.poll(() => points.count()).toBe(yearly(WIJKEN));
		await page.selectOption('#filter-gemeente', 'GM9901');
		await page.waitForURL(/gemeente=GM9901/);
		await expect.poll(() => points.count()).toBe(yearly(['WK990101', 'WK990102']));
		expect(page.url()).toContain('periode=jaar');
		expect(errors).toEqual([]);
		await close();
	});

	it('a copied link reproduces the view', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/verwijzingen?niveau=gemeente&periode=jaar', { waitUntil: 'networkidle' });
		expect(await page.locator('#filter-niveau').inputValue()).toBe('gemeente');
		expect(await page.locator('#filter-periode').inputValue()).toBe('jaar');
		const values = await page.locator('#verwijzingen-trend [data-mark="point"]').evaluateAll((els) =>
			els.map((e) => `${e.getAttribute('data-x')}=${Number(e.getAttribute('data-value')).toFixed(3)}`)
		);
		// Proefdorp 8 (true) / 500 and 0 / 500; Testmaas 33 / 3000 and 15 / 3500, each count published
		const rate = (gemeente: string, jaar: string, population: number) => pub((r) => lijn2(r) && GEMEENTE[r[1]] === gemeente && r[0].startsWith(jaar))! / population * 1000;
		const expected = [`2024=${rate('GM9902', '2024', 500).toFixed(3)}`, '2025=0.000', `2024=${rate('GM9901', '2024', 3000).toFixed(3)}`, `2025=${rate('GM9901', '2025', 3500).toFixed(3)}`];
		expect(values.sort()).toEqual(expected.sort());
		await close();
	});

	it('downloads the CSV behind the chart, matching the fixture', async () => {
		const { page, close } = await openPage(suite.browser, { acceptDownloads: true });
		await page.goto(suite.server.url + '/verwijzingen?periode=jaar', { waitUntil: 'networkidle' });
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('#verwijzingen-trend [data-download="csv"]').click()
		]);
		// The file is named after its filters, which every row also carries (docs/export.md).
		const filters = 'niveau=wijk&periode=jaar&lijn=2&leeftijd=alle&van=2024&tot=2025';
		expect(download.suggestedFilename()).toBe('verwijzingen_wijk_jaar_lijn2_alle-leeftijden_2024-2025.csv');
		const file = path.join(suite.dir, 'download.csv');
		await download.saveAs(file);
		const bytes = fs.readFileSync(file);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		// wijk, name, year, population (hand-written); the count is the published value of its referrals
		const line = (wijk: string, naam: string, gemeente: string, gemeenteNaam: string, jaar: string, population: number) => {
			const n = pub((r) => lijn2(r) && r[1] === wijk && r[0].startsWith(jaar));
			const count = n === null ? '<5' : String(n);
			const rate = n === null ? '' : ((n / population) * 1000).toFixed(2).replace('.', ',');
			return `${jaar};wijk;${wijk};${naam};${gemeente};${gemeenteNaam};2;alle;${count};${population};${rate};inwoners;${filters}`;
		};
		expect(bytes.toString('utf8').slice(1)).toBe(
			[
				'periode;niveau;niveau_code;niveau_naam;gemeente_code;gemeente_naam;lijn;leeftijd;verwijzingen;populatie;per_1000;noemer;filters',
				line('WK990201', 'Centrum', 'GM9902', 'Proefdorp', '2024', 500),
				`2025;wijk;WK990201;Centrum;GM9902;Proefdorp;2;alle;0;500;0,00;inwoners;${filters}`,
				line('WK990101', 'Noord', 'GM9901', 'Testmaas', '2024', 2000),
				line('WK990101', 'Noord', 'GM9901', 'Testmaas', '2025', 2500),
				line('WK990102', 'Zuid', 'GM9901', 'Testmaas', '2024', 1000),
				line('WK990102', 'Zuid', 'GM9901', 'Testmaas', '2025', 1000),
				''
			].join('\r\n')
		);
		await close();
	});

	it('shows "<5" for a small count in the table and draws no point for it', async () => {
		const { page, close } = await openPage(suite.browser);
		// Centrum's one buurtteam referral of December 2025: a count of 1 always publishes as "<5".
		await page.goto(suite.server.url + '/verwijzingen?periode=kwartaal&lijn=1&van=2025&tot=2025&wijk=WK990201', { waitUntil: 'networkidle' });
		await page.locator('#verwijzingen-trend summary').click();
		const row = page.locator('#verwijzingen-trend tr', { hasText: 'K4 2025' });
		// columns: wijk (row header) | periode | verwijzingen | populatie | per 1.000
		expect(await row.locator('td').nth(1).textContent()).toBe('<5');
		const xs = await page.locator('#verwijzingen-trend [data-mark="point"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-x')));
		expect(xs).not.toContain('2025-K4');
		expect(xs).toContain('2025-K1');
		expect(await page.locator('.legend-note').first().textContent()).toContain('Aantallen zijn licht verstoord');
		await close();
	});
});

describe('errors and downloads', () => {
	it('an unknown page and an unknown wijk get a Dutch error page', async () => {
		const { page, close } = await openPage(suite.browser);
		let res = await page.goto(suite.server.url + '/bestaat-niet');
		expect(res?.status()).toBe(404);
		expect(await page.locator('h1').textContent()).toBe('Pagina niet gevonden');
		res = await page.goto(suite.server.url + '/wijk/WK123456');
		expect(res?.status()).toBe(404);
		expect(await page.locator('[role="alert"]').textContent()).toContain('Wijk WK123456 komt niet voor');
		await close();
	});

	it('downloads a chart as SVG with the same marks as on the page', async () => {
		const { page, close } = await openPage(suite.browser, { acceptDownloads: true });
		await page.goto(suite.server.url + '/verwijzingen?periode=jaar', { waitUntil: 'networkidle' });
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#verwijzingen-trend button', { hasText: 'SVG' }).click()]);
		const svg = fs.readFileSync((await download.path())!, 'utf8');
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(svg.match(/data-mark="point"/g)).toHaveLength(6);
		const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#verwijzingen-trend button', { hasText: 'PNG' }).click()]);
		const bytes = fs.readFileSync((await png.path())!);
		expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
		await close();
	});
});
