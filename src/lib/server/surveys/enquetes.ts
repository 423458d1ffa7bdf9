// Leerbijeenkomsten: per season and wijk the response rate, per thema the mean score and the
// distribution of the answers, split by rol, the change against the same season a year earlier,
// the gap between huisartsen and buurtteam, and the open answers. The page, the printable report
// and /export/leerbijeenkomsten.csv all read one SeizoenAnalyse.
//
// Small numbers (docs/privacy.md, "Surveys"): the season's respondents are grouped once
// (groepering.ts: wijken and roles of fewer than k merged into "overige"), and every figure is a
// figure of such a group. Within a shown group the full answer distribution is shown. Per thema,
// only the respondents who answered it count: a group is shown for the thema when
// `zichtbaar` allows it (its answering respondents, and those of any group it could be subtracted
// from, are 0 or k or more). Open answers: per shown wijk group, under the same rule.

import { LIKERT5_LABELS, LIKERT7_LABELS, ROLLEN, SCALE, sortSeizoenen, vorigSeizoen } from '$contract/surveys';
import { mean, welch, wijkenInterval, MIN_WIJKEN, type Interval } from '$lib/surveys/stats';
import { ALLE_WIJKEN, OVERIGE_WIJKEN, ZONDER_WIJK, type Categorie, type Count, type Groep, type OpenAntwoorden, type Respons, type RolVerschil, type Scope, type SeizoenAnalyse, type Thema, type Verandering } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import { existingTables } from '$lib/server/db/sql';
import { matchesWijk } from './filters';
import { ALLE_ROLLEN, byRolKey, celKey, groepering, mergeSmall, zichtbaar, type Groep as SeasonGroep, type Groepering } from './groepering';

/** A score after reversal (omgekeerd = 1): min + max - waarde on the question's scale. */
export const SCORE_SQL = `CASE WHEN coalesce(v.omgekeerd, 0) = 1
	THEN (CASE v.type ${Object.entries(SCALE)
		.map(([type, s]) => `WHEN '${type}' THEN ${s.min + s.max}`)
		.join(' ')} END) - a.waarde
	ELSE a.waarde END`;

/**
 * A response belongs to its enquete's wijk, or (an enquete for several wijken) to its own, else to
 * ZONDER_WIJK.
 */
export const SCOPE_WIJK = `coalesce(e.wijk_code, r.wijk_code, '${ZONDER_WIJK}')`;
export const THEMA = `coalesce(nullif(trim(v.thema), ''), 'Algemeen')`;

/** Every answer with its response (r), question (v) and enquete (e). */
export const ANSWERS_FROM = `FROM enquete_antwoorden a
	JOIN enquete_responsen r USING (enquete_id, respons_id)
	JOIN enquete_vragen v USING (enquete_id, vraag_code)
	JOIN enquetes e ON e.enquete_id = a.enquete_id`;
/** One respondent: respons_id is unique within its enquete only. */
export const RESPONDENT = `r.enquete_id || chr(31) || r.respons_id`;

/** The survey tables; a database built before them exists has no seasons and no rounds. */
const SURVEY_TABLES = ['enquetes', 'enquete_vragen', 'enquete_responsen', 'enquete_antwoorden'];

/** False for a database built before the survey tables existed: its survey pages are empty. */
export async function hasSurveyTables(db: Database): Promise<boolean> {
	return (await existingTables(db, SURVEY_TABLES)).size === SURVEY_TABLES.length;
}

const SEASONS_SQL = `SELECT DISTINCT seizoen FROM enquetes WHERE soort = 'leerbijeenkomst' ORDER BY seizoen`;

const ITEMS_SQL = `
	SELECT e.seizoen, ${SCOPE_WIJK} AS wijk_code, ${RESPONDENT} AS respondent,
		coalesce(r.rol, 'onbekend') AS rol, ${THEMA} AS thema, v.type, ${SCORE_SQL} AS score
	${ANSWERS_FROM}
	WHERE e.soort = 'leerbijeenkomst' AND r.compleet AND v.type IN ('likert5', 'likert7')
		AND list_contains(string_split($seizoenen, ','), e.seizoen)
	ORDER BY ALL`;

const OPEN_SQL = `
	SELECT ${SCOPE_WIJK} AS wijk_code, coalesce(r.rol, 'onbekend') AS rol, ${THEMA} AS thema, ${RESPONDENT} AS respondent, a.antwoord
	${ANSWERS_FROM}
	WHERE e.soort = 'leerbijeenkomst' AND e.seizoen = $seizoen AND r.compleet AND v.type = 'open'
	ORDER BY ALL`;

