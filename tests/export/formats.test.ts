// Every export in CSV, XLSX and Arrow on the demo data: the three files hold the same numbers.
// The CSV is parsed here with papaparse (not the writer's code), the XLSX with exceljs and the Arrow
// file with apache-arrow's tableFromIPC; every cell of every row is compared. Also: the hidden
// counts stay text ("<5") in Excel and null plus a marker in Arrow, never a number; every column is
// documented; a user limited to one gemeente gets only that gemeente in every format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { tableFromIPC, type Table } from 'apache-arrow';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { Database } from '$lib/server/db/database';
import { describeExport } from '$lib/server/export/describe';
import { EXPORT_TABLES, EXPORTS } from '$lib/server/export/registry';
import { renderExport, type Format } from '$lib/server/export/render';
import { ojgEffect } from '$lib/server/ojg/effect';

const K = 5;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-export-formats-'));
const file = path.join(dir, 'demo.duckdb');
let db: Database;
let plaatsing = '';

beforeAll(async () => {
	await buildDemoDatabase(file);
	db = new Database(file);
	plaatsing = (await ojgEffect(db, 12, 'gemeente', K)).plaatsingen[0].id;
}, 180_000);
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** The queries each export is tried with: its default, and filters that reach its other code paths. */
const QUERIES: Record<string, (() => string)[]> = {
	verwijzingen: [() => '', () => 'niveau=praktijk&periode=maand&lijn=alle', () => 'niveau=gemeente&periode=jaar&leeftijd=0-17&domein=jeugd&noemer=patienten'],
	bestemmingen: [() => '', () => 'niveau=praktijk&leeftijd=18%2B'],
	kerncijfers: [() => '', () => 'niveau=wijk&gemeente=GM9901'],
	bronnen: [() => ''],
	'ojg-effect': [() => '', () => 'venster=24&vergelijking=alle'],
	'ojg-reeks': [() => `plaatsing=${encodeURIComponent(plaatsing)}`],
	werkplannen: [() => 'peildatum=2025-06-01'],
	mijlpalen: [() => 'peildatum=2025-06-01'],
	swot: [() => '', () => 'wijk=WK990101'],
	leerbijeenkomsten: [() => '', () => 'seizoen=voorjaar-2025'],
	rapportcijfers: [() => ''],
	'ja-nee-vragen': [() => ''],
	werkafspraken: [() => '']
};

async function bytes(name: string, query: string, format: Format, database: Database = db): Promise<Buffer> {
	const params = new URLSearchParams(query);
	const [t, d] = await Promise.all([EXPORT_TABLES[name]({ db: database, params, k: K }), describeExport(database, name, params)]);
	return Buffer.from(await new Response(renderExport(t, d, K, format)).arrayBuffer());
}

/** CSV → header and rows of strings, by papaparse (Dutch Excel dialect: ';', BOM, CRLF). */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
	expect(text.startsWith('\uFEFF')).toBe(true);
	const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	const [header, ...rows] = parsed.data;
	return { header, rows };
}

interface Sheet {
	header: string[];
	rows: ExcelJS.CellValue[][];
	formats: string[];
}

async function parseXlsx(buf: Buffer): Promise<{ wb: ExcelJS.Workbook; data: Sheet }> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(buf as unknown as ArrayBuffer);
	const ws = wb.getWorksheet('Gegevens')!;
	const width = ws.getRow(1).cellCount;
	const values = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => r.getCell(i + 1).value);
	const rows: ExcelJS.CellValue[][] = [];
	ws.eachRow((r, n) => n > 1 && rows.push(values(r)));
	const formats = Array.from({ length: width }, (_, i) => (ws.rowCount > 1 ? ws.getRow(2).getCell(i + 1).numFmt ?? '' : ''));
	return { wb, data: { header: values(ws.getRow(1)).map(String), rows, formats } };
}

/** A CSV number as written: decimal comma, no thousands separator. */
const csvNumber = (s: string) => (/^-?\d+(,\d+)?$/.test(s) ? Number(s.replace(',', '.')) : null);
const MARKER = /^(<\d+|x)$/;

