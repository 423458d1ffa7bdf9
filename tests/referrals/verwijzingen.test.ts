import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '$lib/server/db/database';
import { parseFilters } from '$lib/server/referrals/filters';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import { createFixtureDb } from '../fixtures/fixture-db';

let dir: string;
let db: Database;
const K = 5;
const f = (q: string) => parseFilters(new URLSearchParams(q));

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-q-'));
	await createFixtureDb(path.join(dir, 'fixture.duckdb'));
	db = new Database(path.join(dir, 'fixture.duckdb'));
});
afterAll(() => {
	db.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const pick = (rows: Awaited<ReturnType<typeof referralRates>>, code: string, periode: string) => {
	const r = rows.find((x) => x.niveau_code === code && x.periode === periode);
	if (!r) throw new Error(`no row ${code} ${periode}`);
	return r;
};

describe('referral rates (hand-computed from tests/fixtures/fixture-db.ts)', () => {
	it('yearly second-line rates per wijk per 1,000 inhabitants', async () => {
		const rows = await referralRates(db, f('niveau=wijk&periode=jaar'), K);
		expect(pick(rows, 'WK990101', '2024')).toMatchObject({ verwijzingen: 14, populatie: 2000, per_1000: 7 });
		expect(pick(rows, 'WK990102', '2024')).toMatchObject({ verwijzingen: 19, populatie: 1000, per_1000: 19 });
		expect(pick(rows, 'WK990201', '2024')).toMatchObject({ verwijzingen: 8, populatie: 500, per_1000: 16 });
		expect(pick(rows, 'WK990101', '2025')).toMatchObject({ verwijzingen: 10, populatie: 2500, per_1000: 4 });
		expect(pick(rows, 'WK990201', '2025')).toMatchObject({ verwijzingen: 0, per_1000: 0 });
		expect(rows).toHaveLength(6);
	});

	it('gemeente rates pool their wijken', async () => {
		const rows = await referralRates(db, f('niveau=gemeente&periode=jaar'), K);
		expect(pick(rows, 'GM9901', '2024')).toMatchObject({ verwijzingen: 33, populatie: 3000, per_1000: 11 });
		expect(pick(rows, 'GM9901', '2025').per_1000).toBeCloseTo((15 / 3500) * 1000, 10);
		expect(pick(rows, 'GM9902', '2024')).toMatchObject({ niveau_naam: 'Proefdorp', verwijzingen: 8, per_1000: 16 });
	});

	it('annualises quarterly rates and hides small counts', async () => {
		const rows = await referralRates(db, f('niveau=wijk&periode=kwartaal&van=2024&tot=2024'), K);
		// Noord K1: 6 referrals / (2000 / 4 person-years) * 1000 = 12
		expect(pick(rows, 'WK990101', '2024-K1')).toMatchObject({ verwijzingen: 6, per_1000: 12 });
		expect(pick(rows, 'WK990102', '2024-K1')).toMatchObject({ verwijzingen: 10, per_1000: 40 });
		expect(pick(rows, 'WK990101', '2024-K2')).toMatchObject({ verwijzingen: null, per_1000: null, onderdrukt: 'klein' });
		expect(pick(rows, 'WK990102', '2024-K2')).toMatchObject({ verwijzingen: null, per_1000: null, onderdrukt: 'klein' });
		// Noord's year (14) is public: its lone hidden quarter needs a second hidden quarter.
		const noord = rows.filter((r) => r.niveau_code === 'WK990101');
		expect(noord.filter((r) => r.verwijzingen === null).length).toBeGreaterThanOrEqual(2);
		expect(rows.every((r) => r.verwijzingen === null || r.verwijzingen === 0 || r.verwijzingen >= K)).toBe(true);
	});

	it('uses the age groups of the filter for the denominator', async () => {
		const rows = await referralRates(db, f('niveau=wijk&periode=jaar&leeftijd=0-17&van=2024&tot=2024'), K);
		expect(pick(rows, 'WK990101', '2024').per_1000).toBeCloseTo((14 / 600) * 1000, 10);
		expect(pick(rows, 'WK990102', '2024')).toMatchObject({ populatie: 200, per_1000: 95 });
		expect(pick(rows, 'WK990201', '2024')).toMatchObject({ populatie: 200, per_1000: 40 });
	});

	it('hides a small population and the rate built on it', async () => {
		const rows = await referralRates(db, f('niveau=wijk&periode=jaar&leeftijd=0-3&van=2024&tot=2024'), K);
		expect(pick(rows, 'WK990201', '2024')).toMatchObject({ populatie: null, per_1000: null, verwijzingen: 0 });
		const prak = await referralRates(db, f('niveau=praktijk&periode=jaar&leeftijd=0-17&van=2024&tot=2024'), K);
		expect(pick(prak, 'P3', '2024')).toMatchObject({ verwijzingen: 8, populatie: null, per_1000: null });
	});

	it('practice rates use registered patients', async () => {
		const rows = await referralRates(db, f('niveau=praktijk&periode=jaar&van=2024&tot=2024'), K);
		expect(pick(rows, 'P1', '2024')).toMatchObject({ verwijzingen: 14, populatie: 1000, per_1000: 14 });
		expect(pick(rows, 'P2', '2024')).toMatchObject({ verwijzingen: 19, populatie: 500, per_1000: 38 });
	});

	it('lijn, wijk and praktijk filters select what they say', async () => {
		const lijn1 = await referralRates(db, f('niveau=wijk&periode=jaar&lijn=1&van=2024&tot=2024'), K);
		expect(pick(lijn1, 'WK990101', '2024').verwijzingen).toBe(20);
		expect(pick(lijn1, 'WK990102', '2024').verwijzingen).toBe(0);
		const wijk = await referralRates(db, f('periode=jaar&wijk=WK990102'), K);
		expect(new Set(wijk.map((r) => r.niveau_code))).toEqual(new Set(['WK990102']));
		const prak = await referralRates(db, f('periode=jaar&praktijk=P2'), K);
		expect(prak.map((r) => [r.niveau, r.niveau_code, r.periode, r.verwijzingen])).toEqual([
			['praktijk', 'P2', '2024', 19],
			['praktijk', 'P2', '2025', 5]
		]);
	});
});
