// Survey disclosure control by groups, not cells (docs/privacy.md "Surveys: groups of at least k").
//
// Respondents are professionals; what must not be learnt is the answer of someone in a group of
// fewer than k. So every season's respondents are split ONCE into groups of at least k, and every
// survey table, page, report and export of that season publishes figures of those groups only:
//
//  1. Wijken: a wijk with k or more respondents is shown; the others merge into "overige wijken";
//     when that remainder is still 1..k-1, the smallest shown wijk joins it until it reaches k.
//  2. Within each wijk group (a shown wijk, or "overige wijken"): the same for its roles, into
//     "overige rollen". These parts are the season's *atoms*: disjoint, each of k or more.
//  3. All wijken together, per rol: a role whose respondents are whole atoms (shown as that role in
//     every wijk group) is shown. A role that sits inside "overige rollen" somewhere is shown only
//     when it is *promotable*: its respondents inside mixed atoms number k or more, and every mixed
//     atom keeps k or more respondents of unshown roles. "Overige rollen" (alle wijken) is the rest.
//
// Why nothing of fewer than k can be derived. Any figure we publish is a sum over respondents, so
// a reader can only combine published sets linearly. Every published set is a union of atoms, or a
// promoted role T = (atoms inside T) + M_T, where M_T is T's part of mixed atoms. A combination
// x = Σ c_a·atom + Σ b_T·M_T that is a set (0/1 on every respondent) takes on a mixed atom a the
// value c_a on its unshown-role part N_a, so c_a ∈ {0, 1}; if any c_a = 1 then x contains N_a (>= k);
// else every b_T ∈ {0, 1} and x is a union of atoms and M_T's, each of k or more. So every set a
// reader can derive, by subtraction or otherwise, is empty or has k or more respondents.
//
// Item non-response. The grouping is made from the season's respondents, not per question, so a
// respondent who skipped a question does not change it. Per question (thema, grade, ja/nee
// question, open answers) only the respondents who answered count, and the same argument is run
// on their counts: atoms whose answering respondents are 1..k-1 are merged (within their wijk
// group, then across wijk groups, smallest first) into a larger atom for that question only, a
// group is shown for the question when it is a union of these question atoms (or promotable on
// their counts), and every other group of the season shows "te weinig antwoorden" for it. The
// season's groups never change; a question can only show fewer of them.

import { ALLE_WIJKEN, OVERIGE_WIJKEN } from '$lib/surveys/types';

export { OVERIGE_WIJKEN };
/** The role group of the roles merged because they are small. */
export const OVERIGE_ROLLEN = 'overige';
/** All roles of a scope. */
export const ALLE_ROLLEN = 'alle';

/** A cell: the respondents of one wijk with one role. */
export const celKey = (wijk: string, rol: string) => `${wijk}\u001f${rol}`;
const rolOfCel = (cel: string) => cel.slice(cel.indexOf('\u001f') + 1);
const wijkOfCel = (cel: string) => cel.slice(0, cel.indexOf('\u001f'));

export interface Groep {
	/** `${scope}|${rol}` */
	id: string;
	/** ALLE_WIJKEN, a wijk code, or OVERIGE_WIJKEN */
	scope: string;
	/** ALLE_ROLLEN, a rol code, or OVERIGE_ROLLEN */
	rol: string;
	/** the cells (wijk, rol) of its respondents */
	cellen: ReadonlySet<string>;
	/** respondents of the season in it */
	n: number;
	/** the roles in it (for "overige rollen": which ones) */
	rollen: string[];
	/** the wijken in it */
	wijken: string[];
}

export interface Groepering {
	k: number;
	/** respondents of the season */
	n: number;
	/** every wijk with respondents */
	wijken: string[];
	/** the wijk groups in order: shown wijken (largest first is not implied; by code), then OVERIGE_WIJKEN */
	scopes: { scope: string; wijken: string[]; n: number }[];
	/** wijk code -> its scope (the wijk itself or OVERIGE_WIJKEN) */
	scopeVan: ReadonlyMap<string, string>;
	/** every published group of the season, by id; empty when the season has fewer than k respondents */
	groepen: ReadonlyMap<string, Groep>;
	/** per scope (ALLE_WIJKEN first) its role groups, 'alle' first, OVERIGE_ROLLEN last */
	rollenVan: ReadonlyMap<string, Groep[]>;
	/** the atoms: the parts of the wijk groups, as sets of cells */
	atomen: ReadonlyArray<ReadonlySet<string>>;
	/** roles shown for all wijken although they sit in "overige rollen" somewhere */
	gepromoveerd: ReadonlySet<string>;
}

