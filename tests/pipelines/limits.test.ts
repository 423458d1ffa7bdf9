// Limits on what an import reads (pipelines/readers/limits.ts): file size, rows, and a workbook's
// unpacked size and inflation, each refused before the content is parsed, in Dutch, with its rule
// id, within seconds, and with the database left byte for byte as it was.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCollector } from '../../pipelines/errors';
import { ingest } from '../../pipelines/ingest';
import { readTable } from '../../pipelines/readers';
import { checkFileOnDisk, checkXlsxArchive, DEFAULT_LIMITS, importLimits } from '../../pipelines/readers/limits';
import { BASE_FILES, expectError, fixture, makeTempDir, query, rejection, sha256, writeFile } from './helpers';
import { deflatedPart, partsOf, repeatedPart, writeZip } from './zip';

const MB = 1024 * 1024;
let baseDir: string;
let baseDb: string;
let dir: string;
let db: string;

beforeAll(async () => {
	baseDir = makeTempDir();
	baseDb = path.join(baseDir, 'monitor.duckdb');
	await ingest(baseDb, BASE_FILES);
});
afterAll(() => fs.rmSync(baseDir, { recursive: true, force: true }));

beforeEach(() => {
	dir = makeTempDir();
	db = path.join(dir, 'monitor.duckdb');
	fs.copyFileSync(baseDb, db);
});
afterEach(() => {
	vi.unstubAllEnvs();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** verwijzingen.csv (4 referrals) as a workbook, written by exceljs like any spreadsheet would be. */
async function verwijzingenWorkbook(extraRows = 0): Promise<Buffer> {
	const lines = fs.readFileSync(fixture('verwijzingen.csv'), 'utf8').trim().split('\n');
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Verwijzingen');
	for (const line of lines) ws.addRow(line.split(';'));
	for (let i = 0; i < extraRows; i++) ws.addRow([`X${String(i).padStart(5, '0')}`, '2024-01-15', 'P001', 'WK034401', '4-11', 'huisarts', 'buurtteam', 'jeugd', 'c001', '']);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with its sheet replaced by `rows` copies of one referral: about 75 bytes each. */
async function bomb(size: number, declaredSize?: number): Promise<Buffer> {
	const parts = await partsOf(await verwijzingenWorkbook());
	const sheet = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
	const row = '<row><c t="inlineStr"><is><t>V001</t></is></c><c t="inlineStr"><is><t>2024-01-15</t></is></c></row>';
	const huge = await repeatedPart('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', row, '</sheetData></worksheet>', size);
	parts[sheet] = { ...huge, declaredSize };
	return writeZip(parts);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
	const t0 = performance.now();
	const value = await fn();
	return { value, seconds: (performance.now() - t0) / 1000 };
}

describe('the limits in force', () => {
	it('are the defaults, unless the environment or the caller says otherwise', () => {
		expect(importLimits({}, {})).toEqual({ maxFileBytes: 4096 * MB, maxRows: 50_000_000, maxXlsxBytes: 128 * MB, maxXlsxRatio: 100 });
		expect(importLimits({}, { MONITOR_MAX_FILE_MB: '1,5', MONITOR_MAX_ROWS: '10', MONITOR_MAX_XLSX_MB: '2', MONITOR_MAX_XLSX_RATIO: '50' })).toEqual({
			maxFileBytes: 1.5 * MB,
			maxRows: 10,
			maxXlsxBytes: 2 * MB,
			maxXlsxRatio: 50
		});
		expect(importLimits({ maxRows: 7 }, { MONITOR_MAX_ROWS: '10' }).maxRows).toBe(7);
		expect(() => importLimits({}, { MONITOR_MAX_ROWS: 'veel' })).toThrow('MONITOR_MAX_ROWS moet een positief getal zijn, niet "veel"');
		expect(() => importLimits({}, { MONITOR_MAX_FILE_MB: '0' })).toThrow('MONITOR_MAX_FILE_MB');
	});
});

describe('file size', () => {
	it('refuses a file over MONITOR_MAX_FILE_MB before reading it, in Dutch, and loads nothing', async () => {
		vi.stubEnv('MONITOR_MAX_FILE_MB', '0.0001'); // 104 bytes
		const size = fs.statSync(fixture('verwijzingen.csv')).size;
		const before = sha256(db);
		const failure = await rejection(() => ingest(db, [fixture('verwijzingen.csv')]));
		expect(failure.errors).toHaveLength(1);
		const error = expectError(failure.errors, { file: 'verwijzingen.csv', rule: 'bestand-te-groot' });
		expect(error.message).toBe(
			`verwijzingen.csv: het bestand is ${size} bytes; de grens is 104 bytes (MONITOR_MAX_FILE_MB). ` +
				'Splits de export, bijvoorbeeld per jaar, of laat de beheerder de grens verhogen (regel: bestand-te-groot)'
		);
		expect(sha256(db)).toBe(before);
	});

	it('refuses a 4.5 GB file at the default limit of 4 GB within seconds; on disk without reading it', async () => {
		// Sparse: 4.5 GB that take no disk space. A CSV of zero bytes, were it ever parsed.
		const big = path.join(dir, 'verwijzingen_groot.csv');
		fs.writeFileSync(big, 'verwijzing_id;datum\n');
		fs.truncateSync(big, 4608 * MB);

		const errors = new ErrorCollector('verwijzingen_groot.csv');
		expect(checkFileOnDisk(big, errors, importLimits({}, {}))).toBe(false);
		expect(errors.errors[0].message).toBe(
			'verwijzingen_groot.csv: het bestand is 4,5 GB; de grens is 4 GB (MONITOR_MAX_FILE_MB). ' +
				'Splits de export, bijvoorbeeld per jaar, of laat de beheerder de grens verhogen (regel: bestand-te-groot)'
		);

		const before = sha256(db);
		const { value: failure, seconds } = await timed(() => rejection(() => ingest(db, [big])));
		expect(failure.errors.map((e) => e.rule)).toEqual(['bestand-te-groot']);
		expect(seconds).toBeLessThan(5);
		expect(sha256(db)).toBe(before);
	});

	it('takes a limit from the caller too (uploads)', async () => {
		const errors = new ErrorCollector('a.csv');
		expect(await readTable(new TextEncoder().encode('a;b\n1;2\n'), 'a.csv', errors, { limits: { maxFileBytes: 4 } })).toBeNull();
		expect(errors.errors[0].rule).toBe('bestand-te-groot');
		expect(errors.errors[0].message).toContain('het bestand is 8 bytes; de grens is 4 bytes');
	});
});

describe('rows', () => {
	it('refuses a CSV with more data rows than MONITOR_MAX_ROWS, and takes one at the limit', async () => {
		vi.stubEnv('MONITOR_MAX_ROWS', '3');
		const before = sha256(db);
		const failure = await rejection(() => ingest(db, [fixture('verwijzingen.csv')]));
		const error = expectError(failure.errors, { file: 'verwijzingen.csv', rule: 'bestand-te-veel-rijen' });
		expect(error.message).toBe(
			'verwijzingen.csv: het bestand heeft meer dan 3 rijen, de grens (MONITOR_MAX_ROWS). ' +
				'Splits de export, bijvoorbeeld per jaar, of laat de beheerder de grens verhogen (regel: bestand-te-veel-rijen)'
		);
		expect(sha256(db)).toBe(before);

		vi.stubEnv('MONITOR_MAX_ROWS', '4');
		const [report] = await ingest(db, [fixture('verwijzingen.csv')]);
		expect(report.rowsLoaded).toBe(4);
	});

	it('counts a CSV without a line break at the end, with CRLF and in UTF-16 the same way', async () => {
		const limits = { maxRows: 2 };
		const read = async (bytes: Uint8Array) => {
			const errors = new ErrorCollector('t.csv');
			await readTable(bytes, 't.csv', errors, { limits });
			return errors.errors.map((e) => e.rule);
		};
		const utf8 = (s: string) => new TextEncoder().encode(s);
		const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
		expect(await read(utf8('a;b\n1;2\n3;4'))).toEqual([]);
		expect(await read(utf8('a;b\n1;2\n3;4\n5;6'))).toEqual(['bestand-te-veel-rijen']);
		expect(await read(utf8('a;b\r\n1;2\r\n3;4\r\n'))).toEqual([]);
		expect(await read(utf8('a;b\r\n1;2\r\n3;4\r\n5;6\r\n'))).toEqual(['bestand-te-veel-rijen']);
		expect(await read(utf16('a;b\n1;2\n3;4\n'))).toEqual([]);
		// U+0A0A: both bytes 0x0A, and no line break.
		expect(await read(utf16('a;b\n1;\u0a0a\n3;4\n'))).toEqual([]);
		expect(await read(utf16('a;b\n1;2\n3;4\n5;6\n'))).toEqual(['bestand-te-veel-rijen']);
	});

	it('refuses a workbook with more rows than MONITOR_MAX_ROWS, counted before exceljs reads it', async () => {
		const file = writeFile(dir, 'verwijzingen.xlsx', await verwijzingenWorkbook());
		vi.stubEnv('MONITOR_MAX_ROWS', '3');
		const failure = await rejection(() => ingest(db, [file]));
		expect(failure.errors.map((e) => e.message)).toEqual([
			'verwijzingen.xlsx: de werkmap heeft meer dan 3 rijen, de grens (MONITOR_MAX_ROWS). ' +
				'Splits de export, bijvoorbeeld per jaar, of laat de beheerder de grens verhogen (regel: bestand-te-veel-rijen)'
		]);
		vi.stubEnv('MONITOR_MAX_ROWS', '4');
		expect((await ingest(db, [file]))[0].rowsLoaded).toBe(4);
	});

	it('counts rows across chunk boundaries and with a namespace prefix, not <rowBreaks>', async () => {
		const parts = await partsOf(await verwijzingenWorkbook());
		const sheet = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
		// 100,000 numbered rows: 4.5 MB that deflate to a few hundred kB, which JSZip unpacks in many
		// chunks, so rows straddle chunk boundaries.
		const rows = 100_000;
		const header = '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>nummer</x:t></x:is></x:c></x:row>';
		const body = header + Array.from({ length: rows }, (_, i) => `<x:row r="${i + 2}"><x:c><x:v>${i}</x:v></x:c></x:row>`).join('');
		parts[sheet] = deflatedPart('xl/worksheets/sheet1.xml', Buffer.from(`<x:worksheet><x:sheetData>${body}</x:sheetData><rowBreaks count="1"/></x:worksheet>`));
		const bytes = writeZip(parts);
		const check = async (maxRows: number) => {
			const errors = new ErrorCollector('t.xlsx');
			const ok = await checkXlsxArchive(bytes, errors, { ...DEFAULT_LIMITS, maxRows });
			return ok ? 'ok' : errors.errors[0].rule;
		};
		// A header and `rows` data rows.
		expect(await check(rows)).toBe('ok');
		expect(await check(rows - 1)).toBe('bestand-te-veel-rijen');
	});
});

describe('workbooks that unpack too far', () => {
	it('refuses a zip bomb (a 1.4 MB workbook whose sheet unpacks to 401 MB) from its directory, within seconds', async () => {
		const file = writeFile(dir, 'verwijzingen.xlsx', await bomb(400 * MB));
		const packed = fs.statSync(file).size;
		expect(packed).toBeLessThan(2 * MB);
		const before = sha256(db);

		const { value: failure, seconds } = await timed(() => rejection(() => ingest(db, [file])));
		expect(failure.errors).toHaveLength(1);
		const error = expectError(failure.errors, { file: 'verwijzingen.xlsx', rule: 'xlsx-uitpakfactor' });
		expect(error.message).toMatch(
			/^verwijzingen\.xlsx: onderdeel xl\/worksheets\/sheet1\.xml van deze werkmap is ingepakt [\d,]+ (kB|MB) en uitgepakt 40\d MB, [\d.]+ keer zo groot; de grens is 100 keer \(MONITOR_MAX_XLSX_RATIO\)\. Zo groeit geen gewone export: open het bestand in Excel en sla het opnieuw op, of lever een CSV \(regel: xlsx-uitpakfactor\)$/
		);
		expect(seconds).toBeLessThan(3);
		expect(sha256(db)).toBe(before);
	});

	it('refuses the same bomb when its directory lies about the size, after unpacking no more than it claimed', async () => {
		const file = writeFile(dir, 'verwijzingen.xlsx', await bomb(400 * MB, 50_000));
		const before = sha256(db);
		const { value: failure, seconds } = await timed(() => rejection(() => ingest(db, [file])));
		expect(failure.errors.map((e) => e.message)).toEqual([
			'verwijzingen.xlsx: dit Excel-bestand is beschadigd: onderdeel xl/worksheets/sheet1.xml is uitgepakt groter dan de werkmap zelf opgeeft (48,8 kB) (regel: bestand-onleesbaar)'
		]);
		expect(seconds).toBeLessThan(3);
		expect(sha256(db)).toBe(before);
	});

	it('refuses a large but ordinary workbook over MONITOR_MAX_XLSX_MB, naming its largest part', async () => {
		const file = writeFile(dir, 'verwijzingen.xlsx', await verwijzingenWorkbook(200));
		vi.stubEnv('MONITOR_MAX_XLSX_MB', '0.01'); // 10,485 bytes
		const failure = await rejection(() => ingest(db, [file]));
		expect(failure.errors).toHaveLength(1);
		const error = expectError(failure.errors, { file: 'verwijzingen.xlsx', rule: 'xlsx-te-groot' });
		expect(error.message).toMatch(
			/^verwijzingen\.xlsx: deze werkmap is uitgepakt [\d,]+ kB \(het grootste deel: xl\/worksheets\/sheet1\.xml\); de grens is 10,2 kB \(MONITOR_MAX_XLSX_MB\)\. Lever zo veel gegevens als CSV/
		);
		vi.unstubAllEnvs();
		expect((await ingest(db, [file]))[0].rowsLoaded).toBe(204);
		expect(await query(db, 'SELECT count(*)::INT AS n FROM verwijzingen')).toEqual([{ n: 204 }]);
	});

	it('takes a workbook at the limits: what exceljs writes is far below the inflation limit', async () => {
		const bytes = await verwijzingenWorkbook(2000);
		const errors = new ErrorCollector('t.xlsx');
		expect(await checkXlsxArchive(bytes, errors, importLimits({}, {}))).toBe(true);
		expect(errors.errors).toEqual([]);
	});
});
