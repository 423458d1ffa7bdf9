// The CSV exports behind every chart, by name: /export/<name>.csv takes the query string of its page
// and returns the same numbers the page shows (docs/export.md). Each feature defines its own.
import { BRONNEN_EXPORTS } from '$lib/server/bronnen/exports';
import { OJG_EXPORTS } from '$lib/server/ojg/exports';
import { REFERRAL_EXPORTS } from '$lib/server/referrals/exports';
import { REGIEGROEP_EXPORTS } from '$lib/server/regiegroep/exports';
import { SURVEY_EXPORTS } from '$lib/server/surveys/exports';
import type { Exporter } from './exporter';

export const EXPORTS: Readonly<Record<string, Exporter>> = {
	...REFERRAL_EXPORTS,
	...BRONNEN_EXPORTS,
	...OJG_EXPORTS,
	...REGIEGROEP_EXPORTS,
	...SURVEY_EXPORTS
};
