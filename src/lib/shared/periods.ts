// Calendar periods as the labels used in pages and exports: '2024-03', '2024-K1', '2024'.

export type PeriodKind = 'maand' | 'kwartaal' | 'jaar';

/** All months 'YYYY-MM' from first to last inclusive. */
export function monthRange(first: string, last: string): string[] {
	const out: string[] = [];
	let [y, m] = first.split('-').map(Number);
	const [ly, lm] = last.split('-').map(Number);
	while (y < ly || (y === ly && m <= lm)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		if (++m > 12) [y, m] = [y + 1, 1];
	}
	return out;
}

export function quarterOf(month: string): string {
	const m = Number(month.slice(5, 7));
	return `${month.slice(0, 4)}-K${Math.ceil(m / 3)}`;
}

export function yearOf(period: string): number {
	return Number(period.slice(0, 4));
}

export function periodOf(month: string, kind: PeriodKind): string {
	if (kind === 'maand') return month;
	if (kind === 'kwartaal') return quarterOf(month);
	return month.slice(0, 4);
}

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** Dutch display label: 'mrt 2024', 'K1 2024', '2024'. */
export function periodLabelNl(period: string): string {
	if (/^\d{4}-\d{2}$/.test(period)) return `${MONTHS_NL[Number(period.slice(5)) - 1]} ${period.slice(0, 4)}`;
	if (/^\d{4}-K\d$/.test(period)) return `${period.slice(5)} ${period.slice(0, 4)}`;
	return period;
}

/** 'YYYY-MM' plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
	const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
