// Property: whatever the data and the filters, every referral count on a page or in an export is
// the cell key method's published value of exactly the referrals it describes (computed here
// independently, tests/fixtures/cellKeys.ts), never a count between 1 and k-1, and no rate or share
// is built on a hidden count.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { filtersToQuery, parseFilters } from '$lib/server/referrals/filters';
import { destinations } from '$lib/server/referrals/bestemmingen';
import { kerncijfers } from '$lib/server/referrals/kerncijfers';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import { ojgEffect } from '$lib/server/ojg/effect';
import { quarterOf } from '$lib/shared/periods';
import { LEEFTIJD_AGGREGATEN } from '$contract/codes';
import { createFixtureDb, FIXTURE_REFERRALS, fixtureId } from '../fixtures/fixture-db';
import { expectedPublished } from '../fixtures/cellKeys';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-prop-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WIJKEN = [['WK990101', 'P1'], ['WK990102', 'P2'], ['WK990201', 'P3']] as const;
const BESTEMMINGEN = [['specialistische_jeugdhulp', 'jeugd'], ['jeugd_ggz', 'jeugd'], ['buurtteam', 'sociaal'], ['welzijn', 'sociaal'], ['basis_ggz', 'ggz']] as const;
const LEEFTIJDEN = ['0-3', '4-11', '12-17', '23-64'] as const;

