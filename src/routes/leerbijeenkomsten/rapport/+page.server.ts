import { withDatabase } from '$lib/server/page';
import { seizoenAnalyse, seizoenen } from '$lib/server/queries/enquetes';
import { rapportcijfers } from '$lib/server/queries/rapportcijfers';
import { surveyFilters } from '$lib/server/surveys/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) =>
	withDatabase(async ({ db, k }) => {
		const seasons = await seizoenen(db);
		const f = surveyFilters(url.searchParams);
		const seizoen = f.seizoen && seasons.includes(f.seizoen) ? f.seizoen : (seasons.at(-1) ?? null);
		const [analyse, cijfers] = seizoen ? await Promise.all([seizoenAnalyse(db, k, seizoen), rapportcijfers(db, k, seizoen)]) : [null, []];
		return { seizoenen: seasons, analyse, cijfers };
	});
