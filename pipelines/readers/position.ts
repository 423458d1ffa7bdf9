// Where a column is, for messages that may not quote what the file says there: a header cell that
// is not a known column can hold anything (a data row pasted over the header, a name), so it is
// named by its position only: its column letter in a workbook (C, AB), its number in a CSV (3).

/** Column letters as Excel writes them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		out = String.fromCharCode(65 + r) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

/** `kolom C` (XLSX) or `kolom 3` (CSV) for the 0-based column index. */
export function columnPosition(format: 'csv' | 'xlsx', index: number): string {
	return `kolom ${format === 'xlsx' ? columnLetter(index) : index + 1}`;
}
