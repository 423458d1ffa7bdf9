import { withDatabase } from '$lib/server/db/page';
import { loadSeason } from '$lib/server/surveys/season';
import { matchesWijk } from '$lib/server/surveys/filters';
import { ALLE_WIJKEN } from '$lib/surveys/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const { filters, ...season } = await loadSeason(db, k, url.searchParams);
		// A wijk merged into "overige wijken" shows that group.
		const gekozen = filters.wijk ? season.analyse?.scopes.find((s) => s.wijk_code !== ALLE_WIJKEN && matchesWijk(s, filters.wijk!)) : undefined;
		const wijk = gekozen?.wijk_code ?? ALLE_WIJKEN;
		return { ...season, wijk };
	});
