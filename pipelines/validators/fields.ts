// Field types: what a column holds, how a cell is checked and normalised, and how it is stored.
// Dataset modules describe their columns with these, the row validator applies them.

import type { Cell } from '../readers/table';
import { checkGemeenteCode, checkOneOf, checkSlug, checkWijkCode, cellText } from './codes';
import { EARLIEST_DATE } from '../../contract/dates';
import { checkDate, type DateContext } from './dates';
import { checkDecimal, checkInteger, type Range } from './numbers';
import { ok, type Checked } from './result';

/** A checked value as it goes into the database: text, number, or a YYYY-MM-DD date string. */
export type Value = string | number | null;

export type SqlType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'DOUBLE';

export type FieldContext = DateContext;

export interface FieldType {
	sqlType: SqlType;
	check(cell: Cell, ctx: FieldContext): Checked<Value>;
	/** Free text: personal data in it is masked by `check` instead of rejecting the file (validators/freeText.ts). */
	freeText?: boolean;
	/** `check` only trims the text and never fails: a large CSV trims it in SQL instead (validators/sqlTable.ts). */
	trimmedText?: boolean;
	/**
	 * A pseudonym: `check` returns the trimmed text unless the privacy rules of a pseudonym find
	 * something, so a value the SQL proves clean (validators/privacySql.ts) is stored as it is.
	 */
	pseudonym?: boolean;
}

/** Free text, trimmed (names, ids, pseudonyms). */
export const text = (): FieldType => ({ sqlType: 'VARCHAR', trimmedText: true, check: (cell) => ok(cellText(cell)) });

export const wijkCode = (): FieldType => ({ sqlType: 'VARCHAR', check: checkWijkCode });

export const gemeenteCode = (): FieldType => ({ sqlType: 'VARCHAR', check: checkGemeenteCode });

export const oneOf = (values: readonly string[]): FieldType => ({
	sqlType: 'VARCHAR',
	check: (cell) => checkOneOf(cell, values)
});

export const slug = (): FieldType => ({ sqlType: 'VARCHAR', check: checkSlug });

export const date = (): FieldType => ({ sqlType: 'DATE', check: checkDate });

export const integer = (range: Range = {}): FieldType => ({
	sqlType: 'INTEGER',
	check: (cell) => checkInteger(cell, range)
});

export const decimal = (range: Range = {}): FieldType => ({
	sqlType: 'DOUBLE',
	check: (cell) => checkDecimal(cell, range)
});

/** A calendar year from 2000 up to the year of the import (same bounds as dates). */
export const year = (): FieldType => ({
	sqlType: 'INTEGER',
	check: (cell, ctx) =>
		checkInteger(cell, { min: Number(EARLIEST_DATE.slice(0, 4)), max: Number(ctx.today.slice(0, 4)) })
});
