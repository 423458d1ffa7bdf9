// Checks on the decoded text of any reader's output.

import { hasPersonalData } from '../../contract/privacy';
import type { ErrorCollector } from '../errors';
import { columnPosition } from './position';
import { looksLikeMojibake } from './mojibake';
import type { RawTable } from './table';

/**
 * Reports the first mangled cell per column (never the value: it might be personal data). One
 * per column is enough to make the point; a wrongly converted file is wrong everywhere.
 */
export function checkMojibake(table: RawTable, errors: ErrorCollector): void {
	const advice =
		'de tekst bevat verminkte tekens (zoals "Ã«" in plaats van "ë"): het bestand is verkeerd omgezet. Exporteer het opnieuw als UTF-8 of als Excel-CSV';
	// A mangled header cell is named by its position; a data cell by its column's name, unless
	// that name itself holds identifying data (a data row used as header).
	const columnName = (i: number) => {
		const name = table.header[i] ?? '';
		return name === '' || hasPersonalData(name) ? columnPosition(table.format, i) : name;
	};
	table.header.forEach((name, i) => {
		if (looksLikeMojibake(name)) errors.add(table.headerLine, columnPosition(table.format, i), 'mojibake', advice);
	});
	const reported = new Set<number>();
	for (const row of table.rows) {
		row.cells.forEach((cell, i) => {
			if (typeof cell === 'string' && !reported.has(i) && looksLikeMojibake(cell)) {
				reported.add(i);
				errors.add(row.line, columnName(i), 'mojibake', advice);
			}
		});
		if (errors.full) return;
	}
}