/** The CSV cell s and another format's value v hold the same thing. */
function same(s: string, v: unknown, scale = 1): boolean {
	if (v === null || v === undefined) return s === '';
	if (typeof v === 'number') return csvNumber(s) !== null && Math.abs(csvNumber(s)! - v * scale) < 1e-9;
	if (typeof v === 'bigint') return csvNumber(s) === Number(v);
	// The CSV writes text that starts like a formula with a leading ' (csv.ts); the other formats do not.
	return s === String(v) || s === `'${String(v)}`;
}

describe.each(Object.keys(QUERIES))('export %s', (name) => {
	it('is registered and has queries here', () => {
		expect(Object.keys(EXPORT_TABLES)).toContain(name);
	});

	it('gives the same numbers in CSV, XLSX and Arrow', async () => {
		for (const q of QUERIES[name]) {
			const query = q();
			const text = (await bytes(name, query, 'csv')).toString('utf8');
			// The stream and the string form (EXPORTS, used by the disclosure attacks) are the same text.
			expect(text).toBe(await EXPORTS[name]({ db, params: new URLSearchParams(query), k: K }));
			const csv = parseCsv(text);
			expect(csv.header.at(-1)).toBe('filters');
			const codes = csv.header.slice(0, -1);

			const { data } = await parseXlsx(await bytes(name, query, 'xlsx'));
			const arrow: Table = tableFromIPC(await bytes(name, query, 'arrow'));

			expect(data.rows.length, `${name}?${query}`).toBe(csv.rows.length);
			expect(arrow.numRows).toBe(csv.rows.length);
			expect(data.header.length).toBe(codes.length);
			const fields = arrow.schema.fields.map((f) => f.name);
			expect(fields.filter((f) => !f.endsWith('_onderdrukt'))).toEqual(codes);

			codes.forEach((code, j) => {
				const percent = data.formats[j].includes('%');
				const nulls = arrow.getChild(code)!;
				const marker = arrow.getChild(`${code}_onderdrukt`);
				csv.rows.forEach((row, i) => {
					const s = row[j];
					const where = `${name}?${query} row ${i + 1} ${code}: csv "${s}"`;
					const x = data.rows[i][j];
					if (MARKER.test(s)) {
						// A hidden count: text in Excel, null plus the marker in Arrow, never a number.
						expect(x, where).toBe(s);
						if (marker) {
							expect(nulls.get(i), where).toBeNull();
							expect(marker.get(i), where).toBe(s);
						} else expect(nulls.get(i), where).toBe(s);
						return;
					}
					expect(same(s, x, percent ? 100 : 1), `${where}, xlsx ${String(x)}`).toBe(true);
					const a = nulls.get(i);
					expect(same(s, a), `${where}, arrow ${String(a)}`).toBe(true);
					if (marker) expect(marker.get(i), where).toBeNull();
				});
			});
		}
	});
});

