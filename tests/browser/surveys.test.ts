// The survey pages in Debian's Chromium on the hand-made fixtures of tests/fixtures/surveys/build.ts
// (whose comments list every answer the expected figures were counted from), served with k = 1 so
// that every figure is visible, and k = 3 for the groups on the page: Leerbijeenkomsten (filter,
// chart, CSV, open answers, method), the season report printed to PDF, and Werkafspraken (its
// referral behaviour published with the cell key method, expected values from the key sums).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSurveyDb, buildWerkafsprakenDb } from '../fixtures/surveys/build';
import { expectAccessible, openPage } from './browser';
import { countPages, readPdf } from './pdf';
import { serveDatabase } from './suite';
import { Database } from '$lib/server/db/database';
import { publishCount } from '$lib/server/disclosure/cellKey';

const surveys = serveDatabase(buildSurveyDb, { MONITOR_MIN_CELL: '1' });
const small = serveDatabase(buildSurveyDb, { MONITOR_MIN_CELL: '3' });
const monitor = serveDatabase(buildWerkafsprakenDb, { MONITOR_MIN_CELL: '1' });

describe('Leerbijeenkomsten', () => {
	it('shows the latest season for all wijken: response, themas, change and the huisarts-buurtteam gap', async () => {
		const { page, errors, close } = await openPage(surveys.browser);
		const res = await page.goto(surveys.server.url + '/leerbijeenkomsten', { waitUntil: 'networkidle' });
		expect(res?.status()).toBe(200);
		expect(await page.locator('#filter-seizoen').inputValue()).toBe('voorjaar-2025');
		// Response: 6 of 37 together, 3 of 25 in Binnenstad, 3 of 12 in Oost.
		const bars = await page.locator('#lb-respons [data-mark="bar"]').evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label')!.split(':')[0], Number(e.getAttribute('data-value'))]));
		expect(bars.map(([l]) => l)).toEqual(['Alle wijken', 'Binnenstad', 'Oost']);
		expect(bars.map(([, v]) => v)).toEqual([(6 / 37) * 100, 12, 25].map((v) => expect.closeTo(v as number, 6)));
		// One row per thema in the distribution, the change and the gap.
		expect(await page.locator('#lb-themas-5 [data-mark="row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual([
			'bereikbaarheid',
			'informatie delen',
			'terugkoppeling'
		]);
		expect(await page.locator('#lb-verandering [data-mark="interval"]').count()).toBe(3);
		expect(await page.locator('#lb-rolverschil [data-mark="interval"]').count()).toBe(3);
		// The verdicts sit inside their chart's card, with a space between them.
		expect(await page.locator('#lb-verandering [data-verdicts]').count()).toBe(1);
		expect(await page.locator('[data-verdicts]').count()).toBe(1);
		expect(await page.locator('[data-verdicts]').textContent()).toMatch(/\. \S/);
		// Roles per thema: alle, huisarts, POH, buurtteam.
		expect(await page.locator('#lb-rollen-5 [data-mark="row"]').count()).toBe(3 * 4);
		// A mark reached with the keyboard shows its focus.
		const row = page.locator('#lb-themas-5 [data-mark="row"]').first();
		await row.focus();
		expect(await row.evaluate((e) => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth])).toEqual(['solid', '3px']);
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});

	it('choosing a wijk changes the URL and the charts; the CSV behind the chart has the same figures', async () => {
		const { page, errors, close } = await openPage(surveys.browser, { acceptDownloads: true });
		await page.goto(surveys.server.url + '/leerbijeenkomsten?seizoen=voorjaar-2025', { waitUntil: 'networkidle' });
		await page.locator('#filter-wijk').selectOption('WK034402');
		await page.waitForURL(/wijk=WK034402/);
		await page.waitForLoadState('networkidle');
		expect(new URL(page.url()).searchParams.get('seizoen')).toBe('voorjaar-2025');
		// Oost, bereikbaarheid: 4, 5, 5. Terugkoppeling 4, 3, 4.
		const shares = async (thema: string) =>
			Object.fromEntries(
				await page
					.locator(`#lb-themas-5 [data-mark="segment"][data-row="${thema}"]`)
					.evaluateAll((els) => els.map((e) => [e.getAttribute('data-score'), Number(e.getAttribute('data-share'))]))
			);
		expect(await shares('bereikbaarheid')).toMatchObject({ 4: expect.closeTo(1 / 3, 9), 5: expect.closeTo(2 / 3, 9) });
		expect(await shares('terugkoppeling')).toMatchObject({ 3: expect.closeTo(1 / 3, 9), 4: expect.closeTo(2 / 3, 9) });
		// Oost has no spring 2024: no change to show, said in words.
		expect(await page.locator('#lb-verandering [data-oordeel="onbekend"]').count()).toBe(3);
		// No POH answered in Oost: alle, huisarts, buurtteam per thema.
		expect(await page.locator('#lb-rollen-5 [data-mark="row"]').count()).toBe(3 * 3);

		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#lb-themas-5 [data-download="csv"]').click()]);
		const bytes = fs.readFileSync((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [head, ...lines] = bytes.toString('utf8').slice(1).trim().split('\r\n').map((l) => l.split(';'));
		const rows = lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]])));
		expect(rows).toHaveLength(3 * 3);
		expect(new Set(rows.map((r) => r.enquete_id))).toEqual(new Set(['LB25-OO']));
		const row = (thema: string, rol: string) => rows.find((r) => r.thema === thema && r.rol === rol);
		expect(row('bereikbaarheid', 'alle')).toMatchObject({ n: '3', gemiddelde: '4,67', respons_pct: '25,0', aantal_4: '1', aantal_5: '2' });
		expect(row('terugkoppeling', 'buurtteam')).toMatchObject({ n: '2', gemiddelde: '3,50', aantal_3: '1', aantal_4: '1' });
		expect(errors).toEqual([]);
		await close();
	});

	it('shows the open answers masked, and a copied link reproduces the wijk', async () => {
		const { page, close } = await openPage(surveys.browser);
		await page.goto(surveys.server.url + '/leerbijeenkomsten?seizoen=voorjaar-2025&wijk=WK034401', { waitUntil: 'networkidle' });
		expect(await page.locator('#filter-wijk').inputValue()).toBe('WK034401');
		await page.locator('#lb-open summary').first().click();
		expect(await page.locator('[data-open="terugkoppeling"] li').allTextContents()).toEqual(['Korter lijntje', 'Meer terugkoppeling, graag via [telefoonnummer verwijderd]']);
		expect(await page.content()).not.toContain('030-1234567');
		await close();
	});

	it('with k = 3 shows each wijk as one group with all its answers, and no open answers of fewer than 3', async () => {
		const { page, errors, close } = await openPage(small.browser);
		await page.goto(small.server.url + '/leerbijeenkomsten?seizoen=voorjaar-2025&wijk=WK034401', { waitUntil: 'networkidle' });
		// Binnenstad 2025: 3 respondents, one per role: no role shown apart, only "Alle rollen".
		const labels = await page.locator('#lb-rollen-5 [data-mark="row"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
		expect(labels).toHaveLength(3);
		expect(labels.every((l) => l.startsWith('Alle rollen'))).toBe(true);
		// Informatie delen: 3 answered (one niet van toepassing): shown, with every answer category.
		const inf = await page.locator('#lb-themas-5 [data-key="informatie delen"]').getAttribute('aria-label');
		expect(inf).toMatch(/helemaal mee oneens 50%/);
		expect(inf).not.toMatch(/afgeschermd/);
		// Open answers: 2 in Binnenstad, too few.
		expect(await page.locator('[data-open-hidden="terugkoppeling"]').count()).toBe(1);
		expect(await page.locator('[data-open="terugkoppeling"]').count()).toBe(0);
		// The method in Dutch: groups, Welch, the wijken, Holm.
		const method = await page.locator('.method').textContent();
		for (const words of ['overige rollen', 'Welch', 'over de wijken', 'Holm', 'niet gecorrigeerd']) expect(method).toContain(words);
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});
});