export const groepId = (scope: string, rol: string) => `${scope}|${rol}`;

const sum = (cells: Iterable<string>, counts: ReadonlyMap<string, number>) => {
	let s = 0;
	for (const c of cells) s += counts.get(c) ?? 0;
	return s;
};

/**
 * Splits items into shown ones (k or more) and a remainder (the others); when the remainder holds
 * 1..k-1, the smallest shown item joins it, until it holds k or more or nothing is shown. Items of
 * 0 are left out. Ties are broken by key, so the same counts give the same split.
 */
export function mergeSmall<T extends { key: string; n: number }>(items: readonly T[], k: number): { shown: T[]; rest: T[] } {
	const present = items.filter((i) => i.n > 0);
	const shown = present.filter((i) => i.n >= k);
	const rest = present.filter((i) => i.n < k);
	const total = (xs: readonly T[]) => xs.reduce((s, i) => s + i.n, 0);
	while (total(rest) > 0 && total(rest) < k && shown.length > 0) {
		shown.sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
		rest.push(shown.shift()!);
	}
	return { shown, rest };
}

const ROLE_ORDER = ['huisarts', 'poh', 'doktersassistent', 'buurtteam', 'ojg', 'jgz', 'wijkverpleging', 'sociaal_makelaar', 'gemeente', 'overig', 'onbekend'];
export const byRolKey = (a: string, b: string) => {
	const rank = (r: string) => (r === ALLE_ROLLEN ? -1 : r === OVERIGE_ROLLEN ? 1000 : ROLE_ORDER.indexOf(r) === -1 ? 999 : ROLE_ORDER.indexOf(r));
	return rank(a) - rank(b) || a.localeCompare(b);
};

/**
 * Promotable groups: disjoint groups (sets of cells) that are not unions of atoms may be published
 * beside the unions of atoms when, with `counts`, each one's part inside mixed atoms is 0 or k or
 * more, and every mixed atom with respondents keeps k or more outside all promoted groups (the
 * argument at the top of this file). Greedy, in the order given; returns the ids taken.
 */
export function promote(
	candidates: readonly { id: string; cellen: ReadonlySet<string> }[],
	atomen: ReadonlyArray<ReadonlySet<string>>,
	counts: ReadonlyMap<string, number>,
	k: number
): Set<string> {
	const taken: { id: string; cellen: ReadonlySet<string> }[] = [];
	const ok = (set: readonly { id: string; cellen: ReadonlySet<string> }[]) => {
		const inPromoted = new Set<string>();
		for (const g of set) for (const c of g.cellen) inPromoted.add(c);
		for (const g of set) {
			let m = 0;
			for (const a of atomen) {
				const inside = [...a].filter((c) => g.cellen.has(c));
				if (inside.length > 0 && inside.length < a.size) m += sum(inside, counts);
			}
			if (m > 0 && m < k) return false;
		}
		for (const a of atomen) {
			const cells = [...a];
			if (!cells.some((c) => inPromoted.has(c)) || cells.every((c) => inPromoted.has(c) && set.some((g) => cells.every((x) => g.cellen.has(x))))) continue;
			if (sum(cells, counts) > 0 && sum(cells.filter((c) => !inPromoted.has(c)), counts) < k) return false;
		}
		return true;
	};
	for (const g of candidates) {
		const n = sum(g.cellen, counts);
		if (n > 0 && n < k) continue;
		if (ok([...taken, g])) taken.push(g);
	}
	return new Set(taken.map((g) => g.id));
}

const isUnionOf = (cellen: ReadonlySet<string>, atomen: ReadonlyArray<ReadonlySet<string>>) =>
	atomen.every((a) => {
		let inside = 0;
		for (const c of a) if (cellen.has(c)) inside++;
		return inside === 0 || inside === a.size;
	});

