// The header of a file against a dataset: which file column feeds which dataset column, which
// required columns are missing (error), which columns are unknown (warning, not loaded).
// A header cell that is not a known column may hold anything (a data row pasted over the header, a
// name): messages name it by its position only (column letter in a workbook, number in a CSV).

import type { DatasetSpec } from './spec';
import { formatProblem, type ErrorCollector } from '../errors';
import type { RawTable } from '../readers/table';
import { isEmptyCell } from '../readers/table';
import { columnPosition } from '../readers/position';

/** Column names match case-insensitively and trimmed; spaces and hyphens count as `_`. */
export function normaliseColumnName(name: string): string {
	return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export interface HeaderMatch {
	/** For each column of the spec: its index in the file, or -1 when the file lacks it. */
	sourceIndex: number[];
	/** For each column of the spec: the name to use in messages (as written in the file). */
	displayName: string[];
	/** Dutch warnings, fully formatted. */
	warnings: string[];
}

export function matchHeader(table: RawTable, spec: DatasetSpec, errors: ErrorCollector): HeaderMatch {
	const where = { file: table.file, line: table.headerLine };
	const firstIndex = new Map<string, number>();
	const warnings: string[] = [];

	const position = (i: number) => columnPosition(table.format, i);
	const known = (name: string) => spec.columns.some((c) => c.name === name && !c.derived);

	table.header.forEach((raw, i) => {
		const name = normaliseColumnName(raw);
		if (name === '') {
			// Excel often adds empty columns at the right; only a nameless column with values is worth a word.
			if (table.rows.some((r) => !isEmptyCell(r.cells[i] ?? ''))) {
				warnings.push(formatProblem({ ...where, column: position(i) }, 'kolom-zonder-naam', 'kolom zonder naam in de kopregel; de waarden worden niet geladen'));
			}
			return;
		}
		if (firstIndex.has(name)) {
			errors.add(
				table.headerLine,
				known(name) ? raw : position(i),
				'kolom-dubbel',
				`de kolom staat twee keer in de kopregel (ook ${position(firstIndex.get(name)!)})`
			);
			return;
		}
		firstIndex.set(name, i);
		if (!known(name)) {
			// Named by position only: the warning is stored with the load and shown on /bronnen.
			warnings.push(formatProblem({ ...where, column: position(i) }, 'kolom-onbekend', `onbekende kolom voor ${spec.id}; de kolom wordt niet geladen`));
		}
	});

	const sourceIndex = spec.columns.map((c) => (c.derived ? -1 : (firstIndex.get(c.name) ?? -1)));
	spec.columns.forEach((c, j) => {
		if (c.required && sourceIndex[j] < 0) {
			errors.add(table.headerLine, c.name, 'kolom-verplicht', `verplichte kolom ontbreekt in de kopregel (${spec.id} vraagt: ${spec.columns.filter((x) => x.required).map((x) => x.name).join(', ')})`);
		}
	});
	const displayName = spec.columns.map((c, j) => (sourceIndex[j] >= 0 ? table.header[sourceIndex[j]] : c.name));
	return { sourceIndex, displayName, warnings };
}
