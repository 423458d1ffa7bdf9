import { parseFilters } from '$lib/server/filters';
import { withDatabase } from '$lib/server/page';
import { kerncijfers } from '$lib/server/queries/kerncijfers';
import { referralCube } from '$lib/server/queries/verwijzingen';
import type { PageServerLoad } from './$types';

const TREND_QUERY = 'niveau=gemeente&periode=jaar&lijn=2';

export const load: PageServerLoad = async () =>
	withDatabase(async ({ db, k }) => {
		const [cijfers, cube] = await Promise.all([
			kerncijfers(db, k, { perWijk: false }),
			referralCube(db, parseFilters(new URLSearchParams(TREND_QUERY)), k)
		]);
		return { cijfers, trend: cube.rows('gemeente', 'jaar'), trendQuery: TREND_QUERY };
	});
