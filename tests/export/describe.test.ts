// Exports that explain themselves, on the hand-made fixture (referrals January 2024 to December
// 2025, loaded 2026-01-05 10:00 UTC): file names that carry the filters (written out by hand here),
// the filters column of the CSV, the Toelichting sheet of the XLSX and the Arrow metadata, and the
// HTTP answer (Content-Disposition, Dutch 404s) of /export/<name>.<format>.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureDb } from '../fixtures/fixture-db';
import { Database } from '$lib/server/db/database';
import { describeExport } from '$lib/server/export/describe';
import { EXPORT_TABLES } from '$lib/server/export/registry';
import { renderExport } from '$lib/server/export/render';
import { exportResponse } from '$lib/server/export/respond';
import { flushActivity } from '$lib/server/edits/activity';
import { PERTURBATION_NOTE } from '$lib/shared/disclosure';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-export-describe-'));
const file = path.join(dir, 'fixture.duckdb');
let db: Database;
const env = { MONITOR_DB: process.env.MONITOR_DB, MONITOR_EDITS_DB: process.env.MONITOR_EDITS_DB };

beforeAll(async () => {
	await createFixtureDb(file);
	db = new Database(file);
	process.env.MONITOR_DB = file;
	process.env.MONITOR_EDITS_DB = path.join(dir, 'edits.duckdb');
});
afterAll(async () => {
	await flushActivity();
	db?.close();
	for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
	else process.env[k] = v;
	fs.rmSync(dir, { recursive: true, force: true });
});

const name = async (exportName: string, query: string) => (await describeExport(db, exportName, new URLSearchParams(query))).bestand;

describe('file names carry the filters', () => {
	it.each([
		['verwijzingen', '', 'verwijzingen_wijk_kwartaal_lijn2_alle-leeftijden_2024-2025'],
		['verwijzingen', 'niveau=wijk&periode=kwartaal&lijn=2&leeftijd=0-17&van=2016&tot=2025', 'verwijzingen_wijk_kwartaal_lijn2_0-17_2016-2025'],
		['verwijzingen', 'leeftijd=0-17&domein=jeugd&verwijzer=ojg&gemeente=GM9901&noemer=patienten', 'verwijzingen_wijk_kwartaal_lijn2_0-17_2024-2025_jeugd_ojg_GM9901_patienten'],
		['verwijzingen', 'niveau=gemeente&periode=jaar&lijn=alle&wijk=WK990101', 'verwijzingen_wijk_jaar_alle-lijnen_alle-leeftijden_2024-2025_WK990101'],
		['verwijzingen', 'praktijk=P1&periode=maand&lijn=0&van=2025', 'verwijzingen_praktijk_maand_lijn0_alle-leeftijden_2025_P1'],
		// Invalid values fall back to the defaults, as in the export itself; years are put in order.
		['verwijzingen', 'niveau=land&lijn=9&leeftijd=oud&van=2025&tot=2024', 'verwijzingen_wijk_kwartaal_lijn2_alle-leeftijden_2024-2025'],
		['bestemmingen', 'leeftijd=18%2B', 'bestemmingen_18plus_2024-2025'],
		['bestemmingen', 'niveau=praktijk&wijk=WK990101', 'bestemmingen_praktijk_alle-leeftijden_2024-2025_WK990101'],
		['kerncijfers', '', 'kerncijfers_gemeente_2024-2025'],
		['kerncijfers', 'niveau=wijk&gemeente=GM9901', 'kerncijfers_wijk_2024-2025_GM9901'],
		['ojg-effect', '', 'ojg-effect_venster12_gemeente'],
		['ojg-reeks', 'plaatsing=T-ojg-2024-07-15&venster=6', 'ojg-reeks_T-ojg-2024-07-15_venster6_gemeente'],
		['leerbijeenkomsten', '', 'leerbijeenkomsten_alle-seizoenen'],
		['rapportcijfers', 'seizoen=voorjaar-2025&wijk=WK990101', 'rapportcijfers_voorjaar-2025_WK990101'],
		['ja-nee-vragen', 'wijk=%2B', 'ja-nee-vragen_alle-seizoenen_overige-wijken'],
		['werkafspraken', 'wijk=WK990102', 'werkafspraken_WK990102'],
		['werkplannen', 'peildatum=2025-06-01', 'werkplannen_2025-06-01'],
		['mijlpalen', 'peildatum=2025-06-01', 'mijlpalen_2025-06-01'],
		['swot', 'wijk=WK990101', 'swot_WK990101'],
		['swot', '', 'swot'],
		['bronnen', '', 'bronnen']
	])('%s?%s → %s', async (exportName, query, expected) => {
		expect(await name(exportName, query)).toBe(expected);
	});

	it('a file name part never holds more than letters, digits, - _ and .', async () => {
		expect(await name('ojg-reeks', `plaatsing=${encodeURIComponent('A/B "C";\\x')}`)).toBe('ojg-reeks_A-B-C-x_venster12_gemeente');
	});
});

