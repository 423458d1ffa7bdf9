// An export as an Excel workbook: a sheet "Gegevens" with readable Dutch headings, number formats
// per column kind and a frozen header row, and a sheet "Toelichting" (toelichting.ts). Written with
// exceljs' streaming writer, row by row, so a national export is never one workbook in memory.
// A hidden count stays the text "<5" (or "x"); percentages are stored as fractions with a %
// format, so Excel shows 12,3% for the CSV's 12,3.
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellOf, type TypedColumn } from './cells';
import type { Toelichting } from './toelichting';

/** Excel's last row is 1,048,576: one heading and this many rows. */
export const XLSX_MAX_ROWS = 1_048_575;

/** XML 1.0 has no place for these control characters; a cell holding one would break the file. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (s: string) => s.replace(XML_INVALID, '');

function numFmt(col: TypedColumn<unknown>): string | undefined {
	const d = col.digits ?? 0;
	const decimals = d > 0 ? '.' + '0'.repeat(d) : '';
	switch (col.info.soort) {
		case 'aantal':
			return '#,##0';
		case 'geheel':
			return '0';
		case 'decimaal':
			return `#,##0${decimals}`;
		case 'procent':
			return `0${decimals}%`;
		default:
			return undefined;
	}
}

/** The value a cell gets in Excel: what the CSV holds, a percentage as its fraction. */
function excelValue<R>(col: TypedColumn<R>, row: R): string | number | null {
	const c = cellOf(col, row);
	if (c.marker !== null) return c.marker;
	if (c.text !== null) return clean(c.text);
	if (c.number === null) return null;
	// toFixed: 12.3 / 100 is 0.12300000000000001 in binary; the fraction has two more decimals.
	return col.info.soort === 'procent' ? Number((c.number / 100).toFixed((col.digits ?? 0) + 2)) : c.number;
}

export function xlsxStream<R>(columns: TypedColumn<R>[], rows: readonly R[], t: Toelichting): ReadableStream<Uint8Array> {
	const out = new PassThrough();
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
	wb.creator = 'Basiszorg Monitor';
	const write = async () => {
		const data = wb.addWorksheet('Gegevens', { views: [{ state: 'frozen', ySplit: 1 }] });
		data.columns = columns.map((c) => {
			const fmt = numFmt(c as TypedColumn<unknown>);
			return {
				key: c.code,
				width: Math.min(40, Math.max(10, c.info.label.length + 2)),
				style: fmt ? { numFmt: fmt } : {}
			};
		});
		const header = data.addRow(columns.map((c) => c.info.label));
		header.font = { bold: true };
		header.alignment = { wrapText: true, vertical: 'top' };
		header.commit();
		data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
		for (let i = 0; i < rows.length; i++) {
			const row = data.addRow(columns.map((c) => excelValue(c, rows[i])));
			columns.forEach((c, j) => {
				// A hidden count is text in a number column: aligned with the numbers around it.
				if (c.info.soort === 'aantal' && typeof row.getCell(j + 1).value === 'string') row.getCell(j + 1).alignment = { horizontal: 'right' };
			});
			row.commit();
			// Let the zip stream catch up with a slow download instead of buffering the whole file.
			if (i % 1000 === 999 && out.writableNeedDrain) await once(out, 'drain');
		}
		data.commit();

		const uitleg = wb.addWorksheet('Toelichting');
		uitleg.columns = [{ width: 28 }, { width: 32 }, { width: 28 }, { width: 90 }];
		const titel = uitleg.addRow([t.titel]);
		titel.font = { bold: true, size: 14 };
		titel.commit();
		uitleg.addRow([]).commit();
		for (const [label, value] of t.regels) {
			const r = uitleg.addRow([label, clean(value)]);
			r.getCell(1).font = { bold: true };
			uitleg.mergeCells(r.number, 2, r.number, 4);
			r.alignment = { wrapText: true, vertical: 'top' };
			r.commit();
		}
		uitleg.addRow([]).commit();
		const kop = uitleg.addRow(['Kolommen']);
		kop.font = { bold: true, size: 12 };
		kop.commit();
		const head = uitleg.addRow(['Kop in Gegevens', 'Kolom in CSV en Arrow', 'Soort', 'Definitie']);
		head.font = { bold: true };
		head.commit();
		for (const k of t.kolommen) {
			const r = uitleg.addRow([k.label, k.code, k.soort, clean(k.definitie)]);
			r.alignment = { wrapText: true, vertical: 'top' };
			r.commit();
		}
		uitleg.commit();
		await wb.commit();
	};
	write().catch((e) => out.destroy(e instanceof Error ? e : new Error(String(e))));
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
