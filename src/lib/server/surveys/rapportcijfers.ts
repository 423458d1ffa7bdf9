// The rapportcijfer of a leerbijeenkomst ("Welk rapportcijfer geeft u de samenwerking?", type
// cijfer10): per thema the mean grade per wijk (and all wijken together) and per rol, and the change
// against the same season a year earlier with a 95% bootstrap interval, as for the Likert themas.
// A respondent with several cijfer10 questions in one thema counts once, with their mean.
//
// Small numbers: respondents per wijk x rol (and the totals) are a cube with complementary
// suppression, per season and thema; a mean is shown only where its n is, and an interval only
// where both seasons' groups are.

import { vorigSeizoen } from '$contract/surveys';
import { bootstrapDifference, mean, type Interval } from '$lib/surveys/stats';
import { ALLE_WIJKEN, type Count } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import { suppress } from '$lib/server/disclosure/suppression';
import { ANSWERS_FROM, byRol, count, hasSurveyTables, RESPONDENT, scopeNamen, SCOPE_WIJK, SCORE_SQL, THEMA } from './enquetes';

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
	n: Count;
	gemiddelde: number | null;
}

export interface CijferScope {
	wijk_code: string;
	wijk_naam: string;
	/** rol 'alle' first, then per rol */
	groepen: CijferGroep[];
	/** the mean of all roles a year earlier, where shown */
	vorig: number | null;
	verandering: Interval | null;
}

export interface Rapportcijfer {
	thema: string;
	/** the question as asked (the first text in alphabetical order, when enquetes word it differently) */
	vraag_tekst: string;
	/** all wijken together first, then per wijk */
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

/** Respondents per wijk and rol of one season and thema, suppressed as a cube. */
function cube(grades: readonly Grade[], k: number) {
	const wijken = [...new Set(grades.map((g) => g.wijk_code))];
	const rollen = [...new Set(grades.map((g) => g.rol))];
	const scopes = [ALLE_WIJKEN, ...wijken];
	const scores = new Map<string, number[]>();
	for (const g of grades)
		for (const s of [ALLE_WIJKEN, g.wijk_code])
			for (const r of ['alle', g.rol]) scores.set(`${s}|${r}`, [...(scores.get(`${s}|${r}`) ?? []), g.cijfer]);
	const counts = new Map<string, number>();
	for (const s of scopes) for (const r of ['alle', ...rollen]) counts.set(`${s}|${r}`, scores.get(`${s}|${r}`)?.length ?? 0);
	// Sum relations: all wijken = the wijken, per rol; all roles = the roles, per wijk.
	const groups = [...['alle', ...rollen].map((r) => scopes.map((s) => `${s}|${r}`)), ...scopes.map((s) => ['alle', ...rollen].map((r) => `${s}|${r}`))];
	const cells = suppress(counts, groups, k);
	const shown = (key: string) => (cells.get(key)?.value ?? null) !== null && (scores.get(key)?.length ?? 0) > 0;
	return { wijken, rollen, scores, cells, shown };
}

/** The rapportcijfers of one season (empty when its enquetes ask none). */
export async function rapportcijfers(db: Database, k: number, seizoen: string): Promise<Rapportcijfer[]> {
	if (!(await hasSurveyTables(db))) return [];
	const vorig = vorigSeizoen(seizoen);
	const [grades, namen] = await Promise.all([
		db.query<Grade>(GRADES_SQL, { seizoenen: [seizoen, vorig].filter(Boolean).join(',') }),
		scopeNamen(db)
	]);
	const wijkNaam = namen.naam;
	const themas = [...new Set(grades.filter((g) => g.seizoen === seizoen).map((g) => g.thema))].sort((a, b) => a.localeCompare(b, 'nl'));

	return themas.map((thema) => {
		const now = grades.filter((g) => g.seizoen === seizoen && g.thema === thema);
		const before = grades.filter((g) => g.seizoen === vorig && g.thema === thema);
		const cur = cube(now, k);
		const prev = cube(before, k);
		const scopes = [ALLE_WIJKEN, ...cur.wijken.sort(namen.byNaam)].map((s): CijferScope => {
			const groepen = ['alle', ...cur.rollen.filter((r) => (cur.scores.get(`${s}|${r}`)?.length ?? 0) > 0).sort(byRol)].map((rol) => {
				const key = `${s}|${rol}`;
				return { rol, n: count(cur.cells.get(key)), gemiddelde: cur.shown(key) ? mean(cur.scores.get(key)!) : null };
			});
			const a = prev.shown(`${s}|alle`) ? prev.scores.get(`${s}|alle`)! : [];
			const b = cur.shown(`${s}|alle`) ? cur.scores.get(`${s}|alle`)! : [];
			return {
				wijk_code: s,
				wijk_naam: wijkNaam(s),
				groepen,
				vorig: a.length ? mean(a) : null,
				verandering: a.length && b.length ? bootstrapDifference(a, b, `${seizoen}|${s}|${thema}|cijfer`) : null
			};
		});
		return { thema, vraag_tekst: now.map((g) => g.vraag_tekst).sort((a, b) => a.localeCompare(b, 'nl'))[0], scopes };
	});
}