/** The season's grouping from its respondents per cell (wijk, rol). */
export function groepering(respondenten: ReadonlyMap<string, number>, k: number): Groepering {
	const counts = new Map([...respondenten].filter(([, n]) => n > 0));
	const cells = [...counts.keys()].sort();
	const total = sum(cells, counts);
	const alleWijken = [...new Set(cells.map(wijkOfCel))].sort();
	const empty: Groepering = { k, n: total, wijken: alleWijken, scopes: [], scopeVan: new Map(), groepen: new Map(), rollenVan: new Map(), atomen: [], gepromoveerd: new Set() };
	if (total < k) return empty;

	// 1. Wijken.
	const wijken = [...new Set(cells.map(wijkOfCel))].sort();
	const perWijk = wijken.map((w) => ({ key: w, n: sum(cells.filter((c) => wijkOfCel(c) === w), counts) }));
	const { shown, rest } = mergeSmall(perWijk, k);
	const scopes = [
		...shown.map((w) => ({ scope: w.key, wijken: [w.key], n: w.n })).sort((a, b) => a.scope.localeCompare(b.scope)),
		...(rest.length ? [{ scope: OVERIGE_WIJKEN, wijken: rest.map((w) => w.key).sort(), n: rest.reduce((s, w) => s + w.n, 0) }] : [])
	];
	// Only "overige wijken": it is all wijken together, shown once, as such.
	const wijkScopes = scopes.length === 1 && scopes[0].scope === OVERIGE_WIJKEN ? [] : scopes;
	const scopeVan = new Map<string, string>();
	for (const s of wijkScopes) for (const w of s.wijken) scopeVan.set(w, s.scope);

	const groepen = new Map<string, Groep>();
	const rollenVan = new Map<string, Groep[]>();
	const atomen: Set<string>[] = [];
	const add = (scope: string, rol: string, cellen: Set<string>) => {
		const g: Groep = {
			id: groepId(scope, rol),
			scope,
			rol,
			cellen,
			n: sum(cellen, counts),
			rollen: [...new Set([...cellen].map(rolOfCel))].sort(byRolKey),
			wijken: [...new Set([...cellen].map(wijkOfCel))].sort()
		};
		groepen.set(g.id, g);
		return g;
	};

	// 2. Roles within each wijk group: the atoms.
	const partition = (scope: string, scopeCells: string[]) => {
		const rollen = [...new Set(scopeCells.map(rolOfCel))];
		const perRol = rollen.map((r) => ({ key: r, n: sum(scopeCells.filter((c) => rolOfCel(c) === r), counts) }));
		const split = mergeSmall(perRol, k);
		const list = [add(scope, ALLE_ROLLEN, new Set(scopeCells))];
		if (split.shown.length === 0) return { list, parts: [new Set(scopeCells)] };
		const parts: Set<string>[] = [];
		for (const r of split.shown.sort((a, b) => byRolKey(a.key, b.key))) {
			const part = new Set(scopeCells.filter((c) => rolOfCel(c) === r.key));
			parts.push(part);
			list.push(add(scope, r.key, part));
		}
		if (split.rest.length) {
			const restRoles = new Set(split.rest.map((r) => r.key));
			const part = new Set(scopeCells.filter((c) => restRoles.has(rolOfCel(c))));
			parts.push(part);
			list.push(add(scope, OVERIGE_ROLLEN, part));
		}
		return { list, parts };
	};
	if (wijkScopes.length === 0) {
		// One wijk group (all wijken): its role partition is the top level too.
		const { parts } = partition(ALLE_WIJKEN, cells);
		// bounded: the role groups of one wijk group, at most the roles of the code list
		atomen.push(...parts);
	} else {
		for (const s of wijkScopes) {
			const scopeCells = cells.filter((c) => s.wijken.includes(wijkOfCel(c)));
			const { list, parts } = partition(s.scope, scopeCells);
			rollenVan.set(s.scope, list);
			// bounded: the role groups of one wijk group, at most the roles of the code list
			atomen.push(...parts);
		}
	}

	// 3. All wijken together, per rol.
	let gepromoveerd = new Set<string>();
	if (wijkScopes.length === 0) {
		rollenVan.set(ALLE_WIJKEN, [...groepen.values()].filter((g) => g.scope === ALLE_WIJKEN));
	} else {
		const top = [add(ALLE_WIJKEN, ALLE_ROLLEN, new Set(cells))];
		const rollen = [...new Set(cells.map(rolOfCel))].sort(byRolKey);
		const roleCells = (r: string) => new Set(cells.filter((c) => rolOfCel(c) === r));
		const exact = rollen.filter((r) => isUnionOf(roleCells(r), atomen));
		const candidates = rollen
			.filter((r) => !exact.includes(r))
			.map((r) => ({ id: r, cellen: roleCells(r) }))
			// largest first
			.sort((a, b) => sum(b.cellen, counts) - sum(a.cellen, counts) || a.id.localeCompare(b.id));
		gepromoveerd = promote(candidates, atomen, counts, k);
		const shownRoles = rollen.filter((r) => exact.includes(r) || gepromoveerd.has(r));
		// One shown role that is everyone: no split to show.
		if (!(shownRoles.length === 1 && roleCells(shownRoles[0]).size === cells.length)) {
			for (const r of shownRoles) top.push(add(ALLE_WIJKEN, r, roleCells(r)));
			const other = new Set(cells.filter((c) => !shownRoles.includes(rolOfCel(c))));
			if (other.size && shownRoles.length) top.push(add(ALLE_WIJKEN, OVERIGE_ROLLEN, other));
		}
		rollenVan.set(ALLE_WIJKEN, top);
	}
	const ordered = new Map([[ALLE_WIJKEN, rollenVan.get(ALLE_WIJKEN)!], ...[...rollenVan].filter(([s]) => s !== ALLE_WIJKEN)]);
	return { k, n: total, wijken: alleWijken, scopes: wijkScopes, scopeVan, groepen, rollenVan: ordered, atomen, gepromoveerd };
}

