// Small-number suppression (formats.md "Small numbers"), applied to every result before it leaves
// the server. Two passes over a set of named cells:
//  1. primary: a count of people or events between 1 and k-1 is hidden ("klein");
//  2. complementary: a *group* is a set of cells of which one is the sum of the others (the months
//     of a quarter and the quarter, the wijken of a gemeente and the gemeente, ...). A group with
//     exactly one hidden cell gives it away by subtraction, so a second cell of the group is hidden
//     too ("aanvullend"): the smallest visible non-zero one, else a visible zero. Hiding a cell can
//     leave another group with a lone hidden cell, so the pass repeats until nothing changes.
// A rate or percentage is never computed from a hidden count (see suppressedRate, suppressedShare).

export type Onderdrukt = 'klein' | 'aanvullend' | null;

export interface Cell {
	/** The count, or null when hidden. */
	value: number | null;
	onderdrukt: Onderdrukt;
}

/** True when a count must not be shown on its own. */
export function isSmall(n: number, k: number): boolean {
	return n >= 1 && n < k;
}

export function primaryCell(n: number, k: number): Cell {
	return isSmall(n, k) ? { value: null, onderdrukt: 'klein' } : { value: n, onderdrukt: null };
}

/** Picks the cell to hide beside a lone hidden one: smallest visible non-zero, else a visible zero. */
function partnerOf(group: readonly string[], counts: ReadonlyMap<string, number>, cells: Map<string, Cell>): string | null {
	let best: string | null = null;
	let bestRank = Infinity;
	for (const key of group) {
		if (cells.get(key)!.value === null) continue;
		const n = counts.get(key)!;
		const rank = n > 0 ? n : Number.MAX_SAFE_INTEGER; // zeros only when nothing else is left
		if (rank < bestRank) [best, bestRank] = [key, rank];
	}
	return best;
}

/**
 * Suppresses the cells in `counts` (key → count). Each group lists the keys of cells of which one
 * is the sum of the others; every key in a group must be in `counts`.
 */
export function suppress(
	counts: ReadonlyMap<string, number>,
	groups: ReadonlyArray<readonly string[]>,
	k: number
): Map<string, Cell> {
	const cells = new Map<string, Cell>();
	for (const [key, n] of counts) cells.set(key, primaryCell(n, k));
	let changed = true;
	while (changed) {
		changed = false;
		for (const group of groups) {
			let hidden = 0;
			for (const key of group) if (cells.get(key)!.value === null) hidden++;
			if (hidden !== 1) continue;
			const partner = partnerOf(group, counts, cells);
			if (partner !== null) {
				cells.set(partner, { value: null, onderdrukt: 'aanvullend' });
				changed = true;
			}
		}
	}
	return cells;
}

/** Rate per 1,000 person-years, or null when the count is hidden or there is no denominator. */
export function suppressedRate(count: Cell, personYears: number | null): number | null {
	if (count.value === null || personYears === null || !(personYears > 0)) return null;
	return (count.value / personYears) * 1000;
}

/**
 * A share numerator/denominator (0..1), hidden when the numerator, the rest (denominator minus
 * numerator) or the denominator is a small count: 96% of 100 would give away a count of 4.
 */
export function suppressedShare(numerator: number, denominator: number, k: number): number | null {
	if (denominator <= 0) return null;
	if (denominator < k || isSmall(numerator, k) || isSmall(denominator - numerator, k)) return null;
	return numerator / denominator;
}
