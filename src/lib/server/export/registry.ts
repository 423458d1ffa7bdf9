// The exports behind every chart, by name: /export/<name>.<csv|xlsx|arrow> takes the query string of
// its page and returns the same numbers the page shows (docs/export.md). Each feature defines its own
// tables; EXPORTS is the CSV text of each, exactly as served (for tests and attacks that read CSVs).
import { BRONNEN_EXPORTS } from '$lib/server/bronnen/exports';
import { OJG_EXPORTS } from '$lib/server/ojg/exports';
import { REFERRAL_EXPORTS } from '$lib/server/referrals/exports';
import { REGIEGROEP_EXPORTS } from '$lib/server/regiegroep/exports';
import { SURVEY_EXPORTS } from '$lib/server/surveys/exports';
import { toCsv } from './csv';
import { describeExport } from './describe';
import type { ExportContext, Exporter } from './exporter';
import { csvColumns } from './render';

export const EXPORT_TABLES: Readonly<Record<string, Exporter>> = {
	...REFERRAL_EXPORTS,
	...BRONNEN_EXPORTS,
	...OJG_EXPORTS,
	...REGIEGROEP_EXPORTS,
	...SURVEY_EXPORTS
};

/** The exporter of `name`, or undefined (never one of Object's own properties). */
export const exporterOf = (name: string): Exporter | undefined => (Object.hasOwn(EXPORT_TABLES, name) ? EXPORT_TABLES[name] : undefined);

/** The CSV of each export as one string: the same text /export/<name>.csv streams. */
export const EXPORTS: Readonly<Record<string, (ctx: ExportContext) => Promise<string>>> = Object.fromEntries(
	Object.entries(EXPORT_TABLES).map(([name, exporter]) => [
		name,
		async (ctx: ExportContext) => {
			const [t, d] = await Promise.all([exporter(ctx), describeExport(ctx.db, name, ctx.params)]);
			return toCsv(t.rows, csvColumns(t, d));
		}
	])
);
