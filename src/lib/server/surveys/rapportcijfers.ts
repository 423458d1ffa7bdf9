// The rapportcijfer of a leerbijeenkomst ("Welk rapportcijfer geeft u de samenwerking?", type
// cijfer10): per thema the mean grade per wijk group (and all wijken together) and per role group,
// and the change against the same season a year earlier with a 95% interval, as for the Likert
// themas. A respondent with several cijfer10 questions in one thema counts once, with their mean.
//
// Small numbers: the groups are the season's grouping (groepering.ts); a group shows its mean only
// when `zichtbaar` allows it for this thema's grades (answering respondents 0 or k or more, and
// nothing smaller derivable), and a change only where both seasons' groups are shown.

import { vorigSeizoen } from '$contract/surveys';
import { mean, type Interval } from '$lib/surveys/stats';
import { ALLE_WIJKEN, type Count } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import { ANSWERS_FROM, cellCounts, hasSurveyTables, HIDDEN, inGroep, RESPONDENT, scopeNamen, SCOPE_WIJK, SCORE_SQL, seasonScopes, seizoenGroepering, shownCount, THEMA, verandering } from './enquetes';
import { ALLE_ROLLEN, byRolKey, zichtbaar, type Groepering } from './groepering';

const GRADES_SQL = `
	SELECT e.seizoen, ${SCOPE_WIJK} AS wijk_code, ${RESPONDENT} AS respondent,
		coalesce(r.rol, 'onbekend') AS rol, ${THEMA} AS thema, min(v.vraag_tekst) AS vraag_tekst, avg(${SCORE_SQL}) AS cijfer
	${ANSWERS_FROM}
	WHERE e.soort = 'leerbijeenkomst' AND r.compleet AND v.type = 'cijfer10' AND a.waarde IS NOT NULL
		AND list_contains(string_split($seizoenen, ','), e.seizoen)
	GROUP BY ALL
	ORDER BY ALL`;

export interface CijferGroep {
	rol: string;
	/** the roles in the group (for 'overige': which ones) */
	rollen: string[];
	n: Count;
	gemiddelde: number | null;
}

export interface CijferScope {
	wijk_code: string;
	wijk_naam: string;
	wijken: string[];
	/** rol 'alle' first, then per role group */
	groepen: CijferGroep[];
	/** the mean of all roles a year earlier, where shown */
	vorig: number | null;
	verandering: Interval | null;
	/** why there is no change, when there is none */
	reden: string | null;
}

export interface Rapportcijfer {
	thema: string;
	/** the question as asked (the first text in alphabetical order, when enquetes word it differently) */
	vraag_tekst: string;
	/** all wijken together first, then per wijk group */
	scopes: CijferScope[];
}

interface Grade {
	seizoen: string;
	wijk_code: string;
	rol: string;
	thema: string;
	vraag_tekst: string;
	cijfer: number;
}

/** The grades of the members of a group, or null when the group is not shown for these grades. */
function gradesOf(g: Groepering, grades: readonly Grade[]) {
	const shown = zichtbaar(g, cellCounts(grades.map((x) => ({ wijk: x.wijk_code, rol: x.rol }))));
	return (scope: string, rol: string = ALLE_ROLLEN): number[] | null => {
		const grp = g.groepen.get(`${scope}|${rol}`);
		if (!grp || !shown.has(grp.id)) return null;
		return grades.filter((x) => inGroep(grp, { wijk: x.wijk_code, rol: x.rol })).map((x) => x.cijfer);
	};
}

/** The rapportcijfers of one season (empty when its enquetes ask none). */
export async function rapportcijfers(db: Database, k: number, seizoen: string): Promise<Rapportcijfer[]> {
	if (!(await hasSurveyTables(db))) return [];
	const vorig = vorigSeizoen(seizoen);
	const [grades, namen, g, gVorig] = await Promise.all([
		db.query<Grade>(GRADES_SQL, { seizoenen: [seizoen, vorig].filter(Boolean).join(',') }),
		scopeNamen(db),
		seizoenGroepering(db, k, seizoen),
		seizoenGroepering(db, k, vorig)
	]);
	const themas = [...new Set(grades.filter((x) => x.seizoen === seizoen).map((x) => x.thema))].sort((a, b) => a.localeCompare(b, 'nl'));

	return themas.map((thema) => {
		const now = grades.filter((x) => x.seizoen === seizoen && x.thema === thema);
		const before = grades.filter((x) => x.seizoen === vorig && x.thema === thema);
		const cur = gradesOf(g, now);
		const prev = before.length ? gradesOf(gVorig, before) : null;
		const scopes = seasonScopes(g, namen.byNaam)
			// A wijk group none of whose respondents were asked for a grade has no row.
			.filter((s) => s.scope === ALLE_WIJKEN || now.some((x) => s.wijken.includes(x.wijk_code)))
			.map(({ scope, wijken }): CijferScope => {
				const groepen = (g.rollenVan.get(scope) ?? [])
					.filter((grp) => grp.rol === ALLE_ROLLEN || now.some((x) => inGroep(grp, { wijk: x.wijk_code, rol: x.rol })))
					.sort((a, b) => byRolKey(a.rol, b.rol))
					.map((grp): CijferGroep => {
						const xs = cur(scope, grp.rol);
						return { rol: grp.rol, rollen: grp.rollen, n: xs ? shownCount(xs.length) : HIDDEN, gemiddelde: xs?.length ? mean(xs) : null };
					});
				const a = prev ? prev(scope) : null;
				const v = verandering(scope, { g, values: (s) => cur(s) }, prev ? { g: gVorig, values: (s) => prev(s) } : null);
				return { wijk_code: scope, wijk_naam: namen.naam(scope), wijken, groepen, vorig: a?.length ? mean(a) : null, verandering: v.interval, reden: v.reden };
			});
		return { thema, vraag_tekst: now.map((x) => x.vraag_tekst).sort((a, b) => a.localeCompare(b, 'nl'))[0], scopes };
	});
}

