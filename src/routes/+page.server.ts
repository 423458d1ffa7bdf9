import { parseFilters } from '$lib/server/referrals/filters';
import { withDatabase } from '$lib/server/db/page';
import { kerncijfers } from '$lib/server/referrals/kerncijfers';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import { reference } from '$lib/server/reference/units';
import type { PageServerLoad } from './$types';

const TREND_QUERY = 'niveau=gemeente&periode=jaar&lijn=2';

export const load: PageServerLoad = async ({ locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const [cijfers, trend, ref] = await Promise.all([
			kerncijfers(db, k, { perWijk: false }),
			referralRates(db, parseFilters(new URLSearchParams(TREND_QUERY)), k),
			reference(db)
		]);
		const wijken = ref.wijken.map(({ wijk_code, wijk_naam, gemeente_code }) => ({ wijk_code, wijk_naam, gemeente_code }));
		return { cijfers, trend, trendQuery: TREND_QUERY, wijken };
	});
