// Import of werkplannen, mijlpalen, voortgang and swot (CSV and XLSX): what is stored, how a
// re-delivery replaces rows, and every bad input rejected with file, line, column and rule while
// the database stays byte for byte as it was.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { MASK } from '$contract/privacy';
import { regiegroepFixture, REGIEGROEP_FILES } from '../fixtures/regiegroep-db';
import { expectError, makeTempDir, query, rejection, sha256, writeFile, type ExpectedError } from './helpers';

let baseDir: string;
let baseDb: string;
let dir: string;
let db: string;

beforeAll(async () => {
	baseDir = makeTempDir();
	baseDb = path.join(baseDir, 'base.duckdb');
	await ingest(baseDb, [regiegroepFixture('wijken.csv')]);
});
afterAll(() => fs.rmSync(baseDir, { recursive: true, force: true }));

beforeEach(() => {
	dir = makeTempDir();
	db = path.join(dir, 'monitor.duckdb');
	fs.copyFileSync(baseDb, db);
	return () => fs.rmSync(dir, { recursive: true, force: true });
});

async function expectRejected(files: string[], want: ExpectedError) {
	const before = sha256(db);
	const failure = await rejection(() => ingest(db, files));
	const error = expectError(failure.errors, want);
	expect(failure.message).toContain('Er is niets geladen; de database is ongewijzigd.');
	expect(sha256(db)).toBe(before);
	expect(fs.readdirSync(dir).filter((f) => f.startsWith('monitor.duckdb'))).toEqual(['monitor.duckdb']);
	return error;
}

const WERKPLAN = 'werkplan_id;titel;thema;driehoek;trekker;partners;wijk_code;start;eind;doel\nWP01;Valpreventie;Ouderenzorg;ouderen;Thuiszorg Noord;;WK990101;2025-01-06;2026-06-30;\n';
const werkplannenFile = () => writeFile(dir, 'werkplannen.csv', WERKPLAN);

