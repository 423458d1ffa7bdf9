// CSV for Dutch Excel: UTF-8 with BOM, ';' separator, decimal comma, CRLF, RFC 4180 quoting.
// Every export goes through toCsv, so this is also where text is kept from being run as a formula.

export type CsvValue = string | number | null | undefined;

export interface CsvColumn<R> {
	header: string;
	value: (row: R) => CsvValue;
	/** decimals for numbers; integers when omitted */
	digits?: number;
}

function formatValue(v: CsvValue, digits: number | undefined): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') {
		if (!Number.isFinite(v)) return '';
		// No thousands separator: Excel reads "1234,5" as a number, "1.234,5" only sometimes.
		return (digits === undefined ? String(Math.round(v)) : v.toFixed(digits)).replace('.', ',');
	}
	return neutraliseFormula(v);
}

/**
 * CSV formula injection (OWASP): Excel, LibreOffice and Google Sheets run a cell that starts with
 * `=`, `+`, `-` or `@` as a formula (and tab or carriage return can hide such a start), so a
 * werkplan title `=HYPERLINK(…)` would become a live link in the regiegroep's spreadsheet. Text that
 * starts with one of these gets a leading `'`, which the spreadsheet shows as text. Only text:
 * numbers are written by formatValue from a number (`-36,1` stays a negative number).
 */
export function neutraliseFormula(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(s: string): string {
	return /[;"\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = <R>(r: R, columns: readonly CsvColumn<R>[]) => columns.map((c) => quote(formatValue(c.value(r), c.digits))).join(';');

/**
 * The CSV in pieces of `rowsPerChunk` rows: a national export (practice x month, hundreds of
 * thousands of rows) is sent as a stream of these, never built as one string (respond.ts).
 */
export function* csvChunks<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], rowsPerChunk = 2000): Generator<string> {
	yield '\uFEFF' + columns.map((c) => quote(c.header)).join(';') + '\r\n';
	for (let i = 0; i < rows.length; i += rowsPerChunk) {
		let chunk = '';
		for (const r of rows.slice(i, i + rowsPerChunk)) chunk += line(r, columns) + '\r\n';
		yield chunk;
	}
}

/** The whole CSV as one string (tests, small exports); the same text as the chunks joined. */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
	return [...csvChunks(rows, columns)].join('');
}
