import { error } from '@sveltejs/kit';
import { WIJK_CODE } from '$contract/codes';
import { parseFilters } from '$lib/server/referrals/filters';
import { withDatabase } from '$lib/server/db/page';
import { destinations } from '$lib/server/referrals/bestemmingen';
import { kerncijfers } from '$lib/server/referrals/kerncijfers';
import { placements } from '$lib/server/ojg/placements';
import { reference } from '$lib/server/reference/units';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	if (!WIJK_CODE.test(params.code)) error(404, `"${params.code}" is geen wijkcode (WK gevolgd door 6 cijfers).`);
	return withDatabase(locals, async ({ db, k }) => {
		const ref = await reference(db);
		const wijk = ref.wijken.find((w) => w.wijk_code === params.code);
		if (!wijk) error(404, `Wijk ${params.code} komt niet voor in de geladen gegevens.`);
		const q = (extra: string) => parseFilters(new URLSearchParams(`periode=jaar&gemeente=${wijk.gemeente_code}&${extra}`));
		const inWijk = `wijk=${wijk.wijk_code}`;
		const [cijfers, alleWijk, alleGemeente, jeugdWijk, jeugdGemeente, praktijken, bestemmingen, inzet] = await Promise.all([
			kerncijfers(db, k, { perWijk: true, gemeente: wijk.gemeente_code }),
			referralRates(db, q(`niveau=wijk&lijn=2&${inWijk}`), k),
			referralRates(db, q('niveau=gemeente&lijn=2'), k),
			referralRates(db, q(`niveau=wijk&lijn=2&leeftijd=0-17&${inWijk}`), k),
			referralRates(db, q('niveau=gemeente&lijn=2&leeftijd=0-17'), k),
			referralRates(db, q(`niveau=praktijk&lijn=2&${inWijk}`), k),
			destinations(db, q(`niveau=wijk&${inWijk}`), k),
			placements(db, wijk.wijk_code)
		]);
		return {
			wijk,
			kerncijfers: cijfers.eenheden.find((e) => e.code === wijk.wijk_code) ?? null,
			trendAlle: [...alleWijk, ...alleGemeente],
			trendJeugd: [...jeugdWijk, ...jeugdGemeente],
			praktijken,
			bestemmingen,
			inzet,
			laatsteJaar: cijfers.jaar
		};
	});
};
