// Access on the demo data, over HTTP and in Chromium: nobody sees anything without signing in;
// a beleidsadviseur of Voorbeeldstad (GM9901) sees only Voorbeeldstad on every page and export,
// and gets 403/404 outside it; signing in through the form returns to the page asked for.
import { describe, expect, it } from 'vitest';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { EXPORT_ACCESS } from '../../src/lib/auth/access';
import { openPage } from './browser';
import { sessionFetch, signIn, type Session } from './session';
import { serveDatabase } from './suite';

const BELEID = { gebruikersnaam: 'beleid.test', naam: 'Beleid Voorbeeldstad', rol: 'beleid' as const, gemeenten: ['GM9901'], wachtwoord: 'beleid-wachtwoord-1' };
const GEZ = { gebruikersnaam: 'gez.test', naam: 'GEZ Centrum', rol: 'gez' as const, wijken: ['WK990101'], wachtwoord: 'gez-wachtwoord-12' };
const suite = serveDatabase(buildDemoDatabase, {}, [BELEID, GEZ]);

const PAGES = ['/', '/verwijzingen', '/wijk/WK990101', '/ojg', '/werkplannen', '/werkplannen/WP-J01', '/werkplannen/rapport', '/swot', '/leerbijeenkomsten', '/leerbijeenkomsten/rapport', '/werkafspraken', '/bronnen', '/beheer', '/beheer/audit', '/beheer/gebruikers', '/beheer/upload'];
const EXPORTS = Object.keys(EXPORT_ACCESS);

/** Gemeente codes in a CSV with a gemeente_code column (all rows). */
function gemeenten(csv: string): string[] {
	const [head, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
	const i = head.split(';').indexOf('gemeente_code');
	return [...new Set(rows.map((r) => r.split(';')[i]))].sort();
}

describe('anonymous', () => {
	it.each(PAGES)('page %s redirects to /login with the way back', async (p) => {
		const res = await fetch(suite.server.url + p, { redirect: 'manual' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(p === '/' ? '/login' : `/login?terug=${encodeURIComponent(p)}`);
	});

	it.each(EXPORTS)('export %s answers 401 without any data', async (name) => {
		const res = await fetch(`${suite.server.url}/export/${name}.csv`, { redirect: 'manual' });
		expect(res.status).toBe(401);
		expect(await res.text()).not.toMatch(/WK99|GM99/);
	});
});

describe('a beleidsadviseur of Voorbeeldstad', () => {
	let beleid: Session;
	const get = (p: string) => sessionFetch(beleid, p, { redirect: 'manual' });

	it('signs in', async () => {
		beleid = await signIn(suite.server.url, BELEID);
	});

	it('exports only Voorbeeldstad, where the beheerder gets all three gemeenten', async () => {
		for (const q of ['verwijzingen.csv?niveau=gemeente&periode=jaar', 'verwijzingen.csv?niveau=wijk&periode=jaar', 'verwijzingen.csv?niveau=praktijk&periode=jaar', 'kerncijfers.csv?niveau=wijk']) {
			expect(gemeenten(await (await get(`/export/${q}`)).text()), q).toEqual(['GM9901']);
			expect(gemeenten(await (await suite.fetch(`/export/${q}`)).text()), q).toEqual(['GM9901', 'GM9902', 'GM9903']);
		}
		const swot = await (await get('/export/swot.csv')).text();
		expect(swot).toContain('WK990105');
		expect(swot).not.toContain('WK990301');
	});

	it('sees only its own gemeente on the pages, and 404 for a wijk of another', async () => {
		const overzicht = await (await get('/')).text();
		expect(overzicht).toContain('Voorbeeldstad');
		expect(overzicht).not.toMatch(/Demodorp|Proefwaard/);
		expect((await get('/wijk/WK990201')).status).toBe(404);
		expect((await get('/wijk/WK990101')).status).toBe(200);
	});

	it('gets 403 for the beheer pages and the provenance export, with a Dutch page that offers a way on', async () => {
		for (const p of ['/bronnen', '/beheer/audit', '/beheer/upload']) expect((await get(p)).status, p).toBe(403);
		// As a browser asks for it (a fetch without Accept gets the JSON form of the error).
		const page = await (await sessionFetch(beleid, '/bronnen', { headers: { accept: 'text/html' } })).text();
		expect(page).toContain('U heeft geen toegang tot deze pagina.');
		expect(page).toContain('Naar het overzicht');
		expect((await get('/export/bronnen.csv')).status).toBe(403);
	});
});

describe('signing in for a page the role may not open', () => {
	it("lands on the role's start page instead of a 403", async () => {
		const res = await fetch(`${suite.server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: suite.server.url, accept: 'text/html' },
			body: new URLSearchParams({ gebruikersnaam: BELEID.gebruikersnaam, wachtwoord: BELEID.wachtwoord, terug: '/beheer' }).toString()
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/');
	});
});

describe('a GEZ user of Centrum', () => {
	it('sees the surveys of Centrum only and no werkplannen', async () => {
		const gez = await signIn(suite.server.url, GEZ);
		const csv = await (await sessionFetch(gez, '/export/leerbijeenkomsten.csv')).text();
		const wijken = new Set(csv.trim().split('\r\n').slice(1).map((r) => r.split(';')[2]));
		expect([...wijken]).toEqual(['WK990101']);
		expect((await sessionFetch(gez, '/werkplannen', { redirect: 'manual' })).status).toBe(403);
		expect((await sessionFetch(gez, '/export/werkplannen.csv')).status).toBe(403);
	});
});

describe('signing in, in Chromium', () => {
	it('the form works without JavaScript and returns to the page asked for; a wrong password says so in Dutch', async () => {
		const context = await suite.browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
		const page = await context.newPage();
		await page.goto(suite.server.url + '/verwijzingen?niveau=gemeente');
		expect(new URL(page.url()).pathname).toBe('/login');
		// The demo data: the page says how to sign in (this server has MONITOR_ADMIN_PASSWORD set).
		expect(await page.locator('[data-demo-login]').textContent()).toContain('MONITOR_ADMIN_PASSWORD');
		await page.fill('#gebruikersnaam', BELEID.gebruikersnaam);
		await page.fill('#wachtwoord', 'verkeerd-wachtwoord');
		await page.click('button[type="submit"]');
		expect(await page.locator('[data-login-error]').textContent()).toContain('De gebruikersnaam of het wachtwoord klopt niet.');
		expect(await page.inputValue('#gebruikersnaam')).toBe(BELEID.gebruikersnaam);
		await page.fill('#wachtwoord', BELEID.wachtwoord);
		await Promise.all([page.waitForURL(/\/verwijzingen\?niveau=gemeente$/), page.click('button[type="submit"]')]);
		expect(await page.locator('[data-user]').textContent()).toBe(BELEID.naam);
		// The menu offers what the role may open.
		const menu = await page.locator('nav a').allTextContents();
		expect(menu).toContain('Verwijzingen');
		expect(menu).not.toContain('Bronnen');
		await Promise.all([page.waitForURL(/\/login$/), page.click('text=Afmelden')]);
		expect((await page.goto(suite.server.url + '/verwijzingen'))?.url()).toContain('/login?terug=');
		await context.close();
	});

	it('pages opened by the suite are signed in as beheerder', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/bronnen', { waitUntil: 'networkidle' });
		expect(await page.locator('h1').first().textContent()).toContain('Bronnen');
		await close();
	});
});
