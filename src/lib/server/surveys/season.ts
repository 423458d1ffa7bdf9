// What the Leerbijeenkomsten page and its printed report show: the season asked for in the URL
// (else the latest), its analysis and its rapportcijfers.
import type { Database } from '../db';
import { seizoenAnalyse, seizoenen } from '../queries/enquetes';
import { rapportcijfers } from '../queries/rapportcijfers';
import { surveyFilters } from './filters';

export async function loadSeason(db: Database, k: number, params: URLSearchParams) {
	const seasons = await seizoenen(db);
	const f = surveyFilters(params);
	const seizoen = f.seizoen && seasons.includes(f.seizoen) ? f.seizoen : (seasons.at(-1) ?? null);
	const [analyse, cijfers] = seizoen ? await Promise.all([seizoenAnalyse(db, k, seizoen), rapportcijfers(db, k, seizoen)]) : [null, []];
	return { seizoenen: seasons, seizoen, analyse, cijfers, filters: f };
}