describe('the filters as a query string (the CSV filters column)', () => {
	it('spells out every filter applied, defaults and the data years too', async () => {
		const d = await describeExport(db, 'verwijzingen', new URLSearchParams('leeftijd=0-17&domein=jeugd&onbekend=1'));
		expect(d.query).toBe('niveau=wijk&periode=kwartaal&lijn=2&leeftijd=0-17&van=2024&tot=2025&domein=jeugd');
		const t = await EXPORT_TABLES.verwijzingen({ db, params: new URLSearchParams('leeftijd=0-17&domein=jeugd&onbekend=1'), k: 5 });
		const csv = await new Response(renderExport(t, d, 5, 'csv')).text();
		const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('periode;niveau;niveau_code;niveau_naam;gemeente_code;gemeente_naam;lijn;leeftijd;verwijzingen;populatie;per_1000;noemer;filters');
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines.slice(1)) expect(l.split(';').at(-1)).toBe(d.query);
	});
});

describe('Toelichting', () => {
	const query = 'niveau=gemeente&periode=jaar&leeftijd=0-17&noemer=patienten';

	/** The sheet's lines before "Kolommen" by their label (a line without one continues the one above), and the column table. */
	async function toelichting(): Promise<{ s: Map<string, string[]>; kolommen: string[][] }> {
		const params = new URLSearchParams(query);
		const [t, d] = await Promise.all([EXPORT_TABLES.verwijzingen({ db, params, k: 5 }), describeExport(db, 'verwijzingen', params)]);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await new Response(renderExport(t, d, 5, 'xlsx')).arrayBuffer()) as ArrayBuffer);
		const ws = wb.getWorksheet('Toelichting')!;
		const s = new Map<string, string[]>();
		const kolommen: string[][] = [];
		let last = '';
		let table = false;
		ws.eachRow((r) => {
			const cells = [1, 2, 3, 4].map((i) => r.getCell(i).value).map((v) => (v === null || v === undefined ? '' : String(v)));
			if (cells[0] === 'Kolommen') table = true;
			else if (table) kolommen.push(cells);
			else {
				if (cells[0].trim()) last = cells[0].trim();
				// A merged cell repeats its value in the cells it covers: one text per line.
				s.set(last, [...(s.get(last) ?? []), ...(cells[1] ? [cells[1]] : [])]);
			}
		});
		return { s, kolommen };
	}

	it('states the filters, the noemer, the period, the load time and the privacy rules', async () => {
		const { s } = await toelichting();
		expect(s.get('Basiszorg Monitor: verwijzingen')).toEqual([]);
		expect(s.get('Bestand')).toEqual(['verwijzingen_gemeente_jaar_lijn2_0-17_2024-2025_patienten.xlsx']);
		expect(s.get('Filters')).toEqual(['niveau=gemeente&periode=jaar&lijn=2&leeftijd=0-17&van=2024&tot=2025&noemer=patienten']);
		expect(s.get('Niveau')).toEqual(['gemeente']);
		expect(s.get('Lijn')).toEqual(['2 (tweede lijn)']);
		expect(s.get('Leeftijd')).toEqual(['0-17']);
		expect(s.get('Jaren')).toEqual(['2024 t/m 2025']);
		// The filter (the choice), then what it means.
		expect(s.get('Noemer')).toEqual(['patienten', expect.stringMatching(/^patiënten: verwijzingen door de praktijken in de eenheid, per ingeschreven patiënt/)]);
		expect(s.get('Gegevensperiode')).toEqual(['verwijzingen van januari 2024 t/m december 2025']);
		// 2026-01-05T10:00:00Z is 11:00 in Amsterdam.
		expect(s.get('Gegevens geladen op')).toEqual(['5 jan 2026, 11:00']);
		const privacy = s.get('Privacy')!;
		expect(privacy[0]).toBe(PERTURBATION_NOTE);
		expect(privacy.join(' ')).toContain('celsleutelmethode');
		expect(privacy.join(' ')).toContain('staat er als "<5" (tekst, nooit een getal)');
	});

	it('defines every column, in the order of the data sheet, by its heading and its CSV name', async () => {
		const { kolommen } = await toelichting();
		expect(kolommen[0]).toEqual(['Kop in Gegevens', 'Kolom in CSV en Arrow', 'Soort', 'Definitie']);
		expect(kolommen.slice(1).map(([kop, code]) => [kop, code])).toEqual([
			['Periode', 'periode'],
			['Niveau', 'niveau'],
			['Code', 'niveau_code'],
			['Naam', 'niveau_naam'],
			['Gemeentecode', 'gemeente_code'],
			['Gemeente', 'gemeente_naam'],
			['Lijn', 'lijn'],
			['Leeftijd', 'leeftijd'],
			['Verwijzingen', 'verwijzingen'],
			['Populatie', 'populatie'],
			['Per 1.000 inwoners/patiënten per jaar', 'per_1000'],
			['Noemer', 'noemer']
		]);
		expect(kolommen[11][2]).toBe('getal met 2 decimalen');
		expect(kolommen[9][2]).toBe('aantal (geheel getal; een verborgen aantal staat er als tekst, zoals "<5")');
		for (const [, , soort, definitie] of kolommen) expect(soort.length * definitie.length).toBeGreaterThan(0);
	});

	it('travels with the Arrow file as schema metadata', async () => {
		const params = new URLSearchParams(query);
		const [t, d] = await Promise.all([EXPORT_TABLES.verwijzingen({ db, params, k: 5 }), describeExport(db, 'verwijzingen', params)]);
		const arrow = tableFromIPC(new Uint8Array(await new Response(renderExport(t, d, 5, 'arrow')).arrayBuffer()));
		const meta = arrow.schema.metadata;
		expect(meta.get('filters')).toBe('niveau=gemeente&periode=jaar&lijn=2&leeftijd=0-17&van=2024&tot=2025&noemer=patienten');
		expect(meta.get('bestand')).toBe('verwijzingen_gemeente_jaar_lijn2_0-17_2024-2025_patienten.arrow');
		expect(meta.get('gegevensperiode')).toBe('verwijzingen van januari 2024 t/m december 2025');
		expect(meta.get('privacy')).toContain(PERTURBATION_NOTE);
	});
});

