// Upload in the browser (/beheer/upload) in Debian's Chromium: the beheerder signs in through the
// login form, uploads exports, reads the validation report (rule, line, column) before anything is
// stored, confirms, sees the load on /bronnen, and rolls it back with a confirmation step; the same
// without JavaScript; progress while the pipeline runs; a too large upload gets a Dutch message.
// Tests in this file run in order: each starts from the database the one before left.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { ADMIN } from './session';
import { expectAccessible, openPage } from './browser';
import { serveDatabase } from './suite';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pipelines');
const fixture = (name: string) => path.join(FIXTURES, name);
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-browser-uploads-'));

// The database starts with wijken and praktijken (no earlier version kept yet). Uploads are limited
// to 1 MB so that the limit can be tried; BODY_SIZE_LIMIT lets larger bodies reach the check.
const suite = serveDatabase((db) => ingest(db, [fixture('wijken.csv'), fixture('praktijken.csv')]).then(() => undefined), {
	MONITOR_UPLOAD_DIR: uploads,
	MONITOR_UPLOAD_MAX_MB: '1',
	BODY_SIZE_LIMIT: '5M'
});
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));
const url = (p: string) => suite.server.url + p;
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const HEADER = 'verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein';

/** A referral export in the suite's folder, `rows` data rows. */
function referrals(name: string, rows: string[]): string {
	const file = path.join(suite.dir, name);
	fs.writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
	return file;
}

/** Records every text the busy region shows while a form posts. */
async function recordBusy(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { __busy: string[] };
		w.__busy = [];
		const region = document.querySelector('[data-upload-bezig], .upload-status')!;
		new MutationObserver(() => w.__busy.push((region as HTMLElement).innerText.replace(/\s+/g, ' ').trim())).observe(region, { subtree: true, childList: true, characterData: true });
	});
}
const busyTexts = (page: Page) => page.evaluate(() => (window as unknown as { __busy: string[] }).__busy.filter(Boolean));

