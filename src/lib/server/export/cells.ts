// One cell of an export as the three formats need it: a number (rounded exactly as the CSV writes
// it, so CSV, XLSX and Arrow hold the same value), a text, or the marker of a hidden count ("<5",
// "x"), which is never a number. Typed by the column dictionary (columns.ts).
import { columnInfo, type ColumnInfo } from './columns';
import type { CsvColumn, CsvValue } from './csv';
import type { ExportTable } from './exporter';

export interface Cell {
	number: number | null;
	text: string | null;
	/** a hidden count: "<k" or "x" */
	marker: string | null;
}

export interface TypedColumn<R> {
	code: string;
	info: ColumnInfo;
	digits: number | undefined;
	value: (row: R) => CsvValue;
}

const EMPTY: Cell = { number: null, text: null, marker: null };
const MARKER = /^(<\d+|x)$/;

/** The columns of an export with their dictionary entries; an undocumented column is an error. */
export function typedColumns<R>(name: string, t: ExportTable<R>): TypedColumn<R>[] {
	return t.columns.map((c: CsvColumn<R>) => {
		const info = columnInfo(name, c.header);
		if (!info) throw new Error(`export ${name}: kolom ${c.header} staat niet in columns.ts`);
		return { code: c.header, info, digits: c.digits, value: c.value };
	});
}

/** The value as the CSV writes it: whole numbers rounded, others to the column's decimals. */
export const rounded = (v: number, digits: number | undefined) => (digits === undefined ? Math.round(v) : Number(v.toFixed(digits)));

export function cellOf<R>(col: TypedColumn<R>, row: R): Cell {
	const v = col.value(row);
	if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return EMPTY;
	if (col.info.soort === 'tekst') return { number: null, text: String(v), marker: null };
	if (typeof v === 'number') return { number: rounded(v, col.digits), text: null, marker: null };
	if (col.info.soort === 'aantal' && MARKER.test(v)) return { number: null, text: null, marker: v };
	throw new Error(`kolom ${col.code}: "${v}" is geen getal`);
}
