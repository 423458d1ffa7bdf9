// One export table, three files: CSV (the contract of docs/export.md, plus a `filters` column),
// XLSX and Arrow, each written as a stream from the same rows and the same typed cells, so the
// numbers cannot differ between them. The HTTP side is respond.ts.
import { arrowStream } from './arrow';
import { typedColumns } from './cells';
import { csvChunks, type CsvColumn } from './csv';
import type { ExportDescription } from './describe';
import type { ExportTable } from './exporter';
import { soortText, toelichting, type Toelichting } from './toelichting';
import { xlsxStream, XLSX_MAX_ROWS } from './xlsx';

export const FORMATS = ['csv', 'xlsx', 'arrow'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

export const CONTENT_TYPE: Record<Format, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	arrow: 'application/vnd.apache.arrow.file'
};

/** An export larger than Excel can hold (its row limit). */
export class TooManyRowsError extends Error {
	constructor(readonly rows: number) {
		super(`${rows} rijen`);
	}
}

/**
 * The CSV's columns: the export's own, then `filters`, the applied filters as a query string on
 * every row (docs/export.md): a saved file still says what it holds, and files appended in Power
 * BI stay apart. Machine-readable: a URL query, the same one the page takes.
 */
export function csvColumns<R>(t: ExportTable<R>, d: ExportDescription): CsvColumn<R>[] {
	return [...t.columns, { header: 'filters', value: () => d.query }];
}

/** The CSV as a stream of UTF-8 chunks. */
export function csvStream<R>(t: ExportTable<R>, d: ExportDescription): ReadableStream<Uint8Array> {
	const chunks = csvChunks(t.rows, csvColumns(t, d));
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			const next = chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		}
	});
}

/** The Toelichting of this export in this format. */
export function explain<R>(t: ExportTable<R>, d: ExportDescription, k: number, format: Format): Toelichting {
	const columns = typedColumns(d.naam, t);
	return toelichting(
		d,
		columns.map((c) => ({ code: c.code, label: c.info.label, soort: soortText(c.info.soort, c.digits), definitie: c.info.definitie })),
		k,
		format
	);
}

export function renderExport<R>(t: ExportTable<R>, d: ExportDescription, k: number, format: Format): ReadableStream<Uint8Array> {
	if (format === 'csv') return csvStream(t, d);
	const columns = typedColumns(d.naam, t);
	const uitleg = explain(t, d, k, format);
	if (format === 'arrow') return arrowStream(columns, t.rows, uitleg);
	if (t.rows.length > XLSX_MAX_ROWS) throw new TooManyRowsError(t.rows.length);
	return xlsxStream(columns, t.rows, uitleg);
}
