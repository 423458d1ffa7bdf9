// What an export is: a function of its page's query string that returns the same suppressed
// figures the page shows, as one table of rows and columns (docs/export.md). CSV, XLSX and Arrow are
// all written from that one table (format.ts), so the three files cannot hold different numbers.
// Each feature's exports.ts defines its exporters; registry.ts gives them their names under
// /export/<name>.<csv|xlsx|arrow>.
import type { Database } from '$lib/server/db/database';
import { formatCount, type Onderdrukt } from '$lib/shared/format';
import type { CsvColumn } from './csv';

export interface ExportContext {
	db: Database;
	params: URLSearchParams;
	k: number;
}

/** The rows an export publishes and how each column reads them. */
export interface ExportTable<R = unknown> {
	rows: readonly R[];
	columns: readonly CsvColumn<R>[];
}

// `any`: a registry holds tables of many row types; each exporter is checked against its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Exporter = (ctx: ExportContext) => Promise<ExportTable<any>>;

/** An export's table; the row type ties the columns to the rows. */
export const table = <R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): ExportTable<R> => ({ rows, columns });

/** A count as a cell: "<k" when small, "x" when hidden to protect another cell, else the number. */
export const countCell = (value: number | null, onderdrukt: Onderdrukt, k: number) => (onderdrukt ? formatCount(value, onderdrukt, k) : value);

/** A share (0–1) as a percentage cell; empty when there is none. */
export const pctCell = (share: number | null) => (share === null ? null : share * 100);
