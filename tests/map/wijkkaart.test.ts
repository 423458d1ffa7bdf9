// The wijk map's data (src/lib/server/map/wijkkaart.ts) on the hand-made fixture: boundaries, the
// published rates of the last complete year and the year before, the change, and the disclosure
// rule: no count of 1..k-1 ever reaches the page, a hidden count gives neither rate nor change.
// Expected values: true cells from the fixture's rows (tests/fixtures/fixture-db.ts), published by
// the independent cell key implementation in tests/fixtures/cellKeys.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '$lib/server/db/database';
import { parseFilters } from '$lib/server/referrals/filters';
import { wijkKaart } from '$lib/server/map/wijkkaart';
import { createFixtureDb, FIXTURE_REFERRALS, fixtureId, type FixtureReferral } from '../fixtures/fixture-db';
import { expectedPublished } from '../fixtures/cellKeys';

let dir: string;
let db: Database;
let bare: Database;
const f = (q: string) => parseFilters(new URLSearchParams(q));
const SQUARE = (x: number, y: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-map-'));
	const file = path.join(dir, 'fixture.duckdb');
	await createFixtureDb(file);
	const instance = await DuckDBInstance.create(file);
	const c = await instance.connect();
	// Noord and Zuid have a boundary, Centrum none.
	await c.run(`INSERT INTO wijkgrenzen VALUES ('WK990101', '${SQUARE(5.1, 52.1)}', 'EPSG:4326', 5, 5, 100, 100, 1), ('WK990102', '${SQUARE(5.12, 52.1)}', 'EPSG:4326', 5, 5, 100, 100, 1)`);
	c.closeSync();
	instance.closeSync();
	db = new Database(file);
	// A database of before the wijkgrenzen table: the map says there are no boundaries.
	const old = path.join(dir, 'old.duckdb');
	await createFixtureDb(old);
	const i2 = await DuckDBInstance.create(old);
	const c2 = await i2.connect();
	await c2.run('DROP TABLE wijkgrenzen');
	c2.closeSync();
	i2.closeSync();
	bare = new Database(old);
});
afterAll(() => {
	db.close();
	bare.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const LIJN2 = new Set(['specialistische_jeugdhulp']);
function published(wijk: string, year: string, k: number) {
	const ids = FIXTURE_REFERRALS.flatMap((r: FixtureReferral, i) => (r[1] === wijk && r[0].startsWith(year) && LIJN2.has(r[5]) ? [fixtureId(i)] : []));
	return { n: ids.length, value: expectedPublished(ids, k) };
}
/** Inhabitants (all ages) per wijk and year, from the fixture's comment. */
const POP: Record<string, Record<string, number>> = { WK990101: { '2024': 2000, '2025': 2500 }, WK990102: { '2024': 1000, '2025': 1000 }, WK990201: { '2024': 500, '2025': 500 } };

describe('wijkKaart', () => {
	it('shows the last complete year (2025) against 2024, rates from published counts, boundaries where loaded', async () => {
		const kaart = await wijkKaart(db, f('lijn=2'), 5);
		expect(kaart.jaar).toBe(2025);
		expect(kaart.grenzen).toBe(true);
		expect(kaart.wijken.map((w) => [w.code, w.geometrie?.type ?? null])).toEqual([
			['WK990201', null], // Proefdorp before Testmaas (by gemeente name), then by wijk name
			['WK990101', 'Polygon'],
			['WK990102', 'Polygon']
		]);
		for (const w of kaart.wijken) {
			const now = published(w.code, '2025', 5);
			const before = published(w.code, '2024', 5);
			expect(w.verwijzingen, w.code).toBe(now.value);
			expect(w.onderdrukt).toBe(now.value === null);
			expect(w.vorigOnderdrukt).toBe(before.value === null);
			const rate = now.value === null ? null : (now.value / POP[w.code]['2025']) * 1000;
			const ratePrev = before.value === null ? null : (before.value / POP[w.code]['2024']) * 1000;
			if (rate === null) expect(w.per1000).toBeNull();
			else expect(w.per1000).toBeCloseTo(rate, 10);
			if (ratePrev === null) expect(w.per1000Vorig).toBeNull();
			else expect(w.per1000Vorig).toBeCloseTo(ratePrev, 10);
			if (rate === null || ratePrev === null || ratePrev === 0) expect(w.verandering).toBeNull();
			else expect(w.verandering).toBeCloseTo(rate / ratePrev - 1, 10);
		}
		// Centrum had 8 second-line referrals in 2024 and none in 2025: a true 0 stays 0, a 100% fall.
		const centrum = kaart.wijken.find((w) => w.code === 'WK990201')!;
		expect(centrum.verwijzingen).toBe(0);
		expect(centrum.per1000).toBe(0);
		if (published('WK990201', '2024', 5).value !== null) expect(centrum.verandering).toBeCloseTo(-1, 10);
	});

	it('a year chosen with tot is shown against the year before it', async () => {
		const kaart = await wijkKaart(db, f('lijn=2&tot=2024'), 5);
		expect(kaart.jaar).toBe(2024);
		// No referrals in 2023: no rate to compare with, so no change.
		expect(kaart.wijken.every((w) => w.verandering === null)).toBe(true);
	});

	it('without the wijkgrenzen table (an older database) there are no boundaries, the figures are still there', async () => {
		const kaart = await wijkKaart(bare, f('lijn=2'), 5);
		expect(kaart.grenzen).toBe(false);
		expect(kaart.wijken).toHaveLength(3);
		expect(kaart.wijken.every((w) => w.geometrie === null)).toBe(true);
	});

	it('a user who sees one gemeente gets only its wijken and their boundaries', async () => {
		const scoped = db.scoped({ gemeenten: ['GM9902'], wijken: null });
		const kaart = await wijkKaart(scoped, f('lijn=2'), 5);
		expect(kaart.wijken.map((w) => w.code)).toEqual(['WK990201']);
		expect(kaart.grenzen).toBe(false);
	});
});

describe('disclosure: the map never exposes a count of 1..k-1', () => {
	for (const k of [5, 10, 20]) {
		it(`k = ${k}: every count is 0, at least k or hidden; a hidden one has no rate and no change`, async () => {
			for (const q of ['lijn=2', 'lijn=alle', 'lijn=1', 'lijn=0', 'leeftijd=0-17', 'lijn=alle&tot=2024', 'lijn=alle&noemer=patienten']) {
				const kaart = await wijkKaart(db, f(q), k);
				for (const w of kaart.wijken) {
					expect(w.verwijzingen === null || w.verwijzingen === 0 || w.verwijzingen >= k, `${q} ${w.code}: ${w.verwijzingen}`).toBe(true);
					if (w.onderdrukt) expect([w.verwijzingen, w.per1000, w.verandering]).toEqual([null, null, null]);
					if (w.vorigOnderdrukt) expect([w.per1000Vorig, w.verandering]).toEqual([null, null]);
				}
				// Nothing else in the page data is a count: apart from the rates and the geometry, the
				// serialised map holds no whole number 1..k-1 (a field added later must pass this too).
				const numbers = JSON.stringify(kaart.wijken.map(({ geometrie: _g, per1000: _r, per1000Vorig: _v, verandering: _c, ...rest }) => rest)).match(/:(\d+)(?=[,}])/g) ?? [];
				for (const n of numbers.map((s) => Number(s.slice(1)))) expect(n === 0 || n >= k || n === kaart.jaar, `${q}: ${n}`).toBe(true);
			}
		});
	}

	it('Zuid 2025 (5 true referrals) is hidden at k = 10 whatever its perturbation (at most +3)', async () => {
		const kaart = await wijkKaart(db, f('lijn=2'), 10);
		const zuid = kaart.wijken.find((w) => w.code === 'WK990102')!;
		expect(published('WK990102', '2025', 10).n).toBe(5);
		expect(zuid).toMatchObject({ verwijzingen: null, per1000: null, verandering: null, onderdrukt: true });
	});
});
