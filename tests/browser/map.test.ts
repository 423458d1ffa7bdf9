// The wijk map in Chromium: /verwijzingen?weergave=kaart on the demo data (boundaries from
// data/demo/wijkgrenzen.geojson, reprojected from RD New) shows both maps, the legend with the
// hatch of hidden values, and the ranked list with arrows and words; the filter bar keeps the
// weergave without JavaScript; without boundaries the page says how to add them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoDatabase, demoFiles, demoManifest } from '../../scripts/demo-db';
import { ingest } from '../../pipelines/ingest';
import { expectAccessible, openPage } from './browser';
import { serveDatabase } from './suite';

describe('the wijk map on the demo data', () => {
	const suite = serveDatabase(buildDemoDatabase);

	it('shows the rate and change maps with every demo wijk, a legend and the ranked list', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/verwijzingen?weergave=kaart', { waitUntil: 'networkidle' });
		// The wide variant carries the hooks: 12 demo wijken on each map.
		expect(await page.locator('#verwijzingen-kaart [data-mark="wijk"]').count()).toBe(12);
		expect(await page.locator('#verwijzingen-verandering [data-mark="wijk"]').count()).toBe(12);
		expect(await page.locator('#verwijzingen-kaart svg[data-chart="map"]').first().textContent()).toContain('Per 1.000 per jaar');
		const items = page.locator('[data-rangorde] li');
		expect(await items.count()).toBe(12);
		// Each change is said in words beside its arrow; the list runs from the largest rise to the largest fall.
		const texts = await items.evaluateAll((lis) => lis.map((li) => ({ richting: li.getAttribute('data-richting'), text: li.textContent!.replace(/\s+/g, ' ').trim() })));
		for (const t of texts) {
			if (t.richting === 'hoger') expect(t.text).toMatch(/▲ \d+,\d% hoger$/);
			if (t.richting === 'lager') expect(t.text).toMatch(/▼ \d+,\d% lager$/);
		}
		const signed = texts.filter((t) => t.richting === 'hoger' || t.richting === 'lager').map((t) => (t.richting === 'hoger' ? 1 : -1) * Number(/(\d+,\d)%/.exec(t.text)![1].replace(',', '.')));
		expect(signed).toEqual([...signed].sort((a, b) => b - a));
		// Chart text is never below 11 px on screen.
		const sizes = await page.locator('#verwijzingen-kaart svg text').evaluateAll((ts) => ts.filter((t) => (t as SVGTextElement).getClientRects().length > 0).map((t) => parseFloat(getComputedStyle(t).fontSize) * ((t.closest('svg') as SVGSVGElement).getBoundingClientRect().width / Number((t.closest('svg') as SVGSVGElement).getAttribute('width')))));
		expect(sizes.length).toBeGreaterThan(3);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});

	it('keeps weergave=kaart when a filter is applied without JavaScript, and narrows to a gemeente', async () => {
		const { page, close } = await openPage(suite.browser, { javaScript: false });
		await page.goto(suite.server.url + '/verwijzingen?weergave=kaart', { waitUntil: 'networkidle' });
		await page.selectOption('#filter-gemeente', 'GM9902');
		await page.locator('form.filters button[type="submit"]').click();
		await page.waitForLoadState('networkidle');
		expect(new URL(page.url()).searchParams.get('weergave')).toBe('kaart');
		expect(new URL(page.url()).searchParams.get('gemeente')).toBe('GM9902');
		expect(await page.locator('#verwijzingen-kaart [data-mark="wijk"]').count()).toBe(3);
		await close();
	});

	it('the Overzicht shows the map of all wijken', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/', { waitUntil: 'networkidle' });
		expect(await page.locator('#overzicht-kaart [data-mark="wijk"]').count()).toBe(12);
		expect(await page.locator('#overzicht-verandering [data-rangorde] li').count()).toBe(12);
		await close();
	});
});

describe('the wijk map without boundaries', () => {
	// The demo exports without wijkgrenzen.geojson: everything but the map.
	const suite = serveDatabase(async (db) => {
		fs.mkdirSync(path.dirname(db), { recursive: true });
		await ingest(db, demoFiles().filter((f) => !f.endsWith('.geojson')), { demo: true, enquete: demoManifest() });
	});

	it('says how to add the boundaries, on /verwijzingen and the Overzicht', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/verwijzingen?weergave=kaart', { waitUntil: 'networkidle' });
		const empty = page.locator('[data-kaart-state="geen-grenzen"]');
		expect(await empty.count()).toBe(1);
		expect(await empty.textContent()).toMatch(/nog geen wijkgrenzen geladen[^]*wijkgrenzen[^]*GeoJSON/);
		expect(await page.locator('[data-mark="wijk"]').count()).toBe(0);
		await expectAccessible(page);
		await page.goto(suite.server.url + '/', { waitUntil: 'networkidle' });
		expect(await page.locator('[data-kaart-state="geen-grenzen"]').count()).toBe(1);
		expect(errors).toEqual([]);
		await close();
	});
});
