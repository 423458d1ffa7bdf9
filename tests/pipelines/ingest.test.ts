// End-to-end loads of good files: every dataset, every accepted spelling, idempotence,
// replacement, extension of the reference data, provenance and the atomic swap.

import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestProgress } from '../../pipelines/ingest';
import { DEFAULT_BESTEMMINGEN } from '$contract/codes';
import { SCHEMA_VERSION } from '$contract/schema';
import { BASE_FILES, fixture, query, rejection, sha256, writeFile, useTempDatabase } from './helpers';

let dir: string;
let db: string;
useTempDatabase((d, p) => ([dir, db] = [d, p]));

const verwijzingen = (where = '') =>
	query(
		db,
		`SELECT verwijzing_id, strftime(datum, '%Y-%m-%d') AS datum, praktijk_code, wijk_code, leeftijdsgroep, verwijzer,
		   bestemming, domein, client_pseudo, strftime(terugkoppeling_datum, '%Y-%m-%d') AS terugkoppeling_datum, load_id
		 FROM verwijzingen ${where} ORDER BY verwijzing_id`
	);

describe('a first load of every dataset', () => {
	it('loads the fixtures in dependency order, whatever order they are given in', async () => {
		const files = [
			'verwijzingen.csv',
			'ojg_inzet.csv',
			'populatie_wijk.csv',
			'populatie_praktijk.csv',
			'praktijken.csv',
			'wijken.csv'
		].map(fixture);
		const reports = await ingest(db, files);

		expect(reports.map((r) => [r.file, r.dataset, r.table, r.loadId])).toEqual([
			['wijken.csv', 'wijken', 'wijken', 1],
			['praktijken.csv', 'praktijken', 'praktijken', 2],
			// Both populatie shapes share one place in the order; between them the given order holds.
			['populatie_wijk.csv', 'populatie_wijk', 'populatie_wijk', 3],
			['populatie_praktijk.csv', 'populatie_praktijk', 'populatie_praktijk', 4],
			['ojg_inzet.csv', 'ojg_inzet', 'ojg_inzet', 5],
			['verwijzingen.csv', 'verwijzingen', 'verwijzingen', 6]
		]);
		expect(reports.map((r) => [r.rowsRead, r.rowsLoaded, r.rowsReplaced, r.rowsRejected])).toEqual([
			[3, 3, 0, 0],
			[2, 2, 0, 0],
			[3, 3, 0, 0],
			[2, 2, 0, 0],
			[2, 2, 0, 0],
			[4, 4, 0, 0]
		]);

		expect(await query(db, 'SELECT wijk_code, wijk_naam, gemeente_code, gemeente_naam FROM wijken ORDER BY 1')).toEqual([
			{ wijk_code: 'WK034401', wijk_naam: 'Binnenstad', gemeente_code: 'GM0344', gemeente_naam: 'Utrecht' },
			{ wijk_code: 'WK034402', wijk_naam: 'Oost', gemeente_code: 'GM0344', gemeente_naam: 'Utrecht' },
			{ wijk_code: 'WK034403', wijk_naam: 'Noordoost', gemeente_code: 'GM0344', gemeente_naam: 'Utrecht' }
		]);
		// praktijken.csv has a UTF-8 BOM, CRLF and a quoted value containing the delimiter.
		expect(await query(db, 'SELECT praktijk_code, praktijk_naam, wijk_code FROM praktijken ORDER BY 1')).toEqual([
			{ praktijk_code: 'P001', praktijk_naam: 'Huisartsen Binnenstad', wijk_code: 'WK034401' },
			{ praktijk_code: 'P002', praktijk_naam: 'Gezondheidscentrum Oost; locatie Zuid', wijk_code: 'WK034402' }
		]);
		// YYYY-MM-DD, DD-MM-YYYY and D-M-YYYY; empty optional values are NULL.
		expect(await verwijzingen()).toEqual([
			{ verwijzing_id: 'V001', datum: '2024-01-15', praktijk_code: 'P001', wijk_code: 'WK034401', leeftijdsgroep: '4-11', verwijzer: 'huisarts', bestemming: 'buurtteam', domein: 'jeugd', client_pseudo: 'c001', terugkoppeling_datum: '2024-01-29', load_id: 6 },
			{ verwijzing_id: 'V002', datum: '2024-02-15', praktijk_code: 'P002', wijk_code: 'WK034402', leeftijdsgroep: '23-64', verwijzer: 'poh_ggz', bestemming: 'basis_ggz', domein: 'ggz', client_pseudo: 'c002', terugkoppeling_datum: null, load_id: 6 },
			{ verwijzing_id: 'V003', datum: '2024-03-05', praktijk_code: null, wijk_code: 'WK034403', leeftijdsgroep: '75+', verwijzer: 'buurtteam', bestemming: 'welzijn', domein: 'ouderen', client_pseudo: null, terugkoppeling_datum: null, load_id: 6 },
			{ verwijzing_id: 'V004', datum: '2024-03-20', praktijk_code: 'P001', wijk_code: 'WK034401', leeftijdsgroep: '12-17', verwijzer: 'ojg', bestemming: 'specialistische_jeugdhulp', domein: 'jeugd', client_pseudo: 'c001', terugkoppeling_datum: '2024-04-02', load_id: 6 }
		]);
		// Decimal comma and decimal point; an empty eind is NULL (still in place).
		expect(
			await query(db, `SELECT praktijk_code, functie, strftime(start, '%Y-%m-%d') AS start, strftime(eind, '%Y-%m-%d') AS eind, uren_per_week FROM ojg_inzet ORDER BY 1`)
		).toEqual([
			{ praktijk_code: 'P001', functie: 'ojg', start: '2023-09-01', eind: null, uren_per_week: 16.5 },
			{ praktijk_code: 'P002', functie: 'poh_jeugd', start: '2024-01-01', eind: '2024-06-30', uren_per_week: 8 }
		]);
		expect(await query(db, 'SELECT jaar, wijk_code, leeftijdsgroep, aantal FROM populatie_wijk ORDER BY 2, 3')).toEqual([
			{ jaar: 2024, wijk_code: 'WK034401', leeftijdsgroep: '0-3', aantal: 412 },
			{ jaar: 2024, wijk_code: 'WK034401', leeftijdsgroep: '4-11', aantal: 1030 },
			{ jaar: 2024, wijk_code: 'WK034402', leeftijdsgroep: '0-3', aantal: 388 }
		]);
		expect(await query(db, 'SELECT jaar, praktijk_code, leeftijdsgroep, aantal FROM populatie_praktijk ORDER BY 2')).toEqual([
			{ jaar: 2024, praktijk_code: 'P001', leeftijdsgroep: '0-3', aantal: 120 },
			{ jaar: 2024, praktijk_code: 'P002', leeftijdsgroep: '75+', aantal: 310 }
		]);
	});

	it('creates a fresh database with the schema, the default bestemmingen and the schema version', async () => {
		await ingest(db, [fixture('wijken.csv')]);
		const bestemmingen = await query(db, 'SELECT bestemming, lijn, load_id FROM bestemmingen ORDER BY bestemming');
		expect(bestemmingen).toEqual(
			Object.entries(DEFAULT_BESTEMMINGEN)
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([bestemming, lijn]) => ({ bestemming, lijn, load_id: null }))
		);
		const meta = Object.fromEntries((await query(db, 'SELECT key, value FROM meta')).map((r) => [r.key, r.value]));
		expect(meta.schema_version).toBe(String(SCHEMA_VERSION));
		expect(meta.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(meta.demo).toBeUndefined();
	});

	it('marks a demo database', async () => {
		await ingest(db, [fixture('wijken.csv')], { demo: true });
		expect(await query(db, "SELECT value FROM meta WHERE key = 'demo'")).toEqual([{ value: '1' }]);
	});

	it('leaves only the database, its cell key secret and its kept versions behind: no WAL, no working copy, no scratch, no lock', async () => {
		await ingest(db, BASE_FILES);
		await ingest(db, [fixture('verwijzingen.csv')]);
		expect(fs.readdirSync(dir).sort()).toEqual(['monitor.duckdb', 'monitor.duckdb.celsleutel', 'monitor.duckdb.versies']);
		expect(fs.readdirSync(`${db}.versies`)).toHaveLength(1);
	});
});

