// The Bronnen page's queries: what each load reported and how many rows each table holds, with the
// counts of referrals and respondents hidden when small. Expected counts are those of the fixtures
// (tests/fixtures/fixture-db.ts and tests/fixtures/surveys/werkafspraken_*.csv), counted by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db';
import { loads, tableCounts } from '../../src/lib/server/queries/bronnen';
import { seizoenen } from '../../src/lib/server/queries/enquetes';
import { werkafspraken } from '../../src/lib/server/queries/werkafspraken';
import { buildWerkafsprakenDb } from '../fixtures/surveys/build';

let dir: string;
let db: Database;
beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bronnen-'));
	await buildWerkafsprakenDb(path.join(dir, 'monitor.duckdb'));
	db = new Database(path.join(dir, 'monitor.duckdb'));
});
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('tableCounts', () => {
	it('counts every table, the survey tables included', async () => {
		const counts = Object.fromEntries((await tableCounts(db, 5)).map((c) => [c.tabel, c.rijen]));
		expect(counts).toMatchObject({
			wijken: 3,
			praktijken: 3,
			// 6+3+5 + 10+2+7 + 8 + 10 + 5 lijn 2, 15+3+2+1 buurtteam, 6 welzijn
			verwijzingen: 83,
			enquetes: 3,
			enquete_vragen: 9,
			enquete_responsen: 6 + 5 + 5,
			enquete_antwoorden: 16 * 3,
			werkplannen: 0,
			swot: 0
		});
	});

	it('hides a small count of referrals or respondents, not of wijken', async () => {
		const counts = Object.fromEntries((await tableCounts(db, 20)).map((c) => [c.tabel, c.rijen]));
		expect([counts.enquete_responsen, counts.verwijzingen, counts.wijken, counts.enquete_vragen]).toEqual([null, 83, 3, 9]);
	});

	it('lists only the tables a database from an older version has; its survey pages are empty', async () => {
		const old = path.join(dir, 'oud.duckdb');
		const instance = await DuckDBInstance.create(old);
		const conn = await instance.connect();
		await conn.run(`CREATE TABLE meta (key VARCHAR)`);
		conn.closeSync();
		instance.closeSync();
		const bare = new Database(old);
		try {
			expect(await tableCounts(bare, 5)).toEqual([]);
		} finally {
			bare.close();
		}
		const again = await DuckDBInstance.create(old);
		const conn2 = await again.connect();
		await conn2.run(`CREATE TABLE wijken (wijk_code VARCHAR); INSERT INTO wijken VALUES ('WK1'), ('WK2'); CREATE TABLE verwijzingen (id INTEGER)`);
		conn2.closeSync();
		again.closeSync();
		const oldDb = new Database(old);
		try {
			expect(await tableCounts(oldDb, 5)).toEqual([
				{ tabel: 'wijken', rijen: 2 },
				{ tabel: 'verwijzingen', rijen: 0 }
			]);
			expect(await seizoenen(oldDb)).toEqual([]);
			expect(await werkafspraken(oldDb, 5)).toEqual({ vragen: [], rondes: [], wijken: [], rijen: [] });
		} finally {
			oldDb.close();
		}
	});
});

describe('loads', () => {
	it('hides the small row counts of a survey response load', async () => {
		const records = await loads(db, 20);
		const responses = records.find((r) => r.file_name === 'werkafspraken_responsen.csv')!;
		expect(responses.dataset).toBe('enquete_responsen');
		expect([responses.rows_read, responses.rows_loaded]).toEqual([null, null]);
		const vragen = records.find((r) => r.file_name === 'werkafspraken_vragen.csv')!;
		expect([vragen.rows_read, vragen.rows_loaded]).toEqual([9, 9]);
		expect((await loads(db, 5)).find((r) => r.file_name === 'werkafspraken_responsen.csv')!.rows_loaded).toBe(16);
	});
});