describe('loading the fixture portfolio', () => {
	it('loads all four datasets, with provenance and masked free text', async () => {
		const reports = await ingest(db, REGIEGROEP_FILES);
		expect(reports.map((r) => [r.dataset, r.rowsLoaded, r.warnings.length])).toEqual([
			['werkplannen', 4, 0],
			['mijlpalen', 9, 0],
			['voortgang', 9, 0],
			['swot', 22, 0]
		]);
		const loads = await query(db, `SELECT dataset, file_name, rows_read FROM loads WHERE dataset <> 'wijken' ORDER BY load_id`);
		expect(loads).toEqual([
			{ dataset: 'werkplannen', file_name: 'werkplannen.csv', rows_read: 4 },
			{ dataset: 'mijlpalen', file_name: 'mijlpalen.csv', rows_read: 9 },
			{ dataset: 'voortgang', file_name: 'voortgang.csv', rows_read: 9 },
			{ dataset: 'swot', file_name: 'swot.csv', rows_read: 22 }
		]);
		// The e-mail address and phone number in a note are masked; the file is not rejected.
		const [note] = await query(db, `SELECT toelichting FROM voortgang WHERE werkplan_id = 'WP02' AND datum = DATE '2025-08-18'`);
		expect(note.toelichting).toBe(`Locatie gevonden in het buurthuis; contact via ${MASK.email} of ${MASK.telefoon}`);
		// A werkplan without driehoek or wijk; planned dates after today are fine.
		const [wp4] = await query(db, `SELECT driehoek, wijk_code, CAST(eind AS VARCHAR) AS eind FROM werkplannen WHERE werkplan_id = 'WP04'`);
		expect(wp4).toEqual({ driehoek: null, wijk_code: null, eind: '2026-06-30' });
		// SWOT items without an id are keyed by quadrant and normalised text.
		const keys = await query(db, `SELECT item_sleutel FROM swot WHERE wijk_code = 'WK990101' AND datum = DATE '2025-04-01' ORDER BY item_sleutel`);
		expect(keys.map((k) => k.item_sleutel)).toEqual([
			'tekst:bedreiging:geen langjarige afspraken over financiering',
			'tekst:bedreiging:vertrek van een liaison laat een gat',
			'tekst:kans:meer preventie door samenwerking',
			'tekst:sterkte:kennis en ervaring van de liaisons',
			'tekst:sterkte:korte lijnen tussen huisarts en buurtteam',
			'tekst:zwakte:communicatie over urgente meldingen is traag'
		]);
	});

	it('changes nothing when the same files are loaded again', async () => {
		await ingest(db, REGIEGROEP_FILES);
		const again = await ingest(db, REGIEGROEP_FILES);
		expect(again.map((r) => [r.dataset, r.rowsReplaced, r.rowsUnchanged])).toEqual([
			['werkplannen', 4, 4],
			['mijlpalen', 9, 9],
			['voortgang', 9, 9],
			['swot', 22, 22]
		]);
		const [{ n }] = await query(db, 'SELECT count(*) AS n FROM swot');
		expect(Number(n)).toBe(22);
	});

	it('replaces a re-delivered SWOT item: by id, or by its text when it has none', async () => {
		await ingest(db, REGIEGROEP_FILES);
		const file = writeFile(
			dir,
			'swot_correctie.csv',
			[
				'wijk_code;datum;kwadrant;item_id;omschrijving;thema',
				// id S1: new wording, same item
				'WK990101;2025-10-01;sterkte;S1;Korte lijnen tussen huisartsen en het buurtteam;samenwerking',
				// no id: differs only in case and punctuation, so the same item; its theme changes
				'WK990101;2025-04-01;kans;;meer preventie door samenwerking!;gezondheid',
				// no id, new text: a new item
				'WK990101;2025-04-01;kans;;Inzet van ervaringsdeskundigen;participatie'
			].join('\n')
		);
		const [report] = await ingest(db, [file]);
		expect([report.rowsLoaded, report.rowsReplaced, report.rowsUnchanged]).toEqual([3, 2, 0]);
		const rows = await query(
			db,
			`SELECT item_sleutel, omschrijving, thema FROM swot WHERE wijk_code = 'WK990101' AND kwadrant IN ('sterkte', 'kans') AND datum >= DATE '2025-04-01' ORDER BY datum, item_sleutel`
		);
		expect(rows).toEqual([
			{ item_sleutel: 'tekst:kans:inzet van ervaringsdeskundigen', omschrijving: 'Inzet van ervaringsdeskundigen', thema: 'participatie' },
			{ item_sleutel: 'tekst:kans:meer preventie door samenwerking', omschrijving: 'meer preventie door samenwerking!', thema: 'gezondheid' },
			{ item_sleutel: 'tekst:sterkte:kennis en ervaring van de liaisons', omschrijving: 'kennis en ervaring van de Liaisons', thema: 'personeel' },
			{ item_sleutel: 'tekst:sterkte:korte lijnen tussen huisarts en buurtteam', omschrijving: 'Korte lijnen tussen huisarts en buurtteam.', thema: 'samenwerking' },
			{ item_sleutel: 'id:K1', omschrijving: 'Meer preventie door samenwerking', thema: 'preventie' },
			{ item_sleutel: 'id:S1', omschrijving: 'Korte lijnen tussen huisartsen en het buurtteam', thema: 'samenwerking' },
			{ item_sleutel: 'id:S3', omschrijving: 'Gezamenlijke scholing van assistentes en buurtteam', thema: 'personeel' }
		]);
	});

	it('reads XLSX with real date cells and plural quadrant names', async () => {
		const book = new ExcelJS.Workbook();
		const ws = book.addWorksheet('werkplannen');
		ws.addRow(['werkplan_id', 'titel', 'thema', 'driehoek', 'trekker', 'start', 'eind']);
		ws.addRow(['WP10', 'Mantelzorg', 'Mantelzorg', 'Ouderen', 'Welzijn Noord', new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2027, 11, 31))]);
		const wb2 = new ExcelJS.Workbook();
		const sw = wb2.addWorksheet('swot');
		sw.addRow(['Wijk code', 'Datum', 'Kwadrant', 'Omschrijving']);
		sw.addRow(['wk990102', new Date(Date.UTC(2025, 5, 30)), 'Kansen', 'Samen met de bibliotheek']);
		sw.addRow(['WK990102', new Date(Date.UTC(2025, 5, 30)), 'Sterktes', 'Vaste contactpersoon']);
		const a = writeFile(dir, 'werkplannen.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
		const b = writeFile(dir, 'swot.xlsx', new Uint8Array(await wb2.xlsx.writeBuffer()));
		const reports = await ingest(db, [b, a]);
		expect(reports.map((r) => [r.dataset, r.format, r.rowsLoaded])).toEqual([
			['werkplannen', 'xlsx', 1],
			['swot', 'xlsx', 2]
		]);
		expect(await query(db, `SELECT driehoek, CAST(start AS VARCHAR) AS s, CAST(eind AS VARCHAR) AS e FROM werkplannen`)).toEqual([{ driehoek: 'ouderen', s: '2025-03-01', e: '2027-12-31' }]);
		expect(await query(db, `SELECT wijk_code, CAST(datum AS VARCHAR) AS d, kwadrant FROM swot ORDER BY kwadrant`)).toEqual([
			{ wijk_code: 'WK990102', d: '2025-06-30', kwadrant: 'kans' },
			{ wijk_code: 'WK990102', d: '2025-06-30', kwadrant: 'sterkte' }
		]);
	});
});

