// XLSX exports (Excel, Microsoft Forms): the first sheet unless one is named. Date cells arrive
// as Date (exceljs reads them as UTC midnight); numbers stay numbers, so a date column holding a
// plain serial number can still be read as an Excel date by the date validator.
//
// The sheet is read with exceljs' streaming reader (WorkbookReader): row by row from the zip, so the
// workbook's object model (every cell with its style, every sheet) is never built; what is kept is
// the chosen sheet's values as rows. The sheet to read is found in workbook.xml first (its order
// and names, readers/xlsxHidden.ts), because the streaming reader meets sheets in the order the zip
// holds them. A workbook whose sheet parts are not named as Excel names them (xl/worksheets/sheetN.xml,
// the only parts the streaming reader recognises) is read whole instead, within the limits on its
// unpacked size (readers/limits.ts), so such a file still loads.

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ErrorCollector } from '../errors';
import { checkMojibake } from './checkText';
import type { Cell, RawRow, RawTable } from './table';
import { isEmptyCell } from './table';
import { readSheetList, type SheetEntry } from './xlsxHidden';

const UNREADABLE = 'dit is geen leesbaar Excel-bestand (.xlsx)';

export async function readXlsx(bytes: Uint8Array, file: string, errors: ErrorCollector, sheetName?: string): Promise<RawTable | null> {
	const sheets = await readSheetList(bytes);
	if (sheets === null) return readWholeWorkbook(bytes, file, errors, sheetName);
	const sheet = pickSheet(sheets, sheetName);
	if (!sheet) {
		errors.add(undefined, undefined, 'bestand-onleesbaar', missingSheet(sheets.map((s) => s.name), sheetName));
		return null;
	}
	const partNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(sheet.part ?? '')?.[1];
	if (partNo === undefined) return readWholeWorkbook(bytes, file, errors, sheetName);

	// A Node Buffer view on the same memory (no copy), as one chunk of a stream.
	const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([view]), {
		sharedStrings: 'cache',
		// Styles tell a date cell from a number cell.
		styles: 'cache',
		hyperlinks: 'ignore',
		worksheets: 'emit',
		entries: 'emit'
	});
	// The part of the worksheet the reader yields next (its `entry` event comes just before).
	let part: string | undefined;
	(reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
		if (entry.type === 'worksheet') part = entry.id;
	});
	const collector = new RowCollector();
	let found = false;
	try {
		for await (const worksheet of reader) {
			const rows = worksheet as unknown as AsyncIterable<ExcelJS.Row>;
			if (part !== partNo) {
				// Another sheet: read past it (the zip is one stream), keeping nothing.
				for await (const _row of rows) void _row;
				continue;
			}
			found = true;
			for await (const row of rows) collector.add(row);
			break;
		}
	} catch {
		errors.add(undefined, undefined, 'bestand-onleesbaar', UNREADABLE);
		return null;
	}
	if (!found) return readWholeWorkbook(bytes, file, errors, sheetName);
	const properties = (reader as unknown as { properties?: { model?: { date1904?: boolean }; date1904?: boolean } }).properties;
	return collector.table(file, sheet.name, Boolean(properties?.model?.date1904 ?? properties?.date1904), errors);
}

/** The header and rows of a sheet as its rows arrive. */
class RowCollector {
	header: string[] | null = null;
	headerLine = 0;
	rows: RawRow[] = [];

	add(row: ExcelJS.Row): void {
		const cells: Cell[] = [];
		row.eachCell({ includeEmpty: true }, (cell, col) => {
			cells[col - 1] = toCell(cell.value);
		});
		for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
		if (cells.every(isEmptyCell)) return;
		if (this.header === null) {
			this.header = cells.map((c) => cellText(c).trim());
			this.headerLine = row.number;
		} else {
			this.rows.push({ line: row.number, cells });
		}
	}

	table(file: string, sheetName: string, date1904: boolean, errors: ErrorCollector): RawTable | null {
		if (this.header === null) {
			errors.add(undefined, undefined, 'bestand-leeg', `het werkblad "${sheetName}" is leeg: er is geen kopregel met kolomnamen`);
			return null;
		}
		const head = this.header;
		const rows = this.rows;
		// Values right of the last named column become unnamed columns: the header check warns about
		// them, and the privacy check still sees them.
		// A loop, not Math.max(...rows): spreading 200,000 rows as arguments overflows the call stack.
		let width = head.length;
		for (const row of rows) width = Math.max(width, row.cells.length);
		while (head.length < width) head.push('');
		for (const row of rows) while (row.cells.length < width) row.cells.push('');
		const table: RawTable = { file, format: 'xlsx', header: head, headerLine: this.headerLine, rows, date1904 };
		checkMojibake(table, errors);
		return errors.empty ? table : null;
	}
}

/** The whole workbook in memory (exceljs' object model): for workbooks the streaming reader cannot place. */
async function readWholeWorkbook(bytes: Uint8Array, file: string, errors: ErrorCollector, sheetName?: string): Promise<RawTable | null> {
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs declares its own global `Buffer` type (an ArrayBuffer), which Node's Buffer does
		// not satisfy on paper, hence the cast.
		const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		await workbook.xlsx.load(view as unknown as ArrayBuffer);
	} catch {
		errors.add(undefined, undefined, 'bestand-onleesbaar', UNREADABLE);
		return null;
	}
	const wanted = sheetName?.trim().toLowerCase();
	const sheet = wanted === undefined ? workbook.worksheets[0] : workbook.worksheets.find((s) => s.name.trim().toLowerCase() === wanted);
	if (!sheet) {
		errors.add(undefined, undefined, 'bestand-onleesbaar', missingSheet(workbook.worksheets.map((s) => s.name), sheetName));
		return null;
	}
	const collector = new RowCollector();
	sheet.eachRow({ includeEmpty: false }, (row) => collector.add(row));
	return collector.table(file, sheet.name, Boolean(workbook.properties?.date1904), errors);
}

function missingSheet(names: string[], sheetName?: string): string {
	return sheetName ? `het werkblad "${sheetName}" bestaat niet; wel: ${names.map((n) => `"${n}"`).join(', ')}` : 'de werkmap bevat geen werkblad';
}

function pickSheet(sheets: readonly SheetEntry[], name?: string): SheetEntry | undefined {
	if (name === undefined) return sheets[0];
	const wanted = name.trim().toLowerCase();
	return sheets.find((s) => s.name.trim().toLowerCase() === wanted);
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) to plain cells. */
function toCell(value: ExcelJS.CellValue | undefined): Cell {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return value;
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('result' in value) return toCell(value.result as ExcelJS.CellValue);
		if ('formula' in value || 'sharedFormula' in value) return '';
		if ('text' in value) return toCell(value.text as ExcelJS.CellValue);
		if ('error' in value) return String(value.error);
	}
	return String(value);
}

function cellText(cell: Cell): string {
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell);
}
