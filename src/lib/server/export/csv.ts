// CSV for Dutch Excel: UTF-8 with BOM, ';' separator, decimal comma, CRLF, RFC 4180 quoting.

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
	return v;
}

function quote(s: string): string {
	return /[;"\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
	const lines = [columns.map((c) => quote(c.header)).join(';')];
	for (const r of rows) lines.push(columns.map((c) => quote(formatValue(c.value(r), c.digits))).join(';'));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