describe('/export/<name>.<format>', () => {
	const locals = { user: { gebruikersnaam: 'test', naam: 'Test', rol: 'beheerder', scope: { gemeenten: null, wijken: null } } } as App.Locals;
	const params = new URLSearchParams('niveau=wijk&periode=kwartaal&lijn=2&leeftijd=0-17&van=2024&tot=2025');

	it.each([
		['csv', 'text/csv; charset=utf-8'],
		['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
		['arrow', 'application/vnd.apache.arrow.file']
	])('answers .%s as a download named after its filters', async (format, type) => {
		const res = await exportResponse('verwijzingen', format, params, locals, '127.0.0.1');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(type);
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="verwijzingen_wijk_kwartaal_lijn2_0-17_2024-2025.${format}"`);
		expect(res.body).toBeInstanceOf(ReadableStream);
		expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
	});

	it('answers an unknown format or name with a Dutch 404', async () => {
		await expect(exportResponse('verwijzingen', 'pdf', params, locals, '127.0.0.1')).rejects.toMatchObject({ status: 404, body: { message: 'Onbekend bestandsformaat ".pdf": kies .csv, .xlsx, .arrow' } });
		await expect(exportResponse('onbekend', 'xlsx', params, locals, '127.0.0.1')).rejects.toMatchObject({ status: 404, body: { message: 'Onbekende export "onbekend"' } });
		await expect(exportResponse('toString', 'csv', params, locals, '127.0.0.1')).rejects.toMatchObject({ status: 404 });
	});
});
