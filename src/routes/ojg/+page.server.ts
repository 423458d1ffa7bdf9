import { parseOjgParams } from '$lib/server/ojg/params';
import { withDatabase } from '$lib/server/db/page';
import { ojgEffect } from '$lib/server/ojg/effect';
import type { PageServerLoad } from './$types';

/**
 * Placements shown one by one (forest plot rows and series charts). Nationally there are well over
 * a thousand; the page then shows the most recent ones, the pooled estimate and the calibration
 * still over all of them, and /export/ojg-effect.csv lists every placement.
 */
const MAX_PLACEMENTS = 25;

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const params = parseOjgParams(url.searchParams);
		const effect = await ojgEffect(db, params.venster, params.vergelijking, k);
		const all = effect.plaatsingen;
		const recent = new Set(
			[...all]
				.sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id))
				.slice(0, MAX_PLACEMENTS)
				.map((x) => x.id)
		);
		const totaal = { plaatsingen: all.length, geschat: all.filter((x) => x.status === 'geschat').length };
		return {
			params,
			query: url.searchParams.toString(),
			effect: { ...effect, plaatsingen: all.filter((x) => recent.has(x.id)) },
			totaal,
			beperkt: all.length > MAX_PLACEMENTS ? MAX_PLACEMENTS : null
		};
	});