const RESPONSES_SQL = `
	SELECT r.enquete_id, ${SCOPE_WIJK} AS wijk_code, coalesce(e.wijk_code, '${ZONDER_WIJK}') AS enquete_wijk,
		count(*) FILTER (WHERE r.compleet) AS compleet, count(*) FILTER (WHERE NOT r.compleet) AS onvolledig
	FROM enquete_responsen r JOIN enquetes e USING (enquete_id)
	WHERE e.soort = 'leerbijeenkomst' AND e.seizoen = $seizoen
	GROUP BY ALL
	ORDER BY ALL`;

/** The season's respondents per cell (wijk, rol): what the grouping is made from. */
const RESPONDENTS_SQL = `
	SELECT ${SCOPE_WIJK} AS wijk_code, coalesce(r.rol, 'onbekend') AS rol, count(*) AS n
	FROM enquete_responsen r JOIN enquetes e USING (enquete_id)
	WHERE e.soort = 'leerbijeenkomst' AND e.seizoen = $seizoen AND r.compleet
	GROUP BY ALL
	ORDER BY ALL`;

const ENQUETES_SQL = `
	SELECT e.enquete_id, coalesce(e.wijk_code, '${ZONDER_WIJK}') AS wijk_code, e.genodigden
	FROM enquetes e WHERE e.soort = 'leerbijeenkomst' AND e.seizoen = $seizoen ORDER BY e.enquete_id`;

const WIJKEN_SQL = `SELECT wijk_code, wijk_naam FROM wijken ORDER BY wijk_code`;

/** The name of a survey scope: a wijk's name, "Alle wijken" or "Zonder wijk"; and an order by it. */
export async function scopeNamen(db: Database): Promise<{ naam: (scope: string) => string; byNaam: (a: string, b: string) => number }> {
	const rows = await db.query<{ wijk_code: string; wijk_naam: string }>(WIJKEN_SQL);
	const names = new Map(rows.map((w) => [w.wijk_code, w.wijk_naam]));
	const naam = (s: string) => (s === ALLE_WIJKEN ? 'Alle wijken' : s === ZONDER_WIJK ? 'Zonder wijk' : s === OVERIGE_WIJKEN ? 'Overige wijken' : (names.get(s) ?? s));
	// "Overige wijken" after the wijken.
	return { naam, byNaam: (a, b) => Number(a === OVERIGE_WIJKEN) - Number(b === OVERIGE_WIJKEN) || naam(a).localeCompare(naam(b), 'nl') };
}

interface ItemRow {
	seizoen: string;
	wijk_code: string;
	respondent: string;
	rol: string;
	thema: string;
	type: 'likert5' | 'likert7';
	score: number | null;
}

/** The seasons with a leerbijeenkomst, oldest first. */
export async function seizoenen(db: Database): Promise<string[]> {
	if (!(await hasSurveyTables(db))) return [];
	const rows = await db.query<{ seizoen: string }>(SEASONS_SQL);
	return sortSeizoenen(rows.map((r) => r.seizoen));
}

/** The seasons of the leerbijeenkomsten, or only the chosen one (for the exports' ?seizoen=). */
export async function seizoenenVoor(db: Database, seizoen: string | null | undefined): Promise<string[]> {
	return (await seizoenen(db)).filter((s) => !seizoen || s === seizoen);
}

const ROL_ORDER = ['alle', ...ROLLEN, 'onbekend', 'overige'];
/** Sorts roles: all roles together first, then in the order of the contract, "overige rollen" last. */
export const byRol = (a: string, b: string) => ROL_ORDER.indexOf(a) - ROL_ORDER.indexOf(b);

/** A hidden figure: the same mark whatever the reason, so the mark gives nothing away. */
export const HIDDEN: Count = { value: null, onderdrukt: 'aanvullend' };
export const shownCount = (n: number): Count => ({ value: n, onderdrukt: null });

/** The grouping of one season's leerbijeenkomsten (docs/privacy.md), made from its respondents. */
export async function seizoenGroepering(db: Database, k: number, seizoen: string | null): Promise<Groepering> {
	const rows = seizoen ? await db.query<{ wijk_code: string; rol: string; n: number }>(RESPONDENTS_SQL, { seizoen }) : [];
	return groepering(new Map(rows.map((r) => [celKey(r.wijk_code, r.rol), Number(r.n)])), k);
}

