// Loads made before imports masked identifying data may still hold some; what the regiegroep pages
// show is masked again on the way out (src/lib/server/regiegroep/queries.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { EditStore } from '$lib/server/edits/store';
import { regiegroepData, swotData } from '$lib/server/regiegroep/queries';
import { createRegiegroepDb } from '../fixtures/regiegroep-db';

let dir: string;
let db: Database;
let store: EditStore;
const PERSON = 'Mevr. J. de Vries, Dorpsstraat 12, 06-1234-5678, bsn 111222333';

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-older-'));
	const file = path.join(dir, 'monitor.duckdb');
	await createRegiegroepDb(file);
	// As an older version of the pipelines stored it: unmasked.
	const instance = await DuckDBInstance.create(file);
	const c = await instance.connect();
	await c.run(`UPDATE werkplannen SET doel = '${PERSON}', trekker = 'Buurtteam, ${PERSON}' WHERE werkplan_id = (SELECT min(werkplan_id) FROM werkplannen)`);
	await c.run(`UPDATE voortgang SET toelichting = '${PERSON}' WHERE werkplan_id = (SELECT min(werkplan_id) FROM voortgang)`);
	await c.run(`UPDATE mijlpalen SET omschrijving = '${PERSON}' WHERE werkplan_id = (SELECT min(werkplan_id) FROM mijlpalen)`);
	await c.run(`UPDATE swot SET omschrijving = '${PERSON}' WHERE wijk_code = (SELECT min(wijk_code) FROM swot)`);
	c.closeSync();
	instance.closeSync();
	db = new Database(file);
	store = new EditStore(path.join(dir, 'edits.duckdb'));
});
afterAll(() => {
	db.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const leaks = (text: string) => ['de Vries', 'Dorpsstraat 12', '1234-5678', '111222333'].filter((p) => text.includes(p));

describe('text of older loads on the regiegroep pages', () => {
	it('is shown with identifying data masked', async () => {
		const data = await regiegroepData(db, store);
		const swot = await swotData(db, store);
		const texts = [
			...data.werkplannen.flatMap((w) => [w.titel, w.doel ?? '', w.trekker, w.partners ?? '']),
			...data.mijlpalen.map((m) => m.value.omschrijving),
			...data.voortgang.map((v) => v.value.toelichting ?? ''),
			...swot.map((s) => s.value.omschrijving)
		];
		const touched = texts.filter((t) => t.includes('verwijderd'));
		// werkplan doel and trekker, a milestone, a status update and the SWOT items of one wijk
		expect(touched.length).toBeGreaterThanOrEqual(5);
		expect(texts.flatMap(leaks)).toEqual([]);
		expect(data.werkplannen.some((w) => w.trekker.startsWith('Buurtteam'))).toBe(true);
	});
});
