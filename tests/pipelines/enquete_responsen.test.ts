// Survey files through the real import: enquetes, enquete_vragen and responses in the three shapes
// (wide, LimeSurvey export, Microsoft Forms export). Expected values are read off the fixtures in
// tests/fixtures/surveys by hand.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMS_HEADER, FORMS_ROWS, formsFixture } from '../fixtures/surveys/build';
import { ingest } from '../../pipelines/ingest';
import { runCli } from '../../pipelines/cli';
import { detectDataset } from '../../pipelines/registry';
import { MASK } from '$contract/privacy';
import { expectError, fixture, makeTempDir, query, rejection, sha256, writeFile } from './helpers';

const survey = (name: string) => path.resolve(import.meta.dirname, '../fixtures/surveys', name);
const BASE = [fixture('wijken.csv'), survey('enquetes.csv'), survey('enquete_vragen.csv')];
const TODAY = '2025-12-31';

let dir: string;
let db: string;
beforeEach(() => {
	dir = makeTempDir();
	db = path.join(dir, 'monitor.duckdb');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const formsFile = formsFixture;

const responses = (enquete: string) =>
	query(db, `SELECT respons_id, strftime(datum, '%Y-%m-%d') AS datum, wijk_code, rol, compleet, vorm FROM enquete_responsen WHERE enquete_id = '${enquete}' ORDER BY respons_id`);
const answers = (enquete: string) =>
	query(db, `SELECT respons_id, vraag_code, antwoord, waarde FROM enquete_antwoorden WHERE enquete_id = '${enquete}' ORDER BY respons_id, vraag_code`);

describe('recognising a survey file by its header', () => {
	const id = (header: string[]) => {
		const d = detectDataset(header);
		return d.ok ? d.spec.id : d.rule;
	};
	it('tells the survey files and the three response shapes apart', () => {
		expect(id(['enquete_id', 'naam', 'soort', 'seizoen', 'wijk_code', 'datum', 'genodigden'])).toBe('enquetes');
		expect(id(['enquete_id', 'vraag_code', 'vraag_tekst', 'thema', 'type', 'omgekeerd'])).toBe('enquete_vragen');
		expect(id(['respons_id', 'enquete_id', 'datum', 'wijk_code', 'rol', 'V1', 'V2'])).toBe('enquete_responsen');
		expect(id(['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'G01Q01', 'G01Q02[SQ001]'])).toBe('limesurvey');
		expect(id(FORMS_HEADER)).toBe('forms');
	});
});

describe('enquetes and enquete_vragen', () => {
	it('load with their codes normalised and omgekeerd read as 1/0', async () => {
		const reports = await ingest(db, [survey('enquete_vragen.csv'), survey('enquetes.csv'), fixture('wijken.csv')], { today: TODAY });
		// Dependency order: wijken, enquetes, vragen.
		expect(reports.map((r) => [r.dataset, r.rowsLoaded])).toEqual([['wijken', 3], ['enquetes', 3], ['enquete_vragen', 16]]);
		expect(await query(db, `SELECT enquete_id, seizoen, wijk_code, strftime(datum, '%Y-%m-%d') AS datum, genodigden FROM enquetes ORDER BY enquete_id`)).toEqual([
			{ enquete_id: 'LB24-BS', seizoen: 'voorjaar-2024', wijk_code: 'WK034401', datum: '2024-04-16', genodigden: 20 },
			{ enquete_id: 'LB25-BS', seizoen: 'voorjaar-2025', wijk_code: 'WK034401', datum: '2025-04-15', genodigden: 25 },
			{ enquete_id: 'LB25-OO', seizoen: 'voorjaar-2025', wijk_code: 'WK034402', datum: '2025-04-15', genodigden: 12 }
		]);
		expect(await query(db, `SELECT vraag_code, omgekeerd FROM enquete_vragen WHERE enquete_id = 'LB25-BS' ORDER BY vraag_code`)).toEqual([
			{ vraag_code: 'V1', omgekeerd: null },
			{ vraag_code: 'V2', omgekeerd: null },
			{ vraag_code: 'V3', omgekeerd: null },
			{ vraag_code: 'V4', omgekeerd: 1 },
			{ vraag_code: 'V5', omgekeerd: null },
			{ vraag_code: 'V6', omgekeerd: null }
		]);
	});

	it('rejects a vraag of an unknown enquete, a bad season and a reversed open question', async () => {
		const vragen = writeFile(dir, 'vragen.csv', 'enquete_id;vraag_code;vraag_tekst;thema;type;omgekeerd\nLB24-BS;X1;Tekst;t;open;1\nONBEKEND;X2;Tekst;t;likert5;0\n');
		const enq = writeFile(dir, 'enq.csv', 'enquete_id;naam;soort;seizoen;datum\nE1;Naam;leerbijeenkomst;lente-2024;2024-04-01\nE2;Naam;leerbijeenkomst;voorjaar-2023;2024-04-01\n');
		const e = await rejection(() => ingest(db, [...BASE, vragen, enq], { today: TODAY }));
		expectError(e.errors, { file: 'enq.csv', line: 2, column: 'seizoen', rule: 'seizoen-formaat' });
		expectError(e.errors, { file: 'enq.csv', line: 3, column: 'seizoen', rule: 'seizoen-formaat' });
		expect(fs.existsSync(db)).toBe(false);
		const e2 = await rejection(() => ingest(db, [...BASE, vragen], { today: TODAY }));
		expectError(e2.errors, { file: 'vragen.csv', line: 2, column: 'omgekeerd', rule: 'waarde-lijst' });
		expectError(e2.errors, { file: 'vragen.csv', line: 3, column: 'enquete_id', rule: 'enquete-onbekend' });
	});
});

describe('a LimeSurvey export', () => {
	it('loads with --enquete: answer codes read, incomplete responses counted but not scored, free text masked', async () => {
		const reports = await ingest(db, [...BASE, survey('limesurvey_lb24.csv')], { today: TODAY, enquete: 'LB24-BS' });
		const r = reports.at(-1)!;
		expect([r.dataset, r.table, r.rowsRead, r.rowsLoaded, r.rowsReplaced]).toEqual(['limesurvey', 'enquete_responsen', 4, 4, 0]);
		// Row 1's open answer held a phone number and an e-mail address.
		expect(r.warnings).toEqual([
			'limesurvey_lb24.csv: in de open antwoorden 1 e-mailadres en 1 telefoonnummer vervangen door een markering; de rest van de tekst is geladen (regel: tekst-gemaskeerd)'
		]);
		expect(await responses('LB24-BS')).toEqual([
			{ respons_id: '1', datum: '2024-04-16', wijk_code: null, rol: 'huisarts', compleet: true, vorm: 'limesurvey' },
			{ respons_id: '2', datum: '2024-04-16', wijk_code: null, rol: 'buurtteam', compleet: true, vorm: 'limesurvey' },
			// No submitdate: incomplete; its datum is the datestamp.
			{ respons_id: '3', datum: '2024-04-16', wijk_code: null, rol: 'huisarts', compleet: false, vorm: 'limesurvey' },
			{ respons_id: '4', datum: '2024-04-16', wijk_code: null, rol: 'poh', compleet: true, vorm: 'limesurvey' }
		]);
		expect(await answers('LB24-BS')).toEqual([
			{ respons_id: '1', vraag_code: 'G02Q01[SQ001]', antwoord: 'mee eens', waarde: 4 },
			{ respons_id: '1', vraag_code: 'G02Q01[SQ002]', antwoord: 'mee oneens', waarde: 2 },
			// Stored as answered; the reversal (omgekeerd = 1) is applied by the analysis.
			{ respons_id: '1', vraag_code: 'G02Q01[SQ003]', antwoord: 'helemaal mee eens', waarde: 5 },
			{ respons_id: '1', vraag_code: 'G03Q01', antwoord: `Sneller bericht, bel ${MASK.telefoon} of mail ${MASK.email}`, waarde: null },
			{ respons_id: '1', vraag_code: 'G03Q02', antwoord: '7', waarde: 7 },
			{ respons_id: '2', vraag_code: 'G02Q01[SQ001]', antwoord: 'helemaal mee eens', waarde: 5 },
			{ respons_id: '2', vraag_code: 'G02Q01[SQ002]', antwoord: 'mee eens', waarde: 4 },
			{ respons_id: '2', vraag_code: 'G02Q01[SQ003]', antwoord: 'helemaal mee oneens', waarde: 1 },
			{ respons_id: '2', vraag_code: 'G03Q02', antwoord: '8', waarde: 8 },
			// Response 3 is incomplete: none of its answers is stored.
			{ respons_id: '4', vraag_code: 'G02Q01[SQ001]', antwoord: 'niet van toepassing', waarde: null },
			{ respons_id: '4', vraag_code: 'G02Q01[SQ002]', antwoord: 'neutraal', waarde: 3 },
			{ respons_id: '4', vraag_code: 'G02Q01[SQ003]', antwoord: 'mee oneens', waarde: 2 },
			{ respons_id: '4', vraag_code: 'G03Q01', antwoord: 'Vaker samen overleggen', waarde: null },
			{ respons_id: '4', vraag_code: 'G03Q02', antwoord: '6.5', waarde: 6.5 }
		]);
		const [load] = await query(db, `SELECT dataset, rows_read, rows_loaded, sha256 FROM loads WHERE file_name = 'limesurvey_lb24.csv'`);
		expect(load).toEqual({ dataset: 'limesurvey', rows_read: 4, rows_loaded: 4, sha256: sha256(survey('limesurvey_lb24.csv')) });
	});

	it('ignores LimeSurvey\'s random seed, also when it happens to pass the elfproef', async () => {
		const text = fs.readFileSync(survey('limesurvey_lb24.csv'), 'utf8');
		const [head, first] = text.split('\n');
		// 111222333 passes the elfproef (9x1 + 8x1 + 7x1 + 6x2 + 5x2 + 4x2 + 3x3 + 2x3 - 3 = 66 = 6 x 11).
		const file = writeFile(dir, 'ls_een.csv', [head, first.replace('"1029384756"', '"111222333"'), ''].join('\n'));
		const reports = await ingest(db, [...BASE, file], { today: TODAY, enquete: 'LB24-BS' });
		expect(reports.at(-1)!.rowsLoaded).toBe(1);
		const stored = await query(db, `SELECT count(*)::INTEGER AS n FROM enquete_antwoorden WHERE antwoord LIKE '%111222333%'`);
		expect(stored[0].n).toBe(0);
	});

	it('is refused without --enquete, or with an enquete that is not loaded, and nothing is stored', async () => {
		const e = await rejection(() => ingest(db, [...BASE, survey('limesurvey_lb24.csv')], { today: TODAY }));
		expectError(e.errors, { file: 'limesurvey_lb24.csv', rule: 'enquete-onbekend' });
		expect(e.errors.find((x) => x.rule === 'enquete-onbekend')!.message).toContain('--enquete');
		expect(fs.existsSync(db)).toBe(false);
		const e2 = await rejection(() => ingest(db, [...BASE, survey('limesurvey_lb24.csv')], { today: TODAY, enquete: 'LB99' }));
		expectError(e2.errors, { file: 'limesurvey_lb24.csv', rule: 'enquete-onbekend' });
		expect(fs.existsSync(db)).toBe(false);
	});

	it('is idempotent: the same export again changes nothing; a corrected answer replaces the response', async () => {
		await ingest(db, [...BASE, survey('limesurvey_lb24.csv')], { today: TODAY, enquete: 'LB24-BS' });
		const before = await query(db, 'SELECT * FROM enquete_antwoorden ORDER BY respons_id, vraag_code');
		const [again] = await ingest(db, [survey('limesurvey_lb24.csv')], { today: TODAY, enquete: 'LB24-BS' });
		expect([again.rowsLoaded, again.rowsReplaced, again.rowsUnchanged]).toEqual([4, 4, 4]);
		expect(await query(db, 'SELECT * FROM enquete_antwoorden ORDER BY respons_id, vraag_code')).toEqual(before);

		// Response 3 completed its questionnaire; response 2 changed one answer and dropped the cijfer.
		const text = fs.readFileSync(survey('limesurvey_lb24.csv'), 'utf8');
		const updated = text
			.replace('"3","","1","nl","3847561029","2024-04-16 09:57:00","2024-04-16 09:58:30","HA","A1","","","",""', '"3","2024-04-17 08:00:00","3","nl","3847561029","2024-04-16 09:57:00","2024-04-17 08:00:00","HA","A1","A3","A3","","5"')
			.replace('"BT","A5","A4","A1","","8"', '"BT","A5","A5","A1","",""');
		const file = writeFile(dir, 'limesurvey_lb24_v2.csv', updated);
		const [r] = await ingest(db, [file], { today: TODAY, enquete: 'LB24-BS' });
		expect([r.rowsLoaded, r.rowsReplaced, r.rowsUnchanged]).toEqual([4, 4, 2]);
		expect(await query(db, `SELECT respons_id, compleet, load_id FROM enquete_responsen ORDER BY respons_id`)).toEqual([
			{ respons_id: '1', compleet: true, load_id: 4 },
			{ respons_id: '2', compleet: true, load_id: 6 },
			{ respons_id: '3', compleet: true, load_id: 6 },
			{ respons_id: '4', compleet: true, load_id: 4 }
		]);
		expect(await query(db, `SELECT vraag_code, waarde FROM enquete_antwoorden WHERE respons_id = '2' ORDER BY vraag_code`)).toEqual([
			{ vraag_code: 'G02Q01[SQ001]', waarde: 5 },
			{ vraag_code: 'G02Q01[SQ002]', waarde: 5 },
			{ vraag_code: 'G02Q01[SQ003]', waarde: 1 }
		]);
		expect(await query(db, `SELECT count(*)::INTEGER AS n FROM enquete_antwoorden WHERE respons_id = '3'`)).toEqual([{ n: 4 }]);
	});

	it('rejects an answer off the scale, naming line, column and rule, and an e-mail address in a scored answer without echoing it', async () => {
		const text = fs.readFileSync(survey('limesurvey_lb24.csv'), 'utf8').replace('"BT","A5","A4","A1"', '"BT","A9","x@y.example.nl","A1"');
		const file = writeFile(dir, 'ls_fout.csv', text);
		const e = await rejection(() => ingest(db, [...BASE, file], { today: TODAY, enquete: 'LB24-BS' }));
		expectError(e.errors, { file: 'ls_fout.csv', line: 3, column: 'G02Q01[SQ001]', rule: 'getal-bereik' });
		const p = expectError(e.errors, { file: 'ls_fout.csv', line: 3, column: 'G02Q01[SQ002]', rule: 'privacy-email' });
		expect(p.message).not.toContain('x@y');
		expect(fs.existsSync(db)).toBe(false);
	});
});

describe('a Microsoft Forms export', () => {
	it('loads without editing: Email and Name dropped before anything is stored, questions matched by text', async () => {
		const reports = await ingest(db, [...BASE, await formsFile()], { today: TODAY, enquete: { 'forms_lb25.xlsx': 'LB25-BS' } });
		const r = reports.at(-1)!;
		expect([r.dataset, r.rowsRead, r.rowsLoaded]).toEqual(['forms', 3, 3]);
		expect(r.warnings).toEqual([
			'forms_lb25.xlsx: in de open antwoorden 1 telefoonnummer vervangen door een markering; de rest van de tekst is geladen (regel: tekst-gemaskeerd)'
		]);
		expect(await responses('LB25-BS')).toEqual([
			{ respons_id: '1', datum: '2025-04-15', wijk_code: null, rol: 'huisarts', compleet: true, vorm: 'forms' },
			{ respons_id: '2', datum: '2025-04-15', wijk_code: null, rol: 'buurtteam', compleet: true, vorm: 'forms' },
			{ respons_id: '3', datum: '2025-04-15', wijk_code: null, rol: 'poh', compleet: true, vorm: 'forms' }
		]);
		expect((await answers('LB25-BS')).filter((a) => a.respons_id === '1')).toEqual([
			{ respons_id: '1', vraag_code: 'V2', antwoord: 'mee eens', waarde: 4 },
			{ respons_id: '1', vraag_code: 'V3', antwoord: 'mee oneens', waarde: 2 },
			{ respons_id: '1', vraag_code: 'V4', antwoord: 'helemaal mee eens', waarde: 5 },
			{ respons_id: '1', vraag_code: 'V5', antwoord: `Meer terugkoppeling, graag via ${MASK.telefoon}`, waarde: null },
			{ respons_id: '1', vraag_code: 'V6', antwoord: 'ja', waarde: 1 }
		]);
		// Nothing of Email or Name anywhere in the database: every text column of every table.
		const tables = await query(db, `SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'`);
		for (const { table_name, column_name } of tables) {
			const hits = await query(db, `SELECT count(*)::INTEGER AS n FROM "${table_name}" WHERE lower("${column_name}") SIMILAR TO '.*(jansen|vries|anna|piet|example\\.nl|anonymous).*'`);
			expect(hits[0].n, `${table_name}.${column_name}`).toBe(0);
		}
	});

	it('loads an export in Dutch (Begintijd, Tijd van voltooien, E-mail, Naam) the same way', async () => {
		// The headers Forms writes for an account set to Dutch.
		const dutch = ['ID', 'Begintijd', 'Tijd van voltooien', 'E-mail', 'Naam', ...FORMS_HEADER.slice(5), 'Tijd van laatste wijziging'];
		const rows = FORMS_ROWS.map((r) => [...r, null]);
		expect(detectDataset(dutch)).toMatchObject({ ok: true, spec: { id: 'forms' } });
		const reports = await ingest(db, [...BASE, await formsFile(rows, dutch)], { today: TODAY, enquete: 'LB25-BS' });
		expect([reports.at(-1)!.dataset, reports.at(-1)!.rowsLoaded]).toEqual(['forms', 3]);
		expect((await responses('LB25-BS')).map((r) => [r.respons_id, r.datum, r.rol])).toEqual([
			['1', '2025-04-15', 'huisarts'],
			['2', '2025-04-15', 'buurtteam'],
			['3', '2025-04-15', 'poh']
		]);
		expect((await answers('LB25-BS')).filter((a) => a.respons_id === '2').map((a) => [a.vraag_code, a.waarde])).toEqual([
			['V2', 5],
			['V3', 3],
			['V4', null],
			['V6', 0]
		]);
		const hits = await query(db, `SELECT count(*)::INTEGER AS n FROM enquete_antwoorden WHERE lower(antwoord) SIMILAR TO '.*(jansen|vries|example).*'`);
		expect(hits[0].n).toBe(0);
	});

	it('pairs a question text that the form repeats ("Toelichting") with its questions in code order', async () => {
		const vragen = fs.readFileSync(survey('enquete_vragen.csv'), 'utf8').trimEnd() + '\nLB25-BS;V7;Toelichting;bereikbaarheid;open;\nLB25-BS;V8;Toelichting;terugkoppeling;open;\n';
		const header = [...FORMS_HEADER, 'Toelichting', 'Toelichting'];
		const rows = FORMS_ROWS.map((r, i) => [...r, `over bereikbaarheid ${i + 1}`, `over terugkoppeling ${i + 1}`]);
		await ingest(db, [fixture('wijken.csv'), survey('enquetes.csv'), writeFile(dir, 'enquete_vragen.csv', vragen), await formsFile(rows, header)], {
			today: TODAY,
			enquete: 'LB25-BS'
		});
		expect((await answers('LB25-BS')).filter((a) => a.respons_id === '2' && String(a.vraag_code) >= 'V7')).toEqual([
			{ respons_id: '2', vraag_code: 'V7', antwoord: 'over bereikbaarheid 2', waarde: null },
			{ respons_id: '2', vraag_code: 'V8', antwoord: 'over terugkoppeling 2', waarde: null }
		]);
	});

	it('an e-mail column other than the tool\'s own is still refused', async () => {
		const header = [...FORMS_HEADER.slice(0, 5), 'E-mailadres collega', ...FORMS_HEADER.slice(5)];
		const rows = FORMS_ROWS.map((r) => [...r.slice(0, 5), 'x', ...r.slice(5)]);
		const e = await rejection(async () => ingest(db, [...BASE, await formsFile(rows, header)], { today: TODAY, enquete: 'LB25-BS' }));
		// Named by its column letter in the workbook (F), not by what the header says.
		const err = expectError(e.errors, { file: 'forms_lb25.xlsx', line: 1, column: 'kolom F', rule: 'privacy-kolomnaam' });
		expect(err.message).not.toContain('collega');
		expect(fs.existsSync(db)).toBe(false);
	});

	it('warns about a column that matches no question and does not load it', async () => {
		const header = [...FORMS_HEADER, 'Total points'];
		const rows = FORMS_ROWS.map((r) => [...r, 0]);
		const reports = await ingest(db, [...BASE, await formsFile(rows, header)], { today: TODAY, enquete: 'LB25-BS' });
		expect(reports.at(-1)!.warnings).toContain(
			'forms_lb25.xlsx, regel 1, kolom "kolom L": deze kolom past bij geen vraag van de enquete; de kolom wordt niet geladen (regel: kolom-onbekend)'
		);
		expect(reports.at(-1)!.warnings.join('\n')).not.toContain('Total points');
	});
});

describe('the contract\'s wide shape', () => {
	it('loads labels and numbers alike, roles in any case, niet van toepassing without a score', async () => {
		const reports = await ingest(db, [...BASE, survey('responsen_oost.csv')], { today: TODAY });
		expect(reports.at(-1)!.dataset).toBe('enquete_responsen');
		expect(reports.at(-1)!.warnings).toEqual([]);
		expect(await responses('LB25-OO')).toEqual([
			{ respons_id: 'r1', datum: '2025-04-15', wijk_code: 'WK034402', rol: 'huisarts', compleet: true, vorm: 'breed' },
			{ respons_id: 'r2', datum: '2025-04-15', wijk_code: 'WK034402', rol: 'buurtteam', compleet: true, vorm: 'breed' },
			{ respons_id: 'r3', datum: '2025-04-15', wijk_code: 'WK034402', rol: 'buurtteam', compleet: true, vorm: 'breed' }
		]);
		expect(await answers('LB25-OO')).toEqual([
			{ respons_id: 'r1', vraag_code: 'bereik', antwoord: 'mee eens', waarde: 4 },
			{ respons_id: 'r1', vraag_code: 'beter', antwoord: 'Eerder een belletje', waarde: null },
			{ respons_id: 'r1', vraag_code: 'privacy', antwoord: 'mee oneens', waarde: 2 },
			{ respons_id: 'r1', vraag_code: 'terug', antwoord: 'mee eens', waarde: 4 },
			{ respons_id: 'r2', vraag_code: 'bereik', antwoord: 'helemaal mee eens', waarde: 5 },
			{ respons_id: 'r2', vraag_code: 'privacy', antwoord: 'helemaal mee oneens', waarde: 1 },
			{ respons_id: 'r2', vraag_code: 'terug', antwoord: 'neutraal', waarde: 3 },
			{ respons_id: 'r3', vraag_code: 'bereik', antwoord: 'helemaal mee eens', waarde: 5 },
			{ respons_id: 'r3', vraag_code: 'beter', antwoord: 'Vaker langskomen', waarde: null },
			{ respons_id: 'r3', vraag_code: 'privacy', antwoord: 'niet van toepassing', waarde: null },
			{ respons_id: 'r3', vraag_code: 'terug', antwoord: 'mee eens', waarde: 4 }
		]);
	});

	it('warns when a response names another wijk than its enquete, and counts it with the enquete', async () => {
		const text = fs.readFileSync(survey('responsen_oost.csv'), 'utf8').replace('r2;LB25-OO;2025-04-15;WK034402;', 'r2;LB25-OO;2025-04-15;WK034401;');
		const reports = await ingest(db, [...BASE, writeFile(dir, 'responsen_oost.csv', text)], { today: TODAY });
		expect(reports.at(-1)!.warnings).toEqual([
			'responsen_oost.csv, regel 3, kolom "wijk_code": 1 antwoord noemt een andere wijk dan enquete "LB25-OO" (WK034402); de pagina\'s tellen ze bij de wijk van de enquete (regel: wijk-afwijkend)'
		]);
		expect((await responses('LB25-OO')).map((r) => r.wijk_code)).toEqual(['WK034402', 'WK034401', 'WK034402']);
	});

	it('refuses a column whose code matches two questions that only differ in case', async () => {
		const vragen = fs.readFileSync(survey('enquete_vragen.csv'), 'utf8').trimEnd() + '\nLB25-OO;Bereik;Ik weet wie ik moet bellen;bereikbaarheid;likert5;0\n';
		const e = await rejection(() =>
			ingest(db, [fixture('wijken.csv'), survey('enquetes.csv'), writeFile(dir, 'enquete_vragen.csv', vragen), survey('responsen_oost.csv')], { today: TODAY })
		);
		const err = expectError(e.errors, { file: 'responsen_oost.csv', line: 1, column: 'bereik', rule: 'enquete-vragen' });
		expect(err.message).toMatch(/vraag_codes (Bereik en bereik|bereik en Bereik), die alleen in hoofdletters verschillen/);
		expect(fs.existsSync(db)).toBe(false);
	});

	it('rejects an unknown role, an unknown enquete and a repeated respons_id, all at once, and loads nothing', async () => {
		const file = writeFile(
			dir,
			'responsen_fout.csv',
			'respons_id;enquete_id;datum;wijk_code;rol;bereik\nr1;LB25-OO;2025-04-15;WK034402;tandarts;4\nr2;LB99;2025-04-15;WK034402;huisarts;4\nr1;LB25-OO;2025-04-15;WK034402;huisarts;4\n'
		);
		const e = await rejection(() => ingest(db, [...BASE, file], { today: TODAY }));
		expectError(e.errors, { file: 'responsen_fout.csv', line: 2, column: 'rol', rule: 'waarde-lijst' });
		expectError(e.errors, { file: 'responsen_fout.csv', line: 3, column: 'enquete_id', rule: 'enquete-onbekend' });
		expectError(e.errors, { file: 'responsen_fout.csv', line: 4, column: 'respons_id', rule: 'sleutel-dubbel' });
		expect(fs.existsSync(db)).toBe(false);
	});

	it('rejects the whole run when the responses come before their questions were ever loaded', async () => {
		await ingest(db, [fixture('wijken.csv'), survey('enquetes.csv')], { today: TODAY });
		const before = fs.readFileSync(db);
		const e = await rejection(() => ingest(db, [survey('responsen_oost.csv')], { today: TODAY }));
		expectError(e.errors, { file: 'responsen_oost.csv', rule: 'enquete-vragen' });
		expect(fs.readFileSync(db).equals(before)).toBe(true);
	});
});

describe('the command line', () => {
	it('takes --enquete for a tool export', async () => {
		const out: string[] = [];
		const err: string[] = [];
		const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), interactive: false };
		expect(await runCli(['--db', db, ...BASE, survey('limesurvey_lb24.csv')], io)).toBe(1);
		expect(err.join('')).toContain('--enquete');
		expect(await runCli(['--db', db, '--enquete', 'LB24-BS', ...BASE, survey('limesurvey_lb24.csv')], io)).toBe(0);
		expect(out.join('')).toContain('limesurvey_lb24.csv: limesurvey (tabel enquete_responsen');
	});
});