describe('accepted spellings', () => {
	it('reads a Windows-1252 file with ë, ü and an en dash', async () => {
		await ingest(db, [fixture('wijken.csv'), fixture('praktijken_cp1252.csv')]);
		expect(await query(db, 'SELECT praktijk_code, praktijk_naam FROM praktijken ORDER BY 1')).toEqual([
			{ praktijk_code: 'P003', praktijk_naam: 'Huisartsenpraktijk Poëzie' },
			{ praktijk_code: 'P004', praktijk_naam: 'Dokter Müller – Noordoost' }
		]);
	});

	it('reads , as delimiter with quoting and CRLF, and normalises the case of codes', async () => {
		await ingest(db, [...BASE_FILES, fixture('verwijzingen_komma.csv')]);
		const rows = await verwijzingen();
		expect(rows.map((r) => [r.verwijzing_id, r.datum, r.wijk_code, r.leeftijdsgroep, r.verwijzer, r.bestemming, r.domein])).toEqual([
			['K001', '2024-04-01', 'WK034401', '0-3', 'jgz', 'jgz', 'jeugd'],
			['K002', '2024-04-01', 'WK034402', '18-22', 'huisarts', 'eerstelijns_psycholoog', 'ggz']
		]);
	});

	it('matches column names ignoring case and surrounding spaces', async () => {
		const file = writeFile(dir, 'wijken_hoofdletters.csv', ' WIJK_CODE ;Wijk_Naam;Gemeente_Code;GEMEENTE_NAAM\nWK034409;Zuid;GM0344;Utrecht\n');
		await ingest(db, [file]);
		expect(await query(db, 'SELECT wijk_code, wijk_naam FROM wijken')).toEqual([{ wijk_code: 'WK034409', wijk_naam: 'Zuid' }]);
	});

	it('reads XLSX with Excel date cells, serial numbers and decimal-comma text', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Inzet');
		ws.addRow(['Praktijk_code', 'Functie', 'Start', 'Eind', 'Uren_per_week']);
		ws.addRow(['P001', 'ojg', new Date(Date.UTC(2023, 8, 1)), null, 16.5]);
		ws.getCell('C2').numFmt = 'dd-mm-yyyy';
		// 45292 is 2024-01-01 in Excel's 1900 date system.
		ws.addRow(['P002', 'jeugdconsulent', 45292, '30-06-2024', '12,5']);
		const file = path.join(dir, 'ojg_inzet.xlsx');
		await wb.xlsx.writeFile(file);

		const [, , report] = await ingest(db, [...BASE_FILES, file]);
		expect(report).toMatchObject({ file: 'ojg_inzet.xlsx', format: 'xlsx', dataset: 'ojg_inzet', rowsLoaded: 2 });
		expect(
			await query(db, `SELECT praktijk_code, functie, strftime(start, '%Y-%m-%d') AS start, strftime(eind, '%Y-%m-%d') AS eind, uren_per_week FROM ojg_inzet ORDER BY 1`)
		).toEqual([
			{ praktijk_code: 'P001', functie: 'ojg', start: '2023-09-01', eind: null, uren_per_week: 16.5 },
			{ praktijk_code: 'P002', functie: 'jeugdconsulent', start: '2024-01-01', eind: '2024-06-30', uren_per_week: 12.5 }
		]);
	});

	it('loads an upload given as bytes', async () => {
		const bytes = fs.readFileSync(fixture('wijken.csv'));
		const [report] = await ingest(db, [{ name: 'upload_wijken.csv', bytes }]);
		expect(report).toMatchObject({ file: 'upload_wijken.csv', rowsLoaded: 3 });
	});

	it('warns about an unknown column and does not load it', async () => {
		const file = writeFile(dir, 'wijken_extra.csv', 'wijk_code;wijk_naam;gemeente_code;gemeente_naam;opmerking;pc4\nWK034409;Zuid;GM0344;Utrecht;nieuw;3511\n');
		const [report] = await ingest(db, [file]);
		expect(report.warnings).toEqual([
			'wijken_extra.csv, regel 1, kolom "kolom 5": onbekende kolom voor wijken; de kolom wordt niet geladen (regel: kolom-onbekend)',
			'wijken_extra.csv, regel 1, kolom "kolom 6": onbekende kolom voor wijken; de kolom wordt niet geladen (regel: kolom-onbekend)'
		]);
		const [load] = await query(db, 'SELECT warnings FROM loads');
		expect(JSON.parse(load.warnings as string)).toEqual(report.warnings);
		const columns = await query(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'wijken' ORDER BY ordinal_position");
		expect(columns.map((c) => c.column_name)).toEqual(['wijk_code', 'wijk_naam', 'gemeente_code', 'gemeente_naam', 'load_id']);
	});

	it('accepts a missing optional column', async () => {
		const file = writeFile(dir, 'ojg_kort.csv', 'praktijk_code;functie;start\nP001;ojg;2024-02-01\n');
		await ingest(db, [...BASE_FILES, file]);
		expect(await query(db, 'SELECT praktijk_code, eind, uren_per_week FROM ojg_inzet')).toEqual([
			{ praktijk_code: 'P001', eind: null, uren_per_week: null }
		]);
	});
});

