// Dates as exports write them: ISO (2024-03-15), Dutch (15-03-2024, 15-3-2024), and in XLSX
// Excel date cells or bare serial numbers. A date before 2000 or after the day of the import is
// an error: it is a typing error or a date of birth, never a referral date.

import { DUTCH_DATE, EARLIEST_DATE, isCalendarDate, isoDate } from '../../contract/dates';
import type { Cell } from '../readers/table';
import { fail, ok, quote, type Checked } from './result';

export interface DateContext {
	/** The day of the import, YYYY-MM-DD. */
	today: string;
	/** XLSX: serials count from 1904-01-01 instead of 1899-12-30. */
	date1904?: boolean;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Reads a date cell into YYYY-MM-DD, checking the calendar and the allowed range. */
export function checkDate(cell: Cell, ctx: DateContext): Checked<string> {
	const read = readDate(cell, ctx);
	if (!read.ok) return read;
	if (read.value < EARLIEST_DATE) {
		return fail('datum-te-vroeg', `datum ${read.value} ligt voor ${EARLIEST_DATE}`);
	}
	if (read.value > ctx.today) {
		return fail('datum-toekomst', `datum ${read.value} ligt na vandaag (${ctx.today})`);
	}
	return read;
}

function readDate(cell: Cell, ctx: DateContext): Checked<string> {
	if (cell instanceof Date) {
		if (Number.isNaN(cell.getTime())) return fail('datum-formaat', 'de Excel-datum is ongeldig');
		// exceljs gives the cell's calendar date as UTC midnight; local getters could shift it a day.
		return ok(isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()));
	}
	if (typeof cell === 'number') return fromExcelSerial(cell, ctx.date1904 ?? false);

	const text = cell.trim();
	let m = ISO.exec(text);
	if (m) return calendarDate(+m[1], +m[2], +m[3], text);
	m = DUTCH_DATE.exec(text);
	if (m) return calendarDate(+m[3], +m[2], +m[1], text);
	return fail(
		'datum-formaat',
		`${quote(text)} is geen datum; gebruik JJJJ-MM-DD (2024-03-15) of DD-MM-JJJJ (15-03-2024)`
	);
}

function calendarDate(y: number, m: number, d: number, text: string): Checked<string> {
	if (!isCalendarDate(y, m, d)) {
		return fail('datum-formaat', `${quote(text)} is geen bestaande datum`);
	}
	return ok(isoDate(y, m, d));
}

export function fromExcelSerial(serial: number, date1904: boolean): Checked<string> {
	if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) {
		return fail('datum-formaat', `${serial} is geen geldige Excel-datum`);
	}
	const epoch = date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900;
	// The fraction is the time of day; only the date counts.
	const t = new Date(epoch + Math.floor(serial) * MS_PER_DAY);
	return ok(isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));
}
