// A chart and table of 3,000 wijken helps nobody and makes a page of many megabytes. A page's table
// shows at most MAX_PAGE_UNITS units and its charts at most MAX_CHART_UNITS (more panels are not
// read, and each costs a server render): the ones with the most published referrals in the view,
// with the selected unit always among them. The CSV export always has them all; the page says so.

export const MAX_PAGE_UNITS = 100;
export const MAX_CHART_UNITS = 12;

export interface UnitLimit {
	/** units in the view */
	eenheden: number;
	/** units shown */
	getoond: number;
}

/** The rows of the `max` units with the largest published total (ties by code), in their order. */
export function limitUnits<R extends { niveau_code: string; verwijzingen: number | null }>(
	rows: R[],
	max = MAX_PAGE_UNITS,
	keepCode: string | null = null
): { rows: R[]; limit: UnitLimit | null } {
	const totals = new Map<string, number>();
	for (const r of rows) totals.set(r.niveau_code, (totals.get(r.niveau_code) ?? 0) + (r.verwijzingen ?? 0));
	if (totals.size <= max) return { rows, limit: null };
	const keep = new Set(
		[...totals]
			.sort((a, b) => Number(b[0] === keepCode) - Number(a[0] === keepCode) || b[1] - a[1] || a[0].localeCompare(b[0]))
			.slice(0, max)
			.map(([code]) => code)
	);
	return { rows: rows.filter((r) => keep.has(r.niveau_code)), limit: { eenheden: totals.size, getoond: max } };
}