/** Respondents per cell (wijk, rol) of a list of respondents. */
export function cellCounts(rows: Iterable<{ wijk: string; rol: string }>): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of rows) out.set(celKey(r.wijk, r.rol), (out.get(celKey(r.wijk, r.rol)) ?? 0) + 1);
	return out;
}

/** The members of a season group among respondents. */
export const inGroep = (g: SeasonGroep | undefined, r: { wijk: string; rol: string }) => g !== undefined && g.cellen.has(celKey(r.wijk, r.rol));

/** The scopes of a season: all wijken, then its wijk groups in name order ("overige wijken" last). */
export function seasonScopes(g: Groepering, byNaam: (a: string, b: string) => number): { scope: string; wijken: string[] }[] {
	return [{ scope: ALLE_WIJKEN, wijken: g.wijken }, ...[...g.scopes].sort((a, b) => byNaam(a.scope, b.scope)).map((s) => ({ scope: s.scope, wijken: s.wijken }))];
}

/** Per respondent, for one season and thema: who, where, and what they answered. */
interface Respondent {
	wijk: string;
	rol: string;
	scores: number[];
	nvt: number;
	/** answers per score 1..K */
	cats: number[];
}

/** One season's thema: its respondents and which groups may show it. */
interface ThemaData {
	thema: string;
	punten: number;
	respondents: Map<string, Respondent>;
	zichtbaar: Set<string>;
}

interface SeasonData {
	g: Groepering;
	themas: ThemaData[];
}

function seasonData(g: Groepering, rows: readonly ItemRow[]): SeasonData {
	const byThema = new Map<string, ItemRow[]>();
	for (const r of rows) {
		const key = `${r.thema}\u001f${r.type}`;
		const list = byThema.get(key) ?? [];
		list.push(r);
		byThema.set(key, list);
	}
	const themas = [...byThema]
		.map(([key, list]): ThemaData => {
			const [thema, type] = key.split('\u001f');
			const punten = SCALE[type as 'likert5']!.max;
			const respondents = new Map<string, Respondent>();
			for (const r of list) {
				let p = respondents.get(r.respondent);
				if (!p) respondents.set(r.respondent, (p = { wijk: r.wijk_code, rol: r.rol, scores: [], nvt: 0, cats: new Array(punten).fill(0) }));
				if (r.score === null) p.nvt++;
				else {
					p.scores.push(r.score);
					p.cats[r.score - 1]++;
				}
			}
			// Answering: every respondent with an answer in the thema (niet van toepassing too).
			return { thema, punten, respondents, zichtbaar: zichtbaar(g, cellCounts(respondents.values())) };
		})
		.sort((a, b) => a.thema.localeCompare(b.thema, 'nl') || a.punten - b.punten);
	return { g, themas };
}

/** The respondents of a group who answered the thema; null when the group is not shown for it. */
function members(t: ThemaData | undefined, g: Groepering, scope: string, rol: string): Respondent[] | null {
	const grp = g.groepen.get(`${scope}|${rol}`);
	if (!t || !grp || !t.zichtbaar.has(grp.id)) return null;
	return [...t.respondents.values()].filter((p) => inGroep(grp, p));
}

/** The thema scores (mean of the scored items) of respondents. */
const themaScores = (ps: readonly Respondent[]) => ps.filter((p) => p.scores.length > 0).map((p) => mean(p.scores));

function groep(t: ThemaData, g: Groepering, grp: SeasonGroep): Groep {
	const labels = t.punten === 7 ? LIKERT7_LABELS : LIKERT5_LABELS;
	const ps = members(t, g, grp.scope, grp.rol);
	if (ps === null) {
		return {
			rol: grp.rol,
			rollen: grp.rollen,
			getoond: false,
			n: HIDDEN,
			gemiddelde: null,
			antwoorden: HIDDEN,
			verdeling: labels.map((label, i): Categorie => ({ score: i + 1, label, aantal: HIDDEN, aandeel: null })),
			nvt: HIDDEN,
			afgeschermd: 0
		};
	}
	const cats = new Array(t.punten).fill(0);
	let nvt = 0;
	for (const p of ps) {
		p.cats.forEach((x, i) => (cats[i] += x));
		nvt += p.nvt;
	}
	const antwoorden = cats.reduce((s, x) => s + x, 0);
	const scores = themaScores(ps);
	return {
		rol: grp.rol,
		rollen: grp.rollen,
		getoond: true,
		n: shownCount(ps.length),
		gemiddelde: scores.length ? mean(scores) : null,
		antwoorden: shownCount(antwoorden),
		verdeling: labels.map((label, i) => ({ score: i + 1, label, aantal: shownCount(cats[i]), aandeel: antwoorden ? cats[i] / antwoorden : null })),
		nvt: shownCount(nvt),
		afgeschermd: 0
	};
}

