// The streaming import (readers/csvScan.ts, validators/sqlTable.ts): a CSV read through DuckDB must
// say exactly what the in-memory reader says (same errors, lines, columns, rules, messages; same
// reports and stored rows), report a bad row far into a file at its physical line, load a file
// whatever the memory budget, and never half-load.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNineDigitValue } from '$contract/privacy';
import { ingest, type IngestInput, type IngestOptions } from '../../pipelines/ingest';
import { PRIVACY_SAFE } from '../../pipelines/validators/sqlTable';
import { columnPrivacy } from '../../pipelines/validators/privacy';
import { IngestFailedError } from '../../pipelines/errors';
import { BASE_FILES, fixture, makeTempDir, query, rejection, sha256, writeFile } from './helpers';

const TODAY = '2025-06-30';
let dir: string;
let baseDb: string;

beforeAll(async () => {
	dir = makeTempDir();
	baseDb = path.join(dir, 'basis.duckdb');
	await ingest(baseDb, [...BASE_FILES, ...['wijken.csv', 'werkplannen.csv'].map((f) => path.resolve(import.meta.dirname, '../fixtures/regiegroep', f))], { today: TODAY });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const REFERRALS = fs.readFileSync(fixture('verwijzingen.csv'), 'utf8');
const HEADER = REFERRALS.split('\n')[0];

/** The outcome of a run: the errors, or the reports and the rows of the tables it loaded. */
async function outcome(name: string, files: IngestInput[], opts: IngestOptions) {
	const db = path.join(dir, `${name}.duckdb`);
	fs.copyFileSync(baseDb, db);
	const before = sha256(db);
	try {
		const reports = await ingest(db, files, { today: TODAY, ...opts });
		const tables: Record<string, unknown[]> = {};
		// Record keys differ per database (their secret does); everything else must be the same.
		for (const r of reports) tables[r.table] = (await query(db, `SELECT * EXCLUDE (load_id) FROM ${r.table} ORDER BY ALL`)).map(({ celsleutel, ...row }) => row);
		return { reports: reports.map(({ startedAt, finishedAt, loadId, ...rest }) => rest), tables };
	} catch (e) {
		if (!(e instanceof IngestFailedError)) throw e;
		// Nothing of a refused run is stored.
		expect(sha256(db)).toBe(before);
		return { errors: e.errors.map((x) => ({ line: x.line, column: x.column, rule: x.rule, message: x.message })), stoppedEarly: e.stoppedEarly };
	} finally {
		fs.rmSync(db, { force: true });
	}
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** Exports that load and exports that break one rule each, as the contract's tests write them. */
const CASES: Record<string, { name: string; content: string | Buffer }> = {
	'the fixture': { name: 'verwijzingen.csv', content: REFERRALS },
	'CRLF, BOM, quoted values over two lines, empty and blank lines': {
		name: 'verwijzingen.csv',
		content: '\ufeff' + `${HEADER}\r\n\r\nV001;2024-01-15;P001;"WK034401";4-11;huisarts;buurtteam;jeugd;"c\r\n001";2024-01-29\r\n;;;\r\n  \r\nV002;15-02-2024;P002;WK034402;23-64;poh_ggz;basis_ggz;ggz;"c;002";\r\n`
	},
	'a trailing delimiter and a short row': { name: 'verwijzingen.csv', content: `${HEADER};\nV001;2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c001;2024-01-29;\nV002;15-02-2024;P002;WK034402;23-64;poh_ggz;basis_ggz;ggz\n` },
	'comma, quotes and lower-case codes': { name: 'verwijzingen_komma.csv', content: fs.readFileSync(fixture('verwijzingen_komma.csv')) },
	'Windows-1252': { name: 'praktijken_cp1252.csv', content: fs.readFileSync(fixture('praktijken_cp1252.csv')) },
	'UTF-16 with a line break in a value': { name: 'praktijken.csv', content: utf16('praktijk_code;praktijk_naam;wijk_code\r\nP003;"Praktijk\r\nNoord";WK034401\r\nP004;Zuid;WK034403\r\n') },
	mojibake: { name: 'praktijken_mojibake.csv', content: fs.readFileSync(fixture('praktijken_mojibake.csv')) },
	'values that break the rules, after a value over three lines': {
		name: 'verwijzingen.csv',
		content:
			`${HEADER}\nV001;2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;"c\n0\n01";2024-01-29\n` +
			'V002;2024-13-01;P001;WK34401;4-12;dokter;Buurt team;jeugd;c002;\n' +
			'V003;2025-07-01;P009;WK034499;4-11;huisarts;onbekend_doel;jeugd;c003;\n' +
			'V004;1999-12-31;;WK034401;4-11;huisarts;buurtteam;jeugd;;\n' +
			'V001;2024-02-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c004;2024-01-01\n' +
			';2024-02-01;;WK034401;;huisarts;buurtteam;jeugd;c005;\n' +
			'V006;2024-02-01;P009;WK034499;4-11;huisarts;onbekend_doel;jeugd;c006;\n'
	},
	'more errors than the limit': { name: 'verwijzingen.csv', content: `${HEADER}\n` + Array.from({ length: 30 }, (_, i) => `X${i};2024-02-30;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c${i};\n`).join('') },
	'an unclosed quote': { name: 'verwijzingen.csv', content: `${HEADER}\nV001;2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;"c001;\nV002;2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c002;\n` },
	'text after a closing quote': { name: 'verwijzingen.csv', content: `${HEADER}\nV001;2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;"c0"01;\n` },
	'too many values': { name: 'verwijzingen.csv', content: `${HEADER}\nV001;2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c001;;extra\n` },
	'personal data': {
		name: 'verwijzingen.csv',
		content: `${HEADER};bsn;opmerking\n` + Array.from({ length: 6 }, (_, i) => `V00${i};2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c00${i};;111222333;mail jan@example.nl of 3511 AB\n`).join('')
	},
	'an unknown, a nameless and a twice-named column': { name: 'wijken.csv', content: 'wijk_code;wijk_naam;gemeente_code;gemeente_naam;opmerking;\nWK034404;Zuid;GM0344;Utrecht;x;y\n' },
	'a column twice and one missing': { name: 'verwijzingen.csv', content: 'verwijzing_id;datum;datum;wijk_code\nV001;2024-01-15;2024-01-15;WK034401\n' },
	'no dataset': { name: 'iets.csv', content: 'a;b\n1;2\n' },
	empty: { name: 'leeg.csv', content: '\n\n' },
	'an OJG placement ending before its start, and a number out of range': { name: 'ojg_inzet.csv', content: 'praktijk_code;functie;start;eind;uren_per_week\nP001;ojg;2024-03-01;2024-02-01;8\nP002;ojg;2024-03-01;;90\n' },
	'populatie with a fraction and a year in the future': { name: 'populatie_wijk.csv', content: 'jaar;wijk_code;leeftijdsgroep;aantal\n2024;WK034401;0-3;12,5\n2026;WK034401;0-3;10\n2024;WK034402;0-3;7\n' },
	'SWOT items (a derived key, masked free text) and one twice': {
		name: 'swot.csv',
		content: 'wijk_code;datum;kwadrant;item_id;omschrijving;thema\nWK990101;2024-10-01;sterktes;;Korte lijnen, bel 06-12345678;samenwerking\nWK990101;2024-10-01;kans;;Meer scholing;\nWK990101;2024-10-01;Kans;;meer scholing.;\n'
	},
	'voortgang: a cross-column check without declared columns': { name: 'voortgang.csv', content: 'werkplan_id;datum;status;toelichting;vergadering\nWP01;2025-06-02;op_schema;Gestart;2025-06-10\nWP02;2025-06-02;achter;;\nWP01;2025-06-02;aandacht;Nog eens;\n' }
};

describe('a CSV read through DuckDB', () => {
	for (const [title, c] of Object.entries(CASES)) {
		it(`says what the in-memory reader says: ${title}`, async () => {
			const bytes = typeof c.content === 'string' ? Buffer.from(c.content, 'utf8') : c.content;
			const file = writeFile(dir, c.name, bytes);
			const inMemory = await outcome('geheugen', [file], { streamFromBytes: Infinity });
			const streamed = await outcome('stroom', [file], { streamFromBytes: 0 });
			expect(streamed).toEqual(inMemory);
			// And the same for an upload given as bytes.
			expect(await outcome('upload', [{ name: c.name, bytes }], { streamFromBytes: 0 })).toEqual(inMemory);
		});
	}

	it('the cases exercise both sides: some load, and the refusals cover the row rules', async () => {
		const rules = new Set<string>();
		let loaded = 0;
		for (const c of Object.values(CASES)) {
			const o = await outcome('dekking', [writeFile(dir, c.name, typeof c.content === 'string' ? Buffer.from(c.content) : c.content)], { streamFromBytes: 0 });
			if ('reports' in o) loaded++;
			else for (const e of o.errors!) rules.add(e.rule);
		}
		expect(loaded).toBeGreaterThanOrEqual(6);
		for (const rule of ['datum-formaat', 'datum-toekomst', 'datum-te-vroeg', 'datum-volgorde', 'wijk-code', 'waarde-lijst', 'code-formaat', 'wijk-onbekend', 'praktijk-onbekend', 'bestemming-onbekend', 'sleutel-dubbel', 'waarde-verplicht', 'getal-geheel', 'getal-bereik', 'csv-aanhalingstekens', 'csv-velden', 'mojibake', 'privacy-bsn', 'privacy-email', 'privacy-postcode', 'privacy-kolomnaam', 'kolom-dubbel', 'kolom-verplicht', 'dataset-onbekend', 'bestand-leeg']) {
			expect(rules, rule).toContain(rule);
		}
	});
});

/** `n` valid referrals; the row at `bad` (0-based) gets a date that does not exist. */
function referrals(n: number, { bad, multiLineAt }: { bad?: number; multiLineAt?: number } = {}): string {
	const lines = [`${HEADER};opmerking`];
	for (let i = 0; i < n; i++) {
		const datum = i === bad ? '2024-02-30' : `2024-0${1 + (i % 9)}-1${i % 10}`;
		const opmerking = i === multiLineAt ? '"eerste regel\n2e regel\n3e regel"' : '';
		lines.push(`R${i};${datum};P00${1 + (i % 2)};WK03440${1 + (i % 3)};4-11;huisarts;buurtteam;jeugd;K${i % 10_000}Q${Math.floor(i / 10_000)};;${opmerking}`);
	}
	return lines.join('\n') + '\n';
}

describe('a large CSV', () => {
	it('reports a bad row far into the file at its physical line, after a value over three lines, and loads nothing', async () => {
		const file = writeFile(dir, 'verwijzingen.csv', referrals(60_000, { bad: 55_000, multiLineAt: 10 }));
		const db = path.join(dir, 'ver.duckdb');
		fs.copyFileSync(baseDb, db);
		const before = sha256(db);
		const failure = await rejection(() => ingest(db, [file], { today: TODAY, streamFromBytes: 0 }));
		// Header on line 1, row i on line i + 2, and the value of row 10 spans two more lines.
		expect(failure.errors.map((e) => e.message)).toEqual([
			`verwijzingen.csv, regel ${55_000 + 2 + 2}, kolom "datum": "2024-02-30" is geen bestaande datum (regel: datum-formaat)`
		]);
		expect(sha256(db)).toBe(before);
		fs.rmSync(db);
	});

	it('loads a file that a JavaScript heap of 48 MB could not hold in memory, with DuckDB capped at 256 MB', async () => {
		// 230,000 referrals (17 MB) in a child process with 48 MB of heap and 256 MB for DuckDB (which
		// spills beyond it): the in-memory reader needs several times the file in heap (the text, its
		// lines and its rows), the streaming reader a read buffer and batches.
		const file = writeFile(dir, 'verwijzingen_groot.csv', referrals(230_000));
		expect(fs.statSync(file).size).toBeGreaterThan(16 * 1024 * 1024);
		const db = path.join(dir, 'groot.duckdb');
		fs.copyFileSync(baseDb, db);
		const root = path.resolve(import.meta.dirname, '../..');
		const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=48', '--import', 'tsx', 'pipelines/cli.ts', '--db', db, '--json', file], {
			cwd: root,
			env: { ...process.env, MONITOR_IMPORT_DUCKDB_MB: '256', MONITOR_IMPORT_STREAM_MB: '1' },
			maxBuffer: 64 * 1024 * 1024
		});
		const result = JSON.parse(stdout);
		expect(result.ok, stdout).toBe(true);
		expect(result.reports[0]).toMatchObject({ dataset: 'verwijzingen', rowsRead: 230_000, rowsLoaded: 230_000 });
		expect(await query(db, 'SELECT count(*)::INT AS n FROM verwijzingen')).toEqual([{ n: 230_000 }]);
	}, 120_000);
});

describe('values the SQL path need not show the privacy detectors', () => {
	// PRIVACY_SAFE lets the streaming import skip these values; this proves the detectors would not
	// have fired on them (and fails when a detector is widened to find something in them).
	const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
	const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

	it('structured: a letter or two and at most nine digits', () => {
		const value = fc.tuple(fc.array(letters, { minLength: 1, maxLength: 2 }), digits(1, 9)).map(([l, d]) => l.join('') + d);
		fc.assert(
			fc.property(value, (v) => {
				expect(new RegExp(`^(?:${PRIVACY_SAFE.gestructureerd})$`).test(v)).toBe(true);
				expect(isNineDigitValue(v)).toBe(false);
				const acc = columnPrivacy('gestructureerd');
				for (let i = 0; i < 6; i++) acc.add(v, 2 + i);
				expect(acc.result()).toEqual([]);
			}),
			{ numRuns: 2000 }
		);
	});

	it('pseudonyms: single letters between runs of at most seven digits', () => {
		const value = fc.tuple(letters, fc.array(fc.tuple(digits(1, 7), letters), { maxLength: 3 }), digits(1, 7)).map(([first, middle, last]) => first + middle.map(([d, l]) => d + l).join('') + last);
		fc.assert(
			fc.property(value, (v) => {
				expect(new RegExp(`^(?:${PRIVACY_SAFE.pseudoniem})$`).test(v)).toBe(true);
				expect(isNineDigitValue(v)).toBe(false);
				const acc = columnPrivacy('pseudoniem');
				for (let i = 0; i < 6; i++) acc.add(v, 2 + i);
				expect(acc.result()).toEqual([]);
			}),
			{ numRuns: 2000 }
		);
	});
});
