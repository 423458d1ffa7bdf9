// The werkafspraken page in Chromium, on the hand-made fixture (tests/fixtures/surveys/build.ts):
// every agreement is charted as the share that keeps it, a negatively worded statement (I1, "Ik
// vergeet te vragen …") says that disagreeing counts, the original statement stays in the table,
// and every chart and section is labelled by its own heading (no id twice).
import { describe, expect, it } from 'vitest';
import { buildWerkafsprakenDb } from '../fixtures/surveys/build';
import { expectAccessible, openPage } from './browser';
import { serveDatabase } from './suite';

const monitor = serveDatabase(buildWerkafsprakenDb, { MONITOR_MIN_CELL: '1' });

describe('Werkafspraken: the behaviour agreed', () => {
	it('charts the share that keeps each agreement and quotes the statement with the answers that count', async () => {
		const { page, errors, close } = await openPage(monitor.browser);
		await page.goto(monitor.server.url + '/werkafspraken', { waitUntil: 'networkidle' });
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).not.toContain('Deel dat het eens is');
		expect(await page.locator('#wa-I1-heading').textContent()).toBe('Deel dat de afspraak nakomt (%), per ronde');
		// I1 is negatively worded: the section says so, and which answers keep the agreement.
		const i1 = page.locator('section[data-vraag="I1"]');
		expect(await i1.locator('h2').first().textContent()).toBe('Afspraak: Informatie delen');
		expect(await i1.locator('[data-stelling]').textContent()).toContain('Ik vergeet te vragen of het buurtteam de huisarts mag informeren.');
		expect(await page.locator('#wa-I1 .chart-frame__subtitle').textContent()).toContain(
			'De stelling is negatief geformuleerd: wie ‘mee oneens’ of ‘helemaal mee oneens’ antwoordt, komt de afspraak na.'
		);
		// T1 (ja/nee, positively worded): ja counts.
		expect(await page.locator('#wa-T1 .chart-frame__subtitle').textContent()).toContain('Komt de afspraak na: wie ‘ja’ antwoordt.');
		// The table keeps the original statement.
		expect(await page.locator('#wa-I1 table caption').textContent()).toContain('Stelling: “Ik vergeet te vragen of het buurtteam de huisarts mag informeren.”');
		expect(await page.locator('#wa-I1 table thead th').allTextContents()).toContain('Komt afspraak na (%)');
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});

	it('labels every section and chart by its own heading: no id occurs twice', async () => {
		const { page, close } = await openPage(monitor.browser);
		await page.goto(monitor.server.url + '/werkafspraken', { waitUntil: 'networkidle' });
		const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		// Each agreement's section and each chart frame are named by the heading they contain.
		const labels = await page.locator('section[data-vraag], figure.chart-frame').evaluateAll((els) =>
			els.map((el) => {
				const heading = document.getElementById(el.getAttribute('aria-labelledby') ?? '');
				return heading !== null && el.contains(heading) && /^H[1-6]$/.test(heading.tagName);
			})
		);
		expect(labels.length).toBeGreaterThanOrEqual(3 + 3 + 2);
		expect(labels.every(Boolean)).toBe(true);
		await close();
	});
});