describe('kinds and formats', () => {
	it('writes counts as integers, rates with 2 decimals and shares as percentages in Excel; typed columns in Arrow', async () => {
		const { data } = await parseXlsx(await bytes('verwijzingen', 'niveau=gemeente&periode=jaar', 'xlsx'));
		expect(data.header).toEqual(['Periode', 'Niveau', 'Code', 'Naam', 'Gemeentecode', 'Gemeente', 'Lijn', 'Leeftijd', 'Verwijzingen', 'Populatie', 'Per 1.000 inwoners/patiënten per jaar', 'Noemer']);
		expect(data.formats.slice(8, 11)).toEqual(['#,##0', '0', '#,##0.00']);
		const dest = await parseXlsx(await bytes('bestemmingen', '', 'xlsx'));
		expect(dest.data.formats[5]).toBe('0.0%');
		const arrow = tableFromIPC(await bytes('verwijzingen', 'niveau=gemeente&periode=jaar', 'arrow'));
		const types = Object.fromEntries(arrow.schema.fields.map((f) => [f.name, String(f.type)]));
		expect(types).toMatchObject({ periode: 'Utf8', verwijzingen: 'Int32', verwijzingen_onderdrukt: 'Utf8', populatie: 'Int32', per_1000: 'Float64' });
		expect(arrow.schema.fields.find((f) => f.name === 'per_1000')!.metadata.get('kop')).toBe('Per 1.000 inwoners/patiënten per jaar');
	});

	it('freezes the header row of the data sheet', async () => {
		const { wb } = await parseXlsx(await bytes('kerncijfers', '', 'xlsx'));
		expect(wb.getWorksheet('Gegevens')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Gegevens', 'Toelichting']);
	});

	it('keeps a small count hidden in every format (a monthly practice export has many)', async () => {
		const text = (await bytes('verwijzingen', 'niveau=praktijk&periode=maand', 'csv')).toString('utf8');
		const hidden = text.split('\r\n').filter((l) => l.split(';')[8] === '<5').length;
		expect(hidden).toBeGreaterThan(10);
		const { data } = await parseXlsx(await bytes('verwijzingen', 'niveau=praktijk&periode=maand', 'xlsx'));
		expect(data.rows.filter((r) => r[8] === '<5').length).toBe(hidden);
		expect(data.rows.some((r) => typeof r[8] === 'number' && r[8] > 0 && r[8] < K)).toBe(false);
		const arrow = tableFromIPC(await bytes('verwijzingen', 'niveau=praktijk&periode=maand', 'arrow'));
		const counts = arrow.getChild('verwijzingen')!.toJSON() as (number | null)[];
		expect(counts.some((v) => v !== null && v > 0 && v < K)).toBe(false);
		expect((arrow.getChild('verwijzingen_onderdrukt')!.toJSON() as (string | null)[]).filter((m) => m === '<5').length).toBe(hidden);
	});

	it('writes an empty export as a valid file with its columns', async () => {
		const arrow = tableFromIPC(await bytes('verwijzingen', 'wijk=WK999999&van=2016&tot=2016', 'arrow'));
		expect(arrow.numRows).toBe(0);
		expect(arrow.schema.fields.map((f) => f.name)).toContain('per_1000');
		const { data } = await parseXlsx(await bytes('verwijzingen', 'wijk=WK999999', 'xlsx'));
		expect(data.rows).toEqual([]);
		expect(data.header[0]).toBe('Periode');
	});
});

describe('scope', () => {
	it('a user limited to Voorbeeldstad (GM9901) gets only GM9901 in CSV, XLSX and Arrow', async () => {
		const scoped = db.scoped({ gemeenten: ['GM9901'], wijken: null });
		for (const query of ['niveau=gemeente&periode=jaar', 'niveau=wijk&periode=jaar', 'niveau=praktijk&periode=jaar', 'niveau=wijk&periode=jaar&gemeente=GM9902']) {
			const csv = parseCsv((await bytes('verwijzingen', query, 'csv', scoped)).toString('utf8'));
			const col = csv.header.indexOf('gemeente_code');
			expect(new Set(csv.rows.map((r) => r[col])), query).toEqual(query.includes('GM9902') ? new Set() : new Set(['GM9901']));
			const { data } = await parseXlsx(await bytes('verwijzingen', query, 'xlsx', scoped));
			expect(data.rows.every((r) => r[4] === 'GM9901'), query).toBe(true);
			expect(data.rows.length).toBe(csv.rows.length);
			const arrow = tableFromIPC(await bytes('verwijzingen', query, 'arrow', scoped));
			expect(new Set(arrow.getChild('gemeente_code')!.toJSON()), query).toEqual(new Set(csv.rows.map((r) => r[col])));
		}
		// The whole-scope database has the other gemeenten (the test can fail).
		const all = tableFromIPC(await bytes('verwijzingen', 'niveau=gemeente&periode=jaar', 'arrow'));
		expect(new Set(all.getChild('gemeente_code')!.toJSON())).toEqual(new Set(['GM9901', 'GM9902', 'GM9903']));
	});
});