describe('idempotence and replacement', () => {
	const dataTables = ['wijken', 'praktijken', 'bestemmingen', 'populatie_wijk', 'populatie_praktijk', 'verwijzingen', 'ojg_inzet'];
	const snapshot = async () => {
		const out: Record<string, unknown> = {};
		for (const t of dataTables) out[t] = await query(db, `SELECT * FROM ${t} ORDER BY ALL`);
		return out;
	};

	it('changes no data when the same file is loaded twice, but records both loads', async () => {
		await ingest(db, [...BASE_FILES, fixture('verwijzingen.csv'), fixture('ojg_inzet.csv'), fixture('populatie_wijk.csv')]);
		const before = await snapshot();

		const reports = await ingest(db, [fixture('verwijzingen.csv'), fixture('ojg_inzet.csv'), fixture('populatie_wijk.csv')]);
		expect(reports.map((r) => [r.file, r.rowsLoaded, r.rowsReplaced, r.rowsUnchanged])).toEqual([
			['populatie_wijk.csv', 3, 3, 3],
			['ojg_inzet.csv', 2, 2, 2],
			['verwijzingen.csv', 4, 4, 4]
		]);
		expect(await snapshot()).toEqual(before);

		const loads = await query(db, "SELECT file_name, sha256, rows_replaced FROM loads WHERE dataset = 'verwijzingen' ORDER BY load_id");
		const hash = sha256(fixture('verwijzingen.csv'));
		expect(loads).toEqual([
			{ file_name: 'verwijzingen.csv', sha256: hash, rows_replaced: 0 },
			{ file_name: 'verwijzingen.csv', sha256: hash, rows_replaced: 4 }
		]);
	});

	it('replaces re-delivered ids and counts them', async () => {
		await ingest(db, [...BASE_FILES, fixture('verwijzingen.csv')]);
		const [report] = await ingest(db, [fixture('verwijzingen_update.csv')]);
		// V002 changed bestemming, V004 is the same referral (2-4-2024 = 2024-04-02), V005 is new.
		expect(report).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rowsReplaced: 2, rowsUnchanged: 1, rowsRejected: 0, loadId: 4 });

		const rows = await verwijzingen();
		expect(rows.map((r) => [r.verwijzing_id, r.bestemming, r.load_id])).toEqual([
			['V001', 'buurtteam', 3],
			['V002', 'eerstelijns_psycholoog', 4],
			['V003', 'welzijn', 3],
			['V004', 'specialistische_jeugdhulp', 3],
			['V005', 'jgz', 4]
		]);
		expect(await query(db, 'SELECT rows_read, rows_loaded, rows_replaced, rows_rejected FROM loads WHERE load_id = 4')).toEqual([
			{ rows_read: 3, rows_loaded: 3, rows_replaced: 2, rows_rejected: 0 }
		]);
	});
});

