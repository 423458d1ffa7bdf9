import { parseFilters } from '$lib/server/referrals/filters';
import { withDatabase } from '$lib/server/db/page';
import { kerncijfers } from '$lib/server/referrals/kerncijfers';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import { reference } from '$lib/server/reference/units';
import { limitUnits, MAX_CHART_UNITS, MAX_PAGE_UNITS } from '$lib/referrals/limit';
import { wijkKaart } from '$lib/server/map/wijkkaart';
import type { PageServerLoad } from './$types';

/** Cards of headline figures: nationally 350 gemeenten; the page shows the largest, the CSV has all. */
const MAX_CARDS = 40;

const TREND_QUERY = 'niveau=gemeente&periode=jaar&lijn=2';

/** The map of the Overzicht: second-line referrals per wijk, as the headline figures. */
const MAP_QUERY = 'niveau=wijk&periode=jaar&lijn=2';

/** More wijken than this (a national database) make a map too dense to read: the page asks to choose a gemeente. */
const MAX_MAP_WIJKEN = 400;

export const load: PageServerLoad = async ({ locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const [alleCijfers, alleTrend, ref, kaart] = await Promise.all([
			kerncijfers(db, k, { perWijk: false }),
			referralRates(db, parseFilters(new URLSearchParams(TREND_QUERY)), k),
			reference(db),
			wijkKaart(db, parseFilters(new URLSearchParams(MAP_QUERY)), k)
		]);
		const { rows: trend } = limitUnits(alleTrend, MAX_PAGE_UNITS);
		const { rows: chartTrend, limit } = limitUnits(trend, MAX_CHART_UNITS);
		const biggest = new Set(
			[...alleCijfers.eenheden]
				.sort((a, b) => (b.huidig.tweedeLijnVerwijzingen ?? 0) - (a.huidig.tweedeLijnVerwijzingen ?? 0) || a.code.localeCompare(b.code))
				.slice(0, MAX_CARDS)
				.map((e) => e.code)
		);
		const cijfers = { ...alleCijfers, eenheden: alleCijfers.eenheden.filter((e) => biggest.has(e.code)) };
		const shown = new Set(cijfers.eenheden.map((e) => e.code));
		const wijken = ref.wijken.filter((w) => shown.has(w.gemeente_code)).map(({ wijk_code, wijk_naam, gemeente_code }) => ({ wijk_code, wijk_naam, gemeente_code }));
		const beperkt = limit || cijfers.eenheden.length < alleCijfers.eenheden.length ? { gemeenten: alleCijfers.eenheden.length, kaarten: cijfers.eenheden.length, lijnen: limit?.getoond ?? null } : null;
		const kaartTeGroot = kaart.wijken.length > MAX_MAP_WIJKEN;
		return { cijfers, trend, chartTrend, trendQuery: TREND_QUERY, wijken, beperkt, kaart: kaartTeGroot ? null : kaart, kaartTeGroot, mapQuery: MAP_QUERY };
	});
