// The ja/nee questions of a leerbijeenkomst ("Heeft u dit jaar een driegesprek gevoerd?"): per
// question the share answering ja per wijk group (and all wijken together), and the change against
// the same season a year earlier with a 95% interval (in percentage points). A question is the same
// across enquetes and years when its thema and text are, ignoring case and spacing; each respondent
// counts once per question.
//
// Small numbers: the groups are the season's grouping (groepering.ts); a wijk group shows its
// counts and share only when `zichtbaar` allows it for this question (answering respondents 0 or k
// or more, nothing smaller derivable). Within a shown group the full distribution (ja and nee) is
// shown. The share is of the answer as given: `omgekeerd` matters for scores, not for "how many
// said ja".

import { vorigSeizoen } from '$contract/surveys';
import { type Interval } from '$lib/surveys/stats';
import { ALLE_WIJKEN, type Count } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import { ANSWERS_FROM, cellCounts, hasSurveyTables, HIDDEN, inGroep, RESPONDENT, scopeNamen, SCOPE_WIJK, seasonScopes, seizoenGroepering, shownCount, THEMA, verandering } from './enquetes';
import { ALLE_ROLLEN, zichtbaar, type Groepering } from './groepering';

const ANSWERS_SQL = `
	SELECT e.seizoen, ${SCOPE_WIJK} AS wijk_code, coalesce(r.rol, 'onbekend') AS rol, ${RESPONDENT} AS respondent, ${THEMA} AS thema,
		${THEMA} || chr(31) || lower(regexp_replace(v.vraag_tekst, '\\s+', '', 'g')) AS vraag_key,
		min(v.vraag_tekst) AS vraag_tekst,
		-- the same text asked twice in one enquete: the answer to the first (by code) counts
		arg_min(a.waarde, v.vraag_code) AS ja
	${ANSWERS_FROM}
	WHERE e.soort = 'leerbijeenkomst' AND r.compleet AND v.type = 'ja_nee' AND a.waarde IS NOT NULL
		AND list_contains(string_split($seizoenen, ','), e.seizoen)
	GROUP BY ALL
	ORDER BY ALL`;

export interface JaNeeScope {
	wijk_code: string;
	wijk_naam: string;
	wijken: string[];
	n: Count;
	ja: Count;
	/** share answering ja, where shown */
	aandeel: number | null;
	/** the share a year earlier, where shown */
	vorig: number | null;
	/** change in share (0..1 scale) with its interval */
	verandering: Interval | null;
	reden: string | null;
}

export interface JaNeeVraag {
	vraag_tekst: string;
	thema: string;
	/** all wijken together first, then per wijk group */
	scopes: JaNeeScope[];
}

interface Answer {
	seizoen: string;
	wijk_code: string;
	rol: string;
	respondent: string;
	thema: string;
	vraag_tekst: string;
	vraag_key: string;
	ja: number;
}

/** The answers (1 = ja, 0 = nee) of a wijk group, or null when it is not shown for the question. */
function answersOf(g: Groepering, answers: readonly Answer[]) {
	const shown = zichtbaar(g, cellCounts(answers.map((x) => ({ wijk: x.wijk_code, rol: x.rol }))));
	return (scope: string): number[] | null => {
		const grp = g.groepen.get(`${scope}|${ALLE_ROLLEN}`);
		if (!grp || !shown.has(grp.id)) return null;
		return answers.filter((x) => inGroep(grp, { wijk: x.wijk_code, rol: x.rol })).map((x) => Number(x.ja));
	};
}

const share = (xs: number[] | null) => (xs?.length ? xs.filter((x) => x === 1).length / xs.length : null);

/** The ja/nee questions of one season's leerbijeenkomsten (empty when they ask none). */
export async function jaNeeVragen(db: Database, k: number, seizoen: string): Promise<JaNeeVraag[]> {
	if (!(await hasSurveyTables(db))) return [];
	const vorig = vorigSeizoen(seizoen);
	const [answers, namen, g, gVorig] = await Promise.all([
		db.query<Answer>(ANSWERS_SQL, { seizoenen: [seizoen, vorig].filter(Boolean).join(',') }),
		scopeNamen(db),
		seizoenGroepering(db, k, seizoen),
		seizoenGroepering(db, k, vorig)
	]);
	const current = answers.filter((a) => a.seizoen === seizoen);
	// One entry per question, with the first of its spellings (so the same data give the same text).
	const keys = [...new Map([...current].sort((a, b) => a.vraag_tekst.localeCompare(b.vraag_tekst, 'nl')).map((a) => [a.vraag_key, a])).values()];
	keys.sort((a, b) => a.thema.localeCompare(b.thema, 'nl') || a.vraag_tekst.localeCompare(b.vraag_tekst, 'nl'));

	return keys.map((q) => {
		const mine = current.filter((a) => a.vraag_key === q.vraag_key);
		const before = answers.filter((a) => a.seizoen === vorig && a.vraag_key === q.vraag_key);
		const cur = answersOf(g, mine);
		const prev = before.length ? answersOf(gVorig, before) : null;
		const scopes = seasonScopes(g, namen.byNaam)
			.filter((s) => s.scope === ALLE_WIJKEN || mine.some((x) => s.wijken.includes(x.wijk_code)))
			.map(({ scope, wijken }): JaNeeScope => {
				const xs = cur(scope);
				const v = verandering(scope, { g, values: cur }, prev ? { g: gVorig, values: prev } : null);
				return {
					wijk_code: scope,
					wijk_naam: namen.naam(scope),
					wijken,
					n: xs ? shownCount(xs.length) : HIDDEN,
					ja: xs ? shownCount(xs.filter((x) => x === 1).length) : HIDDEN,
					aandeel: share(xs),
					vorig: prev ? share(prev(scope)) : null,
					verandering: v.interval,
					reden: v.reden
				};
			});
		return { vraag_tekst: q.vraag_tekst, thema: q.thema, scopes };
	});
}