describe('bestemmingen as editable reference data', () => {
	const nieuw = () =>
		writeFile(
			dir,
			'verwijzingen_schuldhulp.csv',
			'verwijzing_id;datum;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein\nS001;2024-05-02;WK034402;23-64;buurtteam;schuldhulpverlening;sociaal\n'
		);

	it('rejects a bestemming that is not in the table yet', async () => {
		await ingest(db, BASE_FILES);
		const e = await rejection(() => ingest(db, [nieuw()]));
		expect(e.errors.map((x) => [x.line, x.column, x.rule])).toEqual([[2, 'bestemming', 'bestemming-onbekend']]);
	});

	it('accepts it once bestemmingen is extended, also in the same run', async () => {
		await ingest(db, BASE_FILES);
		const reports = await ingest(db, [nieuw(), fixture('bestemmingen.csv')]);
		expect(reports.map((r) => [r.dataset, r.rowsLoaded, r.rowsReplaced])).toEqual([
			['bestemmingen', 2, 1],
			['verwijzingen', 1, 0]
		]);
		expect(await query(db, "SELECT bestemming, lijn FROM bestemmingen WHERE bestemming IN ('schuldhulpverlening', 'welzijn') ORDER BY 1")).toEqual([
			{ bestemming: 'schuldhulpverlening', lijn: 0 },
			{ bestemming: 'welzijn', lijn: 1 }
		]);
		expect((await verwijzingen()).map((r) => r.bestemming)).toEqual(['schuldhulpverlening']);
	});
});

