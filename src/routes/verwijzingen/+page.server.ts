import { filtersToQuery, parseFilters } from '$lib/server/referrals/filters';
import { withDatabase } from '$lib/server/db/page';
import { destinations } from '$lib/server/referrals/bestemmingen';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import { limitUnits } from '$lib/referrals/limit';
import { filterOptions } from '$lib/server/reference/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const filters = parseFilters(url.searchParams);
		const [all, gemeenteAll, bestemmingen, keuzes] = await Promise.all([
			referralRates(db, filters, k),
			// The gemeente average beside every wijk (small multiples).
			filters.niveau === 'wijk' ? referralRates(db, { ...filters, niveau: 'gemeente', wijk: null }, k) : [],
			destinations(db, filters, k),
			filterOptions(db, filters)
		]);
		const { rows, limit } = limitUnits(all);
		const gemeenten = new Set(rows.map((r) => r.gemeente_code));
		const gemeenteRows = gemeenteAll.filter((r) => gemeenten.has(r.niveau_code));
		return { filters, query: filtersToQuery(filters), rows, gemeenteRows, bestemmingen, limit, keuzes };
	});
