// ojgEffect on hand-made databases; every expected number is computed by hand in the comments.
//
// Base data (tests/fixtures/fixture-db.ts populations): registered 0-17 in 2024 and 2025:
// P1 = 300, P2 = 100, P3 = 4. P1, P2 in gemeente GM9901; P3 in GM9902.
// Second-line referrals of children (jeugd_ggz, 4-11):
//   P1: 10 a month Jan–Jun 2024, 7 in Jul 2024, 5 a month Aug 2024–Jan 2025
//   P2:  8 a month Jan 2024–Jan 2025        P3: 9 a month Jan 2024–Jan 2025
// plus one lijn-1 referral on 2025-12-15, so the data run to 2025-12-15 (last complete month 2025-11).
// Placement: P1 ojg from 2024-07-15 → m0 = 2024-07; L = 6: pre Jan–Jun 2024, post Aug 2024–Jan 2025.
//   a_pre = 60, a_post = 30 (person-years 6 × 300/12 = 150 each): rates 400 and 200 per 1,000
//   comparison 'gemeente' = P2: c_pre = c_post = 48 (person-years 6 × 100/12 = 50): 960 and 960
//   RR = 0.5, RR_c = 1, DiD = 0.5: effect −50%; se = sqrt(1/60 + 1/30 + 1/48 + 1/48) = 0.302765
//   interval 0.5 · exp(±1.96 · 0.302765): −72.38% .. −9.49%
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { ojgEffect } from '$lib/server/ojg/effect';
import { createFixtureDb, FIXTURE_REFERRALS } from '../fixtures/fixture-db';

type V = (typeof FIXTURE_REFERRALS)[number];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-ojg-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WIJK: Record<string, string> = { P1: 'WK990101', P2: 'WK990102', P3: 'WK990201' };
const month = (m: string, n: number, praktijk: string, bestemming = 'jeugd_ggz'): V[] =>
	Array.from({ length: n }, (_, i) => [`${m}-${String((i % 28) + 1).padStart(2, '0')}`, WIJK[praktijk], praktijk, '4-11', 'huisarts', bestemming, 'jeugd', null] as V);
const months = (from: number, to: number, year = 2024) =>
	Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
const ALL_2024 = [...months(1, 12), '2025-01'];

const BASE: V[] = [
	...months(1, 6).flatMap((m) => month(m, 10, 'P1')),
	...month('2024-07', 7, 'P1'),
	...[...months(8, 12), '2025-01'].flatMap((m) => month(m, 5, 'P1')),
	...ALL_2024.flatMap((m) => month(m, 8, 'P2')),
	...ALL_2024.flatMap((m) => month(m, 9, 'P3')),
	['2025-12-15', 'WK990201', 'P3', '23-64', 'huisarts', 'buurtteam', 'sociaal', null]
];
const P1_OJG = `('P1', 'ojg', DATE '2024-07-15', NULL, 16, 1)`;

let n = 0;
async function database(referrals: V[], placements: string[], extraSql: string[] = []) {
	const file = path.join(dir, `ojg${n++}.duckdb`);
	await createFixtureDb(file, referrals);
	const instance = await DuckDBInstance.create(file);
	const c = await instance.connect();
	await c.run('DELETE FROM ojg_inzet');
	await c.run(`INSERT INTO ojg_inzet VALUES ${placements.join(', ')}`);
	for (const sql of extraSql) await c.run(sql);
	c.closeSync();
	instance.closeSync();
	return new Database(file);
}

