import { filtersToQuery, parseFilters } from '$lib/server/referrals/filters';
import { withDatabase } from '$lib/server/db/page';
import { destinations } from '$lib/server/referrals/bestemmingen';
import { pageRates, referralRates } from '$lib/server/referrals/verwijzingen';
import { limitUnits, MAX_CHART_UNITS } from '$lib/referrals/limit';
import { filterOptions } from '$lib/server/reference/units';
import { wijkKaart } from '$lib/server/map/wijkkaart';
import { parseWeergave } from '$lib/map/kaart';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const filters = parseFilters(url.searchParams);
		const weergave = parseWeergave(url.searchParams);
		if (weergave === 'kaart') {
			// The map is per wijk and per year whatever niveau and periode say; the filter bar keeps them for the way back.
			const [kaart, keuzes] = await Promise.all([wijkKaart(db, filters, k), filterOptions(db, filters)]);
			const query = filtersToQuery({ ...filters, niveau: 'wijk', periode: 'jaar', wijk: null, praktijk: null });
			return { filters, weergave, kaart, query, pageQuery: filtersToQuery(filters), rows: [], chartRows: [], gemeenteRows: [], bestemmingen: [], limit: null, chartLimit: null, keuzes };
		}
		const selected = filters.praktijk ?? filters.wijk ?? filters.gemeente;
		const [{ rows, limit }, gemeenteAll, bestemmingen, keuzes] = await Promise.all([
			pageRates(db, filters, k, selected),
			// The gemeente average beside every wijk (small multiples).
			filters.niveau === 'wijk' ? referralRates(db, { ...filters, niveau: 'gemeente', wijk: null }, k) : [],
			destinations(db, filters, k),
			filterOptions(db, filters)
		]);
		const { rows: chartRows, limit: chartLimit } = limitUnits(rows, MAX_CHART_UNITS, selected);
		const gemeenten = new Set(chartRows.map((r) => r.gemeente_code));
		const gemeenteRows = gemeenteAll.filter((r) => gemeenten.has(r.niveau_code));
		return { filters, weergave, kaart: null, query: filtersToQuery(filters), pageQuery: filtersToQuery(filters), rows, chartRows, gemeenteRows, bestemmingen, limit, chartLimit: chartLimit && { eenheden: limit?.eenheden ?? chartLimit.eenheden, getoond: chartLimit.getoond }, keuzes };
	});
