// The regiegroep pages in Debian's Chromium on the fixture portfolio (tests/fixtures/regiegroep),
// served from temp copies: a trekker updates a status and ticks off a milestone, the regiegroep
// adds and closes SWOT items, all through the forms; the edits survive a reload and a restart of
// the server; the report prints on A4 with the changes in it. Tests in this file run in order: the
// restart and print tests check the edits made by the tests before them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegiegroepDb } from '../fixtures/regiegroep-db';
import { expectAccessible, openPage } from './browser';
import { countPages, readPdf } from './pdf';
import { signIn } from './session';
import { serveDatabase } from './suite';

const FATIMA = { gebruikersnaam: 'fatima', naam: 'Fatima de Vries', rol: 'regiegroep' as const, wijken: ['WK990101', 'WK990102'], wachtwoord: 'fatima-wachtwoord' };
const LEZER = { gebruikersnaam: 'lezer.noord', naam: 'Lezer Noord', rol: 'lezer' as const, wijken: ['WK990101'], wachtwoord: 'lezer-wachtwoord' };
const suite = serveDatabase(createRegiegroepDb, {}, [FATIMA, LEZER]);
const url = (p: string) => suite.server.url + p;
/** A page signed in as the regiegroep member Fatima (pages of the suite itself are the beheerder's). */
const asFatima = async (options: { javaScript?: boolean } = {}) => openPage(suite.browser, { ...options, session: await signIn(suite.server.url, FATIMA) });

describe('pages', () => {
	for (const [route, heading] of [
		['/werkplannen?vergadering=2025-10-14&peildatum=2025-10-14', 'Werkplannen'],
		['/werkplannen/WP01', 'Valpreventie thuiswonende ouderen'],
		['/swot?wijk=WK990101&datum=2025-10-14', 'SWOT per wijk'],
		['/werkplannen/rapport?vergadering=2025-10-14', 'Regiegroep: stand van zaken 14 oktober 2025']
	]) {
		it(`${route} renders without console errors or serious axe violations`, async () => {
			const { page, errors, close } = await openPage(suite.browser);
			const res = await page.goto(url(route), { waitUntil: 'networkidle' });
			expect(res?.status()).toBe(200);
			expect(await page.locator('h1').first().textContent()).toContain(heading);
			await expectAccessible(page);
			expect(errors).toEqual([]);
			await close();
		});
	}

	it('shows what changed since the previous meeting, as worked out by hand', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(url('/werkplannen?vergadering=2025-10-14&peildatum=2025-10-14'), { waitUntil: 'networkidle' });
		const items = (kind: string, attr: string) => page.locator(`[data-changes="${kind}"] li`).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attr);
		expect(await items('status', 'data-werkplan')).toEqual(['WP04', 'WP01']);
		expect(await items('bereikt', 'data-mijlpaal')).toEqual(['WP04/M1', 'WP02/M2']);
		expect(await items('gemist', 'data-mijlpaal')).toEqual(['WP03/M2']);
		expect(await items('nieuw', 'data-werkplan')).toEqual(['WP04']);
		expect(await items('te-laat', 'data-mijlpaal')).toEqual(['WP03/M1', 'WP03/M2']);
		// Portfolio: WP03 has two overdue milestones on 14 October; the timeline marks them as such.
		expect(await page.locator('tr[data-werkplan="WP03"] [data-status]').getAttribute('data-status')).toBe('achter');
		expect(await page.locator('#werkplannen-tijdlijn [data-mark="mijlpaal"][data-staat="verlopen"]').count()).toBe(2);
		expect(await page.locator('#werkplannen-tijdlijn [data-mark="mijlpaal"]').count()).toBe(9);
		await close();
	});
});