describe('ojgEffect', () => {
	it('estimates a placement as computed by hand', async () => {
		const db = await database(BASE, [P1_OJG]);
		const r = await ojgEffect(db, 6, 'gemeente', 5);
		const [p] = r.plaatsingen;
		expect(p).toMatchObject({ praktijk_code: 'P1', status: 'geschat', reden: null, m0: '2024-07', pre: ['2024-01', '2024-06'], post: ['2024-08', '2025-01'] });
		expect(p.vergelijking).toEqual({ praktijken: 1, fallback: false });
		expect(p.rate_pre).toBeCloseTo(400, 9);
		expect(p.rate_post).toBeCloseTo(200, 9);
		expect(p.rate_c_pre).toBeCloseTo(960, 9);
		expect(p.rr).toBeCloseTo(0.5, 12);
		expect(p.rr_c).toBeCloseTo(1, 12);
		expect(p.effect_pct).toBeCloseTo(-50, 9);
		expect(p.ci_low_pct).toBeCloseTo(-72.378, 3);
		expect(p.ci_high_pct).toBeCloseTo(-9.493, 3);
		// One estimable placement: the pooled estimate is that placement.
		expect(r.overall!.effect_pct).toBeCloseTo(-50, 9);
		expect(r.overall!.n).toBe(1);
		// The monthly series spans pre, m0 and post; months with 5 or more referrals are shown.
		expect(p.series.map((s) => s.maand)).toEqual([...months(1, 12), '2025-01']);
		expect(p.series[0].praktijk).toBeCloseTo((10 / 25) * 1000, 9); // 10 / (300/12) per 1,000
		expect(p.series[0].vergelijking).toBeCloseTo((8 / (100 / 12)) * 1000, 9);
		db.close();
	});

	it("'alle' compares with every practice without a placement: P2 and P3", async () => {
		// c_pre = c_post = 6 × (8 + 9) = 102; RR_c = 1; se = sqrt(1/60 + 1/30 + 2/102) = 0.263833
		const db = await database(BASE, [P1_OJG]);
		const [p] = (await ojgEffect(db, 6, 'alle', 5)).plaatsingen;
		expect(p.vergelijking.praktijken).toBe(2);
		expect(p.effect_pct).toBeCloseTo(-50, 9);
		expect(p.ci_low_pct).toBeCloseTo(-70.188, 3);
		expect(p.ci_high_pct).toBeCloseTo(-16.142, 3);
		db.close();
	});

	it('lists a placement without 12 months of data before the start as niet te schatten', async () => {
		const db = await database(BASE, [P1_OJG]);
		const r = await ojgEffect(db, 12, 'gemeente', 5);
		expect(r.plaatsingen[0]).toMatchObject({ status: 'niet_te_schatten', effect_pct: null });
		expect(r.plaatsingen[0].reden).toContain('te weinig gegevens vóór de start');
		expect(r.overall).toBeNull();
		db.close();
	});

	it('handles overlapping placements, a too recent placement and a small population', async () => {
		const db = await database(BASE, [
			P1_OJG,
			// P3 overlaps P1's span (2024-01-01 .. 2025-01-31): no longer a comparison practice.
			`('P3', 'ojg', DATE '2024-12-01', NULL, 8, 1)`,
			// P2's starts after P1's span: P2 stays a comparison practice; its own post window
			// (Oct 2025 – Mar 2026) is not in the data yet.
			`('P2', 'poh_jeugd', DATE '2025-09-01', NULL, 20, 1)`
		]);
		const r = await ojgEffect(db, 6, 'alle', 5);
		const by = (code: string) => r.plaatsingen.find((p) => p.praktijk_code === code)!;
		expect(r.plaatsingen).toHaveLength(3);
		expect(by('P1').vergelijking.praktijken).toBe(1);
		expect(by('P1').ci_low_pct).toBeCloseTo(-72.378, 3); // as with P2 alone
		expect(by('P2')).toMatchObject({ status: 'niet_te_schatten' });
		expect(by('P2').reden).toContain('te recent');
		// P3 (4 registered children) is compared with P2 but may not be shown.
		expect(by('P3')).toMatchObject({ status: 'niet_te_tonen', effect_pct: null });
		expect(by('P3').reden).toContain('te weinig ingeschreven kinderen');
		expect(r.overall!.n).toBe(1);
		db.close();
	});

	it('a zero count in any of the four cells makes the placement niet te schatten', async () => {
		// P2 refers nobody after June 2024: c_post = 0.
		const referrals = BASE.filter((r) => !(r[2] === 'P2' && r[0] >= '2024-07'));
		const db = await database(referrals, [P1_OJG]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p).toMatchObject({ status: 'niet_te_schatten', reden: '0 verwijzingen bij de vergelijkingsgroep na' });
		db.close();
	});

	it('a missing year of population makes the placement niet te schatten', async () => {
		const db = await database(BASE, [P1_OJG], [`DELETE FROM populatie_praktijk WHERE praktijk_code = 'P1' AND jaar = 2025`]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p).toMatchObject({ status: 'niet_te_schatten', reden: 'populatie 0-17 ontbreekt voor praktijk P1 in 2025' });
		db.close();
	});

	it('a small count in a window makes the estimate niet te tonen, not a wrong number', async () => {
		// P1 refers 3 children in the whole pre window (all in May 2024): a_pre = 3 < k.
		const referrals = [...BASE.filter((r) => !(r[2] === 'P1' && r[0] < '2024-07')), ...month('2024-05', 3, 'P1')];
		const db = await database(referrals, [P1_OJG]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p).toMatchObject({ status: 'niet_te_tonen', rate_pre: null, effect_pct: null });
		expect(p.reden).toBe('klein aantal verwijzingen (<5) bij de praktijk vóór de start');
		db.close();
	});

	it('two small months that add up to k are hidden, their window sum is not', async () => {
		// Pre window: 3 in May and 2 in June: a_pre = 5 may be shown (the months stay hidden).
		const referrals = [...BASE.filter((r) => !(r[2] === 'P1' && r[0] < '2024-07')), ...month('2024-05', 3, 'P1'), ...month('2024-06', 2, 'P1')];
		const db = await database(referrals, [P1_OJG]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p.status).toBe('geschat');
		expect(p.rate_pre).toBeCloseTo((5 / 150) * 1000, 9);
		expect(p.series.filter((s) => s.maand === '2024-05' || s.maand === '2024-06').map((s) => s.praktijk)).toEqual([null, null]);
	});

	it('counts referrals to the OJG before and after the start (substitution)', async () => {
		// 6 referrals to the OJG a month in Aug 2024 – Jan 2025 (36), none before.
		const toOjg = [...months(8, 12), '2025-01'].flatMap((m) => month(m, 6, 'P1', 'ojg'));
		const db = await database([...BASE, ...toOjg], [P1_OJG]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect([p.naarOjgPre, p.naarOjgPost]).toEqual([0, 36]);
		expect(p.series.find((s) => s.maand === '2024-09')!.naarOjg).toBe(6);
		// No client pseudonyms in this fixture: the follow-up share is not available.
		expect(p.doorverwezenBinnen6m.beschikbaar).toBe(false);
		db.close();
	});
});
