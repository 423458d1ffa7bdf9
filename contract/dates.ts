// Dates of the import contract, for the pipelines and the app alike: one "today" (the Dutch
// calendar day, whatever the server's time zone), the earliest date the monitor accepts, and the two
// spellings people type (2024-03-15 and 15-03-2024). Pure functions: no I/O, no clock but `now`.

/** Dates before this are a typing error or a date of birth, never a referral or an edit. */
export const EARLIEST_DATE = '2000-01-01';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** DD-MM-YYYY with one or two digits for day and month, as Dutch spreadsheets write it. */
export const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

export function isoDate(y: number, m: number, d: number): string {
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const AMSTERDAM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in the Netherlands, YYYY-MM-DD: the day of an import or an edit. */
export function today(now: Date = new Date()): string {
	return AMSTERDAM_DAY.format(now);
}

/** Is y-m-d a day of the calendar (no 31 April, no 29 February 2023)? */
export function isCalendarDate(y: number, m: number, d: number): boolean {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Is this a real calendar date in YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const [y, m, d] = value.split('-').map(Number);
	return isCalendarDate(y, m, d);
}

/** 15-3-2024 → 2024-03-15 (not checked against the calendar); any other text is returned as is. */
export function dutchToIso(value: string): string {
	const m = DUTCH_DATE.exec(value);
	return m ? isoDate(+m[3], +m[2], +m[1]) : value;
}
