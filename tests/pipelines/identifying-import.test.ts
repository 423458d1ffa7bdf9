// The identifying-data corpus (tests/contract/fixtures/identifying.ts) through the real import,
// CSV and XLSX, into a temporary database: in free text (SWOT, werkplan notes, titles, trekker,
// partners, milestones, survey open answers) it is masked, and afterwards no VARCHAR value of any
// table of the database file holds any of it; in a structured column, a pseudonym, an unknown
// column or a header cell it refuses the file, with a message that names file, line, column and
// rule and never the value, and the database is unchanged. Ordinary text is stored as written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBuffer } from '../../pipelines/demo/write';
import { ingest } from '../../pipelines/ingest';
import { MASK } from '$contract/privacy';
import { IDENTIFYING, normalise, ORDINARY } from '../contract/fixtures/identifying';
import { columnLetter } from '../../pipelines/readers/position';
import { BASE_FILES, makeTempDir, query, rejection, sha256, writeFile } from './helpers';

const TODAY = '2025-12-31';
let dir: string;
let db: string;

/** Every VARCHAR value of every table in the database file (sha256 of loads left out: hex, not text). */
async function allText(dbPath: string): Promise<{ where: string; value: string }[]> {
	const columns = await query(
		dbPath,
		`SELECT table_name, column_name FROM information_schema.columns
		 WHERE data_type = 'VARCHAR' AND table_schema = 'main' AND NOT (table_name = 'loads' AND column_name = 'sha256')
		 ORDER BY ALL`
	);
	const out: { where: string; value: string }[] = [];
	for (const { table_name, column_name } of columns) {
		const rows = await query(dbPath, `SELECT "${String(column_name)}" AS v FROM "${String(table_name)}" WHERE "${String(column_name)}" IS NOT NULL`);
		for (const r of rows) out.push({ where: `${table_name}.${column_name}`, value: String(r.v) });
	}
	return out;
}

/** Each corpus core that some stored value still holds. */
function leaks(values: { where: string; value: string }[], cores: readonly string[]): string[] {
	const found: string[] = [];
	for (const { where, value } of values) {
		const v = normalise(value);
		for (const core of cores) if (v.includes(core)) found.push(`${where}: ${core}`);
	}
	return found;
}

const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';
const note = (text: string) => `Notitie: ${text}, graag.`;