/**
 * The groups of a season that may show a figure of one question, given how many respondents per
 * cell answered it. Question atoms: the season's atoms, where those with 1..k-1 answering are merged
 * within their wijk group (the smallest others joining until k), and wijk groups whose answering
 * respondents are still 1..k-1 merged across wijk groups the same way. A group is shown when it is
 * a union of question atoms, or (top-level roles and "overige rollen") promotable on these counts.
 * Empty when fewer than k respondents answered in all.
 */
export function zichtbaar(g: Groepering, antwoorden: ReadonlyMap<string, number>): Set<string> {
	const k = g.k;
	const a = (cells: Iterable<string>) => sum(cells, antwoorden);
	const total = a([...g.groepen.values()].find((x) => x.scope === ALLE_WIJKEN && x.rol === ALLE_ROLLEN)?.cellen ?? []);
	if (g.groepen.size === 0 || (total > 0 && total < k)) return new Set();

	const mergeAtoms = (atoms: Set<string>[]): Set<string>[] => {
		const small = atoms.filter((x) => a(x) > 0 && a(x) < k);
		if (small.length === 0) return atoms;
		const others = atoms.filter((x) => !small.includes(x));
		const merged = new Set<string>(small.flatMap((x) => [...x]));
		while (a(merged) > 0 && a(merged) < k) {
			const next = others.filter((x) => a(x) > 0).sort((x, y) => a(x) - a(y) || [...x][0].localeCompare([...y][0]))[0];
			if (!next) break;
			others.splice(others.indexOf(next), 1);
			for (const c of next) merged.add(c);
		}
		return [...others, merged];
	};
	// Within each wijk group.
	const scopeOfCel = (c: string) => g.scopeVan.get(wijkOfCel(c)) ?? ALLE_WIJKEN;
	const byScope = new Map<string, Set<string>[]>();
	for (const atom of g.atomen) {
		const s = scopeOfCel([...atom][0]);
		byScope.set(s, [...(byScope.get(s) ?? []), new Set(atom)]);
	}
	let perScope = [...byScope.values()].map(mergeAtoms);
	// Wijk groups whose answering respondents are still 1..k-1 become one atom with others.
	const whole = perScope.map((atoms) => new Set(atoms.flatMap((x) => [...x])));
	const smallScopes = whole.filter((x) => a(x) > 0 && a(x) < k);
	if (smallScopes.length > 0) {
		const merged = mergeAtoms(whole);
		const mergedCells = merged.find((x) => !whole.includes(x))!;
		perScope = perScope.filter((atoms) => !atoms.some((x) => [...x].some((c) => mergedCells.has(c))));
		perScope.push([mergedCells]);
	}
	const atomen = perScope.flat();
	const out = new Set<string>();
	const top: Groep[] = [];
	for (const grp of g.groepen.values()) {
		if (isUnionOf(grp.cellen, atomen)) out.add(grp.id);
		else if (grp.scope === ALLE_WIJKEN && grp.rol !== ALLE_ROLLEN) top.push(grp);
	}
	// The roles first (those promoted for the season first, then the largest), "overige rollen"
	// last: when every role of all wijken is shown it is all roles minus them, shown anyway.
	const rank = (x: Groep) => (x.rol === OVERIGE_ROLLEN ? 2 : g.gepromoveerd.has(x.rol) ? 0 : 1);
	top.sort((x, y) => rank(x) - rank(y) || a(y.cellen) - a(x.cellen) || x.id.localeCompare(y.id));
	for (const id of promote(top, atomen, antwoorden, k)) out.add(id);
	const overige = groepId(ALLE_WIJKEN, OVERIGE_ROLLEN);
	const roles = [...g.groepen.values()].filter((x) => x.scope === ALLE_WIJKEN && x.rol !== ALLE_ROLLEN && x.rol !== OVERIGE_ROLLEN);
	if (g.groepen.has(overige) && out.has(groepId(ALLE_WIJKEN, ALLE_ROLLEN)) && roles.every((x) => out.has(x.id))) out.add(overige);
	return out;
}
