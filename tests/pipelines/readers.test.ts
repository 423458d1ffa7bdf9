// Readers: encodings, delimiters, line endings, quoting, line numbers, XLSX cells.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ErrorCollector } from '../../pipelines/errors';
import { readTable } from '../../pipelines/readers';
import { decodeText, decodeWindows1252 } from '../../pipelines/readers/decode';
import { looksLikeMojibake } from '../../pipelines/readers/mojibake';
import fs from 'node:fs';
import { fixture } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function read(bytes: Uint8Array, name = 'test.csv') {
	const errors = new ErrorCollector(name);
	const table = await readTable(bytes, name, errors);
	return { table, errors: errors.errors };
}

describe('decodeText', () => {
	it('reads UTF-8 without BOM', () => {
		expect(decodeText(utf8('naam;Poëzie'))).toEqual({ text: 'naam;Poëzie', encoding: 'utf-8' });
	});

	it('strips a UTF-8 BOM', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a;b')]);
		expect(decodeText(bytes)).toEqual({ text: 'a;b', encoding: 'utf-8-bom' });
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
		// "Poëzie – €5" as Dutch Excel writes it: ë = EB, en dash = 96, euro = 80.
		const bytes = new Uint8Array([0x50, 0x6f, 0xeb, 0x7a, 0x69, 0x65, 0x20, 0x96, 0x20, 0x80, 0x35]);
		expect(decodeText(bytes)).toEqual({ text: 'Poëzie – €5', encoding: 'windows-1252' });
	});

	it('maps the 0x80-0x9F range the way Windows-1252 does, not ISO-8859-1', () => {
		expect(decodeWindows1252(new Uint8Array([0x80, 0x91, 0x92, 0x84, 0x85]))).toBe('€‘’„…');
	});
});

describe('looksLikeMojibake', () => {
	it('recognises UTF-8 read as Windows-1252', () => {
		expect(looksLikeMojibake('PoÃ«zie')).toBe(true);
		expect(looksLikeMojibake('itâ€™s')).toBe(true);
		expect(looksLikeMojibake('Ã©')).toBe(true);
		expect(looksLikeMojibake('verloren \ufffd teken')).toBe(true);
	});

	it('leaves correct Dutch text alone', () => {
		for (const ok of ['Poëzie', 'café', 'Müller – Noordoost', 'coöperatie', 'België', 'Curaçao']) {
			expect(looksLikeMojibake(ok)).toBe(false);
		}
	});
});

describe('readTable (CSV)', () => {
	it('detects ; and keeps header and cells as written', async () => {
		const { table } = await read(utf8('a;b;c\n1;2,5;x\n'));
		expect(table?.delimiter).toBe(';');
		expect(table?.header).toEqual(['a', 'b', 'c']);
		expect(table?.rows).toEqual([{ line: 2, cells: ['1', '2,5', 'x'] }]);
	});

	it('detects , with RFC 4180 quoting', async () => {
		const { table } = await read(utf8('a,b,c\r\n"x, y","say ""hi""",3\r\n'));
		expect(table?.delimiter).toBe(',');
		expect(table?.rows[0].cells).toEqual(['x, y', 'say "hi"', '3']);
	});

	it('counts physical lines: CRLF, blank lines and a quoted value over two lines', async () => {
		const { table } = await read(utf8('a;b\r\n1;"twee\r\nregels"\r\n\r\n3;4\r\n'));
		expect(table?.rows.map((r) => r.line)).toEqual([2, 5]);
		expect(table?.rows[0].cells[1]).toBe('twee\nregels');
	});

	it('reads the Windows-1252 fixture with ë, – and ü intact', async () => {
		const { table } = await read(fs.readFileSync(fixture('praktijken_cp1252.csv')), 'praktijken_cp1252.csv');
		expect(table?.encoding).toBe('windows-1252');
		expect(table?.rows.map((r) => r.cells[1])).toEqual(['Huisartsenpraktijk Poëzie', 'Dokter Müller – Noordoost']);
	});

	it('rejects mojibake and names line and column, not the value', async () => {
		const { table, errors } = await read(fs.readFileSync(fixture('praktijken_mojibake.csv')), 'praktijken_mojibake.csv');
		expect(table).toBeNull();
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ line: 2, column: 'praktijk_naam', rule: 'mojibake' });
		expect(errors[0].message).not.toContain('PoÃ«zie');
	});

	it('reports an unclosed quote with its line', async () => {
		const { errors } = await read(utf8('a;b\n1;2\n3;"open\n4;5\n'));
		expect(errors[0]).toMatchObject({ line: 3, rule: 'csv-aanhalingstekens' });
	});

	it('rejects a row with extra values but accepts a trailing delimiter', async () => {
		const ok = await read(utf8('a;b\n1;2;\n'));
		expect(ok.table?.rows[0].cells).toEqual(['1', '2']);
		const bad = await read(utf8('a;b\n1;2\n1;2;3\n'));
		expect(bad.errors[0]).toMatchObject({ line: 3, rule: 'csv-velden' });
	});

	it('pads a short row with empty cells', async () => {
		const { table } = await read(utf8('a;b;c\n1;2\n'));
		expect(table?.rows[0].cells).toEqual(['1', '2', '']);
	});

	it('rejects an empty file', async () => {
		const { errors } = await read(utf8('\n\n'));
		expect(errors[0]).toMatchObject({ rule: 'bestand-leeg' });
	});

	it('rejects the old .xls format with advice', async () => {
		const { errors } = await read(utf8('whatever'), 'oud.xls');
		expect(errors[0].rule).toBe('bestand-onleesbaar');
		expect(errors[0].message).toContain('.xlsx');
	});
});

describe('readTable (XLSX)', () => {
	it('reads the first sheet: dates as Date, numbers as numbers, formulas as their result', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Inzet');
		wb.addWorksheet('Toelichting').addRow(['niet lezen']);
		ws.addRow(['Start', 'Uren', 'Code']);
		ws.addRow([new Date(Date.UTC(2024, 0, 15)), 16.5, { formula: '"P"&"001"', result: 'P001' }]);
		ws.addRow([]);
		ws.addRow([45292, 8, 'P002']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const { table, errors } = await read(bytes, 'inzet.xlsx');
		expect(errors).toEqual([]);
		expect(table?.format).toBe('xlsx');
		expect(table?.header).toEqual(['Start', 'Uren', 'Code']);
		expect(table?.rows).toEqual([
			{ line: 2, cells: [new Date(Date.UTC(2024, 0, 15)), 16.5, 'P001'] },
			{ line: 4, cells: [45292, 8, 'P002'] }
		]);
	});

	it('reads a named sheet', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Eerste').addRow(['x']);
		const ws = wb.addWorksheet('Gegevens');
		ws.addRow(['a']);
		ws.addRow(['1']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const errors = new ErrorCollector('w.xlsx');
		const table = await readTable(bytes, 'w.xlsx', errors, { sheet: 'gegevens' });
		expect(table?.header).toEqual(['a']);
	});

	it('rejects a file that is not a workbook', async () => {
		const { errors } = await read(utf8('a;b\n'), 'kapot.xlsx');
		expect(errors[0].rule).toBe('bestand-onleesbaar');
	});
});
