// The ja/nee questions of a leerbijeenkomst ("Heeft u dit jaar een driegesprek gevoerd?"): per
// question the share answering ja per wijk (and all wijken together), and the change against the
// same season a year earlier with a 95% bootstrap interval (in percentage points). A question is
// the same across enquetes and years when its thema and text are, ignoring case and spacing; each
// respondent counts once per question.
//
// Small numbers: per season and question, the respondents, the ja and the nee answers per wijk are
// a cube with complementary suppression (all wijken = the wijken; respondents = ja + nee). A share
// is shown only when neither its ja nor its nee count is small, and a change only when both
// seasons' shares are shown (else the difference would give the hidden share away). The share is
// of the answer as given: `omgekeerd` matters for scores, not for "how many said ja".

import { vorigSeizoen } from '$contract/surveys';
import { bootstrapDifference, type Interval } from '$lib/surveys/stats';
import { ALLE_WIJKEN, type Count } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import { suppress, suppressedShare } from '$lib/server/disclosure/suppression';
import { ANSWERS_FROM, count, hasSurveyTables, RESPONDENT, scopeNamen, SCOPE_WIJK, THEMA } from './enquetes';

const ANSWERS_SQL = `
	SELECT e.seizoen, ${SCOPE_WIJK} AS wijk_code, ${RESPONDENT} AS respondent, ${THEMA} AS thema,
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
	n: Count;
	ja: Count;
	/** share answering ja, where shown */
	aandeel: number | null;
	/** the share a year earlier, where shown */
	vorig: number | null;
	/** change in share (0..1 scale) with its interval */
	verandering: Interval | null;
}

export interface JaNeeVraag {
	vraag_tekst: string;
	thema: string;
	/** all wijken together first, then per wijk */
	scopes: JaNeeScope[];
}

interface Answer {
	seizoen: string;
	wijk_code: string;
	respondent: string;
	thema: string;
	vraag_tekst: string;
	vraag_key: string;
	ja: number;
}

function cube(answers: readonly Answer[], k: number) {
	const wijken = [...new Set(answers.map((a) => a.wijk_code))];
	const scopes = [ALLE_WIJKEN, ...wijken];
	const values = new Map<string, number[]>(scopes.map((s) => [s, []]));
	for (const a of answers) for (const s of [ALLE_WIJKEN, a.wijk_code]) values.get(s)!.push(a.ja);
	const counts = new Map<string, number>();
	for (const s of scopes) {
		const v = values.get(s)!;
		const ja = v.filter((x) => x === 1).length;
		counts.set(`n|${s}`, v.length);
		counts.set(`ja|${s}`, ja);
		counts.set(`nee|${s}`, v.length - ja);
	}
	const groups = [...['n', 'ja', 'nee'].map((c) => scopes.map((s) => `${c}|${s}`)), ...scopes.map((s) => [`n|${s}`, `ja|${s}`, `nee|${s}`])];
	const cells = suppress(counts, groups, k);
	const share = (s: string) =>
		cells.get(`n|${s}`)?.value != null && cells.get(`ja|${s}`)?.value != null && cells.get(`nee|${s}`)?.value != null
			? suppressedShare(counts.get(`ja|${s}`)!, counts.get(`n|${s}`)!, k)
			: null;
	return { wijken, values, cells, share };
}

/** The ja/nee questions of one season's leerbijeenkomsten (empty when they ask none). */
export async function jaNeeVragen(db: Database, k: number, seizoen: string): Promise<JaNeeVraag[]> {
	if (!(await hasSurveyTables(db))) return [];
	const vorig = vorigSeizoen(seizoen);
	const [answers, namen] = await Promise.all([
		db.query<Answer>(ANSWERS_SQL, { seizoenen: [seizoen, vorig].filter(Boolean).join(',') }),
		scopeNamen(db)
	]);
	const wijkNaam = namen.naam;
	const current = answers.filter((a) => a.seizoen === seizoen);
	// One entry per question, with the first of its spellings (so the same data give the same text).
	const keys = [...new Map([...current].sort((a, b) => a.vraag_tekst.localeCompare(b.vraag_tekst, 'nl')).map((a) => [a.vraag_key, a])).values()];
	keys.sort((a, b) => a.thema.localeCompare(b.thema, 'nl') || a.vraag_tekst.localeCompare(b.vraag_tekst, 'nl'));

	return keys.map((q) => {
		const cur = cube(current.filter((a) => a.vraag_key === q.vraag_key), k);
		const prev = cube(answers.filter((a) => a.seizoen === vorig && a.vraag_key === q.vraag_key), k);
		const scopes = [ALLE_WIJKEN, ...cur.wijken.sort(namen.byNaam)].map((s): JaNeeScope => {
			const aandeel = cur.share(s);
			const before = prev.values.has(s) ? prev.share(s) : null;
			return {
				wijk_code: s,
				wijk_naam: wijkNaam(s),
				n: count(cur.cells.get(`n|${s}`)),
				ja: count(cur.cells.get(`ja|${s}`)),
				aandeel,
				vorig: before,
				verandering: aandeel !== null && before !== null ? bootstrapDifference(prev.values.get(s)!, cur.values.get(s)!, `${seizoen}|${s}|${q.vraag_key}|janee`) : null
			};
		});
		return { vraag_tekst: q.vraag_tekst, thema: q.thema, scopes };
	});
}
