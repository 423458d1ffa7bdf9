// Row-level security (src/lib/server/db/scope.ts) on the hand-made fixture database
// (tests/fixtures/fixture-db.ts: GM9901 Testmaas = Noord WK990101 + Zuid WK990102 with P1, P2;
// GM9902 Proefdorp = Centrum WK990201 with P3). Expected figures are those of the fixture's comment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '$lib/server/db/database';
import { parseFilters } from '$lib/server/referrals/filters';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import { reference } from '$lib/server/reference/units';
import { createFixtureDb, FIXTURE_REFERRALS, fixtureId } from '../fixtures/fixture-db';
import { expectedPublished } from '../fixtures/cellKeys';

let dir: string;
let full: Database;
const f = (q: string) => parseFilters(new URLSearchParams(q));

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-scope-'));
	await createFixtureDb(path.join(dir, 'fixture.duckdb'));
	full = new Database(path.join(dir, 'fixture.duckdb'));
});
afterAll(() => {
	full.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (db: Database, sql: string) => (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${sql})`))[0].n;

describe('a beleid user of gemeente GM9902 (Proefdorp)', () => {
	const scope = { gemeenten: ['GM9902'], wijken: null };

	it('sees only that gemeente, its wijk and its practice', async () => {
		const db = full.scoped(scope);
		const ref = await reference(db);
		expect(ref.gemeenten.map((g) => g.gemeente_code)).toEqual(['GM9902']);
		expect(ref.wijken.map((w) => w.wijk_code)).toEqual(['WK990201']);
		expect(ref.praktijken.map((p) => p.praktijk_code)).toEqual(['P3']);
	});

	it('sees the referrals of its residents and practices: 8 lijn-2 in 2024, 1 buurtteam in 2025', async () => {
		const db = full.scoped(scope);
		expect(await count(db, 'SELECT * FROM verwijzingen')).toBe(9);
		const rows = await referralRates(db, f('niveau=gemeente&periode=jaar'), 5);
		expect(rows.map((r) => r.niveau_code)).toEqual(['GM9902', 'GM9902']);
		expect(rows.find((r) => r.periode === '2024')).toMatchObject({ verwijzingen: 8, populatie: 500, per_1000: 16 });
	});

	it('gets the same in-scope figures as a user who sees everything', async () => {
		const mine = await referralRates(full.scoped(scope), f('niveau=wijk&periode=jaar'), 5);
		const all = await referralRates(full, f('niveau=wijk&periode=jaar'), 5);
		expect(mine).toEqual(all.filter((r) => r.gemeente_code === 'GM9902'));
	});

	it('cannot reach the other gemeente by naming the table in full', async () => {
		const db = full.scoped(scope);
		expect(await count(db, 'SELECT * FROM main.wijken')).toBe(1);
		expect(await count(db, "SELECT * FROM wijken WHERE gemeente_code = 'GM9901'")).toBe(0);
	});

	it('sees which file a record came from, but not the row counts or warnings of any load', async () => {
		const scoped = await full.scoped(scope).query<Record<string, unknown>>('SELECT rows_read, rows_loaded, rows_replaced, rows_rejected, warnings FROM loads');
		const all = await full.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM loads');
		expect(scoped).toHaveLength(all[0].n);
		for (const r of scoped) expect(r).toEqual({ rows_read: null, rows_loaded: null, rows_replaced: null, rows_rejected: null, warnings: '[]' });
	});
});

describe('a user with wijk WK990102 (Zuid)', () => {
	const scope = { gemeenten: null, wijken: ['WK990102'] };

	it('sees Zuid and its practice P2 only; Zuid 2024 lijn 2 is 19, the welzijn referrals without practice count', async () => {
		const db = full.scoped(scope);
		expect((await reference(db)).wijken.map((w) => w.wijk_code)).toEqual(['WK990102']);
		// 19 + 5 lijn 2 (2024, 2025) + 6 welzijn (no practice)
		expect(await count(db, 'SELECT * FROM verwijzingen')).toBe(30);
		const rows = await referralRates(db, f('niveau=wijk&periode=jaar'), 5);
		const zuid2024 = FIXTURE_REFERRALS.flatMap((r, i) => (r[1] === 'WK990102' && r[0].startsWith('2024') && r[5] === 'specialistische_jeugdhulp' ? [fixtureId(i)] : []));
		expect(zuid2024).toHaveLength(19);
		const published = expectedPublished(zuid2024, 5)!;
		expect(rows.find((r) => r.periode === '2024')).toMatchObject({ niveau_code: 'WK990102', verwijzingen: published, per_1000: published });
	});

	it('a referral at an in-scope practice by a resident elsewhere does not name that wijk', async () => {
		// Move one Noord resident's referral to practice P2 (Zuid): Zuid's user sees it for P2, without Noord.
		const file = path.join(dir, 'cross.duckdb');
		await createFixtureDb(file, [...FIXTURE_REFERRALS, ['2024-06-10', 'WK990101', 'P2', '4-11', 'huisarts', 'specialistische_jeugdhulp', 'jeugd', null]]);
		const db = new Database(file).scoped(scope);
		const rows = await db.query<{ wijk_code: string | null; praktijk_code: string }>(`SELECT wijk_code, praktijk_code FROM verwijzingen WHERE datum = DATE '2024-06-10'`);
		expect(rows).toEqual([{ wijk_code: null, praktijk_code: 'P2' }]);
		db.close();
	});
});

describe('a table the scope rules do not know', () => {
	it('is empty for a scoped user and whole for the beheerder (scopes fail closed)', async () => {
		const file = path.join(dir, 'extra.duckdb');
		await createFixtureDb(file);
		const instance = await DuckDBInstance.create(file);
		const c = await instance.connect();
		await c.run(`CREATE TABLE verwijzingen_extra AS SELECT wijk_code, count(*) AS n FROM verwijzingen GROUP BY ALL`);
		c.closeSync();
		instance.closeSync();
		const all = new Database(file);
		expect(await count(all, 'SELECT * FROM verwijzingen_extra')).toBe(3);
		expect(await count(all.scoped({ gemeenten: ['GM9902'], wijken: null }), 'SELECT * FROM verwijzingen_extra')).toBe(0);
		// The public code list stays whole.
		expect(await count(all.scoped({ gemeenten: ['GM9902'], wijken: null }), 'SELECT * FROM bestemmingen')).toBe(await count(all, 'SELECT * FROM bestemmingen'));
		all.close();
	});
});