describe('the evaluation report', () => {
	it('prints one A4 page for all wijken, one per wijk with the charts, and one with the method', async () => {
		const { page, errors, close } = await openPage(surveys.browser);
		await page.goto(surveys.server.url + '/leerbijeenkomsten/rapport?seizoen=voorjaar-2025', { waitUntil: 'networkidle' });
		expect(await page.locator('[data-print]').textContent()).toBe('Afdrukken / PDF');
		expect(await page.locator('[data-rapport-pagina]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rapport-pagina')))).toEqual(['alle', 'WK034401', 'WK034402', 'methode']);
		// All wijken: change and gap; per wijk: distribution, change and gap (each drawn wide and narrow).
		expect(await page.locator('[data-rapport-pagina="alle"] svg[data-chart]:not([id$="-narrow"])').count()).toBe(2);
		expect(await page.locator('[data-rapport-pagina="WK034401"] svg[data-chart]:not([id$="-narrow"])').count()).toBe(3);
		await expectAccessible(page);
		const pdf = await page.pdf({ format: 'A4' });
		const pages = readPdf(pdf);
		expect(countPages(pdf)).toBe(4);
		for (const p of pages) {
			expect(Math.abs(p.size[0] - 595.3)).toBeLessThan(2);
			expect(Math.abs(p.size[1] - 841.9)).toBeLessThan(2);
		}
		expect(pages[0].text.startsWith('Evaluatie leerbijeenkomsten voorjaar 2025')).toBe(true);
		// The charts are printed as SVG: their axis titles and legend are text in the PDF.
		expect(pages[0].text).toContain('Verschil in gemiddelde score (punten)');
		expect(pages[1].text).toContain('Binnenstad, voorjaar 2025');
		expect(pages[1].text).toContain('helemaal mee eens');
		expect(pages[2].text).toContain('Oost, voorjaar 2025');
		expect(pages[2].text).toContain('helemaal mee eens');
		// The first page keeps its method note, with a space between its sentences.
		expect(pages[0].text).toContain('Scores 1 (helemaal mee oneens) tot 5 (helemaal mee eens)');
		expect(pages.map((p) => p.text).join(' ')).not.toMatch(/verschil\.Rapportcijfer|delen\.Bij/);
		// One axis for the huisartsen-buurtteam gap on every page, so the wijken compare.
		const axes = await page.locator('svg[data-chart="interval"][id$="-rol"]').evaluateAll((svgs) =>
			svgs.map((s) => [...s.querySelectorAll('text')].map((t) => t.textContent!).filter((t) => /^([+−]\d,\d|0)$/.test(t)).join(' '))
		);
		expect(axes).toHaveLength(3);
		expect(new Set(axes).size).toBe(1);
		// The last page: the method, with Holm's correction in plain Dutch.
		expect(pages[3].text).toContain('Hoe is dit berekend?');
		expect(pages[3].text).toContain('Holm');
		const text = pages.map((p) => p.text).join(' ');
		expect(text).not.toContain('Afdrukken / PDF');
		expect(text).not.toContain('Werkafspraken');
		expect(errors).toEqual([]);
		await close();
	});
});

