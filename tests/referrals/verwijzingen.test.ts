import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '$lib/server/db/database';
import { parseFilters } from '$lib/server/referrals/filters';
import { pageRates, referralRates, unitRanking } from '$lib/server/referrals/verwijzingen';
import { createFixtureDb, FIXTURE_REFERRALS, fixtureId, type FixtureReferral } from '../fixtures/fixture-db';
import { expectedPublished } from '../fixtures/cellKeys';

// Expected values: the true cells are chosen by hand from the fixture's rows (tests/fixtures/
// fixture-db.ts lists their counts), their published values computed by the independent
// implementation of the cell key method in tests/fixtures/cellKeys.ts.

let dir: string;
let db: Database;
let onlyPatients: Database;
const K = 5;
const f = (q: string) => parseFilters(new URLSearchParams(q));

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-q-'));
	await createFixtureDb(path.join(dir, 'fixture.duckdb'));
	db = new Database(path.join(dir, 'fixture.duckdb'));
	// The same data for a region whose gemeente Proefdorp delivers no inhabitants, only practice lists.
	const file = path.join(dir, 'patients.duckdb');
	await createFixtureDb(file);
	const instance = await DuckDBInstance.create(file);
	const c = await instance.connect();
	await c.run(`DELETE FROM populatie_wijk WHERE wijk_code = 'WK990201'`);
	c.closeSync();
	instance.closeSync();
	onlyPatients = new Database(file);
});
afterAll(() => {
	db.close();
	onlyPatients.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

type Rows = Awaited<ReturnType<typeof referralRates>>;
const pick = (rows: Rows, code: string, periode: string) => {
	const r = rows.find((x) => x.niveau_code === code && x.periode === periode);
	if (!r) throw new Error(`no row ${code} ${periode}`);
	return r;
};

const LIJN: Record<string, number> = { specialistische_jeugdhulp: 2, buurtteam: 1, welzijn: 0 };
const PRAKTIJK_WIJK: Record<string, string> = { P1: 'WK990101', P2: 'WK990102', P3: 'WK990201' };
const GEMEENTE: Record<string, string> = { WK990101: 'GM9901', WK990102: 'GM9901', WK990201: 'GM9902' };

/** The ids of the fixture's referrals that match, and their published value. */
function cell(match: (r: FixtureReferral) => boolean) {
	const ids = FIXTURE_REFERRALS.flatMap((r, i) => (match(r) ? [fixtureId(i)] : []));
	return { n: ids.length, published: expectedPublished(ids, K) };
}
const lijn2 = (r: FixtureReferral) => LIJN[r[5]] === 2;
const inYear = (y: string) => (r: FixtureReferral) => r[0].startsWith(y);

describe('referral rates under the cell key method (hand-chosen cells, independently perturbed)', () => {
	it('yearly second-line counts per wijk are the published values of their referrals, rates from them', async () => {
		const rows = await referralRates(db, f('niveau=wijk&periode=jaar'), K);
		const population: Record<string, number> = { 'WK990101|2024': 2000, 'WK990102|2024': 1000, 'WK990201|2024': 500, 'WK990101|2025': 2500, 'WK990102|2025': 1000, 'WK990201|2025': 500 };
		const trueCounts: Record<string, number> = { 'WK990101|2024': 14, 'WK990102|2024': 19, 'WK990201|2024': 8, 'WK990101|2025': 10, 'WK990102|2025': 5, 'WK990201|2025': 0 };
		for (const [key, pop] of Object.entries(population)) {
			const [wijk, jaar] = key.split('|');
			const c = cell((r) => lijn2(r) && r[1] === wijk && inYear(jaar)(r));
			expect(c.n).toBe(trueCounts[key]);
			const row = pick(rows, wijk, jaar);
			expect(row).toMatchObject({ verwijzingen: c.published, populatie: pop, noemer: 'inwoners' });
			if (c.published === null) expect(row).toMatchObject({ per_1000: null, onderdrukt: 'klein' });
			else expect(row.per_1000).toBeCloseTo((c.published / pop) * 1000, 10);
		}
		expect(pick(rows, 'WK990201', '2025')).toMatchObject({ verwijzingen: 0, per_1000: 0, onderdrukt: null });
		expect(rows).toHaveLength(6);
	});

	it('every published count is 0 or at least k, and a count of 1 or more never shows as 0', async () => {
		for (const q of ['niveau=wijk&periode=maand&lijn=alle', 'niveau=praktijk&periode=kwartaal&lijn=1', 'niveau=gemeente&periode=maand&leeftijd=23-64&lijn=alle']) {
			const rows = await referralRates(db, f(q), K);
			expect(rows.length).toBeGreaterThan(0);
			for (const r of rows) expect(r.verwijzingen === null ? r.onderdrukt === 'klein' && r.per_1000 === null : r.verwijzingen === 0 || r.verwijzingen >= K).toBe(true);
		}
		// Noord, May 2024: 3 true referrals; they may publish as 5 but never as 0.
		const may = pick(await referralRates(db, f('niveau=wijk&periode=maand&van=2024&tot=2024'), K), 'WK990101', '2024-05');
		expect(may.verwijzingen).not.toBe(0);
		expect(may.verwijzingen).toBe(cell((r) => lijn2(r) && r[1] === 'WK990101' && r[0].startsWith('2024-05')).published);
	});

	it('the same referrals publish the same value in every view (month, quarter, year, wijk, gemeente, practice)', async () => {
		// Centrum's only second-line referrals of 2024 are 8 in March, all by P3: one set of referrals.
		const expected = cell((r) => lijn2(r) && r[1] === 'WK990201' && inYear('2024')(r)).published;
		const views = await Promise.all([
			referralRates(db, f('niveau=wijk&periode=jaar'), K).then((r) => pick(r, 'WK990201', '2024')),
			referralRates(db, f('niveau=wijk&periode=kwartaal'), K).then((r) => pick(r, 'WK990201', '2024-K1')),
			referralRates(db, f('niveau=wijk&periode=maand&wijk=WK990201'), K).then((r) => pick(r, 'WK990201', '2024-03')),
			referralRates(db, f('niveau=gemeente&periode=jaar'), K).then((r) => pick(r, 'GM9902', '2024')),
			referralRates(db, f('niveau=praktijk&periode=jaar&gemeente=GM9902'), K).then((r) => pick(r, 'P3', '2024'))
		]);
		for (const v of views) expect(v.verwijzingen).toBe(expected);
	});

	it('a gemeente total is a cell of its own, not the sum of its perturbed wijken', async () => {
		const rows = await referralRates(db, f('niveau=gemeente&periode=jaar'), K);
		const testmaas = cell((r) => lijn2(r) && GEMEENTE[r[1]] === 'GM9901' && inYear('2024')(r));
		expect(testmaas.n).toBe(33);
		expect(pick(rows, 'GM9901', '2024')).toMatchObject({ verwijzingen: testmaas.published, populatie: 3000 });
		expect(pick(rows, 'GM9902', '2024').niveau_naam).toBe('Proefdorp');
	});

	it('annualises quarterly rates', async () => {
		const rows = await referralRates(db, f('niveau=wijk&periode=kwartaal&van=2024&tot=2024'), K);
		// Zuid K1: 10 true referrals over 1000 inhabitants / 4 person-years.
		const c = cell((r) => lijn2(r) && r[1] === 'WK990102' && r[0] >= '2024-01' && r[0] < '2024-04');
		expect(c.n).toBe(10);
		expect(pick(rows, 'WK990102', '2024-K1').per_1000).toBeCloseTo((c.published! / 250) * 1000, 10);
		expect(rows.map((r) => r.periode).filter((p) => p.startsWith('2025'))).toEqual([]);
	});

	it('uses the age groups of the filter for the denominator and hides a small population', async () => {
		const rows = await referralRates(db, f('niveau=wijk&periode=jaar&leeftijd=0-17&van=2024&tot=2024'), K);
		const zuid = cell((r) => lijn2(r) && r[1] === 'WK990102' && inYear('2024')(r));
		expect(pick(rows, 'WK990102', '2024')).toMatchObject({ populatie: 200 });
		expect(pick(rows, 'WK990102', '2024').per_1000).toBeCloseTo((zuid.published! / 200) * 1000, 10);
		const baby = await referralRates(db, f('niveau=wijk&periode=jaar&leeftijd=0-3&van=2024&tot=2024'), K);
		expect(pick(baby, 'WK990201', '2024')).toMatchObject({ populatie: null, per_1000: null, verwijzingen: 0 });
		const prak = await referralRates(db, f('niveau=praktijk&periode=jaar&leeftijd=0-17&van=2024&tot=2024'), K);
		expect(pick(prak, 'P3', '2024')).toMatchObject({ populatie: null, per_1000: null, noemer: 'patienten' });
	});

	it('practice rates use registered patients', async () => {
		const rows = await referralRates(db, f('niveau=praktijk&periode=jaar&van=2024&tot=2024'), K);
		const p2 = cell((r) => lijn2(r) && r[2] === 'P2' && inYear('2024')(r));
		expect(p2.n).toBe(19);
		expect(pick(rows, 'P2', '2024')).toMatchObject({ verwijzingen: p2.published, populatie: 500, noemer: 'patienten' });
		expect(pick(rows, 'P2', '2024').per_1000).toBeCloseTo((p2.published! / 500) * 1000, 10);
	});

	it('lijn, wijk and praktijk filters select what they say', async () => {
		const lijn1 = await referralRates(db, f('niveau=wijk&periode=jaar&lijn=1&van=2024&tot=2024'), K);
		expect(pick(lijn1, 'WK990101', '2024').verwijzingen).toBe(cell((r) => LIJN[r[5]] === 1 && r[1] === 'WK990101' && inYear('2024')(r)).published);
		expect(pick(lijn1, 'WK990102', '2024').verwijzingen).toBe(0);
		const wijk = await referralRates(db, f('periode=jaar&wijk=WK990102'), K);
		expect(new Set(wijk.map((r) => r.niveau_code))).toEqual(new Set(['WK990102']));
		const prak = await referralRates(db, f('periode=jaar&praktijk=P2'), K);
		expect(prak.map((r) => [r.niveau, r.niveau_code, r.periode])).toEqual([
			['praktijk', 'P2', '2024'],
			['praktijk', 'P2', '2025']
		]);
		expect(prak[1].verwijzingen).toBe(cell((r) => lijn2(r) && r[2] === 'P2' && inYear('2025')(r)).published);
	});
});

describe('the noemer: inhabitants or registered patients', () => {
	it('noemer=patienten counts the referrals made by the practices in the wijk, per patient of those practices', async () => {
		// lijn 0: Zuid's 6 welzijn referrals were made by the buurtteam, by no practice.
		const inw = await referralRates(db, f('niveau=wijk&periode=jaar&lijn=0&noemer=inwoners&van=2024&tot=2024'), K);
		const pat = await referralRates(db, f('niveau=wijk&periode=jaar&lijn=0&noemer=patienten&van=2024&tot=2024'), K);
		expect(pick(inw, 'WK990102', '2024')).toMatchObject({ verwijzingen: cell((r) => LIJN[r[5]] === 0 && r[1] === 'WK990102').published, populatie: 1000, noemer: 'inwoners' });
		expect(pick(pat, 'WK990102', '2024')).toMatchObject({ verwijzingen: 0, populatie: 500, per_1000: 0, noemer: 'patienten' });
		// Second line, gemeente Testmaas per patient: P1 and P2's referrals over their 1,500 patients.
		const gem = await referralRates(db, f('niveau=gemeente&periode=jaar&noemer=patienten&van=2024&tot=2024'), K);
		const c = cell((r) => lijn2(r) && r[2] !== null && GEMEENTE[PRAKTIJK_WIJK[r[2]]] === 'GM9901' && inYear('2024')(r));
		expect(pick(gem, 'GM9901', '2024')).toMatchObject({ verwijzingen: c.published, populatie: 1500, noemer: 'patienten' });
		expect(pick(gem, 'GM9901', '2024').per_1000).toBeCloseTo((c.published! / 1500) * 1000, 10);
	});

	it('without inhabitants a region gets rates per 1,000 patients by default, and keeps inhabitants where it has them', async () => {
		const gem = await referralRates(onlyPatients, f('niveau=gemeente&periode=jaar&van=2024&tot=2024'), K);
		const p3 = cell((r) => lijn2(r) && r[2] === 'P3' && inYear('2024')(r));
		expect(pick(gem, 'GM9902', '2024')).toMatchObject({ noemer: 'patienten', populatie: 500, verwijzingen: p3.published });
		expect(pick(gem, 'GM9902', '2024').per_1000).toBeCloseTo((p3.published! / 500) * 1000, 10);
		expect(pick(gem, 'GM9901', '2024')).toMatchObject({ noemer: 'inwoners', populatie: 3000 });
		const wijk = await referralRates(onlyPatients, f('niveau=wijk&periode=jaar&van=2024&tot=2024'), K);
		expect(pick(wijk, 'WK990201', '2024')).toMatchObject({ noemer: 'patienten', populatie: 500 });
		expect(pick(wijk, 'WK990101', '2024')).toMatchObject({ noemer: 'inwoners', populatie: 2000 });
	});
});

describe('a page of many units: ranked by one published cell per unit, then only the chosen units computed', () => {
	// Second-line referrals of 2024-2025 per wijk of residence, each wijk one cell over the whole view.
	const whole = (wijk: string) => cell((r) => lijn2(r) && r[1] === wijk).published ?? 0;
	const expectedOrder = () =>
		['WK990101', 'WK990102', 'WK990201'].map((code) => ({ code, verwijzingen: whole(code) })).sort((a, b) => b.verwijzingen - a.verwijzingen || a.code.localeCompare(b.code));

	it('ranks the units by the published count of all their referrals in the view', async () => {
		expect(cell((r) => lijn2(r) && r[1] === 'WK990101').n).toBe(24);
		expect(cell((r) => lijn2(r) && r[1] === 'WK990201').n).toBe(8);
		expect(await unitRanking(db, f('niveau=wijk&periode=jaar'), K)).toEqual(expectedOrder());
	});

	it('computes only the chosen units, with the same rows as the whole view, and keeps the selected unit', async () => {
		const all = await referralRates(db, f('niveau=wijk&periode=jaar'), K);
		const top = expectedOrder().slice(0, 2).map((u) => u.code);
		const page = await pageRates(db, f('niveau=wijk&periode=jaar'), K, null, 2);
		expect(page.limit).toEqual({ eenheden: 3, getoond: 2 });
		expect(page.rows).toEqual(all.filter((r) => top.includes(r.niveau_code)));
		const kept = await pageRates(db, f('niveau=wijk&periode=jaar'), K, 'WK990201', 2);
		expect(new Set(kept.rows.map((r) => r.niveau_code))).toEqual(new Set(['WK990201', expectedOrder()[0].code]));
		// two years per wijk and room for 2 rows: one wijk
		const one = await pageRates(db, f('niveau=wijk&periode=jaar'), K, null, 100, 2);
		expect(one.limit).toEqual({ eenheden: 3, getoond: 1 });
		expect(one.rows.map((r) => r.niveau_code)).toEqual([top[0], top[0]]);
		// everything fits: the whole view, no limit
		expect(await pageRates(db, f('niveau=wijk&periode=jaar'), K, null)).toEqual({ rows: all, limit: null });
	});
});
