// What a CSV export is: a function of its page's query string that returns the same suppressed
// figures the page shows (docs/export.md). Each feature's exports.ts defines its exporters;
// registry.ts gives them their names under /export/<name>.csv.
import type { Database } from '$lib/server/db/database';
import { formatCount, type Onderdrukt } from '$lib/shared/format';

export interface ExportContext {
	db: Database;
	params: URLSearchParams;
	k: number;
}

export type Exporter = (ctx: ExportContext) => Promise<string>;

/** A count as a cell: "<k" when small, "x" when hidden to protect another cell, else the number. */
export const countCell = (value: number | null, onderdrukt: Onderdrukt, k: number) => (onderdrukt ? formatCount(value, onderdrukt, k) : value);

/** A share (0–1) as a percentage cell; empty when there is none. */
export const pctCell = (share: number | null) => (share === null ? null : share * 100);
