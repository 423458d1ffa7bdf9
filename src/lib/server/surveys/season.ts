// What the Leerbijeenkomsten page and its printed report show: the season asked for in the URL
// (else the latest), its analysis, its rapportcijfers and its ja/nee questions.
import type { Database } from '$lib/server/db/database';
import { seizoenAnalyse, seizoenen } from './enquetes';
import { jaNeeVragen } from './janee';
import { rapportcijfers } from './rapportcijfers';
import { surveyFilters } from './filters';

export async function loadSeason(db: Database, k: number, params: URLSearchParams) {
	const seasons = await seizoenen(db);
	const f = surveyFilters(params);
	const seizoen = f.seizoen && seasons.includes(f.seizoen) ? f.seizoen : (seasons.at(-1) ?? null);
	const [analyse, cijfers, janee] = seizoen
		? await Promise.all([seizoenAnalyse(db, k, seizoen), rapportcijfers(db, k, seizoen), jaNeeVragen(db, k, seizoen)])
		: [null, [], []];
	return { seizoenen: seasons, seizoen, analyse, cijfers, janee, filters: f };
}
