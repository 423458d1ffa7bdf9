// Dutch (nl-NL) formatting of numbers, rates, shares, dates and hidden counts, for pages and charts.

const nf = (digits: number) =>
	new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const formatters = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1.234,5" (with the given number of decimals). */
export function formatNumber(n: number | null | undefined, digits = 0): string {
	if (n === null || n === undefined || !Number.isFinite(n)) return '–';
	let f = formatters.get(digits);
	if (!f) formatters.set(digits, (f = nf(digits)));
	return f.format(n);
}

/** A rate per 1,000 with one decimal. */
export function formatRate(n: number | null | undefined): string {
	return formatNumber(n, 1);
}

/** 0.4407 → "44,1%". */
export function formatShare(n: number | null | undefined, digits = 1): string {
	return n === null || n === undefined ? '–' : `${formatNumber(n * 100, digits)}%`;
}

/** A signed change in percent: +12,3% / −4,0%. */
export function formatChange(n: number | null | undefined, digits = 1): string {
	if (n === null || n === undefined || !Number.isFinite(n)) return '–';
	const sign = n > 0 ? '+' : n < 0 ? '−' : '';
	return `${sign}${formatNumber(Math.abs(n), digits)}`;
}

export type Onderdrukt = 'klein' | 'aanvullend' | null;

/** Marker shown instead of a hidden count that protects a small number elsewhere. */
export const SECONDARY_MARK = 'x';

/** A count, or "<k" for a small number, or "x" for a complementary hidden one. */
export function formatCount(value: number | null, onderdrukt: Onderdrukt, k: number): string {
	if (onderdrukt === 'klein') return `<${k}`;
	if (onderdrukt === 'aanvullend') return SECONDARY_MARK;
	return formatNumber(value);
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/Amsterdam'
});

/** '2024-03-01' → '1 maart 2024'. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	return dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
}

/** An ISO timestamp → '5 jan 2026 11:00' (Dutch time). */
export function formatDateTime(iso: string | null | undefined): string {
	if (!iso) return '–';
	return dateTimeFormat.format(new Date(iso.endsWith('Z') || iso.includes('+') ? iso : `${iso}Z`));
}
