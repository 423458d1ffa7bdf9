// How a dataset module describes one kind of export: its columns, its key, the table it goes to
// and the checks that involve more than one column or other tables.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { ErrorCollector, RuleId } from '../errors';
import type { RawTable } from '../readers/table';
import type { FieldContext, FieldType, Value } from './fields';

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
	table: 'wijken' | 'praktijken' | 'bestemmingen' | 'werkplannen' | 'enquetes';
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
	/** Target table (contract/schema.ts). */
	table: string;
	columns: ColumnSpec[];
	/** Columns that identify a row; a re-delivered key replaces the row. */
	key: string[];
	/** Columns that mark a header as this dataset, all of them (see registry.ts). */
	signature: string[];
	/** Other names a tool writes for the same columns in another language: normalised name -> column name. */
	synonyms?: Readonly<Record<string, string>>;
	/** Datasets load in this order, so references resolve to files of the same run. */
	order: number;
	references: Reference[];
	/** Checks across columns of one row (after every single value passed). */
	checkRow?: (row: CheckedRow) => RowProblem[];
	/**
	 * The columns `checkRow` reads, when it reads no others: a large CSV is then checked once per
	 * distinct combination of these values instead of row by row (validators/sqlTable.ts).
	 */
	rowColumns?: readonly string[];
	/** Values of the `derived` columns, from a row that passed every check. */
	derive?: (row: CheckedRow) => CheckedRow;
	/**
	 * A dataset without fixed columns (survey responses: one column per question) checks and loads
	 * itself instead of through `columns`, the privacy and header checks, checkRows and upsertRows.
	 */
	custom?: CustomDataset;
}

/** Options of the import that a custom dataset may need. */
export interface CustomOptions {
	/** The enquete a survey tool export belongs to (`--enquete`). */
	enquete?: string;
}

export interface CustomDataset {
	/** Step 2 (no database): privacy and header; null when the file cannot load (the errors say why). */
	prepare(table: RawTable, errors: ErrorCollector, options: CustomOptions): CustomPlan | null;
}

export interface CustomPlan {
	/** Step 3, on the working copy: checks the rows against what is loaded; null after an error. */
	check(conn: DuckDBConnection, errors: ErrorCollector, ctx: FieldContext): Promise<CustomRows | null>;
}

export interface CustomRows {
	/** Rows that will be loaded (new plus replaced). */
	rows: number;
	/** Dutch warnings (unknown columns, masked free text), fully formatted. */
	warnings: string[];
	/** Dutch notes on what the load did that are no warning (wijkgrenzen: reprojected, simplified). */
	notes?: string[];
	/** Inside the load's transaction. */
	write(conn: DuckDBConnection, loadId: number): Promise<{ replaced: number; unchanged: number }>;
}

export function column(name: string, required: boolean, type: FieldType): ColumnSpec {
	return { name, required, type };
}