/** Why a change has no interval, in Dutch. */
export const REDEN = {
	vorigOntbreekt: 'niet gevraagd vorig jaar',
	teKlein: 'een groep is te klein of niet getoond',
	teWeinigWijken: `minder dan ${MIN_WIJKEN} wijken om mee te vergelijken`,
	andereSamenstelling: 'de overige wijken zijn anders samengesteld dan vorig jaar'
} as const;

/**
 * The change of one figure against last year for a scope. A wijk: Welch's t on the respondents of
 * both years. All wijken: from the wijk-level changes (t on the wijken). "Overige wijken": only when
 * it holds the same wijken both years.
 */
export function verandering(
	scope: string,
	now: { g: Groepering; values: (scope: string) => number[] | null },
	before: { g: Groepering; values: (scope: string) => number[] | null } | null
): { interval: Interval | null; reden: string | null } {
	if (!before) return { interval: null, reden: REDEN.vorigOntbreekt };
	if (scope === ALLE_WIJKEN) {
		const changes: number[] = [];
		for (const s of now.g.scopes) {
			if (s.scope === OVERIGE_WIJKEN) continue;
			const a = before.values(s.scope);
			const b = now.values(s.scope);
			if (a?.length && b?.length) changes.push(mean(b) - mean(a));
		}
		const interval = wijkenInterval(changes);
		return { interval, reden: interval ? null : REDEN.teWeinigWijken };
	}
	if (scope === OVERIGE_WIJKEN) {
		const wijken = (g: Groepering) => g.scopes.find((s) => s.scope === OVERIGE_WIJKEN)?.wijken.join(',') ?? '';
		if (wijken(now.g) !== wijken(before.g)) return { interval: null, reden: REDEN.andereSamenstelling };
	}
	const a = before.values(scope);
	const b = now.values(scope);
	const interval = a && b ? welch(a, b) : null;
	return { interval, reden: interval ? null : a === null && b !== null && !before.g.groepen.has(`${scope}|${ALLE_ROLLEN}`) ? REDEN.vorigOntbreekt : REDEN.teKlein };
}

