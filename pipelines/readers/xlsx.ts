// XLSX exports (Excel, Microsoft Forms): the first sheet unless one is named. Date cells arrive
// as Date (exceljs reads them as UTC midnight); numbers stay numbers, so a date column holding a
// plain serial number can still be read as an Excel date by the date validator.

import ExcelJS from 'exceljs';
import type { ErrorCollector } from '../errors';
import { checkMojibake } from './checkText';
import type { Cell, RawRow, RawTable } from './table';
import { isEmptyCell } from './table';

export async function readXlsx(
	bytes: Uint8Array,
	file: string,
	errors: ErrorCollector,
	sheetName?: string
): Promise<RawTable | null> {
	const workbook = new ExcelJS.Workbook();
	try {
		// A Node Buffer view on the same memory (no copy). exceljs declares its own global `Buffer`
		// type (an ArrayBuffer), which Node's Buffer does not satisfy on paper, hence the cast.
		const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		await workbook.xlsx.load(view as unknown as ArrayBuffer);
	} catch {
		errors.add(undefined, undefined, 'bestand-onleesbaar', 'dit is geen leesbaar Excel-bestand (.xlsx)');
		return null;
	}
	const sheet = pickSheet(workbook, sheetName);
	if (!sheet) {
		const names = workbook.worksheets.map((s) => `"${s.name}"`).join(', ');
		errors.add(
			undefined,
			undefined,
			'bestand-onleesbaar',
			sheetName ? `het werkblad "${sheetName}" bestaat niet; wel: ${names}` : 'de werkmap bevat geen werkblad'
		);
		return null;
	}

	let header: string[] | null = null;
	let headerLine = 0;
	const rows: RawRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: Cell[] = [];
		row.eachCell({ includeEmpty: true }, (cell, col) => {
			cells[col - 1] = toCell(cell.value);
		});
		for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
		if (cells.every(isEmptyCell)) return;
		if (header === null) {
			header = cells.map((c) => cellText(c).trim());
			headerLine = rowNumber;
		} else {
			rows.push({ line: rowNumber, cells });
		}
	});

	if (header === null) {
		errors.add(undefined, undefined, 'bestand-leeg', `het werkblad "${sheet.name}" is leeg: er is geen kopregel met kolomnamen`);
		return null;
	}
	const head: string[] = header;
	// Values right of the last named column become unnamed columns: the header check warns about
	// them, and the privacy check still sees them.
	// A loop, not Math.max(...rows): spreading 200,000 rows as arguments overflows the call stack.
	let width = head.length;
	for (const row of rows) width = Math.max(width, row.cells.length);
	while (head.length < width) head.push('');
	for (const row of rows) while (row.cells.length < width) row.cells.push('');

	const table: RawTable = {
		file,
		format: 'xlsx',
		header: head,
		headerLine,
		rows,
		date1904: Boolean(workbook.properties?.date1904)
	};
	checkMojibake(table, errors);
	return errors.empty ? table : null;
}

function pickSheet(workbook: ExcelJS.Workbook, name?: string): ExcelJS.Worksheet | undefined {
	if (name === undefined) return workbook.worksheets[0];
	const wanted = name.trim().toLowerCase();
	return workbook.worksheets.find((s) => s.name.trim().toLowerCase() === wanted);
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