describe('editing', () => {
	it('a trekker adds a status update over plain http; it is in the table and the audit trail under her name, also after a reload', async () => {
		const { page, errors, close } = await asFatima();
		await page.goto(url('/werkplannen/WP02'), { waitUntil: 'networkidle' });
		await page.selectOption('#status-status', 'achter');
		await page.fill('#status-datum', '2025-10-10');
		await page.fill('#status-vergadering', '2025-10-14');
		await page.fill('#status-toelichting', 'Groepsruimte kwijt; bel 06-12345678');
		await page.click('[data-form="status"] button[type="submit"]');
		await page.waitForURL(/opgeslagen=status/);
		await expect.poll(() => page.locator('[data-opgeslagen="status"]').count()).toBe(1);

		for (const reload of [false, true]) {
			if (reload) await page.reload({ waitUntil: 'networkidle' });
			const row = page.locator('[data-voortgang] tr[data-datum="2025-10-10"]');
			expect(await row.getAttribute('data-bron')).toBe('app');
			// The phone number was masked before it was stored.
			expect(await row.locator('[data-cell="toelichting"]').textContent()).toBe('Groepsruimte kwijt; bel [telefoonnummer verwijderd]');
			expect(await page.locator('[data-huidige-status] [data-status]').getAttribute('data-status')).toBe('achter');
			const audit = page.locator('[data-audit] tbody tr');
			expect(await audit.count()).toBe(1);
			expect(await audit.locator('[data-cell="wie"]').textContent()).toBe('Fatima de Vries');
			expect(await audit.getAttribute('data-actie')).toBe('toegevoegd');
		}
		// Nobody types a name: the edit is the signed-in user's, and she may undo it.
		expect(await page.locator('input[name="wie"]').count()).toBe(0);
		expect(await page.locator('[data-audit] [data-form="ongedaan"]').count()).toBe(1);
		expect(errors).toEqual([]);
		await close();
	});

	it('refuses an update dated before 2000, in Dutch next to the form, keeps what was typed and saves nothing', async () => {
		const { page, close } = await asFatima();
		await page.goto(url('/werkplannen/WP04'), { waitUntil: 'networkidle' });
		await page.selectOption('#status-status', 'aandacht');
		await page.fill('#status-datum', '1999-12-31');
		await page.fill('#status-toelichting', 'Nog niet gebeurd');
		await page.click('[data-form="status"] button[type="submit"]');
		const alert = page.locator('[data-form-errors="status"]');
		await alert.waitFor();
		expect(await alert.textContent()).toContain('De datum ligt voor 2000.');
		expect(await page.locator('#status-datum').getAttribute('aria-invalid')).toBe('true');
		expect(await page.inputValue('#status-toelichting')).toBe('Nog niet gebeurd');
		await page.goto(url('/werkplannen/WP04'), { waitUntil: 'networkidle' });
		expect(await page.locator('[data-audit-empty]').count()).toBe(1);
		await close();
	});

	it('ticks off a milestone with JavaScript switched off (a plain form post)', async () => {
		const { page, close } = await asFatima({ javaScript: false });
		await page.goto(url('/werkplannen/WP03'));
		expect(await page.locator('tr[data-mijlpaal="M2"]').getAttribute('data-staat')).toBe('verlopen');
		await page.selectOption('#mijlpaal-id', 'M2');
		await page.fill('#mijlpaal-datum', '2025-10-20');
		await Promise.all([page.waitForURL(/opgeslagen=mijlpaal/), page.click('[data-form="mijlpaal"] button[type="submit"]')]);
		expect(await page.locator('tr[data-mijlpaal="M2"]').getAttribute('data-staat')).toBe('gereed');
		expect(await page.locator('tr[data-mijlpaal="M2"] td').nth(1).textContent()).toBe('20 oktober 2025');
		const audit = page.locator('[data-audit] tbody tr');
		expect(await audit.count()).toBe(1);
		expect(await audit.locator('[data-cell="oud"]').textContent()).toContain('gereed op: (leeg)');
		expect(await audit.locator('[data-cell="nieuw"]').textContent()).toContain('gereed op: 2025-10-20');
		await close();
	});

	it('the regiegroep adds a SWOT item and closes another; both show after a reload', async () => {
		const { page, errors, close } = await asFatima();
		await page.goto(url('/swot?wijk=WK990101'), { waitUntil: 'networkidle' });
		expect(await page.locator('[data-kwadrant="zwakte"] [data-item]').count()).toBe(1);
		await page.selectOption('#nieuw-kwadrant', 'bedreiging');
		await page.fill('#nieuw-omschrijving', 'Vertrek van de wijkverpleegkundige');
		await page.fill('#nieuw-thema', 'personeel');
		await page.click('[data-form="toevoegen"] button[type="submit"]');
		const added = page.locator('[data-kwadrant="bedreiging"] [data-item]', { hasText: 'Vertrek van de wijkverpleegkundige' });
		await added.waitFor();
		// Said in words, and the form is empty again so the item is not added twice by accident.
		await expect.poll(() => page.locator('[data-opgeslagen]').textContent()).toContain('Het item is toegevoegd.');
		expect(await page.inputValue('#nieuw-omschrijving')).toBe('');

		// Close the weakness Z2 (opened from the item's "Bewerken of afsluiten").
		const z2 = page.locator('[data-kwadrant="zwakte"] [data-item="id:Z2"]');
		await z2.locator('summary').click();
		await z2.locator('[data-form="afsluiten"] button[type="submit"]').click();
		await expect.poll(() => page.locator('[data-kwadrant="zwakte"] [data-item]').count()).toBe(0);

		await page.reload({ waitUntil: 'networkidle' });
		expect(await page.locator('[data-kwadrant="bedreiging"] [data-item]').allTextContents()).toEqual([
			expect.stringContaining('Geen langjarige afspraken over financiering'),
			expect.stringContaining('Vertrek van de wijkverpleegkundige')
		]);
		expect(await page.locator('[data-kwadrant="zwakte"] [data-item]').count()).toBe(0);
		expect(await page.locator('[data-gesloten] li').allTextContents()).toEqual([expect.stringContaining('Communicatie over urgente meldingen is traag')]);
		expect(await page.locator('[data-audit] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actie')))).toEqual(['toegevoegd', 'afgesloten']);
		expect(errors).toEqual([]);
		await close();
	});

	it('undoes an edit: the editor sees the button, the status is as before, the undo is in the trail', async () => {
		const { page, close } = await asFatima();
		await page.goto(url('/werkplannen/WP04'), { waitUntil: 'networkidle' });
		const before = await page.locator('[data-huidige-status] [data-status]').getAttribute('data-status');
		await page.selectOption('#status-status', 'gestopt');
		await page.fill('#status-datum', '2025-10-12');
		await page.click('[data-form="status"] button[type="submit"]');
		await page.waitForURL(/opgeslagen=status/);
		expect(await page.locator('[data-huidige-status] [data-status]').getAttribute('data-status')).toBe('gestopt');
		await Promise.all([page.waitForURL(/opgeslagen=ongedaan/), page.locator('[data-audit] [data-form="ongedaan"] button').click()]);
		expect(await page.locator('[data-huidige-status] [data-status]').getAttribute('data-status')).toBe(before);
		expect(await page.locator('[data-voortgang] tr[data-datum="2025-10-12"]').count()).toBe(0);
		expect(await page.locator('[data-audit] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actie')))).toEqual(['toegevoegd', 'ongedaan']);
		await close();
	});

	it('a lezer sees the werkplannen of the own wijk without any form, and cannot post one', async () => {
		const lezer = await signIn(suite.server.url, LEZER);
		const { page, close } = await openPage(suite.browser, { session: lezer });
		await page.goto(url('/werkplannen/WP02'), { waitUntil: 'networkidle' });
		expect(await page.locator('form[data-form]').count()).toBe(0);
		expect((await page.goto(url('/werkplannen/WP03')))?.status()).toBe(404);
		const res = await fetch(url('/werkplannen/WP02?/status'), {
			method: 'POST',
			headers: { cookie: `bm_sessie=${lezer.token}`, origin: suite.server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: new URLSearchParams({ status: 'achter', datum: '2025-10-11' }).toString()
		});
		expect(await res.text()).toContain('U kunt hier niets wijzigen');
		await close();
	});

	it('keeps every edit when the server restarts on the same files', async () => {
		await suite.restart();
		const { page, close } = await openPage(suite.browser);
		await page.goto(url('/werkplannen/WP02'), { waitUntil: 'networkidle' });
		expect(await page.locator('[data-voortgang] tr[data-datum="2025-10-10"]').getAttribute('data-bron')).toBe('app');
		await page.goto(url('/werkplannen/WP03'), { waitUntil: 'networkidle' });
		expect(await page.locator('tr[data-mijlpaal="M2"]').getAttribute('data-staat')).toBe('gereed');
		await page.goto(url('/swot?wijk=WK990101'), { waitUntil: 'networkidle' });
		expect(await page.locator('[data-kwadrant="bedreiging"] [data-item]', { hasText: 'Vertrek van de wijkverpleegkundige' }).count()).toBe(1);
		expect(await page.locator('[data-kwadrant="zwakte"] [data-item]').count()).toBe(0);
		// The edit store lives beside the database, in the temp directory, not in data/.
		expect(fs.readdirSync(suite.dir)).toContain('edits.duckdb');
		await close();
	});

	it('exports the combined records as Dutch Excel CSV, with the source of each version', async () => {
		const res = await suite.fetch(('/export/werkplannen.csv?peildatum=2025-10-14'));
		const bytes = Buffer.from(await res.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).split('\r\n');
		expect(lines[0]).toBe(
			'werkplan_id;titel;thema;driehoek;trekker;partners;wijk_code;wijk_naam;start;eind;doel;peildatum;status;status_naam;status_datum;toelichting;status_bron;status_bron_detail;filters'
		);
		const wp02 = lines.find((l) => l.startsWith('WP02;'))!.split(';');
		expect(wp02.slice(11, 17)).toEqual(['2025-10-14', 'achter', 'Achter op schema', '2025-10-10', '"Groepsruimte kwijt', ' bel [telefoonnummer verwijderd]"']);
		const swot = await (await suite.fetch(('/export/swot.csv?wijk=WK990102'))).text();
		expect(swot.split('\r\n').filter(Boolean)).toHaveLength(1 + 6);
	});
});

