import { filtersToQuery, parseFilters } from '$lib/server/referrals/filters';
import { withDatabase } from '$lib/server/db/page';
import { destinations } from '$lib/server/referrals/bestemmingen';
import { referralCube, selectedBy } from '$lib/server/referrals/verwijzingen';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const filters = parseFilters(url.searchParams);
		const [cube, bestemmingen] = await Promise.all([referralCube(db, filters, k), destinations(db, filters, k)]);
		return {
			filters,
			query: filtersToQuery(filters),
			rows: cube.rows(filters.niveau, filters.periode, selectedBy(filters)),
			// The gemeente average beside every wijk (small multiples).
			gemeenteRows: filters.niveau === 'wijk' ? cube.rows('gemeente', filters.periode) : [],
			bestemmingen
		};
	});