describe('rejected werkplan files', () => {
	it('rejects a milestone of an unknown werkplan, and loads nothing of the run', async () => {
		const m = writeFile(dir, 'mijlpalen.csv', 'werkplan_id;mijlpaal_id;omschrijving;deadline;gereed_op\nWP01;M1;Start;2025-03-01;2025-02-27\nWP99;M1;Start;2025-03-01;\n');
		const e = await expectRejected([werkplannenFile(), m], { file: 'mijlpalen.csv', line: 3, column: 'werkplan_id', rule: 'werkplan-onbekend' });
		expect(e.message).toContain('lever het werkplan eerst aan');
	});

	it('rejects an unknown status, and a status update dated after today', async () => {
		const v = writeFile(dir, 'voortgang.csv', 'werkplan_id;datum;status;toelichting;vergadering\nWP01;2025-06-02;loopt;;\nWP01;2099-01-01;op_schema;;\n');
		const e = await expectRejected([werkplannenFile(), v], { file: 'voortgang.csv', line: 2, column: 'status', rule: 'waarde-lijst' });
		expect(e.message).toContain('kies uit: niet_gestart, op_schema, aandacht, achter, afgerond, gestopt');
		const failure = await rejection(() => ingest(db, [werkplannenFile(), v]));
		expectError(failure.errors, { file: 'voortgang.csv', line: 3, column: 'datum', rule: 'datum-toekomst' });
	});

	it('accepts a future meeting and deadline, but not a milestone reached in the future', async () => {
		const ok = writeFile(dir, 'voortgang.csv', 'werkplan_id;datum;status;toelichting;vergadering\nWP01;2025-06-02;op_schema;;2099-01-05\n');
		const m = writeFile(dir, 'mijlpalen.csv', 'werkplan_id;mijlpaal_id;omschrijving;deadline;gereed_op\nWP01;M1;Evaluatie;2098-12-01;\nWP01;M2;Eind;2098-12-01;2098-11-01\n');
		await expectRejected([werkplannenFile(), ok, m], { file: 'mijlpalen.csv', line: 3, column: 'gereed_op', rule: 'datum-toekomst' });
		const good = writeFile(dir, 'mijlpalen_goed.csv', 'werkplan_id;mijlpaal_id;omschrijving;deadline;gereed_op\nWP01;M1;Evaluatie;2098-12-01;\n');
		const reports = await ingest(db, [werkplannenFile(), ok, good]);
		expect(reports.map((r) => r.rowsLoaded)).toEqual([1, 1, 1]);
	});

	it('rejects an end before the start, an unknown driehoek and a missing trekker', async () => {
		const w = writeFile(
			dir,
			'werkplannen.csv',
			'werkplan_id;titel;thema;driehoek;trekker;start;eind\nWP01;A;T;ouderen;X;2025-06-01;2025-01-01\nWP02;B;T;sport;X;;\nWP03;C;T;;;;\n'
		);
		const failure = await rejection(() => ingest(db, [w]));
		expectError(failure.errors, { file: 'werkplannen.csv', line: 2, column: 'eind', rule: 'datum-volgorde' });
		expectError(failure.errors, { file: 'werkplannen.csv', line: 3, column: 'driehoek', rule: 'waarde-lijst' });
		await expectRejected([w], { file: 'werkplannen.csv', line: 4, column: 'trekker', rule: 'waarde-verplicht' });
	});

	it('rejects the same status date twice for one werkplan', async () => {
		const v = writeFile(dir, 'voortgang.csv', 'werkplan_id;datum;status\nWP01;2025-06-02;op_schema\nWP01;02-06-2025;aandacht\n');
		const e = await expectRejected([werkplannenFile(), v], { file: 'voortgang.csv', line: 3, column: 'werkplan_id', rule: 'sleutel-dubbel' });
		expect(e.message).toContain('regel 2');
	});

	it('rejects an e-mail address outside the free-text and name-like columns, naming neither the address nor the value', async () => {
		const w = writeFile(dir, 'werkplannen.csv', 'werkplan_id;titel;thema;trekker\nWP01;A;T trekker@thuiszorg.example;Thuiszorg\n');
		const e = await expectRejected([w], { file: 'werkplannen.csv', line: 2, column: 'thema', rule: 'privacy-email' });
		expect(e.message).not.toContain('thuiszorg.example');
	});
});

