import { parseFilters } from '$lib/server/referrals/filters';
import { withDatabase } from '$lib/server/db/page';
import { kerncijfers } from '$lib/server/referrals/kerncijfers';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import type { PageServerLoad } from './$types';

const TREND_QUERY = 'niveau=gemeente&periode=jaar&lijn=2';

export const load: PageServerLoad = async ({ locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const [cijfers, trend] = await Promise.all([
			kerncijfers(db, k, { perWijk: false }),
			referralRates(db, parseFilters(new URLSearchParams(TREND_QUERY)), k)
		]);
		return { cijfers, trend, trendQuery: TREND_QUERY };
	});
