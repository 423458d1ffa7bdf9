import { withDatabase } from '$lib/server/page';
import { seizoenAnalyse, seizoenen } from '$lib/server/queries/enquetes';
import { surveyFilters } from '$lib/server/surveys/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) =>
	withDatabase(async ({ db, k }) => {
		const seasons = await seizoenen(db);
		const f = surveyFilters(url.searchParams);
		const seizoen = f.seizoen && seasons.includes(f.seizoen) ? f.seizoen : (seasons.at(-1) ?? null);
		return { seizoenen: seasons, analyse: seizoen ? await seizoenAnalyse(db, k, seizoen) : null };
	});