/** Everything the page, the report and the export show for one season. */
export async function seizoenAnalyse(db: Database, k: number, seizoen: string): Promise<SeizoenAnalyse> {
	const vorig = vorigSeizoen(seizoen);
	const [items, open, responses, enquetes, namen, g, gVorig] = await Promise.all([
		db.query<ItemRow>(ITEMS_SQL, { seizoenen: [seizoen, vorig ?? ''].join(',') }),
		db.query<{ wijk_code: string; rol: string; thema: string; respondent: string; antwoord: string }>(OPEN_SQL, { seizoen }),
		db.query<{ enquete_id: string; wijk_code: string; enquete_wijk: string; compleet: number; onvolledig: number }>(RESPONSES_SQL, { seizoen }),
		db.query<{ enquete_id: string; wijk_code: string; genodigden: number | null }>(ENQUETES_SQL, { seizoen }),
		scopeNamen(db),
		seizoenGroepering(db, k, seizoen),
		seizoenGroepering(db, k, vorig)
	]);
	const now = seasonData(g, items.filter((r) => r.seizoen === seizoen));
	const before = seasonData(gVorig, items.filter((r) => r.seizoen === vorig));
	// Wijken with an enquete but no complete response are listed for their response (0).
	const grouped = seasonScopes(g, namen.byNaam);
	const inScope = new Set(grouped.flatMap((s) => s.wijken));
	const zonder = [...new Set(enquetes.map((e) => e.wijk_code))].filter((w) => !inScope.has(w) && !g.scopeVan.has(w) && !responses.some((r) => r.wijk_code === w && Number(r.compleet) > 0)).sort(namen.byNaam);
	const scopes = [...grouped, ...zonder.map((w) => ({ scope: w, wijken: [w] }))];

	const respons = responsRates(scopes, g, responses, enquetes, k);
	const openPerScope = openAnswers(g, open);
	const previous = new Map(before.themas.map((t) => [`${t.thema}|${t.punten}`, t]));
	const scoresOf = (t: ThemaData | undefined, gg: Groepering, rol: string) => (scope: string) => {
		const ps = members(t, gg, scope, rol);
		return ps ? themaScores(ps) : null;
	};

	return {
		seizoen,
		vorig: before.themas.length > 0 ? vorig : null,
		scopes: scopes.map(({ scope, wijken }): Scope => {
			const groups = g.rollenVan.get(scope) ?? [];
			const themas: Thema[] = groups.length
				? now.themas.map((t) => ({ thema: t.thema, punten: t.punten, groepen: [...groups].sort((a, b) => byRolKey(a.rol, b.rol)).map((grp) => groep(t, g, grp)) }))
				: [];
			const veranderingen: Verandering[] = groups.length
				? now.themas.map((t) => {
						const prev = previous.get(`${t.thema}|${t.punten}`);
						const cur = scoresOf(t, g, ALLE_ROLLEN);
						const old = scoresOf(prev, gVorig, ALLE_ROLLEN);
						const huidig = cur(scope);
						const vorigScores = prev ? old(scope) : null;
						const v = verandering(scope, { g, values: cur }, prev ? { g: gVorig, values: old } : null);
						const nVorig = members(prev, gVorig, scope, ALLE_ROLLEN);
						const nNu = members(t, g, scope, ALLE_ROLLEN);
						return {
							thema: t.thema,
							punten: t.punten,
							vorig: vorigScores?.length ? mean(vorigScores) : null,
							huidig: huidig?.length ? mean(huidig) : null,
							nVorig: nVorig ? shownCount(nVorig.length) : prev ? HIDDEN : { value: 0, onderdrukt: null },
							nHuidig: nNu ? shownCount(nNu.length) : HIDDEN,
							interval: v.interval,
							reden: v.reden
						};
					})
				: [];
			const rolverschillen: RolVerschil[] = groups.length
				? now.themas.map((t) => {
						const ha = scoresOf(t, g, 'huisarts')(scope);
						const bt = scoresOf(t, g, 'buurtteam')(scope);
						return {
							thema: t.thema,
							punten: t.punten,
							huisarts: ha?.length ? mean(ha) : null,
							buurtteam: bt?.length ? mean(bt) : null,
							interval: ha && bt ? welch(bt, ha) : null
						};
					})
				: [];
			return {
				wijk_code: scope,
				wijk_naam: namen.naam(scope),
				wijken,
				enquete_ids: enquetes.filter((e) => scope === ALLE_WIJKEN || wijken.includes(e.wijk_code)).map((e) => e.enquete_id),
				respons: respons.get(scope)!,
				themas,
				veranderingen,
				rolverschillen,
				open: openPerScope.get(scope) ?? []
			};
		})
	};
}

/**
 * Complete responses / genodigden per wijk group and for all wijken. Complete responses: the
 * group's respondents (k or more). Incomplete ones (counts of people too): shown per wijk group
 * when 0 or k or more, and only when the hidden ones together are 0 or k or more (else the smallest
 * shown joins them); all wijken when 0 or k or more.
 */
