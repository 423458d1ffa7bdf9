// What the Leerbijeenkomsten page and its printed report show: the season asked for in the URL
// (else the latest), its analysis, its rapportcijfers and its ja/nee questions, with the verdicts
// of all their comparisons corrected together (Holm): one season's page, across its wijk choices,
// its report and its exports, is one family of comparisons, so the same comparison gets the same
// verdict wherever it is shown.
import type { Database } from '$lib/server/db/database';
import { oordelen } from '$lib/surveys/stats';
import type { SeizoenAnalyse } from '$lib/surveys/types';
import { seizoenAnalyse, seizoenen } from './enquetes';
import { jaNeeVragen, type JaNeeVraag } from './janee';
import { rapportcijfers, type Rapportcijfer } from './rapportcijfers';
import { surveyFilters } from './filters';

export interface Seizoen {
	analyse: SeizoenAnalyse;
	cijfers: Rapportcijfer[];
	janee: JaNeeVraag[];
	/** how many comparisons the verdicts were corrected for */
	vergelijkingen: number;
}

/** One season with all its figures and Holm-corrected verdicts; computed once per database version. */
export function seizoen(db: Database, k: number, naam: string): Promise<Seizoen> {
	return db.memo('seizoen', [k, naam], () => computeSeizoen(db, k, naam));
}

async function computeSeizoen(db: Database, k: number, naam: string): Promise<Seizoen> {
	const [analyse, cijfers, janee] = await Promise.all([seizoenAnalyse(db, k, naam), rapportcijfers(db, k, naam), jaNeeVragen(db, k, naam)]);
	const intervals = [
		...analyse.scopes.flatMap((s) => [...s.veranderingen.map((v) => v.interval), ...s.rolverschillen.map((r) => r.interval)]),
		...cijfers.flatMap((c) => c.scopes.map((s) => s.verandering)),
		...janee.flatMap((q) => q.scopes.map((s) => s.verandering))
	];
	oordelen(intervals);
	return { analyse, cijfers, janee, vergelijkingen: intervals.filter((x) => x !== null).length };
}

export async function loadSeason(db: Database, k: number, params: URLSearchParams) {
	const seasons = await seizoenen(db);
	const f = surveyFilters(params);
	const naam = f.seizoen && seasons.includes(f.seizoen) ? f.seizoen : (seasons.at(-1) ?? null);
	const s = naam ? await seizoen(db, k, naam) : null;
	return { seizoenen: seasons, seizoen: naam, analyse: s?.analyse ?? null, cijfers: s?.cijfers ?? [], janee: s?.janee ?? [], vergelijkingen: s?.vergelijkingen ?? 0, filters: f };
}
