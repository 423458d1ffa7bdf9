// The attacker's unknowns: the finest partition of the referrals that the published filters and
// row keys can express. A leaf is one (client's wijk, practice or none, month, bestemming,
// leeftijdsgroep); its lijn follows from the bestemming. Every published referral count is the sum
// of a "box" of leaves: a set of values per dimension (a gemeente's wijken, the months of a
// quarter, the bestemmingen of a lijn, the age groups of an age filter, ...). Boxes are derived
// from the filters and the row keys only (and the public reference data), never from the database.
//
// The domein and verwijzer filters are not part of the attack's table set (as in issue 12's attack);
// they would add two dimensions (54x the leaves) and are left out of the leaf key.

import { DEFAULT_BESTEMMINGEN, LEEFTIJDSGROEPEN } from '$contract/codes';
import type { Reference } from './fixture';

/** The dimensions of the leaf space, each a list of values; `praktijk` has `null` (no practice) last. */
export interface Space {
	wijken: string[];
	praktijken: (string | null)[];
	months: string[];
	bestemmingen: string[];
	ages: string[];
	/** lijn of each bestemming, by index */
	lijnOf: number[];
	size: number;
	ref: Reference;
}

export function makeSpace(ref: Reference): Space {
	const wijken = ref.wijken.map((w) => w.code);
	const praktijken = [...ref.praktijken.map((p) => p.code), null];
	const bestemmingen = Object.keys(DEFAULT_BESTEMMINGEN);
	const ages = [...LEEFTIJDSGROEPEN];
	return {
		wijken,
		praktijken,
		months: ref.months,
		bestemmingen,
		ages,
		lijnOf: bestemmingen.map((b) => DEFAULT_BESTEMMINGEN[b]),
		size: wijken.length * praktijken.length * ref.months.length * bestemmingen.length * ages.length,
		ref
	};
}

/** Index sets per dimension; a published cell sums the leaves of the product. */
export interface Box {
	w: number[];
	p: number[];
	m: number[];
	b: number[];
	g: number[];
}

export const boxKey = (x: Box) => [x.w, x.p, x.m, x.b, x.g].map((d) => d.join(',')).join('|');

export function leafIndex(s: Space, w: number, p: number, m: number, b: number, g: number): number {
	return (((w * s.praktijken.length + p) * s.months.length + m) * s.bestemmingen.length + b) * s.ages.length + g;
}

/** Calls fn with the index of every leaf in the box. */
export function forEachLeaf(s: Space, x: Box, fn: (i: number) => void): void {
	for (const w of x.w)
		for (const p of x.p)
			for (const m of x.m)
				for (const b of x.b)
					for (const g of x.g) fn(leafIndex(s, w, p, m, b, g));
}

export const boxSize = (x: Box) => x.w.length * x.p.length * x.m.length * x.b.length * x.g.length;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const indicesWhere = <T>(list: readonly T[], pred: (v: T) => boolean) => list.flatMap((v, i) => (pred(v) ? [i] : []));

/** Builders of the box dimensions from filter values and row keys. */
export function dims(s: Space) {
	const gemeenteOf = new Map(s.ref.wijken.map((w) => [w.code, w.gemeente]));
	const practiceWijk = new Map(s.ref.praktijken.map((p) => [p.code, p.wijk]));
	return {
		allWijken: () => range(s.wijken.length),
		wijk: (code: string) => indicesWhere(s.wijken, (w) => w === code),
		wijkenOfGemeente: (g: string) => indicesWhere(s.wijken, (w) => gemeenteOf.get(w) === g),
		allPraktijken: () => range(s.praktijken.length),
		/** referrals with a practice (the praktijk level counts only those) */
		withPraktijk: () => indicesWhere(s.praktijken, (p) => p !== null),
		praktijk: (code: string) => indicesWhere(s.praktijken, (p) => p === code),
		/** practices located in the gemeente / wijk (the destination block per practice filters on location) */
		praktijkenInGemeente: (g: string) => indicesWhere(s.praktijken, (p) => p !== null && gemeenteOf.get(practiceWijk.get(p)!) === g),
		praktijkenInWijk: (w: string) => indicesWhere(s.praktijken, (p) => p !== null && practiceWijk.get(p) === w),
		/** the months of a period key: '2024-03', '2024-K1' or '2024' */
		monthsOf: (periode: string) =>
			indicesWhere(s.months, (m) => {
				if (/^\d{4}-\d{2}$/.test(periode)) return m === periode;
				const q = /^(\d{4})-K([1-4])$/.exec(periode);
				if (q) return m.startsWith(q[1]) && Math.ceil(Number(m.slice(5, 7)) / 3) === Number(q[2]);
				if (/^\d{4}$/.test(periode)) return m.startsWith(periode);
				throw new Error(`unknown period ${periode}`);
			}),
		yearsRange: (van: number | null, tot: number | null) => indicesWhere(s.months, (m) => (van === null || Number(m.slice(0, 4)) >= van) && (tot === null || Number(m.slice(0, 4)) <= tot)),
		lijn: (lijn: number | null) => indicesWhere(s.lijnOf, (l) => lijn === null || l === lijn),
		lijnen: (pred: (lijn: number) => boolean) => indicesWhere(s.lijnOf, pred),
		bestemming: (b: string) => indicesWhere(s.bestemmingen, (x) => x === b),
		ages: (groups: readonly string[]) => indicesWhere(s.ages, (g) => groups.includes(g))
	};
}
