// Leerbijeenkomsten: per season and wijk the response rate, per thema the mean score and the
// distribution of the answers, split by rol, the change against the same season a year earlier,
// the gap between huisartsen and buurtteam, and the open answers. The page, the printable report
// and /export/leerbijeenkomsten.csv all read one SeizoenAnalyse, so they hide the same cells.
//
// Small numbers (docs/privacy.md) are suppressed here, per season and thema, on a cube of
// wijk (and all wijken together) x rol (and all roles together) x answer category (and the total):
//  - respondents: a group of 1 to k-1 respondents shows no n, no mean and no distribution; every
//    sum relation (the roles of a wijk, the wijken of a role) is a group for complementary
//    suppression, so a hidden group cannot be found by subtraction;
//  - answers: a count of 1 to k-1 answers in a category is hidden ("<5") with the same
//    complementary suppression over categories, roles and wijken; a group whose respondents are
//    hidden has all its answer cells hidden;
//  - open answers are shown per thema only when at least k respondents gave one (again with the
//    wijken of a season as a group).

import { LIKERT5_LABELS, LIKERT7_LABELS, ROLLEN, SCALE, sortSeizoenen, vorigSeizoen } from '$contract/surveys';
import { bootstrapDifference, mean } from '$lib/surveys/stats';
import { ALLE_WIJKEN, ZONDER_WIJK, type Categorie, type Count, type Groep, type OpenAntwoorden, type Respons, type RolVerschil, type Scope, type SeizoenAnalyse, type Thema, type Verandering } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import { suppress, suppressedShare, type Cell } from '$lib/server/disclosure/suppression';
import { existingTables } from '$lib/server/db/sql';

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
	SELECT ${SCOPE_WIJK} AS wijk_code, ${THEMA} AS thema, ${RESPONDENT} AS respondent, a.antwoord
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

const ENQUETES_SQL = `
	SELECT e.enquete_id, coalesce(e.wijk_code, '${ZONDER_WIJK}') AS wijk_code, e.genodigden
	FROM enquetes e WHERE e.soort = 'leerbijeenkomst' AND e.seizoen = $seizoen ORDER BY e.enquete_id`;

const WIJKEN_SQL = `SELECT wijk_code, wijk_naam FROM wijken ORDER BY wijk_code`;

