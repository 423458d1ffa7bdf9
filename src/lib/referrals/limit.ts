// A chart and table of 3,000 wijken helps nobody and makes a page of many megabytes. A page's table
// shows at most MAX_PAGE_UNITS units and its charts at most MAX_CHART_UNITS (more panels are not
// read, and each costs a server render): the ones with the most published referrals in the view,
// with the selected unit always among them. The CSV export always has them all; the page says so.
// Fine periods shrink the table further: 100 practices x 120 months made a page of 12 MB that took a
// second to render, so a page also holds at most MAX_PAGE_ROWS rows (12 units of 10 years by month).

export const MAX_PAGE_UNITS = 100;
export const MAX_CHART_UNITS = 12;
export const MAX_PAGE_ROWS = 1_440;

export interface UnitLimit {
	/** units in the view */
	eenheden: number;
	/** units shown */
	getoond: number;
}

/** How many units of `periods` periods each a page shows: at most `maxUnits`, within `maxRows` rows, at least 1. */
export function unitBudget(periods: number, maxUnits = MAX_PAGE_UNITS, maxRows = MAX_PAGE_ROWS): number {
	return Math.max(1, Math.min(maxUnits, Math.floor(maxRows / Math.max(1, periods))));
}

/**
 * The rows of the units with the largest published total (ties by code), in their order: at most
 * `maxUnits` units and, where units have many periods, as many as fit in `maxRows` rows (at least 1).
 */
export function limitUnits<R extends { niveau_code: string; verwijzingen: number | null }>(
	rows: R[],
	maxUnits = MAX_PAGE_UNITS,
	keepCode: string | null = null,
	maxRows = MAX_PAGE_ROWS
): { rows: R[]; limit: UnitLimit | null } {
	const totals = new Map<string, number>();
	const rowsPerUnit = new Map<string, number>();
	for (const r of rows) {
		totals.set(r.niveau_code, (totals.get(r.niveau_code) ?? 0) + (r.verwijzingen ?? 0));
		rowsPerUnit.set(r.niveau_code, (rowsPerUnit.get(r.niveau_code) ?? 0) + 1);
	}
	let longest = 1;
	for (const n of rowsPerUnit.values()) longest = Math.max(longest, n);
	const max = unitBudget(longest, maxUnits, maxRows);
	if (totals.size <= max) return { rows, limit: null };
	const keep = new Set(
		[...totals]
			.sort((a, b) => Number(b[0] === keepCode) - Number(a[0] === keepCode) || b[1] - a[1] || a[0].localeCompare(b[0]))
			.slice(0, max)
			.map(([code]) => code)
	);
	return { rows: rows.filter((r) => keep.has(r.niveau_code)), limit: { eenheden: totals.size, getoond: max } };
}