const referral = fc
	.record({
		month: fc.integer({ min: 0, max: 23 }),
		day: fc.integer({ min: 1, max: 28 }),
		wijk: fc.integer({ min: 0, max: 2 }),
		withPraktijk: fc.boolean(),
		leeftijd: fc.constantFrom(...LEEFTIJDEN),
		bestemming: fc.integer({ min: 0, max: BESTEMMINGEN.length - 1 }),
		verwijzer: fc.constantFrom('huisarts', 'buurtteam', 'poh_jeugd'),
		terug: fc.option(fc.integer({ min: 1, max: 60 }))
	})
	.map((r) => {
		const y = 2024 + Math.floor(r.month / 12);
		const datum = `${y}-${String((r.month % 12) + 1).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
		const terug = r.terug === null ? null : new Date(Date.parse(datum) + r.terug * 86_400_000).toISOString().slice(0, 10);
		const [wijk, praktijk] = WIJKEN[r.wijk];
		const [bestemming, domein] = BESTEMMINGEN[r.bestemming];
		return [datum, wijk, r.withPraktijk ? praktijk : null, r.leeftijd, r.verwijzer, bestemming, domein, terug] as (typeof FIXTURE_REFERRALS)[number];
	});

// Clusters of identical referrals make small and medium cells likely.
const dataset = fc.array(fc.tuple(referral, fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 40 }).map((xs) => xs.flatMap(([r, n]) => Array(n).fill(r)));

const filterQuery = fc
	.record({
		niveau: fc.constantFrom('gemeente', 'wijk', 'praktijk'),
		periode: fc.constantFrom('maand', 'kwartaal', 'jaar'),
		lijn: fc.constantFrom('0', '1', '2', 'alle'),
		leeftijd: fc.constantFrom('alle', '0-17', '4-11', '23-64'),
		gemeente: fc.constantFrom('', 'GM9901', 'GM9902'),
		wijk: fc.constantFrom('', '', 'WK990101')
	})
	.map((r) => new URLSearchParams(Object.entries(r).filter(([, v]) => v !== '')));

let runs = 0;
async function withDb<T>(referrals: (typeof FIXTURE_REFERRALS)[number][], fn: (db: Database) => Promise<T>, extraSql: string[] = []) {
	const file = path.join(dir, `p${runs++}.duckdb`);
	await createFixtureDb(file, referrals);
	if (extraSql.length) {
		const instance = await DuckDBInstance.create(file);
		const c = await instance.connect();
		for (const sql of extraSql) await c.run(sql);
		c.closeSync();
		instance.closeSync();
	}
	const db = new Database(file);
	try {
		return await fn(db);
	} finally {
		db.close();
		fs.rmSync(file, { force: true });
	}
}

const small = (n: number | null, k: number) => n !== null && n >= 1 && n < k;

type R = (typeof FIXTURE_REFERRALS)[number];
const LIJN: Record<string, number> = { specialistische_jeugdhulp: 2, jeugd_ggz: 2, buurtteam: 1, basis_ggz: 1, welzijn: 0 };
const GEMEENTE: Record<string, string> = { WK990101: 'GM9901', WK990102: 'GM9901', WK990201: 'GM9902' };
const PRAKTIJK_WIJK: Record<string, string> = { P1: 'WK990101', P2: 'WK990102', P3: 'WK990201' };
const periodOf = (datum: string, periode: string) => (periode === 'maand' ? datum.slice(0, 7) : periode === 'kwartaal' ? quarterOf(datum.slice(0, 7)) : datum.slice(0, 4));

/** The independent oracle: which referrals a row of a view counts. */
function members(referrals: readonly R[], params: URLSearchParams, row: { niveau: string; niveau_code: string; periode: string; noemer: string }): string[] {
	const lijn = params.get('lijn') ?? '2';
	const leeftijd = params.get('leeftijd') ?? 'alle';
	const groups = leeftijd === 'alle' ? null : (LEEFTIJD_AGGREGATEN[leeftijd] ?? [leeftijd]);
	const place = (r: R) => (row.noemer === 'patienten' ? (r[2] === null ? null : PRAKTIJK_WIJK[r[2]]) : r[1]);
	return referrals.flatMap((r, i) => {
		if (lijn !== 'alle' && LIJN[r[5]] !== Number(lijn)) return [];
		if (groups && !groups.includes(r[3] as never)) return [];
		if (periodOf(r[0], params.get('periode') ?? 'kwartaal') !== row.periode) return [];
		const wijk = place(r);
		const unit = row.niveau === 'praktijk' ? r[2] : row.niveau === 'wijk' ? wijk : wijk && GEMEENTE[wijk];
		return unit === row.niveau_code ? [fixtureId(i)] : [];
	});
}

describe('referral counts in the query layer (cell key method)', () => {
	it('every view and export shows each cell as the published value of exactly its referrals, never 1..k-1', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, filterQuery, fc.constantFrom(3, 5, 10), async (referrals, params, k) => {
				await withDb(referrals, async (db) => {
					const f = parseFilters(params);
					for (const periode of ['maand', 'kwartaal', 'jaar']) {
						const q = new URLSearchParams(params);
						q.set('periode', periode);
						const rows = await referralRates(db, parseFilters(q), k);
						for (const r of rows) {
							expect(small(r.verwijzingen, k)).toBe(false);
							expect(small(r.populatie, k)).toBe(false);
							if (r.verwijzingen === null) expect([r.per_1000, r.onderdrukt]).toEqual([null, 'klein']);
							expect(r.verwijzingen).toBe(expectedPublished(members(referrals, q, r), k));
						}
					}

					const dest = await destinations(db, f, k);
					for (const r of dest.rows) {
						expect(small(r.verwijzingen, k)).toBe(false);
						if (r.verwijzingen === null) expect(r.aandeel).toBeNull();
					}
					for (const l of dest.lijnen) expect(small(l.verwijzingen, k)).toBe(false);
					expect(small(dest.totaal, k)).toBe(false);

					// Exports: every count column holds 0, >= k or "<k".
					const csv = await EXPORTS.verwijzingen({ db, params: new URLSearchParams(filtersToQuery(f)), k });
					const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
					const col = lines[0].split(';').indexOf('verwijzingen');
					expect(col).toBeGreaterThanOrEqual(0);
					for (const line of lines.slice(1)) {
						const v = line.split(';')[col];
						expect(v === `<${k}` || v === '0' || Number(v) >= k).toBe(true);
					}
				});
			}),
			{ numRuns: 25 }
		);
	}, 120_000);

	it('headline shares are published counts over published counts, hidden when either is "<k"', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, fc.constantFrom(3, 5), async (referrals, k) => {
				await withDb(referrals, async (db) => {
					const result = await kerncijfers(db, k, { perWijk: true });
					for (const e of result.eenheden)
						for (const y of [e.huidig, e.vorig]) {
							const ids = (pred: (r: R) => boolean) => referrals.flatMap((r, i) => (r[1] === e.code && r[0].startsWith(String(y.jaar)) && pred(r) ? [fixtureId(i)] : []));
							const total = expectedPublished(ids(() => true), k);
							const basis = expectedPublished(ids((r) => LIJN[r[5]] <= 1), k);
							if (total === null || basis === null || total === 0) expect(y.basiszorgAandeel).toBeNull();
							else expect(y.basiszorgAandeel).toBeCloseTo(Math.min(1, basis / total), 10);
						}
				});
			}),
			{ numRuns: 15 }
		);
	}, 120_000);

	it('the OJG page shows no small count and no estimate built on one', async () => {
		let estimatedRuns = 0;
		await fc.assert(
			fc.asyncProperty(dataset, fc.constantFrom(6, 12), fc.constantFrom('gemeente', 'alle') as fc.Arbitrary<'gemeente' | 'alle'>, async (referrals, venster, mode) => {
				// Anchors make the data run from January 2024 to December 2025, so that the placement
				// (September 2024) has data on both sides and can be estimated.
				const anchors = [
					['2024-01-02', 'WK990102', null, '23-64', 'buurtteam', 'welzijn', 'sociaal', null],
					['2025-12-31', 'WK990102', null, '23-64', 'buurtteam', 'welzijn', 'sociaal', null]
				] as (typeof FIXTURE_REFERRALS)[number][];
				// A steady base of second-line referrals of children at P1 and P2, with the random ones on top.
				const base = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`).flatMap((d) => [
					...Array(6).fill([d, 'WK990101', 'P1', '4-11', 'huisarts', 'jeugd_ggz', 'jeugd', null]),
					...Array(7).fill([d, 'WK990102', 'P2', '4-11', 'huisarts', 'jeugd_ggz', 'jeugd', null])
				]) as (typeof FIXTURE_REFERRALS)[number][];
				const placement = [`UPDATE ojg_inzet SET start = DATE '2024-09-01'`];
				await withDb([...anchors, ...base, ...referrals], async (db) => {
					const k = 5;
					const r = await ojgEffect(db, venster, mode, k);
					estimatedRuns += r.plaatsingen.filter((p) => p.status === 'geschat').length;
					for (const p of r.plaatsingen) {
						for (const s of p.series) {
							expect(small(s.tweedeLijn, k)).toBe(false);
							expect(small(s.naarOjg, k)).toBe(false);
						}
						expect(small(p.naarOjgPre, k)).toBe(false);
						expect(small(p.naarOjgPost, k)).toBe(false);
						if (p.status !== 'geschat') expect([p.rate_pre, p.rate_post, p.effect_pct]).toEqual([null, null, null]);
					}
				}, placement);
			}),
			{ numRuns: 25 }
		);
		// The property must also have been exercised on estimates that are shown.
		expect(estimatedRuns).toBeGreaterThan(0);
	}, 120_000);
});
