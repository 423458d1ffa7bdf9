// The regiegroep pages on the demo database (built from data/demo/ by the real pipeline, in a temp
// directory). Expected values come from the generator's own lists (pipelines/demo/regiegroep.ts),
// counted here without the monitor's code.
import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../pipelines/demo/generate';
import { buildRegiegroep } from '../../pipelines/demo/regiegroep';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { expectAccessible, openPage } from './browser';
import { countPages } from './pdf';
import { serveDatabase } from './suite';

const suite = serveDatabase(buildDemoDatabase);
const plannen = buildRegiegroep(DEMO_SEED);

describe('Werkplannen on the demo data', () => {
	it('shows every werkplan with the status of its last update before the meeting of 9 December 2025', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/werkplannen?vergadering=2025-12-09&peildatum=2025-12-09', { waitUntil: 'networkidle' });
		const shown = await page.locator('tr[data-werkplan]').evaluateAll((rows) =>
			rows.map((r) => [r.getAttribute('data-werkplan'), r.querySelector('[data-cell="status"] [data-status]')?.getAttribute('data-status')])
		);
		const expected = plannen.map((p) => {
			const last = p.updates.filter((u) => u.datum <= '2025-12-09').at(-1);
			return [p.id, last?.status ?? ''];
		});
		expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
		expect(await page.locator('[data-driehoek]').evaluateAll((s) => s.map((e) => e.getAttribute('data-driehoek')))).toEqual(['ouderen', 'jeugd', 'ggz', 'geen']);
		expect(await page.locator('#werkplannen-tijdlijn [data-mark="mijlpaal"]').count()).toBe(plannen.reduce((n, p) => n + p.mijlpaalRows.length, 0));
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});

	it('prints the report of the last meeting on A4', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/werkplannen/rapport?vergadering=2025-12-09', { waitUntil: 'networkidle' });
		const pdf = await page.pdf({ format: 'A4' });
		expect(countPages(pdf)).toBeGreaterThanOrEqual(2);
		expect(await page.locator('[data-report-status] tbody tr').count()).toBe(plannen.length);
		await close();
	});
});

describe('SWOT on the demo data', () => {
	it('compares the last two rounds of Riëndonk on their text (no ids, different spelling)', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/swot?wijk=WK990102&datum=2025-12-31', { waitUntil: 'networkidle' });
		// Round 3: S2, S4, S5, S7 | Z5 | K1, K3, K4 | B2, B4 (SWOT_WIJKEN in the generator).
		const perQuadrant = async (k: string) => page.locator(`[data-kwadrant="${k}"] [data-item]`).count();
		expect([await perQuadrant('sterkte'), await perQuadrant('zwakte'), await perQuadrant('kans'), await perQuadrant('bedreiging')]).toEqual([4, 1, 3, 2]);
		// Against round 2: S7 and K3 are new, Z2 and B1 resolved, the other eight stayed.
		const counts = async (k: string) =>
			page.locator(`[data-diff-kwadrant="${k}"] [data-count]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-count')}=${e.textContent!.split(' ')[0]}`));
		expect(await counts('sterkte')).toEqual(['nieuw=1', 'gebleven=3', 'opgelost=0']);
		expect(await counts('zwakte')).toEqual(['nieuw=0', 'gebleven=1', 'opgelost=1']);
		expect(await counts('kans')).toEqual(['nieuw=1', 'gebleven=2', 'opgelost=0']);
		expect(await counts('bedreiging')).toEqual(['nieuw=0', 'gebleven=2', 'opgelost=1']);
		// The theme table puts the three wijken with a SWOT side by side.
		expect(await page.locator('[data-thema-matrix] thead th').count()).toBe(1 + 3);
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});
});