describe('upload in the browser', () => {
	let before: string;

	it('signs in through the login form and shows the empty state', async () => {
		const { page, errors, close } = await openPage(suite.browser, { anonymous: true });
		await page.goto(url('/beheer/upload'));
		expect(new URL(page.url()).pathname).toBe('/login');
		await page.fill('input[name=gebruikersnaam]', ADMIN.gebruikersnaam);
		await page.fill('input[name=wachtwoord]', ADMIN.wachtwoord);
		await Promise.all([page.waitForURL(url('/beheer/upload')), page.locator('form button[type=submit]').first().click()]);
		expect(await page.locator('h1').textContent()).toBe('Gegevens laden');
		expect(await page.locator('[data-empty-state]').textContent()).toContain('Er staat niets klaar om te laden');
		expect(await page.locator('[data-geen-versies]').textContent()).toContain('Er is nog geen eerdere versie van de database bewaard');
		expect(await page.locator('input[name=bestanden]').getAttribute('multiple')).not.toBeNull();
		await expectAccessible(page);
		expect(errors).toEqual([]);
		await close();
	});

	it('reports a bad file with its rule, line and column, and stores nothing', async () => {
		before = sha(suite.dbPath);
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(url('/beheer/upload'), { waitUntil: 'networkidle' });
		const bad = referrals('verwijzingen_fout.csv', ['Z1;2024-02-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd', 'Z2;2099-01-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd']);
		await page.setInputFiles('input[name=bestanden]', [bad]);
		await page.click('form[data-form=controleren] button[type=submit]');
		await page.waitForSelector('[data-controle="fouten"]', { timeout: 60_000 });
		const row = page.locator('[data-fouten] tr', { has: page.locator('[data-regel="datum-toekomst"]') });
		expect(await row.count()).toBe(1);
		expect(await row.innerText()).toMatch(/regel 3, kolom “datum”\s+datum 2099-01-01 ligt na vandaag/);
		expect(await page.locator('form[data-form=laden]').count()).toBe(0);
		expect(sha(suite.dbPath)).toBe(before);
		await expectAccessible(page);
		await page.click('form[data-form=annuleren] button[type=submit]');
		await page.waitForSelector('[data-upload-formulier]');
		expect(fs.readdirSync(uploads)).toEqual([]);
		expect(errors).toEqual([]);
		await close();
	});

	it('checks two files with progress, shows what the load would do, loads on confirmation, and the load is on /bronnen', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(url('/beheer/upload'), { waitUntil: 'networkidle' });
		const many = referrals(
			'verwijzingen_veel.csv',
			Array.from({ length: 12_000 }, (_, i) => `M${i};2024-0${(i % 9) + 1}-1${i % 10};P00${(i % 2) + 1};WK03440${(i % 3) + 1};4-11;huisarts;buurtteam;jeugd`)
		);
		await page.setInputFiles('input[name=bestanden]', [many, fixture('populatie_wijk.csv')]);
		await recordBusy(page);
		await page.click('form[data-form=controleren] button[type=submit]');
		await page.waitForSelector('[data-upload-bezig="controleren"]');
		expect(await page.locator('[data-upload-bezig]').getAttribute('aria-live')).toBe('polite');
		await page.waitForSelector('[data-controle="in-orde"]', { timeout: 60_000 });
		const seen = await busyTexts(page);
		expect(seen.some((t) => t.startsWith('Bezig met controleren…'))).toBe(true);
		expect(seen.some((t) => /verwijzingen_veel\.csv.*(lezen|controleren|laden)/.test(t)), seen.join('\n')).toBe(true);

		const cell = (file: string, c: string) => page.locator(`[data-verslag] tr[data-bestand="${file}"] [data-cel="${c}"]`).innerText();
		expect(await cell('verwijzingen_veel.csv', 'gelezen')).toBe('12.000');
		expect(await cell('verwijzingen_veel.csv', 'nieuw')).toBe('12.000');
		expect(await cell('verwijzingen_veel.csv', 'vervangen')).toBe('0');
		expect(await cell('populatie_wijk.csv', 'vervangen')).toBe('0');
		expect(sha(suite.dbPath)).toBe(before);
		await expectAccessible(page);

		await page.click('form[data-form=laden] button[type=submit]');
		await page.waitForSelector('[data-geladen]', { timeout: 60_000 });
		expect(await page.locator('[data-geladen]').innerText()).toContain('2 bestanden zijn geladen (laadnummers 3–4)');
		expect(sha(suite.dbPath)).not.toBe(before);
		expect(await page.locator('[data-recent] tbody tr').first().innerText()).toMatch(/^4\s+verwijzingen_veel\.csv\s+verwijzingen\s+.*\s+beheerder$/);

		await Promise.all([page.waitForURL(url('/bronnen')), page.click('[data-bronnen-link]')]);
		expect(await page.locator('main').innerText()).toContain('verwijzingen_veel.csv');
		expect(errors).toEqual([]);
		await close();
	});

	it('rolls the load back after a confirmation, to the file that was there before', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(url('/beheer/upload'), { waitUntil: 'networkidle' });
		expect(await page.locator('[data-versies]').getAttribute('data-versies')).toBe('1');
		await page.click('[data-terugdraaien-link]');
		await page.waitForSelector('[data-bevestig-terugdraaien]');
		expect(await page.locator('[data-bevestig-terugdraaien]').innerText()).toContain('tot en met laadnummer 2. Wat daarna is geladen (laadnummer 3 tot en met 4) verdwijnt');
		await expectAccessible(page);
		await page.click('form[data-form=terugdraaien] button[type=submit]');
		await page.waitForSelector('[data-teruggezet]', { timeout: 60_000 });
		expect(await page.locator('[data-teruggezet]').innerText()).toContain('Niet meer in de database: populatie_wijk.csv (laadnummer 3), verwijzingen_veel.csv (laadnummer 4)');
		expect(sha(suite.dbPath)).toBe(before);
		expect(await page.locator('[data-geen-versies]').count()).toBe(1);

		await page.goto(url('/bronnen'), { waitUntil: 'networkidle' });
		expect(await page.locator('main').innerText()).not.toContain('verwijzingen_veel.csv');
		const audit = await (await suite.fetch('/beheer/audit')).text();
		expect(audit).toContain('teruggezet naar de versie tot en met laadnummer 2');
		expect(errors).toEqual([]);
		await close();
	});

	it('works without JavaScript: check, confirm, roll back', async () => {
		const { page, errors, close } = await openPage(suite.browser, { javaScript: false });
		await page.goto(url('/beheer/upload'));
		await page.setInputFiles('input[name=bestanden]', [fixture('verwijzingen.csv')]);
		await Promise.all([page.waitForNavigation(), page.click('form[data-form=controleren] button[type=submit]')]);
		expect(await page.locator('[data-controle="in-orde"]').count()).toBe(1);
		await Promise.all([page.waitForNavigation(), page.click('form[data-form=laden] button[type=submit]')]);
		expect(await page.locator('[data-geladen]').innerText()).toContain('1 bestand is geladen');
		expect(sha(suite.dbPath)).not.toBe(before);

		await Promise.all([page.waitForNavigation(), page.click('[data-terugdraaien-link]')]);
		await Promise.all([page.waitForNavigation(), page.click('form[data-form=terugdraaien] button[type=submit]')]);
		expect(await page.locator('[data-teruggezet]').count()).toBe(1);
		expect(sha(suite.dbPath)).toBe(before);
		expect(errors).toEqual([]);
		await close();
	});

	it('refuses an upload over the limit with a Dutch message', async () => {
		const { page, errors, close } = await openPage(suite.browser);
		await page.goto(url('/beheer/upload'), { waitUntil: 'networkidle' });
		const big = path.join(suite.dir, 'te_groot.csv');
		fs.writeFileSync(big, HEADER + '\n' + 'x'.repeat(1.5 * 1024 * 1024) + '\n');
		await page.setInputFiles('input[name=bestanden]', [big]);
		await page.click('form[data-form=controleren] button[type=submit]');
		await page.waitForSelector('[data-upload-fout]');
		expect(await page.locator('[data-upload-fout]').innerText()).toMatch(/^De upload is 1,5 MB; er kan hoogstens 1 MB tegelijk worden geüpload/);
		expect(fs.readdirSync(uploads)).toEqual([]);
		expect(sha(suite.dbPath)).toBe(before);
		// The failed post (413) is the only console error.
		expect(errors.filter((e) => !e.includes('413'))).toEqual([]);
		await close();
	});
});
