// The Bronnen page's queries: what each load reported and how many rows each table holds, with the
// counts of referrals and respondents hidden when small. Expected counts are those of the fixtures
// (tests/fixtures/fixture-db.ts and tests/fixtures/surveys/werkafspraken_*.csv), counted by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { loads, tableCounts } from '$lib/server/bronnen/queries';
import { seizoenen } from '$lib/server/surveys/enquetes';
import { werkafspraken } from '$lib/server/surveys/werkafspraken';
import { buildWerkafsprakenDb } from '../fixtures/surveys/build';
import { ingest } from '../../pipelines/ingest';
import { FIXTURES } from '../pipelines/helpers';

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
			// a file of responses is one enquete of one wijk: its count would un-hide survey cells
			enquete_responsen: null,
			enquete_antwoorden: null,
			werkplannen: 0,
			swot: 0
		});
	});

	it('hides a small count of referrals, never shows the survey response tables, and shows the rest', async () => {
		const counts = Object.fromEntries((await tableCounts(db, 100)).map((c) => [c.tabel, [c.rijen, c.verborgen]]));
		expect([counts.verwijzingen, counts.wijken, counts.enquete_vragen]).toEqual([[null, false], [3, false], [9, false]]);
		expect([counts.enquete_responsen, counts.enquete_antwoorden]).toEqual([[null, true], [null, true]]);
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
				{ tabel: 'wijken', rijen: 2, verborgen: false },
				{ tabel: 'verwijzingen', rijen: 0, verborgen: false }
			]);
			expect(await seizoenen(oldDb)).toEqual([]);
			expect(await werkafspraken(oldDb, 5)).toEqual({ vragen: [], rondes: [], wijken: [], rijen: [] });
		} finally {
			oldDb.close();
		}
	});
});

describe('loads', () => {
	it('names who loaded a file, as the pipeline recorded it (--door, loadedBy), and the command line otherwise', async () => {
		const file = path.join(dir, 'door.duckdb');
		await ingest(file, [path.join(FIXTURES, 'wijken.csv')], { loadedBy: 'an.jansen' });
		await ingest(file, [path.join(FIXTURES, 'praktijken.csv')]);
		const d = new Database(file);
		const records = await loads(d, 5);
		expect(records.map((r) => [r.file_name, r.geladen_door])).toEqual([
			['praktijken.csv', null],
			['wijken.csv', 'an.jansen']
		]);
		const csv = await EXPORTS.bronnen({ db: d, params: new URLSearchParams(), k: 5 });
		// The last column is the filters every export carries (docs/export.md); none here.
		expect(csv.split('\r\n')[0].split(';').slice(-2)).toEqual(['geladen_door', 'filters']);
		expect(csv.split('\r\n').find((l) => l.includes('wijken.csv'))!.split(';').at(-2)).toBe('an.jansen');
		d.close();
	});

	it('shows no row counts of a survey response load, whatever k, and the counts of other loads', async () => {
		for (const k of [1, 5]) {
			const records = await loads(db, k);
			const responses = records.find((r) => r.file_name === 'werkafspraken_responsen.csv')!;
			expect(responses.dataset).toBe('enquete_responsen');
			expect([responses.rows_read, responses.rows_loaded, responses.counts_hidden]).toEqual([null, null, true]);
			const vragen = records.find((r) => r.file_name === 'werkafspraken_vragen.csv')!;
			expect([vragen.rows_read, vragen.rows_loaded, vragen.counts_hidden]).toEqual([9, 9, false]);
		}
		const csv = await EXPORTS.bronnen({ db, params: new URLSearchParams(), k: 5 });
		const line = csv.split('\r\n').find((l) => l.includes('werkafspraken_responsen.csv'))!.split(';');
		expect(line.slice(4, 8)).toEqual(['', '', '', '']);
	});
});