describe('the report', () => {
	it('prints on A4 without the site navigation, with the changes made in the app', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(url('/werkplannen/rapport?vergadering=2025-10-14'), { waitUntil: 'networkidle' });
		expect(await page.locator('[data-print]').textContent()).toBe('Afdrukken / PDF');
		const pdf = await page.pdf({ format: 'A4' });
		const file = path.join(suite.dir, 'rapport.pdf');
		fs.writeFileSync(file, pdf);
		const pages = readPdf(pdf);
		expect(countPages(pdf)).toBe(pages.length);
		expect(pages.length).toBeGreaterThanOrEqual(2);
		expect(pages.length).toBeLessThanOrEqual(6);
		for (const p of pages) {
			expect(Math.abs(p.size[0] - 595.3)).toBeLessThan(2);
			expect(Math.abs(p.size[1] - 841.9)).toBeLessThan(2);
		}
		const text = pages.map((p) => p.text).join(' ');
		expect(pages[0].text.startsWith('Regiegroep: stand van zaken 14 oktober 2025')).toBe(true);
		// Not printed: the navigation and the buttons.
		expect(text).not.toContain('Verwijzingen');
		expect(text).not.toContain('Afdrukken / PDF');
		// Printed: the status change entered in the app, the missed milestone, the SWOT changes.
		expect(text).toContain('Statuswijzigingen (3)');
		expect(text).toContain('Groepsruimte kwijt; bel [telefoonnummer verwijderd]');
		expect(text).toContain('Mijlpalen gemist (1)');
		expect(text).toContain('Financiering rond (GGZ-preventie jongvolwassenen): deadline 30 september 2025');
		expect(text).toContain('Nieuw: Samenwerking met de bibliotheek');
		// Every page numbered in its margin (the @page margin boxes of src/app.css).
		expect(pages.map((p) => p.margin)).toEqual(pages.map((_, i) => `Pagina ${i + 1} van ${pages.length} Basiszorg Monitor`));
		// The SWOT per wijk itself, as a matrix per wijk (the fixture's Noord has a SWOT of its own).
		expect(text).toMatch(/3\. SWOT per wijk op 14 oktober 2025 .*Noord .*Sterktes \(\d+\).*Zwaktes \(\d+\).*Kansen \(\d+\).*Bedreigingen \(\d+\)/s);
		expect(await page.locator('[data-report-swot-stand] [data-kwadrant]').count()).toBe(4 * (await page.locator('[data-report-swot-stand]').count()));
		// The period, the method note and the print date.
		expect(pages[0].text).toMatch(/Veranderingen sinds de vorige vergadering: na \d+ \w+ 2025 tot en met 14 oktober 2025/);
		expect(text).toContain('Hoe is dit rapport gemaakt?');
		expect(pages.at(-1)!.text).toMatch(/Afgedrukt op \d{1,2} \w+ \d{4}/);
		await close();
	});
});
