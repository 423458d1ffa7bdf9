// Layout on the demo data, at 1366x900 and 390x844: the /bronnen table fits a laptop screen and on a
// phone scrolls inside a region that takes keyboard focus; /swot shows its quadrants (and what
// changed) as a 2x2 matrix on a laptop, stacked on a phone; filter boxes show their chosen option
// and their label whole.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { openPage } from './browser';
import { serveDatabase } from './suite';

const suite = serveDatabase(buildDemoDatabase);

async function at(width: number, height: number, route: string) {
	const opened = await openPage(suite.browser);
	await opened.page.setViewportSize({ width, height });
	await opened.page.goto(suite.server.url + route, { waitUntil: 'networkidle' });
	return opened;
}

/** The boxes of the elements matching `selector`, rounded. */
const boxes = (page: Page, selector: string) =>
	page.locator(selector).evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-kwadrant') ?? e.getAttribute('data-diff-kwadrant'), left: Math.round(e.getBoundingClientRect().left), top: Math.round(e.getBoundingClientRect().top) })));

describe('tables, the SWOT matrix and filters on a laptop and a phone', () => {
	it('/bronnen: the table fits at 1366 px; at 390 px it scrolls in a named region that the keyboard reaches', async () => {
		const wide = await at(1366, 900, '/bronnen');
		const region = wide.page.locator('[role="region"]:has([data-table])').first();
		const fit = await region.evaluate((r) => ({ scroll: r.scrollWidth, client: r.clientWidth }));
		expect(fit.scroll).toBeLessThanOrEqual(fit.client);
		await wide.close();

		const { page, close } = await at(390, 844, '/bronnen');
		const phone = page.locator('[role="region"]:has([data-table])').first();
		expect(await phone.getAttribute('tabindex')).toBe('0');
		const name = await phone.evaluate((r) => document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent ?? r.getAttribute('aria-label'));
		expect(name).toBe('Geladen bestanden, nieuwste eerst');
		expect(await phone.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
		// Tab to it (past the skip link, header and the CSV link) and scroll it with the arrow key.
		let focused = false;
		for (let i = 0; i < 40 && !focused; i++) {
			await page.keyboard.press('Tab');
			focused = await phone.evaluate((r) => document.activeElement === r);
		}
		expect(focused).toBe(true);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => phone.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await close();
	});

	it('/swot: sterktes and zwaktes above kansen and bedreigingen at 1366 px, one column at 390 px; what changed likewise', async () => {
		for (const selector of ['[data-kwadrant]', '[data-diff-kwadrant]']) {
			const wide = await at(1366, 900, '/swot');
			const [s, z, k, b] = await boxes(wide.page, selector);
			expect([s.key, z.key, k.key, b.key]).toEqual(['sterkte', 'zwakte', 'kans', 'bedreiging']);
			expect(s.top).toBe(z.top);
			expect(k.top).toBe(b.top);
			expect(k.top).toBeGreaterThan(s.top);
			expect(s.left).toBe(k.left);
			expect(z.left).toBe(b.left);
			expect(z.left).toBeGreaterThan(s.left);
			await wide.close();

			const phone = await at(390, 844, '/swot');
			const stacked = await boxes(phone.page, selector);
			expect(new Set(stacked.map((x) => x.left)).size).toBe(1);
			expect(stacked.map((x) => x.top)).toEqual([...stacked.map((x) => x.top)].sort((x, y) => x - y));
			await phone.close();
		}
	});

	it('filter boxes at 1366 px show their chosen option and their label whole', async () => {
		for (const route of ['/verwijzingen?niveau=wijk', '/swot', '/werkafspraken']) {
			const { page, close } = await at(1366, 900, route);
			const cut = await page.locator('.filters').first().evaluate((form) => {
				const out: string[] = [];
				for (const select of form.querySelectorAll('select')) {
					// As wide as the browser makes a select for its longest option (text, padding, arrow)?
					const shown = select.getBoundingClientRect().width;
					const [width, maxWidth] = [select.style.width, select.style.maxWidth];
					select.style.width = 'auto';
					select.style.maxWidth = 'none';
					const natural = select.getBoundingClientRect().width;
					[select.style.width, select.style.maxWidth] = [width, maxWidth];
					if (shown < natural - 0.5) out.push(`${select.name}: ${Math.round(shown)} px wide, its options need ${Math.round(natural)}`);
				}
				for (const label of form.querySelectorAll('label')) if (label.scrollWidth > label.clientWidth) out.push(`label "${label.textContent}" cut off`);
				return out;
			});
			expect(cut, route).toEqual([]);
			await close();
		}
	});
});
