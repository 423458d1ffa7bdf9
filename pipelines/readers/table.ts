// What every reader produces: the header and the data rows of one file, untyped, each row with the
// line it came from so that later checks can point at it.

/** A cell as read. CSV gives strings; XLSX may also give numbers and dates. Empty cells are ''. */
export type Cell = string | number | Date;

export interface RawRow {
	/** 1-based physical line in the file (CSV) or sheet row number (XLSX). */
	line: number;
	cells: Cell[];
}

export interface RawTable {
	/** File name for messages (basename). */
	file: string;
	format: 'csv' | 'xlsx';
	/** Column names as written, trimmed. */
	header: string[];
	/** Line of the header (1 for CSV; the sheet row for XLSX). */
	headerLine: number;
	/** Data rows; wholly empty rows are left out. */
	rows: RawRow[];
	/** CSV only: the detected encoding and delimiter, for the load report. */
	encoding?: TextEncodingName;
	delimiter?: string;
	/** XLSX only: the workbook counts serial dates from 1904 (old Mac Excel). */
	date1904?: boolean;
}

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';

export function isEmptyCell(cell: Cell): boolean {
	return typeof cell === 'string' && cell.trim() === '';
}