beforeAll(() => {
	dir = makeTempDir();
	db = path.join(dir, 'monitor.duckdb');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('free text of the corpus is stored masked', () => {
	beforeAll(async () => {
		const items = IDENTIFYING.map((c) => c.text);
		const files = [
			...BASE_FILES,
			writeFile(dir, 'werkplannen.csv', csv('werkplan_id;titel;thema;driehoek;trekker;partners;wijk_code;start;eind;doel', items.map((t, i) => `WP${i};${note(t)};Thema;;Buurtteam ${t};Welzijn, ${t};WK034401;2025-01-01;;${note(t)}`))),
			writeFile(dir, 'mijlpalen.csv', csv('werkplan_id;mijlpaal_id;omschrijving;deadline;gereed_op', items.map((t, i) => `WP${i};M1;${note(t)};2026-01-01;`))),
			writeFile(dir, 'voortgang.csv', csv('werkplan_id;datum;status;toelichting;vergadering', items.map((t, i) => `WP${i};2025-06-0${1 + (i % 9)};op_schema;${note(t)};2025-06-10`))),
			writeFile(dir, 'swot.csv', csv('wijk_code;datum;kwadrant;item_id;omschrijving;thema', items.map((t, i) => `WK034401;2025-04-01;kans;S${i};${note(t)};samenwerking`))),
			writeFile(
				dir,
				'swot.xlsx',
				await xlsxBuffer('SWOT', ['wijk_code', 'datum', 'kwadrant', 'item_id', 'omschrijving', 'thema'], items.map((t, i) => ['WK034402', '2025-05-01', 'zwakte', `X${i}`, note(t), 'samenwerking']))
			),
			writeFile(dir, 'enquetes.csv', csv('enquete_id;naam;soort;seizoen;wijk_code;datum;genodigden', ['LB25-T;Leerbijeenkomst test;leerbijeenkomst;voorjaar-2025;WK034401;2025-04-15;80'])),
			writeFile(dir, 'enquete_vragen.csv', csv('enquete_id;vraag_code;vraag_tekst;thema;type;omgekeerd', ['LB25-T;open;Wat kan beter?;terugkoppeling;open;', 'LB25-T;keuze;Via welk kanaal?;samenwerking;keuze;'])),
			writeFile(dir, 'antwoorden.csv', csv('respons_id;enquete_id;datum;wijk_code;rol;open;keuze', items.map((t, i) => `r${i};LB25-T;2025-04-15;WK034401;huisarts;${note(t)};anders namelijk ${t}`))),
			writeFile(
				dir,
				'antwoorden.xlsx',
				await xlsxBuffer('Antwoorden', ['respons_id', 'enquete_id', 'datum', 'wijk_code', 'rol', 'open', 'keuze'], items.map((t, i) => [`x${i}`, 'LB25-T', '2025-04-15', 'WK034401', 'buurtteam', note(t), `anders: ${t}`]))
			)
		];
		await ingest(db, files, { today: TODAY });
	});

	it('loads every row, with the masks in place', async () => {
		const swot = await query(db, "SELECT omschrijving FROM swot WHERE item_id LIKE 'S%' ORDER BY CAST(substr(item_id, 2) AS INTEGER)");
		expect(swot).toHaveLength(IDENTIFYING.length);
		IDENTIFYING.forEach((c, i) => {
			expect(String(swot[i].omschrijving), c.text).toContain(MASK[c.kind]);
		});
		expect((await query(db, "SELECT count(*) AS n FROM enquete_antwoorden WHERE vraag_code = 'open'"))[0].n).toBe(String(2 * IDENTIFYING.length));
	});

	it('the leak check itself finds an identifier that was stored unmasked, in any spelling', () => {
		expect(leaks([{ where: 'swot.omschrijving', value: 'bel 06\u00A01234 5678 of mail J.Jansen@Praktijk.nl' }], [normalise('06-12345678'), normalise('j.jansen@praktijk.nl')])).toHaveLength(2);
	});

	it('leaves nothing of the corpus in any text column of any table', async () => {
		const values = await allText(db);
		expect(values.length).toBeGreaterThan(IDENTIFYING.length * 10);
		expect(leaks(values, IDENTIFYING.map((c) => c.core))).toEqual([]);
	});

	it('tells in a warning how much was masked in the open answers, without quoting any of it', async () => {
		const [load] = await query(db, "SELECT warnings FROM loads WHERE file_name = 'antwoorden.csv'");
		const warnings = JSON.parse(String(load.warnings)) as string[];
		expect(warnings.some((w) => w.includes('(regel: tekst-gemaskeerd)'))).toBe(true);
	});
});

describe('ordinary text is stored as written', () => {
	it('keeps the negative corpus unchanged in SWOT items and status notes', async () => {
		const d = makeTempDir();
		try {
			const p = path.join(d, 'monitor.duckdb');
			const rows = ORDINARY.map((t, i) => `WK034401;2025-04-01;sterkte;O${i};${t.replace(/;/g, ',')};samenwerking`);
			await ingest(p, [...BASE_FILES, writeFile(d, 'swot.csv', csv('wijk_code;datum;kwadrant;item_id;omschrijving;thema', rows))], { today: TODAY });
			const stored = await query(p, "SELECT omschrijving FROM swot ORDER BY CAST(substr(item_id, 2) AS INTEGER)");
			expect(stored.map((r) => r.omschrijving)).toEqual(ORDINARY.map((t) => t.replace(/;/g, ',')));
		} finally {
			fs.rmSync(d, { recursive: true, force: true });
		}
	});
});

describe('identifying data in structured places refuses the file', () => {
	let refusedDir: string;
	let refusedDb: string;
	beforeAll(async () => {
		refusedDir = makeTempDir();
		refusedDb = path.join(refusedDir, 'monitor.duckdb');
		await ingest(refusedDb, BASE_FILES, { today: TODAY });
	});
	afterAll(() => fs.rmSync(refusedDir, { recursive: true, force: true }));

	const HEADER = 'verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein;client_pseudo;terugkoppeling_datum';
	const row = (id: string, pseudo: string) => `${id};2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;${pseudo};`;

	async function expectRefused(file: string, core: string, where: { line?: number; column: string }) {
		const before = sha256(refusedDb);
		const failure = await rejection(() => ingest(refusedDb, [file], { today: TODAY }));
		const e = failure.errors.find((x) => x.rule.startsWith('privacy-'));
		expect(e, failure.message).toBeDefined();
		expect(e!.column).toBe(where.column);
		if (where.line !== undefined) expect(e!.line).toBe(where.line);
		expect(e!.message).toContain(`(regel: ${e!.rule})`);
		expect(e!.message.startsWith(path.basename(file))).toBe(true);
		expect(normalise(failure.message)).not.toContain(core);
		expect(sha256(refusedDb)).toBe(before);
	}

	const refusable = IDENTIFYING.filter((c) => c.refusedInStructured);

	it.each(refusable.map((c, i) => [c.text, c, i] as const))('refuses %j as a pseudonym (CSV)', async (_t, c, i) => {
		const file = writeFile(refusedDir, `pseudo_${i}.csv`, csv(HEADER, [row('A1', 'c1'), row('A2', c.text)]));
		await expectRefused(file, c.core, { line: 3, column: 'client_pseudo' });
	});

	it('refuses each of them in its own unknown column of a workbook, named by its letter', async () => {
		// One workbook: column K onwards, one corpus item per column, each on its own row.
		const header = [...HEADER.split(';'), ...refusable.map((_, j) => `opmerking ${j + 1}`)];
		const rows = refusable.map((c, j) => [...row(`B${j}`, `c${j}`).split(';'), ...refusable.map((_, k) => (k === j ? c.text : 'geen'))]);
		const file = writeFile(refusedDir, 'onbekend.xlsx', await xlsxBuffer('Blad1', header, rows));
		const before = sha256(refusedDb);
		const failure = await rejection(() => ingest(refusedDb, [file], { today: TODAY, maxErrors: 500 }));
		refusable.forEach((c, j) => {
			const letter = columnLetter(10 + j);
			const e = failure.errors.find((x) => x.column === `kolom ${letter}` && x.rule.startsWith('privacy-'));
			expect(e, `${c.text} in kolom ${letter}:\n${failure.message}`).toBeDefined();
			expect(e!.line).toBe(j + 2);
		});
		for (const c of refusable) expect(normalise(failure.message)).not.toContain(c.core);
		expect(sha256(refusedDb)).toBe(before);
	});

	it('refuses each of them as a header cell, named by position', async () => {
		const file = writeFile(refusedDir, 'kop.csv', csv(`${HEADER};${IDENTIFYING.map((c) => c.text).join(';')}`, [row('C1', 'c1') + ';x'.repeat(IDENTIFYING.length)]));
		const before = sha256(refusedDb);
		const failure = await rejection(() => ingest(refusedDb, [file], { today: TODAY, maxErrors: 500 }));
		IDENTIFYING.forEach((c, j) => {
			const e = failure.errors.find((x) => x.column === `kolom ${11 + j}`);
			expect(e, `${c.text}:\n${failure.message}`).toBeDefined();
			expect(e!.line).toBe(1);
			expect(e!.rule).toMatch(/^privacy-/);
		});
		for (const c of IDENTIFYING) expect(normalise(failure.message)).not.toContain(c.core);
		expect(sha256(refusedDb)).toBe(before);
	});

	it.each(['Jan de Vries', 'J. de Vries', '03-04-1950', 'geb 1950-04-03', 'Yılmaz'])('refuses the pseudonym %j (a name or a date)', async (value) => {
		const file = writeFile(refusedDir, 'naam_als_pseudo.csv', csv(HEADER, [row('D1', 'c1'), row('D2', value)]));
		await expectRefused(file, normalise(value), { line: 3, column: 'client_pseudo' });
	});

	it('refuses a minority of BSNs in a structured column (2 of 9 nine-digit ids)', async () => {
		const ids = ['100000001', '100000002', '100000003', '100000004', '100000005', '100000006', '100000007', '111222333', '123456782'];
		const file = writeFile(refusedDir, 'minderheid.csv', csv(HEADER, ids.map((id) => row(id, ''))));
		await expectRefused(file, '111222333', { column: 'verwijzing_id' });
	});
});

describe('load warnings never quote a header cell', () => {
	it('names an unknown column by position in the stored warning, CSV and XLSX', async () => {
		const d = makeTempDir();
		try {
			const p = path.join(d, 'monitor.duckdb');
			const header = ['wijk_code', 'wijk_naam', 'gemeente_code', 'gemeente_naam', 'Piet Hein', 'Bijzonderheden Anna'];
			const csvFile = writeFile(d, 'wijken_extra.csv', csv(header.join(';'), ['WK034409;Zuid;GM0344;Utrecht;x;y']));
			const xlsxFile = writeFile(d, 'wijken_extra.xlsx', await xlsxBuffer('Wijken', header, [['WK034410', 'West', 'GM0344', 'Utrecht', 'x', 'y']]));
			await ingest(p, [...BASE_FILES, csvFile, xlsxFile], { today: TODAY });
			const loads = await query(p, "SELECT file_name, warnings FROM loads WHERE file_name LIKE 'wijken_extra%' ORDER BY file_name");
			expect(loads.map((l) => JSON.parse(String(l.warnings)))).toEqual([
				[
					'wijken_extra.csv, regel 1, kolom "kolom 5": onbekende kolom voor wijken; de kolom wordt niet geladen (regel: kolom-onbekend)',
					'wijken_extra.csv, regel 1, kolom "kolom 6": onbekende kolom voor wijken; de kolom wordt niet geladen (regel: kolom-onbekend)'
				],
				[
					'wijken_extra.xlsx, regel 1, kolom "kolom E": onbekende kolom voor wijken; de kolom wordt niet geladen (regel: kolom-onbekend)',
					'wijken_extra.xlsx, regel 1, kolom "kolom F": onbekende kolom voor wijken; de kolom wordt niet geladen (regel: kolom-onbekend)'
				]
			]);
			expect(leaks(await allText(p), ['PIETHEIN', 'ANNA'])).toEqual([]);
		} finally {
			fs.rmSync(d, { recursive: true, force: true });
		}
	});
});
