// Load warnings shown on /bronnen (and in /export/bronnen.csv) never quote a header cell or any
// identifying data: loads from before the detectors stored warnings that named an unknown column
// by what its header cell said, and may hold a number in a file name or a loader's name. The
// page's query (src/lib/server/bronnen/queries.ts) shows them masked; a warning that already
// names a column by position is shown as stored.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '$contract/privacy';
import { loadedByKey } from '$contract/provenance';
import { loads, safeWarning } from '$lib/server/bronnen/queries';
import { Database } from '$lib/server/db/database';
import { ingest } from '../../pipelines/ingest';
import { IDENTIFYING, normalise } from '../contract/fixtures/identifying';
import { BASE_FILES, makeTempDir } from './helpers';

const legacy = (file: string, column: string) => `${file}, regel 1, kolom "${column}": onbekende kolom voor verwijzingen; de kolom wordt niet geladen (regel: kolom-onbekend)`;

let dir: string;
let db: Database;

beforeAll(async () => {
	dir = makeTempDir();
	const p = path.join(dir, 'monitor.duckdb');
	await ingest(p, BASE_FILES, { today: '2025-12-31', loadedBy: 'beheerder' });
	// What an older pipeline stored: header cells in warnings, a phone number in a file name and in
	// the loader's name.
	const instance = await DuckDBInstance.create(p);
	const conn = await instance.connect();
	const warnings = [
		...IDENTIFYING.map((c) => legacy('oud.csv', c.text)),
		legacy('oud.csv', 'Piet Hein'),
		legacy('oud.csv', 'kolom 12'),
		'oud.csv: in de open antwoorden 2 telefoonnummers vervangen door een markering; de rest van de tekst is geladen (regel: tekst-gemaskeerd)'
	];
	await conn.run(`UPDATE loads SET warnings = $w, file_name = 'lijst 06-12345678.csv' WHERE load_id = 1`, { w: JSON.stringify(warnings) });
	await conn.run(`UPDATE meta SET value = 'an (06-87654321)' WHERE key = $k`, { k: loadedByKey(1) });
	conn.closeSync();
	instance.closeSync();
	db = new Database(p);
});
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('stored load warnings as /bronnen shows them', () => {
	it('shows no header cell of an unknown column and nothing of the corpus', async () => {
		const load = (await loads(db, 5)).find((l) => l.load_id === 1)!;
		expect(load.warnings).toHaveLength(IDENTIFYING.length + 3);
		for (const w of load.warnings.slice(0, IDENTIFYING.length + 1)) {
			expect(w).toBe('oud.csv, regel 1, kolom (naam niet getoond): onbekende kolom voor verwijzingen; de kolom wordt niet geladen (regel: kolom-onbekend)');
		}
		const all = normalise(load.warnings.join('\n'));
		for (const c of IDENTIFYING) expect(all).not.toContain(c.core);
		expect(all).not.toContain('PIETHEIN');
	});

	it('keeps what needs no masking: a column named by position, a count of what was masked', async () => {
		const load = (await loads(db, 5)).find((l) => l.load_id === 1)!;
		expect(load.warnings.at(-2)).toBe(legacy('oud.csv', 'kolom 12'));
		expect(load.warnings.at(-1)).toContain('2 telefoonnummers vervangen');
	});

	it('masks a number in the file name and the loader\'s name', async () => {
		const load = (await loads(db, 5)).find((l) => l.load_id === 1)!;
		expect(load.file_name).toBe(`lijst ${MASK.telefoon}.csv`);
		expect(load.geladen_door).toBe(`an (${MASK.telefoon})`);
	});

	it('shows today\'s warnings (named by position) unchanged', () => {
		const w = 'wijken_extra.xlsx, regel 1, kolom "kolom E": onbekende kolom voor wijken; de kolom wordt niet geladen (regel: kolom-onbekend)';
		expect(safeWarning(w)).toBe(w);
	});
});
