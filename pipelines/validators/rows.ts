// Row validation for any dataset: every value through its field type, then the dataset's own
// cross-column checks, references to other tables and the key's uniqueness within the file.
// Produces the rows to load, in the column order of the dataset spec.

import type { DatasetSpec, Reference } from './spec';
import type { ErrorCollector } from '../errors';
import type { RawTable } from '../readers/table';
import { isEmptyCell } from '../readers/table';
import type { FieldContext, Value } from './fields';
import type { HeaderMatch } from './header';

/** Existing values per referenced table (wijken -> wijk codes, ...). */
export type ReferenceSets = Partial<Record<Reference['table'], ReadonlySet<string>>>;

export interface RowCheckOptions {
	ctx: FieldContext;
	references: ReferenceSets;
	onProgress?: (done: number) => void;
}

const PROGRESS_EVERY = 2000;

export function checkRows(
	table: RawTable,
	spec: DatasetSpec,
	header: HeaderMatch,
	errors: ErrorCollector,
	{ ctx, references, onProgress }: RowCheckOptions
): Value[][] {
	const out: Value[][] = [];
	const columnIndex = new Map(spec.columns.map((c, j) => [c.name, j]));
	const keyIndexes = spec.key.map((k) => columnIndex.get(k)!);
	const firstLineOfKey = new Map<string, number>();

	for (let r = 0; r < table.rows.length && !errors.full; r++) {
		const { line, cells } = table.rows[r];
		if (onProgress && r % PROGRESS_EVERY === 0) onProgress(r);
		const values: Value[] = new Array(spec.columns.length);
		let rowOk = true;

		spec.columns.forEach((col, j) => {
			const source = header.sourceIndex[j];
			const cell = source < 0 ? '' : (cells[source] ?? '');
			if (isEmptyCell(cell)) {
				values[j] = null;
				if (col.required && source >= 0) {
					errors.add(line, header.displayName[j], 'waarde-verplicht', 'deze kolom is verplicht, maar de waarde is leeg');
					rowOk = false;
				}
				return;
			}
			const checked = col.type.check(cell, ctx);
			if (checked.ok) {
				values[j] = checked.value;
			} else {
				values[j] = null;
				rowOk = false;
				errors.add(line, header.displayName[j], checked.rule, checked.message);
			}
		});
		if (!rowOk) continue;

		const named = Object.fromEntries(spec.columns.map((c, j) => [c.name, values[j]]));
		for (const p of spec.checkRow?.(named) ?? []) {
			errors.add(line, header.displayName[columnIndex.get(p.column)!], p.rule, p.message);
			rowOk = false;
		}
		if (rowOk && spec.derive) {
			const derived = spec.derive(named);
			spec.columns.forEach((c, j) => {
				if (c.derived) values[j] = derived[c.name] ?? null;
			});
		}

		for (const ref of spec.references) {
			const j = columnIndex.get(ref.column)!;
			const v = values[j];
			if (v !== null && !references[ref.table]?.has(String(v))) {
				errors.add(line, header.displayName[j], ref.rule, ref.message(String(v)));
				rowOk = false;
			}
		}

		const key = JSON.stringify(keyIndexes.map((j) => values[j]));
		const earlier = firstLineOfKey.get(key);
		if (earlier !== undefined) {
			// The key itself is not repeated in the message: it may be a pseudonymous id.
			errors.add(
				line,
				header.displayName[keyIndexes[0]],
				'sleutel-dubbel',
				`dezelfde sleutel (${spec.key.join(', ')}) staat ook op regel ${earlier}; elke sleutel mag maar een keer in een bestand voorkomen`
			);
			rowOk = false;
		} else {
			firstLineOfKey.set(key, line);
		}

		if (rowOk) out.push(values);
	}
	onProgress?.(table.rows.length);
	return out;
}