describe('the swap', () => {
	it('puts a new file in place while a reader of the old one keeps its view', async () => {
		await ingest(db, BASE_FILES);
		const oldInode = fs.statSync(db).ino;
		const reader = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
		const conn = await reader.connect();
		try {
			await ingest(db, [fixture('verwijzingen.csv')]);
			expect(fs.statSync(db).ino).not.toBe(oldInode);
			const old = await conn.runAndReadAll('SELECT count(*) AS n FROM verwijzingen');
			expect(Number(old.getRows()[0][0])).toBe(0);
			expect(await query(db, 'SELECT count(*) AS n FROM verwijzingen')).toEqual([{ n: '4' }]);
		} finally {
			conn.closeSync();
			reader.closeSync();
		}
	});
});

describe('provenance and progress', () => {
	it('records file name, hash, dataset, counts, times and the pipeline version', async () => {
		const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
		const before = new Date().toISOString();
		await ingest(db, [fixture('wijken.csv')]);
		const [load] = await query(
			db,
			`SELECT load_id, file_name, sha256, dataset, rows_read, rows_loaded, rows_replaced, rows_rejected, warnings,
			   strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at, strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at,
			   pipeline_version FROM loads`
		);
		expect(load).toMatchObject({
			load_id: 1,
			file_name: 'wijken.csv',
			sha256: sha256(fixture('wijken.csv')),
			dataset: 'wijken',
			rows_read: 3,
			rows_loaded: 3,
			rows_replaced: 0,
			rows_rejected: 0,
			warnings: '[]',
			pipeline_version: pkg.version
		});
		expect(String(load.started_at) >= before.slice(0, 19)).toBe(true);
		expect(String(load.finished_at) >= String(load.started_at)).toBe(true);
	});

	it('reports progress per file and phase', async () => {
		const seen: IngestProgress[] = [];
		await ingest(db, [fixture('wijken.csv')], { onProgress: (p) => seen.push(p) });
		expect(seen.at(-1)).toEqual({ file: 'wijken.csv', dataset: 'wijken', phase: 'laden', done: 3, total: 3 });
		expect(seen.some((p) => p.phase === 'controleren' && p.done === 3)).toBe(true);
	});

	// Speed is measured by `npm run bench` (demo import), not asserted here.
	it('loads a large file completely', async () => {
		const n = 20_000;
		const lines = ['verwijzing_id;datum;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein'];
		for (let i = 0; i < n; i++) lines.push(`G${i};2024-02-${String((i % 28) + 1).padStart(2, '0')};WK034401;23-64;huisarts;buurtteam;sociaal`);
		const file = writeFile(dir, 'groot.csv', lines.join('\n'));
		await ingest(db, BASE_FILES);
		const [report] = await ingest(db, [file]);
		expect(report.rowsLoaded).toBe(n);
		expect(await query(db, "SELECT count(*) AS n, count(DISTINCT datum) AS dagen FROM verwijzingen")).toEqual([{ n: '20000', dagen: '28' }]);
	});
});
