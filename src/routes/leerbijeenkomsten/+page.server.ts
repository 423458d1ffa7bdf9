import { withDatabase } from '$lib/server/db/page';
import { loadSeason } from '$lib/server/surveys/season';
import { ALLE_WIJKEN } from '$lib/surveys/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const { filters, ...season } = await loadSeason(db, k, url.searchParams);
		const wijk = filters.wijk && season.analyse?.scopes.some((s) => s.wijk_code === filters.wijk) ? filters.wijk : ALLE_WIJKEN;
		return { ...season, wijk };
	});
