import { withDatabase } from '$lib/server/db/page';
import { loadSeason } from '$lib/server/surveys/season';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const { filters: _filters, ...season } = await loadSeason(db, k, url.searchParams);
		return season;
	});
