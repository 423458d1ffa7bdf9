// The demo data generator: deterministic, contract-conform, and with the planted patterns
// (OJG effect, summer dip) visible when the written files are counted independently.

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DEFAULT_BESTEMMINGEN,
	DOMEINEN,
	LEEFTIJDSGROEPEN,
	VERWIJZERS,
	WIJK_CODE
} from '$contract/codes';
import { DEMO_SEED, generateDemo, type DemoFile } from '../../../pipelines/demo/generate';
import { ingest } from '../../../pipelines/ingest';
import { demoManifest } from '../../../scripts/demo-db';

const COMMITTED = join(import.meta.dirname, '../../../data/demo');

const JEUGD = new Set(['0-3', '4-11', '12-17']);
const TWEEDE_LIJN_JEUGD = new Set(['specialistische_jeugdhulp', 'jeugd_ggz']);
const VERWIJZING_KOLOMMEN = [
	'verwijzing_id',
	'datum',
	'praktijk_code',
	'wijk_code',
	'leeftijdsgroep',
	'verwijzer',
	'bestemming',
	'domein',
	'client_pseudo',
	'terugkoppeling_datum'
];

const FORBIDDEN_COLUMNS = [
	'bsn',
	'burgerservicenummer',
	'naam',
	'voornaam',
	'achternaam',
	'geboortedatum',
	'adres',
	'straat',
	'huisnummer',
	'postcode',
	'telefoon',
	'email',
	'e-mail'
];

type Row = Record<string, string>;

/** Decodes as the contract describes: UTF-8 (BOM stripped) if valid, else Windows-1252. */
function decode(bytes: Buffer): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** A date in any of the contract's notations, as ISO, or null when the value is not a date. */
function isoDate(value: string | Date): string | null {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (m) return value;
	m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
	return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

/** Reads a CSV or XLSX file into rows keyed by lower-case column name; dates become ISO strings. */
async function readTable(path: string): Promise<{ header: string[]; rows: Row[]; dates: string[] }> {
	const dates: string[] = [];
	if (path.endsWith('.xlsx')) {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(path);
		const sheet = workbook.worksheets[0];
		const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v).trim().toLowerCase());
		const rows: Row[] = [];
		for (let r = 2; r <= sheet.rowCount; r++) {
			const row: Row = {};
			header.forEach((h, i) => {
				const v = sheet.getRow(r).getCell(i + 1).value;
				if (v instanceof Date) dates.push(isoDate(v)!);
				row[h] = v instanceof Date ? isoDate(v)! : v === null || v === undefined ? '' : String(v);
			});
			rows.push(row);
		}
		return { header, rows, dates };
	}
	const text = decode(await readFile(path));
	const delimiter = text.slice(0, text.indexOf('\n')).includes(';') ? ';' : ',';
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
	expect(parsed.errors, path).toEqual([]);
	const [head, ...body] = parsed.data;
	const header = head.map((h) => h.trim().toLowerCase());
	const rows = body.map((cells) => {
		const row: Row = {};
		header.forEach((h, i) => {
			const iso = isoDate(cells[i]);
			if (iso) dates.push(iso);
			row[h] = iso ?? cells[i];
		});
		return row;
	});
	return { header, rows, dates };
}

