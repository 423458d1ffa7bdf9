// Calendar arithmetic on UTC day numbers (days since 1970-01-01), so that nothing depends on the
// time zone of the machine that generates the data.

const MS_PER_DAY = 86_400_000;

export const DEMO_START_JAAR = 2016;
export const DEMO_MAANDEN = 120; // January 2016 up to and including December 2025

export function dayNumber(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number);
	return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function dayToDate(day: number): Date {
	return new Date(day * MS_PER_DAY);
}

export function dayToIso(day: number): string {
	return dayToDate(day).toISOString().slice(0, 10);
}

/** Month index: 0 = January 2016. */
export function monthIndex(iso: string): number {
	const [y, m] = iso.split('-').map(Number);
	return (y - DEMO_START_JAAR) * 12 + (m - 1);
}

export function monthYear(m: number): number {
	return DEMO_START_JAAR + Math.floor(m / 12);
}

/** Calendar month 0-11 of a month index. */
export function monthOfYear(m: number): number {
	return m % 12;
}

/** Monday to Friday, except New Year's Day and Christmas (the holidays with a fixed date and a closed practice). */
export function isWorkday(day: number): boolean {
	const date = dayToDate(day);
	const wd = date.getUTCDay();
	const md = date.toISOString().slice(5, 10);
	return wd !== 0 && wd !== 6 && md !== '01-01' && md !== '12-25' && md !== '12-26';
}

/** Working days of a month index, as day numbers. */
export function weekdays(m: number): number[] {
	const first = Date.UTC(monthYear(m), monthOfYear(m), 1) / MS_PER_DAY;
	const next = Date.UTC(monthYear(m), monthOfYear(m) + 1, 1) / MS_PER_DAY;
	const days: number[] = [];
	for (let d = first; d < next; d++) if (isWorkday(d)) days.push(d);
	return days;
}

/** The day itself if it is a working day, else the next one. */
export function nextWorkday(day: number): number {
	while (!isWorkday(day)) day++;
	return day;
}

export type DateStyle = 'iso' | 'dd-mm-yyyy' | 'd-m-yyyy';

export function formatDay(day: number, style: DateStyle): string {
	const iso = dayToIso(day);
	if (style === 'iso') return iso;
	const [y, m, d] = iso.split('-');
	return style === 'dd-mm-yyyy' ? `${d}-${m}-${y}` : `${Number(d)}-${Number(m)}-${y}`;
}