describe('Werkafspraken', () => {
	it('shows the share agreeing per round and wijk next to the referral behaviour', async () => {
		const { page, errors, close } = await openPage(monitor.browser);
		const res = await page.goto(monitor.server.url + '/werkafspraken', { waitUntil: 'networkidle' });
		expect(res?.status()).toBe(200);
		expect(await page.locator('[data-vraag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-vraag')))).toEqual(['I1', 'T1', 'V1']);
		const points = (chart: string, series: string) =>
			page.locator(`#${chart} g[role="list"][aria-label="${series}"] [data-mark="point"]`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-x'), Number(e.getAttribute('data-value'))]));
		// T1: Noord 4/6 then 5/5; Zuid 2/5; together 6/11 then 5/5 (rounds keyed year-season: najaar is 3).
		expect(await points('wa-T1', 'Noord')).toEqual([
			['2024-1', expect.closeTo(400 / 6, 9)],
			['2024-3', 100]
		]);
		expect(await points('wa-T1', 'Zuid')).toEqual([['2024-1', 40]]);
		expect(await points('wa-T1', 'Alle wijken')).toEqual([
			['2024-1', expect.closeTo(600 / 11, 9)],
			['2024-3', 100]
		]);
		// Terugkoppeling within 4 weeks, March-May 2024: 15 of 20 in Noord; none measurable after.
		// V1 goes with the share of referrals in the basiszorg: 20 of 23 in Noord. Both published
		// with the cell key method: the share of the published counts, from the key sums read here.
		const share = async (teller: string, noemer: string) => {
			const db = new Database(monitor.dbPath);
			try {
				const q = (where: string) =>
					db.query<{ n: number; s: number }>(
						`SELECT count(*) AS n, coalesce(sum(v.celsleutel), 0) AS s FROM verwijzingen v JOIN bestemmingen b USING (bestemming) WHERE v.wijk_code = 'WK990101' AND v.datum BETWEEN DATE '2024-03-01' AND DATE '2024-05-31' AND ${where}`
					);
				const [[t], [n]] = await Promise.all([q(teller), q(noemer)]);
				return (100 * publishCount(Number(t.n), Number(t.s), 1).value!) / publishCount(Number(n.n), Number(n.s), 1).value!;
			} finally {
				db.close();
			}
		};
		const tijdig = await share("v.bestemming = 'buurtteam' AND v.terugkoppeling_datum <= v.datum + INTERVAL 28 DAY", "v.bestemming = 'buurtteam'");
		expect(await points('wa-T1-gedrag', 'Noord')).toEqual([['2024-1', expect.closeTo(tijdig, 9)]]);
		expect(await points('wa-V1-gedrag', 'Noord')).toEqual([['2024-1', expect.closeTo(await share('b.lijn <= 1', 'true'), 9)]]);
		// The page says the referral counts are slightly perturbed.
		expect(await page.locator('[data-perturbation-note]').textContent()).toContain('Aantallen zijn licht verstoord');
		// I1 has no behaviour in the referral data.
		expect(await page.locator('#wa-I1-gedrag').count()).toBe(0);
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});

	it('choosing a wijk changes the URL and the charts, and the CSV follows', async () => {
		const { page, errors, close } = await openPage(monitor.browser, { acceptDownloads: true });
		await page.goto(monitor.server.url + '/werkafspraken', { waitUntil: 'networkidle' });
		await page.locator('#filter-wijk').selectOption('WK990102');
		await page.waitForURL(/wijk=WK990102/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('#wa-T1 g[role="list"][aria-label="Noord"]').count()).toBe(0);
		expect(await page.locator('#wa-T1 g[role="list"][aria-label="Zuid"] [data-mark="point"]').count()).toBe(1);
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#wa-V1 [data-download="csv"]').click()]);
		const text = fs.readFileSync((await download.path())!, 'utf8').slice(1);
		const [head, ...lines] = text.trim().split('\r\n').map((l) => l.split(';'));
		const rows = lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]])));
		// Zuid and all wijken: voorjaar 3 questions each; najaar only all wijken (Noord's round).
		expect(rows.map((r) => `${r.ronde}|${r.wijk_code}`).sort()).toEqual(
			[...Array(3).fill('voorjaar-2024|'), ...Array(3).fill('voorjaar-2024|WK990102'), ...Array(3).fill('najaar-2024|')].sort()
		);
		// Zuid's 2 referrals (none in the basiszorg): published within 3 of 2, a share of 0.
		const zuid = rows.find((r) => r.wijk_code === 'WK990102' && r.vraag_code === 'V1')!;
		expect(zuid).toMatchObject({ n: '5', eens: '4', eens_pct: '80,0', gedrag_teller: '0', gedrag_pct: '0,0' });
		expect(Number(zuid.gedrag_noemer)).toBeGreaterThanOrEqual(1);
		expect(Number(zuid.gedrag_noemer)).toBeLessThanOrEqual(5);
		expect(errors).toEqual([]);
		await close();
	});
});