const month = (iso: string) => iso.slice(0, 7);
function addMonths(ym: string, k: number): string {
	const [y, m] = ym.split('-').map(Number);
	const i = y * 12 + (m - 1) + k;
	return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

let dirA: string;
let dirB: string;
let files: DemoFile[];
const tables = new Map<string, Awaited<ReturnType<typeof readTable>>>();

beforeAll(async () => {
	dirA = await mkdtemp(join(tmpdir(), 'demo-a-'));
	dirB = await mkdtemp(join(tmpdir(), 'demo-b-'));
	files = await generateDemo(dirA, DEMO_SEED);
	await generateDemo(dirB, DEMO_SEED);
	for (const f of files) tables.set(f.file, await readTable(join(dirA, f.file)));
});

afterAll(async () => {
	for (const dir of [dirA, dirB]) if (dir) await rm(dir, { recursive: true, force: true });
});

const verwijzingen = () =>
	[...tables].filter(([file]) => file.startsWith('verwijzingen_')).flatMap(([, t]) => t.rows);

describe('generateDemo', () => {
	it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
		const namesA = (await readdir(dirA)).sort();
		expect(namesA).toEqual((await readdir(dirB)).sort());
		expect(namesA).toContain('README.md');
		for (const name of namesA) {
			const [a, b] = await Promise.all([readFile(join(dirA, name)), readFile(join(dirB, name))]);
			expect(a.equals(b), name).toBe(true);
		}
		const dirC = await mkdtemp(join(tmpdir(), 'demo-c-'));
		try {
			await generateDemo(dirC, DEMO_SEED + 1);
			const file = 'verwijzingen_his_voorbeeldstad.csv';
			const [a, c] = await Promise.all([readFile(join(dirA, file)), readFile(join(dirC, file))]);
			expect(a.equals(c)).toBe(false);
		} finally {
			await rm(dirC, { recursive: true, force: true });
		}
	});

	it('matches the committed data/demo (regenerate with npm run demo-data)', async () => {
		for (const f of files) {
			const [fresh, committed] = await Promise.all([readFile(join(dirA, f.file)), readFile(join(COMMITTED, f.file))]);
			expect(fresh.equals(committed), f.file).toBe(true);
		}
	});

	it('loads completely through the import pipeline, without warnings', async () => {
		const dbDir = await mkdtemp(join(tmpdir(), 'demo-db-'));
		try {
			// Survey tool exports carry no enquete_id: the manifest names it, as npm run demo-db does.
			const reports = await ingest(join(dbDir, 'check.duckdb'), files.map((f) => join(dirA, f.file)), { demo: true, enquete: demoManifest(dirA) });
			const byFile = new Map(reports.map((r) => [r.file, r]));
			for (const f of files) {
				expect(byFile.get(f.file)?.rowsLoaded, f.file).toBe(f.rows);
				expect(byFile.get(f.file)?.warnings, f.file).toEqual([]);
			}
		} finally {
			await rm(dbDir, { recursive: true, force: true });
		}
	});

	it('stays within the size budget', () => {
		const referrals = files.filter((f) => f.dataset === 'verwijzingen').reduce((s, f) => s + f.rows, 0);
		expect(referrals).toBeGreaterThanOrEqual(40_000);
		expect(referrals).toBeLessThanOrEqual(70_000);
		expect(verwijzingen()).toHaveLength(referrals);
		expect(files.reduce((s, f) => s + f.bytes, 0)).toBeLessThan(8 * 1024 * 1024);
	});

	it('writes wijken.csv in Windows-1252, which is not valid UTF-8', async () => {
		const bytes = await readFile(join(dirA, 'wijken.csv'));
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const text = new TextDecoder('windows-1252').decode(bytes);
		expect(text).toContain('WK990102;Riëndonk;GM9901;Voorbeeldstad');
		expect(text).toContain('Het Prieël');
		expect(text).not.toContain('Ã');
		// The same names elsewhere are UTF-8, with a BOM here.
		const praktijken = await readFile(join(dirA, 'praktijken.csv'));
		expect([...praktijken.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { fatal: true }).decode(praktijken)).toContain('Gezondheidscentrum Riëndonk');
	});

	it('has no date before 2016-01-01 or after 2025-12-31 in any file', () => {
		let checked = 0;
		const outside: string[] = [];
		for (const [file, t] of tables) {
			if (file.startsWith('verwijzingen_') || file.startsWith('ojg_inzet_')) {
				expect(t.dates.length, file).toBeGreaterThanOrEqual(t.rows.length);
			}
			for (const d of t.dates) {
				if (d < '2016-01-01' || d > '2025-12-31') outside.push(`${file}: ${d}`);
				checked++;
			}
		}
		expect(outside.slice(0, 10)).toEqual([]);
		expect(checked).toBeGreaterThan(60_000);
	});

	it('writes referrals that follow formats.md', () => {
		const wijken = new Set(tables.get('wijken.csv')!.rows.map((r) => r.wijk_code));
		const praktijken = new Set(tables.get('praktijken.csv')!.rows.map((r) => r.praktijk_code));
		const ids = new Set<string>();
		const problems: string[] = [];
		let feedback = 0;
		for (const [file, t] of tables) {
			if (!file.startsWith('verwijzingen_')) continue;
			for (const h of t.header) if (!VERWIJZING_KOLOMMEN.includes(h)) problems.push(`${file}: kolom ${h}`);
			for (const r of t.rows) {
				const bad = (rule: string) => problems.push(`${file} ${r.verwijzing_id}: ${rule}`);
				if (ids.has(r.verwijzing_id)) bad('dubbel id');
				ids.add(r.verwijzing_id);
				if (!WIJK_CODE.test(r.wijk_code) || !wijken.has(r.wijk_code)) bad('wijk_code');
				if (r.praktijk_code && !praktijken.has(r.praktijk_code)) bad('praktijk_code');
				if (!(LEEFTIJDSGROEPEN as readonly string[]).includes(r.leeftijdsgroep)) bad('leeftijdsgroep');
				if (!(VERWIJZERS as readonly string[]).includes(r.verwijzer)) bad('verwijzer');
				if (!(r.bestemming in DEFAULT_BESTEMMINGEN)) bad('bestemming');
				if (!(DOMEINEN as readonly string[]).includes(r.domein)) bad('domein');
				if (!/^\d{4}-\d{2}-\d{2}$/.test(r.datum)) bad('datum');
				if (r.client_pseudo && !/^[0-9a-f]{12}$/.test(r.client_pseudo)) bad('client_pseudo');
				if (r.terugkoppeling_datum) {
					feedback++;
					if (r.bestemming !== 'buurtteam' || !(r.terugkoppeling_datum > r.datum)) bad('terugkoppeling_datum');
				}
			}
		}
		expect(problems.slice(0, 10)).toEqual([]);
		expect(ids.size).toBeGreaterThan(40_000);
		expect(feedback).toBeGreaterThan(1000);
	});

	it('contains nothing the privacy rules forbid', async () => {
		for (const name of await readdir(dirA)) {
			if (!name.endsWith('.csv')) continue;
			const text = decode(await readFile(join(dirA, name)));
			expect(text, name).not.toMatch(/\b\d{4} ?[A-Z]{2}\b/); // postcode
			expect(text, name).not.toMatch(/@/); // e-mail
			expect(text, name).not.toMatch(/(^|[;,"])\d{9}([;,"\r\n]|$)/m); // 9-digit number as a value
			const header = text.slice(0, text.indexOf('\n')).replace(/^\uFEFF/, '').trim().toLowerCase();
			for (const column of header.split(/[;,]/).map((c) => c.replaceAll('"', '').trim())) {
				// The contract names an enquete's title `naam` (docs/formats.md "Datasets"): not a person's name.
				if (name === 'enquetes.csv' && column === 'naam') continue;
				expect(FORBIDDEN_COLUMNS, `${name}: ${column}`).not.toContain(column);
			}
		}
	});

	it('plants the OJG effect: fewer second-line youth referrals after the start, none elsewhere', () => {
		const placements = [...tables]
			.filter(([file]) => file.startsWith('ojg_inzet_'))
			.flatMap(([, t]) => t.rows);
		const ojgPraktijken = new Set(placements.map((p) => p.praktijk_code));
		const his = tables.get('verwijzingen_his_voorbeeldstad.csv')!.rows;
		const gemeentePraktijken = new Set(his.map((r) => r.praktijk_code));

		const perMonth = (praktijk: string, from: string, to: string) =>
			his.filter(
				(r) =>
					r.praktijk_code === praktijk &&
					JEUGD.has(r.leeftijdsgroep) &&
					TWEEDE_LIJN_JEUGD.has(r.bestemming) &&
					month(r.datum) >= from &&
					month(r.datum) <= to
			).length / 12;

		// The placement in this gemeente with the most second-line youth referrals before its start.
		const candidates = placements
			.filter((p) => gemeentePraktijken.has(p.praktijk_code))
			.map((p) => ({ praktijk: p.praktijk_code, start: month(p.start) }))
			.map((p) => ({ ...p, voor: perMonth(p.praktijk, addMonths(p.start, -12), addMonths(p.start, -1)) }))
			.sort((a, b) => b.voor - a.voor);
		expect(candidates.length).toBeGreaterThanOrEqual(2);
		const { praktijk, start, voor } = candidates[0];
		const na = perMonth(praktijk, start, addMonths(start, 11));
		expect(voor).toBeGreaterThan(2);
		expect(1 - na / voor).toBeGreaterThan(0.2);
		expect(1 - na / voor).toBeLessThan(0.5);

		// Substitution: referrals to the OJG itself appear only once it is there.
		const naarOjg = his.filter((r) => r.praktijk_code === praktijk && (r.bestemming === 'ojg' || r.bestemming === 'poh_jeugd'));
		expect(naarOjg.length).toBeGreaterThan(12);
		expect(naarOjg.every((r) => month(r.datum) >= start)).toBe(true);

		// The busiest practice without a placement, over the same months, keeps its level.
		const controle = [...gemeentePraktijken]
			.filter((p) => !ojgPraktijken.has(p))
			.map((p) => ({ p, voor: perMonth(p, addMonths(start, -12), addMonths(start, -1)) }))
			.sort((a, b) => b.voor - a.voor)[0];
		const controleNa = perMonth(controle.p, start, addMonths(start, 11));
		expect(controle.voor).toBeGreaterThan(2);
		expect(Math.abs(controleNa / controle.voor - 1)).toBeLessThan(0.15);
	});

	it('has a summer dip and a December dip', () => {
		const counts = new Array(12).fill(0);
		for (const r of verwijzingen()) counts[Number(r.datum.slice(5, 7)) - 1]++;
		const rest = [0, 1, 2, 3, 4, 5, 8, 9, 10].map((m) => counts[m]);
		const restMean = rest.reduce((a, b) => a + b, 0) / rest.length;
		expect((counts[6] + counts[7]) / 2 / restMean).toBeLessThan(0.85);
		expect(counts[11] / restMean).toBeLessThan(0.95);
	});

	it('includes a small practice whose monthly counts fall below 5', () => {
		const perPraktijkMaand = new Map<string, number>();
		for (const r of verwijzingen()) {
			if (!r.praktijk_code) continue;
			const key = `${r.praktijk_code}|${month(r.datum)}`;
			perPraktijkMaand.set(key, (perPraktijkMaand.get(key) ?? 0) + 1);
		}
		const klein = [...perPraktijkMaand].filter(([, n]) => n >= 1 && n <= 4);
		expect(klein.length).toBeGreaterThanOrEqual(12);
	});
});