function responsRates(
	scopes: readonly { scope: string; wijken: string[] }[],
	g: Groepering,
	responses: readonly { enquete_id: string; wijk_code: string; enquete_wijk: string; compleet: number; onvolledig: number }[],
	enquetes: readonly { enquete_id: string; wijk_code: string; genodigden: number | null }[],
	k: number
): Map<string, Respons> {
	const out = new Map<string, Respons>();
	const inScope = (s: { scope: string; wijken: string[] }, wijk: string) => s.scope === ALLE_WIJKEN || s.wijken.includes(wijk);
	const onvolledig = new Map(scopes.map((s) => [s.scope, responses.filter((r) => inScope(s, r.wijk_code)).reduce((x, r) => x + Number(r.onvolledig), 0)]));
	const wijkScopes = scopes.filter((s) => s.scope !== ALLE_WIJKEN);
	const split = mergeSmall(wijkScopes.map((s) => ({ key: s.scope, n: onvolledig.get(s.scope)! })), k);
	const all = onvolledig.get(ALLE_WIJKEN)!;
	const onvolledigShown = (scope: string) => {
		const n = onvolledig.get(scope)!;
		if (all > 0 && all < k) return false;
		return scope === ALLE_WIJKEN || n === 0 || split.shown.some((x) => x.key === scope);
	};
	for (const s of scopes) {
		const mine = enquetes.filter((e) => inScope(s, e.wijk_code));
		const genodigdenBekend = mine.length > 0 && mine.every((e) => e.genodigden !== null);
		const genodigden = mine.reduce((x, e) => x + (e.genodigden ?? 0), 0);
		// The rate also needs every response of the wijken to come from an enquete of that wijk.
		const rateBekend = responses.filter((r) => inScope(s, r.wijk_code)).every((r) => s.scope === ALLE_WIJKEN || r.enquete_wijk === r.wijk_code);
		const grp = g.groepen.get(`${s.scope}|${ALLE_ROLLEN}`);
		const compleetN = responses.filter((r) => inScope(s, r.wijk_code)).reduce((x, r) => x + Number(r.compleet), 0);
		const compleet: Count = grp ? shownCount(grp.n) : compleetN === 0 ? shownCount(0) : { value: null, onderdrukt: 'klein' };
		const gen: Count = !genodigdenBekend ? { value: null, onderdrukt: null } : genodigden === 0 || genodigden >= k ? shownCount(genodigden) : { value: null, onderdrukt: 'klein' };
		out.set(s.scope, {
			genodigden: gen,
			compleet,
			onvolledig: onvolledigShown(s.scope) ? shownCount(onvolledig.get(s.scope)!) : HIDDEN,
			respons: rateBekend && gen.value && compleet.value !== null ? compleet.value / gen.value : null
		});
	}
	return out;
}

/** Open answers per wijk group and thema, only for groups shown for that thema's open answers. */
function openAnswers(g: Groepering, rows: readonly { wijk_code: string; rol: string; thema: string; respondent: string; antwoord: string }[]): Map<string, OpenAntwoorden[]> {
	const themas = [...new Set(rows.map((r) => r.thema))].sort((a, b) => a.localeCompare(b, 'nl'));
	const out = new Map<string, OpenAntwoorden[]>();
	for (const t of themas) {
		const mine = rows.filter((r) => r.thema === t);
		const respondents = new Map(mine.map((r) => [r.respondent, { wijk: r.wijk_code, rol: r.rol }]));
		const shown = zichtbaar(g, cellCounts(respondents.values()));
		for (const scope of [ALLE_WIJKEN, ...g.scopes.map((s) => s.scope)]) {
			const grp = g.groepen.get(`${scope}|${ALLE_ROLLEN}`);
			if (!grp) continue;
			const inIt = mine.filter((r) => inGroep(grp, { wijk: r.wijk_code, rol: r.rol }));
			if (inIt.length === 0) continue;
			const visible = shown.has(grp.id);
			const n = new Set(inIt.map((r) => r.respondent)).size;
			out.set(scope, [
				...(out.get(scope) ?? []),
				{ thema: t, n: visible ? shownCount(n) : HIDDEN, antwoorden: visible ? inIt.map((r) => r.antwoord).sort((a, b) => a.localeCompare(b, 'nl')) : [] }
			]);
		}
	}
	return out;
}

export interface ExportRow {
	enquete_ids: string[];
	seizoen: string;
	wijk_code: string;
	wijk_naam: string;
	thema: string;
	punten: number;
	groep: Groep;
	respons: number | null;
}

/** /export/leerbijeenkomsten.csv: per season, wijk (its enquete), thema and rol, and rol 'alle'. */
export async function exportRows(db: Database, k: number, filter: { seizoen?: string | null; wijk?: string | null } = {}): Promise<ExportRow[]> {
	const out: ExportRow[] = [];
	for (const seizoen of await seizoenenVoor(db, filter.seizoen)) {
		const a = await seizoenAnalyse(db, k, seizoen);
		for (const s of a.scopes) {
			if (s.wijk_code === ALLE_WIJKEN || (filter.wijk && !matchesWijk(s, filter.wijk))) continue;
			// "Overige wijken": its wijk codes, comma-separated.
			const wijk_code = s.wijk_code === OVERIGE_WIJKEN ? s.wijken.join(',') : s.wijk_code;
			for (const t of s.themas) {
				for (const groep of t.groepen) {
					out.push({ enquete_ids: s.enquete_ids, seizoen, wijk_code, wijk_naam: s.wijk_naam, thema: t.thema, punten: t.punten, groep, respons: s.respons.respons });
				}
			}
		}
	}
	return out;
}
