// CSV exports: RFC 4180 quoting (papaparse), `;` or `,` as delimiter (detected), LF or CRLF.
// Each row keeps the physical line it starts on, so messages can say "regel 14" even when a
// quoted value spans several lines.

import Papa from 'papaparse';
import type { ErrorCollector } from '../errors';
import { decodeText } from './decode';
import { checkMojibake } from './checkText';
import type { Cell, RawRow, RawTable } from './table';
import { isEmptyCell } from './table';

export function readCsv(bytes: Uint8Array, file: string, errors: ErrorCollector): RawTable | null {
	const { text: decoded, encoding } = decodeText(bytes);
	// One line ending for the whole file, so a file that mixes CRLF and LF (hand-edited) parses
	// the same everywhere, and counting '\n' gives the physical line.
	const text = decoded.replace(/\r\n?/g, '\n');

	const delimiter = detectDelimiter(text);
	const rows: RawRow[] = [];
	let header: string[] | null = null;
	let headerLine = 0;
	let line = 1;
	let scanned = 0; // text[0, scanned) has been counted into `line`
	let rowStart = 0;

	Papa.parse<string[]>(text, {
		delimiter,
		newline: '\n',
		step(result) {
			for (; scanned < rowStart; scanned++) if (text.charCodeAt(scanned) === 10) line++;
			rowStart = result.meta.cursor;
			for (const e of result.errors) {
				errors.add(line, undefined, 'csv-aanhalingstekens', quoteProblem(e.code));
			}
			const cells: string[] = result.data;
			if (cells.every((c) => c.trim() === '')) return;
			if (header === null) {
				header = cells.map((c) => c.trim());
				headerLine = line;
			} else {
				rows.push({ line, cells });
			}
		}
	});

	if (header === null) {
		errors.add(undefined, undefined, 'bestand-leeg', 'het bestand is leeg: er is geen kopregel met kolomnamen');
		return null;
	}
	const table: RawTable = { file, format: 'csv', header, headerLine, rows, encoding, delimiter };
	checkFieldCounts(table, errors);
	checkMojibake(table, errors);
	return errors.empty ? table : null;
}

const DELIMITERS = [';', ','] as const;

/**
 * The delimiter is whichever of `;` and `,` splits the header line into more columns (papaparse,
 * so that quoted names count right). Papaparse's own guess looks at the first rows and is thrown
 * off by values with line breaks or decimal commas; the header has neither. A tie (a file with one
 * column) gives `;`, what Dutch Excel writes.
 */
export function detectDelimiter(text: string): string {
	const firstLine = /^[^\n]*\S[^\n]*$/m.exec(text)?.[0] ?? '';
	let best: string = DELIMITERS[0];
	let bestCount = 0;
	for (const d of DELIMITERS) {
		const count = Papa.parse<string[]>(firstLine, { delimiter: d }).data[0]?.length ?? 0;
		if (count > bestCount) {
			best = d;
			bestCount = count;
		}
	}
	return best;
}

export function quoteProblem(code: string): string {
	if (code === 'MissingQuotes') {
		return 'een aanhalingsteken (") wordt geopend maar niet gesloten; controleer deze regel en de regels erna';
	}
	return 'aanhalingstekens (") staan verkeerd: een waarde met een scheidingsteken, aanhalingsteken of regeleinde moet tussen aanhalingstekens staan, en een aanhalingsteken daarbinnen wordt verdubbeld ("")';
}

/**
 * Rows must have as many fields as the header. Fewer is accepted (missing trailing fields are
 * empty); more is only accepted when the extra fields are empty (a trailing delimiter), because
 * extra values usually mean an unquoted delimiter inside a value, which shifts every column after it.
 */
function checkFieldCounts(table: RawTable, errors: ErrorCollector): void {
	const width = table.header.length;
	for (const row of table.rows) {
		if (row.cells.length > width) {
			const extra = row.cells.slice(width);
			if (extra.some((c) => !isEmptyCell(c))) {
				errors.add(
					row.line,
					undefined,
					'csv-velden',
					`deze regel heeft ${row.cells.length} velden, de kopregel ${width}; staat er een scheidingsteken ("${table.delimiter}") in een waarde zonder aanhalingstekens?`
				);
				if (errors.full) return;
			}
			row.cells = row.cells.slice(0, width);
		}
		while (row.cells.length < width) (row.cells as Cell[]).push('');
	}
}
