// How a dataset module describes one kind of export: its columns, its key, the table it goes to
// and the checks that involve more than one column or other tables.

import type { RuleId } from '../errors';
import type { FieldType, Value } from '../validators/fields';

export interface ColumnSpec {
	/** Column name as in formats.md (lower case). */
	name: string;
	/** Required: the column must be in the header and every row must have a value. */
	required: boolean;
	type: FieldType;
	/** Not read from the file: computed by the dataset's `derive` (e.g. a key made of other columns). */
	derived?: boolean;
}

/** A value that must exist in another table (loaded earlier, or seeded). */
export interface Reference {
	column: string;
	table: 'wijken' | 'praktijken' | 'bestemmingen' | 'werkplannen';
	rule: RuleId;
	/** Dutch explanation for a value that is not there. */
	message: (value: string) => string;
}

export type CheckedRow = Record<string, Value>;

export interface RowProblem {
	column: string;
	rule: RuleId;
	message: string;
}

export interface DatasetSpec {
	/** Name in messages, provenance and --dataset: `verwijzingen`, `populatie_wijk`, ... */
	id: string;
	/** The name of the contract this belongs to: `populatie` for both population shapes. */
	family: string;
	/** Target table (pipelines/db/schema.ts). */
	table: string;
	columns: ColumnSpec[];
	/** Columns that identify a row; a re-delivered key replaces the row. */
	key: string[];
	/** Columns that mark a header as this dataset, all of them (see registry.ts). */
	signature: string[];
	/** Datasets load in this order, so references resolve to files of the same run. */
	order: number;
	references: Reference[];
	/** Checks across columns of one row (after every single value passed). */
	checkRow?: (row: CheckedRow) => RowProblem[];
	/** Values of the `derived` columns, from a row that passed every check. */
	derive?: (row: CheckedRow) => CheckedRow;
}

export function column(name: string, required: boolean, type: FieldType): ColumnSpec {
	return { name, required, type };
}
