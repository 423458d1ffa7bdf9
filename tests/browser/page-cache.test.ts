// Kept pages over HTTP (src/lib/server/http/pageCache.ts): a user restricted to one gemeente never
// gets the page kept for the beheerder at the same address, and a swapped-in database file is
// shown at once, exactly as a server that never kept anything renders it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureDb, FIXTURE_REFERRALS } from '../fixtures/fixture-db';
import { sessionFetch, signIn } from './session';
import { serveDatabase } from './suite';

const BELEID = { gebruikersnaam: 'beleid.cache', naam: 'Beleid Testmaas', rol: 'beleid' as const, gemeenten: ['GM9901'], wachtwoord: 'beleid-wachtwoord-1' };
const suite = serveDatabase((p) => createFixtureDb(p), {}, [BELEID]);
const URL_ = '/verwijzingen?niveau=gemeente&periode=jaar&lijn=alle';

describe('kept pages', () => {
	it('are the same page again for the same user, and never another user\'s', async () => {
		const first = await (await suite.fetch(URL_)).text();
		expect(first).toContain('Proefdorp');
		expect(await (await suite.fetch(URL_)).text()).toBe(first);
		const beleid = await signIn(suite.server.url, BELEID);
		const own = await (await sessionFetch(beleid, URL_)).text();
		expect(own).toContain('Testmaas');
		expect(own).not.toContain('Proefdorp');
		// and the other way round: the beheerder's kept page is still the whole database
		expect(await (await suite.fetch(URL_)).text()).toBe(first);
	});

	it('are not served after a swap: the page is that of the new file, as a fresh server renders it', async () => {
		const before = await (await suite.fetch(URL_)).text();
		// The same data without Proefdorp's referrals, renamed over the file as an import does.
		const next = path.join(suite.dir, 'next.duckdb');
		await createFixtureDb(next, FIXTURE_REFERRALS.filter((r) => r[1] !== 'WK990201'));
		fs.renameSync(next, suite.dbPath);
		const after = await (await suite.fetch(URL_)).text();
		expect(after).not.toBe(before);
		await suite.restart();
		expect(await (await suite.fetch(URL_)).text()).toBe(after);
	});
});
