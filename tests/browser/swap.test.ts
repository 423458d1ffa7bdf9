// The atomic swap under a page being viewed: the pipeline builds a new database beside the one the
// server reads and renames it over; the server moves to it without a restart and without failing
// a request. A rejected import changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { createFixtureDb, FIXTURE_REFERRALS } from '../fixtures/fixture-db';
import { expectedPublished, FIXTURE_SECRET_HEX, publishedOf } from '../fixtures/cellKeys';
import { openPage } from './browser';
import { serveDatabase } from './suite';

const suite = serveDatabase(createFixtureDb);

// The import computes record keys with the secret beside the database: the fixture's, so that the
// expected published values can be computed here (tests/fixtures/cellKeys.ts).
const useFixtureSecret = () => fs.writeFileSync(`${suite.dbPath}.celsleutel`, FIXTURE_SECRET_HEX);
const zuid2025 = publishedOf(FIXTURE_REFERRALS, (r) => r[1] === 'WK990102' && r[5] === 'specialistische_jeugdhulp' && r[0].startsWith('2025'));
const zuidLine = `2025;wijk;WK990102;Zuid;GM9901;Testmaas;2;alle;${zuid2025 ?? '<5'};1000;${zuid2025 === null ? '' : ((zuid2025 / 1000) * 1000).toFixed(2).replace('.', ',')};inwoners`;
/** Centrum 2025 after the extra referrals: their published count. */
const centrum = expectedPublished(Array.from({ length: 10 }, (_, i) => `X${i + 1}`), 5)!;
const nl1 = (x: number) => x.toFixed(1).replace('.', ',');

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** 10 second-line referrals of children in Centrum (WK990201), May 2025. */
function extraReferrals(): string {
	const file = path.join(suite.dir, 'verwijzingen_extra.csv');
	const rows = Array.from(
		{ length: 10 },
		(_, i) => `X${i + 1};2025-05-0${(i % 9) + 1};P3;WK990201;12-17;huisarts;jeugd_ggz;jeugd`
	);
	fs.writeFileSync(file, ['verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein', ...rows].join('\n') + '\n');
	return file;
}

async function centrum2025(page: import('playwright-core').Page): Promise<string | null> {
	return page
		.locator('#verwijzingen-trend [data-mark="point"][data-x="2025"]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).find((l) => l?.startsWith('Centrum')) ?? null);
}

describe('atomic swap', () => {
	it('serves every request while a new version is swapped in, and shows it without a restart', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/verwijzingen?periode=jaar', { waitUntil: 'networkidle' });
		// Before: Centrum had no second-line referrals in 2025.
		expect(await centrum2025(page)).toBe('Centrum, 2025: 0,0 per 1.000');

		// Keep three clients busy with page and export requests during the import.
		let stop = false;
		const statuses: number[] = [];
		const incomplete: string[] = [];
		const worker = async (route: string) => {
			const deadline = Date.now() + 60_000;
			while (!stop && Date.now() < deadline) {
				const res = await suite.fetch(route);
				const body = await res.text();
				statuses.push(res.status);
				if (route.startsWith('/export') && !body.trimEnd().split('\r\n').at(-1)!.startsWith(`${zuidLine};`)) incomplete.push(body);
			}
		};
		const workers = [worker('/export/verwijzingen.csv?periode=jaar'), worker('/verwijzingen?periode=jaar'), worker('/bronnen')];
		await new Promise((r) => setTimeout(r, 300));
		useFixtureSecret();
		const report = await ingest(suite.dbPath, [extraReferrals()]);
		await new Promise((r) => setTimeout(r, 300));
		stop = true;
		await Promise.all(workers);

		expect(report[0].rowsLoaded).toBe(10);
		expect(statuses.length).toBeGreaterThan(10);
		expect(statuses.every((s) => s === 200)).toBe(true);
		expect(incomplete).toEqual([]);

		// The page that was open moves to the new version on its next navigation:
		// Centrum 2025: 10 referrals (published through the cell key method) / 500 inhabitants.
		await page.selectOption('#filter-lijn', 'alle');
		await page.waitForURL(/lijn=alle/);
		await page.selectOption('#filter-lijn', '2');
		await page.waitForURL(/lijn=2/);
		await expect.poll(() => centrum2025(page)).toBe(`Centrum, 2025: ${nl1((centrum / 500) * 1000)} per 1.000`);
		await page.goto(suite.server.url + '/bronnen', { waitUntil: 'networkidle' });
		expect(await page.locator('table').first().textContent()).toContain('verwijzingen_extra.csv');
		expect(errors).toEqual([]);
		expect(fs.readdirSync(suite.dir).filter((f) => f.includes('.tmp') || f.endsWith('.wal') || f.endsWith('.lock'))).toEqual([]);
		await close();
	});

	it('a rejected import leaves the database and the pages as they were', async () => {
		const before = sha(suite.dbPath);
		const bad = path.join(suite.dir, 'verwijzingen_fout.csv');
		fs.writeFileSync(bad, 'verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein\nY1;2025-05-01;P3;WK990201;12-17;huisarts;onbekende_plek;jeugd\n');
		await expect(ingest(suite.dbPath, [bad])).rejects.toThrow(/verwijzingen_fout\.csv.*regel 2.*bestemming/s);
		expect(sha(suite.dbPath)).toBe(before);
		const res = await suite.fetch('/export/verwijzingen.csv?periode=jaar&wijk=WK990201');
		expect(await res.text()).toContain(`2025;wijk;WK990201;Centrum;GM9902;Proefdorp;2;alle;${centrum};500;${((centrum / 500) * 1000).toFixed(2).replace('.', ',')};inwoners`);
	});
});