describe('rejected SWOT files', () => {
	const HEADER = 'wijk_code;datum;kwadrant;item_id;omschrijving;thema';

	it('rejects the same item twice in one snapshot, also when only case and punctuation differ', async () => {
		const f = writeFile(dir, 'swot.csv', [HEADER, 'WK990101;2025-04-01;sterkte;;Korte lijnen;', 'WK990101;2025-04-01;sterkte;;korte lijnen.;', 'WK990101;2025-05-01;sterkte;;Korte lijnen;'].join('\n'));
		const e = await expectRejected([f], { file: 'swot.csv', line: 3, column: 'wijk_code', rule: 'sleutel-dubbel' });
		expect(e.message).toContain('regel 2');
	});

	it('rejects one item_id twice in a snapshot', async () => {
		const f = writeFile(dir, 'swot.csv', [HEADER, 'WK990101;2025-04-01;sterkte;S1;Korte lijnen;', 'WK990101;2025-04-01;zwakte;S1;Iets anders;'].join('\n'));
		await expectRejected([f], { file: 'swot.csv', line: 3, column: 'wijk_code', rule: 'sleutel-dubbel' });
	});

	it('rejects an unknown quadrant, an unknown wijk and a missing description column', async () => {
		const f = writeFile(dir, 'swot.csv', [HEADER, 'WK990101;2025-04-01;risico;;Iets;', 'WK999999;2025-04-01;kans;;Iets;'].join('\n'));
		const failure = await rejection(() => ingest(db, [f]));
		expectError(failure.errors, { file: 'swot.csv', line: 2, column: 'kwadrant', rule: 'waarde-lijst' });
		expectError(failure.errors, { file: 'swot.csv', line: 3, column: 'wijk_code', rule: 'wijk-onbekend' });
		const g = writeFile(dir, 'swot2.csv', 'wijk_code;datum;kwadrant\nWK990101;2025-04-01;kans\n');
		await expectRejected([g], { file: 'swot2.csv', line: 1, column: 'omschrijving', rule: 'kolom-verplicht' });
	});

	it('rejects a column that names an identifier, even in a SWOT file', async () => {
		const f = writeFile(dir, 'swot.csv', 'wijk_code;datum;kwadrant;omschrijving;email\nWK990101;2025-04-01;kans;Iets;\n');
		await expectRejected([f], { file: 'swot.csv', line: 1, column: 'kolom 5', rule: 'privacy-kolomnaam' });
	});

	it('masks personal data in an item instead of rejecting the file', async () => {
		const f = writeFile(dir, 'swot.csv', [HEADER, 'WK990101;2025-04-01;bedreiging;;Wachtlijst; vragen via wachtlijst@basisggz.example of 030-1234567;'].join('\n').replace('Wachtlijst; vragen', '"Wachtlijst; vragen').replace('1234567;', '1234567";'));
		await ingest(db, [f]);
		const [row] = await query(db, 'SELECT omschrijving, item_sleutel FROM swot');
		expect(row.omschrijving).toBe(`Wachtlijst; vragen via ${MASK.email} of ${MASK.telefoon}`);
		expect(String(row.item_sleutel)).not.toContain('basisggz');
	});
});