/** The name of a survey scope: a wijk's name, "Alle wijken" or "Zonder wijk"; and an order by it. */
export async function scopeNamen(db: Database): Promise<{ naam: (scope: string) => string; byNaam: (a: string, b: string) => number }> {
	const rows = await db.query<{ wijk_code: string; wijk_naam: string }>(WIJKEN_SQL);
	const names = new Map(rows.map((w) => [w.wijk_code, w.wijk_naam]));
	const naam = (s: string) => (s === ALLE_WIJKEN ? 'Alle wijken' : s === ZONDER_WIJK ? 'Zonder wijk' : (names.get(s) ?? s));
	return { naam, byNaam: (a, b) => naam(a).localeCompare(naam(b), 'nl') };
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

const ROL_ORDER = ['alle', ...ROLLEN, 'onbekend'];
/** Sorts roles: all roles together first, then in the order of the contract. */
export const byRol = (a: string, b: string) => ROL_ORDER.indexOf(a) - ROL_ORDER.indexOf(b);

export const count = (c: Cell | undefined): Count => (c ? { value: c.value, onderdrukt: c.onderdrukt } : { value: 0, onderdrukt: null });

/** Per respondent, for one season and thema: who, where, and what they answered. */
interface Respondent {
	wijk: string;
	rol: string;
	scores: number[];
	nvt: number;
	/** answers per score 1..K */
	cats: number[];
}

interface ThemaCube {
	thema: string;
	punten: number;
	respondents: Map<string, Respondent>;
	/** the suppressed cells, keyed n|wijk|rol and a|wijk|rol|category */
	cells: Map<string, Cell>;
}

/** Builds and suppresses the cube of one season and thema. */
function themaCube(thema: string, punten: number, rows: readonly ItemRow[], wijken: readonly string[], k: number): ThemaCube {
	const respondents = new Map<string, Respondent>();
	for (const r of rows) {
		let p = respondents.get(r.respondent);
		if (!p) respondents.set(r.respondent, (p = { wijk: r.wijk_code, rol: r.rol, scores: [], nvt: 0, cats: new Array(punten).fill(0) }));
		if (r.score === null) p.nvt++;
		else {
			p.scores.push(r.score);
			p.cats[r.score - 1]++;
		}
	}
	const scopes = [ALLE_WIJKEN, ...wijken];
	const rollen = ['alle', ...new Set([...respondents.values()].map((p) => p.rol))];
	const categories = [...Array.from({ length: punten }, (_, i) => String(i + 1)), 'nvt', 'T'];

	// Respondents (with at least one scored answer), per wijk and rol, and their sums.
	const n = new Map<string, number>();
	for (const s of scopes) for (const rol of rollen) n.set(`n|${s}|${rol}`, 0);
	const answers = new Map<string, number>();
	for (const s of scopes) for (const rol of rollen) for (const c of categories) answers.set(`a|${s}|${rol}|${c}`, 0);
	const add = (map: Map<string, number>, key: string, x: number) => map.set(key, map.get(key)! + x);
	for (const p of respondents.values()) {
		for (const s of [ALLE_WIJKEN, p.wijk]) {
			for (const rol of ['alle', p.rol]) {
				if (p.scores.length > 0) add(n, `n|${s}|${rol}`, 1);
				p.cats.forEach((x, i) => add(answers, `a|${s}|${rol}|${i + 1}`, x));
				add(answers, `a|${s}|${rol}|nvt`, p.nvt);
				add(answers, `a|${s}|${rol}|T`, p.scores.length);
			}
		}
	}
	// The roles of a wijk sum to 'alle', the wijken of a rol sum to ALLE_WIJKEN (per column suffix).
	const sumGroups = (prefix: string, cols: readonly string[]) => {
		const groups: string[][] = [];
		for (const s of scopes) for (const c of cols) groups.push(rollen.map((rol) => `${prefix}|${s}|${rol}${c}`));
		for (const rol of rollen) for (const c of cols) groups.push(scopes.map((s) => `${prefix}|${s}|${rol}${c}`));
		return groups;
	};
	const nCells = suppress(n, sumGroups('n', ['']), k);

	// Answers: a group whose respondents are hidden is hidden whole, from the start.
	const forced = new Set<string>();
	for (const s of scopes)
		for (const rol of rollen)
			if (nCells.get(`n|${s}|${rol}`)!.value === null) for (const c of categories) forced.add(`a|${s}|${rol}|${c}`);
	const rowGroups: string[][] = [];
	for (const s of scopes) for (const rol of rollen) rowGroups.push([`a|${s}|${rol}|T`, ...categories.filter((c) => c !== 'nvt' && c !== 'T').map((c) => `a|${s}|${rol}|${c}`)]);
	const aCells = suppress(answers, [...rowGroups, ...sumGroups('a', categories.map((c) => `|${c}`))], k, forced);
	return { thema, punten, respondents, cells: new Map([...nCells, ...aCells]) };
}

function groep(cube: ThemaCube, scope: string, rol: string): Groep {
	const cell = (key: string) => count(cube.cells.get(key));
	const n = cell(`n|${scope}|${rol}`);
	const antwoorden = cell(`a|${scope}|${rol}|T`);
	const scores = respondentScores(cube, scope, rol);
	const labels = cube.punten === 7 ? LIKERT7_LABELS : LIKERT5_LABELS;
	const verdeling: Categorie[] = labels.map((label, i) => {
		const aantal = cell(`a|${scope}|${rol}|${i + 1}`);
		const aandeel = aantal.value !== null && antwoorden.value ? aantal.value / antwoorden.value : null;
		return { score: i + 1, label, aantal, aandeel };
	});
	const shown = verdeling.reduce((s, c) => s + (c.aandeel ?? 0), 0);
	return {
		rol,
		n,
		gemiddelde: n.value !== null && scores.length > 0 ? mean(scores) : null,
		antwoorden,
		verdeling,
		nvt: cell(`a|${scope}|${rol}|nvt`),
		afgeschermd: antwoorden.value ? Math.max(0, 1 - shown) : 0
	};
}

/** The thema scores (mean of the scored items) of the respondents of a scope and rol. */
function respondentScores(cube: ThemaCube, scope: string, rol: string): number[] {
	const out: number[] = [];
	for (const p of cube.respondents.values()) {
		if (p.scores.length === 0) continue;
		if (scope !== ALLE_WIJKEN && p.wijk !== scope) continue;
		if (rol !== 'alle' && p.rol !== rol) continue;
		out.push(mean(p.scores));
	}
	return out;
}

const visible = (cube: ThemaCube | undefined, scope: string, rol: string) => cube?.cells.get(`n|${scope}|${rol}`)?.value != null && (cube.cells.get(`n|${scope}|${rol}`)!.value ?? 0) > 0;

/** The cubes of one season, one per thema (and scale). */
function seasonCubes(rows: readonly ItemRow[], k: number): { wijken: string[]; cubes: ThemaCube[] } {
	const wijken = [...new Set(rows.map((r) => r.wijk_code))].filter((w) => w !== ALLE_WIJKEN).sort();
	const byThema = new Map<string, ItemRow[]>();
	for (const r of rows) {
		const key = `${r.thema}\u001f${r.type}`;
		const list = byThema.get(key) ?? [];
		list.push(r);
		byThema.set(key, list);
	}
	const cubes = [...byThema]
		.map(([key, list]) => {
			const [thema, type] = key.split('\u001f');
			return themaCube(thema, SCALE[type as 'likert5']!.max, list, wijken, k);
		})
		.sort((a, b) => a.thema.localeCompare(b.thema, 'nl') || a.punten - b.punten);
	return { wijken, cubes };
}

/** Everything the page, the report and the export show for one season. */
export async function seizoenAnalyse(db: Database, k: number, seizoen: string): Promise<SeizoenAnalyse> {
	const vorig = vorigSeizoen(seizoen);
	const [items, open, responses, enquetes, namen] = await Promise.all([
		db.query<ItemRow>(ITEMS_SQL, { seizoenen: [seizoen, vorig ?? ''].join(',') }),
		db.query<{ wijk_code: string; thema: string; respondent: string; antwoord: string }>(OPEN_SQL, { seizoen }),
		db.query<{ enquete_id: string; wijk_code: string; enquete_wijk: string; compleet: number; onvolledig: number }>(RESPONSES_SQL, { seizoen }),
		db.query<{ enquete_id: string; wijk_code: string; genodigden: number | null }>(ENQUETES_SQL, { seizoen }),
		scopeNamen(db)
	]);
	const now = seasonCubes(items.filter((r) => r.seizoen === seizoen), k);
	const before = seasonCubes(items.filter((r) => r.seizoen === vorig), k);
	const wijken = [...new Set([...enquetes.map((e) => e.wijk_code), ...responses.map((r) => r.wijk_code), ...now.wijken])]
		.filter((w) => w !== ALLE_WIJKEN)
		.sort(namen.byNaam);
	const scopes = [ALLE_WIJKEN, ...wijken];

	const respons = responsRates(scopes, responses, enquetes, k);
	const openPerScope = openAnswers(scopes, open, k);
	const previous = new Map(before.cubes.map((c) => [`${c.thema}|${c.punten}`, c]));

	return {
		seizoen,
		vorig: before.cubes.length > 0 ? vorig : null,
		scopes: scopes.map((scope): Scope => {
			const themas: Thema[] = now.cubes
				.filter((c) => [...c.cells.keys()].some((key) => key === `n|${scope}|alle`))
				.map((c) => ({
					thema: c.thema,
					punten: c.punten,
					groepen: [...new Set(['alle', ...[...c.respondents.values()].filter((p) => scope === ALLE_WIJKEN || p.wijk === scope).map((p) => p.rol)])]
						.sort(byRol)
						.map((rol) => groep(c, scope, rol))
				}));
			const veranderingen: Verandering[] = now.cubes.map((c) => {
				const prev = previous.get(`${c.thema}|${c.punten}`);
				const nHuidig = count(c.cells.get(`n|${scope}|alle`));
				const nVorig = prev ? count(prev.cells.get(`n|${scope}|alle`)) : { value: 0, onderdrukt: null };
				const a = prev && visible(prev, scope, 'alle') ? respondentScores(prev, scope, 'alle') : [];
				const b = visible(c, scope, 'alle') ? respondentScores(c, scope, 'alle') : [];
				return {
					thema: c.thema,
					punten: c.punten,
					vorig: a.length ? mean(a) : null,
					huidig: b.length ? mean(b) : null,
					nVorig,
					nHuidig,
					interval: a.length && b.length ? bootstrapDifference(a, b, `${seizoen}|${scope}|${c.thema}|${c.punten}|verandering`) : null
				};
			});
			const rolverschillen: RolVerschil[] = now.cubes.map((c) => {
				const ha = visible(c, scope, 'huisarts') ? respondentScores(c, scope, 'huisarts') : [];
				const bt = visible(c, scope, 'buurtteam') ? respondentScores(c, scope, 'buurtteam') : [];
				return {
					thema: c.thema,
					punten: c.punten,
					huisarts: ha.length ? mean(ha) : null,
					buurtteam: bt.length ? mean(bt) : null,
					interval: ha.length && bt.length ? bootstrapDifference(bt, ha, `${seizoen}|${scope}|${c.thema}|${c.punten}|rol`) : null
				};
			});
			return {
				wijk_code: scope,
				wijk_naam: namen.naam(scope),
				enquete_ids: enquetes.filter((e) => scope === ALLE_WIJKEN || e.wijk_code === scope).map((e) => e.enquete_id),
				respons: respons.get(scope)!,
				themas,
				veranderingen,
				rolverschillen,
				open: openPerScope.get(scope) ?? []
			};
		})
	};
}

/** Complete responses / genodigden per wijk and for all wijken, with the counts suppressed. */
function responsRates(
	scopes: readonly string[],
	responses: readonly { enquete_id: string; wijk_code: string; enquete_wijk: string; compleet: number; onvolledig: number }[],
	enquetes: readonly { enquete_id: string; wijk_code: string; genodigden: number | null }[],
	k: number
): Map<string, Respons> {
	const counts = new Map<string, number>();
	for (const kind of ['genodigden', 'compleet', 'onvolledig']) for (const s of scopes) counts.set(`${kind}|${s}`, 0);
	const add = (key: string, x: number) => counts.set(key, counts.get(key)! + x);
	// Genodigden are known when every enquete of the wijk gives them; the rate also needs every
	// response of the wijk to come from an enquete of that wijk (not from one for several wijken).
	const genodigdenBekend = new Map(scopes.map((s) => [s, enquetes.some((e) => s === ALLE_WIJKEN || e.wijk_code === s)]));
	const rateBekend = new Map(scopes.map((s) => [s, true]));
	for (const e of enquetes) {
		for (const s of [ALLE_WIJKEN, e.wijk_code]) {
			if (!counts.has(`genodigden|${s}`)) continue;
			if (e.genodigden === null) genodigdenBekend.set(s, false);
			else add(`genodigden|${s}`, e.genodigden);
		}
	}
	for (const r of responses) {
		for (const s of [ALLE_WIJKEN, r.wijk_code]) {
			add(`compleet|${s}`, r.compleet);
			add(`onvolledig|${s}`, r.onvolledig);
		}
		if (r.enquete_wijk !== r.wijk_code) rateBekend.set(r.wijk_code, false);
	}
	const groups = ['genodigden', 'compleet', 'onvolledig'].map((kind) => scopes.map((s) => `${kind}|${s}`));
	const cells = suppress(counts, groups, k);
	const out = new Map<string, Respons>();
	for (const s of scopes) {
		const genodigden = genodigdenBekend.get(s) ? count(cells.get(`genodigden|${s}`)) : { value: null, onderdrukt: null };
		const compleet = count(cells.get(`compleet|${s}`));
		out.set(s, {
			genodigden,
			compleet,
			onvolledig: count(cells.get(`onvolledig|${s}`)),
			respons:
				rateBekend.get(s) && genodigden.value && compleet.value !== null ? suppressedShare(compleet.value, genodigden.value, k) : null
		});
	}
	return out;
}

/** Open answers per wijk and thema, only where at least k respondents gave one. */
function openAnswers(
	scopes: readonly string[],
	rows: readonly { wijk_code: string; thema: string; respondent: string; antwoord: string }[],
	k: number
): Map<string, OpenAntwoorden[]> {
	const themas = [...new Set(rows.map((r) => r.thema))].sort((a, b) => a.localeCompare(b, 'nl'));
	const respondents = new Map<string, Set<string>>();
	const texts = new Map<string, string[]>();
	for (const r of rows) {
		for (const s of [ALLE_WIJKEN, r.wijk_code]) {
			const key = `${s}|${r.thema}`;
			if (!respondents.has(key)) respondents.set(key, new Set());
			respondents.get(key)!.add(r.respondent);
			texts.set(key, [...(texts.get(key) ?? []), r.antwoord]);
		}
	}
	const counts = new Map<string, number>();
	for (const s of scopes) for (const t of themas) counts.set(`${s}|${t}`, respondents.get(`${s}|${t}`)?.size ?? 0);
	const cells = suppress(counts, themas.map((t) => scopes.map((s) => `${s}|${t}`)), k);
	const out = new Map<string, OpenAntwoorden[]>();
	for (const s of scopes) {
		out.set(
			s,
			themas
				.filter((t) => counts.get(`${s}|${t}`)! > 0)
				.map((t) => {
					const n = count(cells.get(`${s}|${t}`));
					return { thema: t, n, antwoorden: n.value === null ? [] : [...texts.get(`${s}|${t}`)!].sort((a, b) => a.localeCompare(b, 'nl')) };
				})
		);
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
			if (s.wijk_code === ALLE_WIJKEN || (filter.wijk && s.wijk_code !== filter.wijk)) continue;
			for (const t of s.themas) {
				for (const groep of t.groepen) {
					out.push({ enquete_ids: s.enquete_ids, seizoen, wijk_code: s.wijk_code, wijk_naam: s.wijk_naam, thema: t.thema, punten: t.punten, groep, respons: s.respons.respons });
				}
			}
		}
	}
	return out;
}
