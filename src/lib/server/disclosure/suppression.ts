// Small-number suppression (docs/privacy.md "Small numbers"), applied to every result before it leaves
// the server. Two passes over a set of named cells:
//  1. primary: a count of people or events between 1 and k-1 is hidden ("klein");
//  2. complementary: a *group* is a set of cells of which one is the sum of the others (the months
//     of a quarter and the quarter, the wijken of a gemeente and the gemeente, ...). A group with
//     exactly one hidden cell gives it away by subtraction, so a second cell of the group is hidden
//     too ("aanvullend"): the smallest visible non-zero one, else a visible zero. Likewise when the
//     hidden cells of a group add up to a small count (1 and 2 hidden beside a shown total and the
//     rest of the parts give away 3). Hiding a cell can change another group, so the pass repeats
//     until nothing changes.
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

/**
 * Picks the cell to hide beside the hidden ones: the smallest visible non-zero one, else (when
 * `zeroToo`) a visible zero. A zero adds nothing to a small hidden sum, so only a lone hidden cell
 * takes one.
 */
function partnerOf(group: readonly string[], counts: ReadonlyMap<string, number>, cells: Map<string, Cell>, zeroToo: boolean): string | null {
	let best: string | null = null;
	let bestRank = Infinity;
	for (const key of group) {
		if (cells.get(key)!.value === null) continue;
		const n = counts.get(key)!;
		if (n === 0 && !zeroToo) continue;
		const rank = n > 0 ? n : Number.MAX_SAFE_INTEGER; // zeros only when nothing else is left
		if (rank < bestRank) [best, bestRank] = [key, rank];
	}
	return best;
}

/**
 * Suppresses the cells in `counts` (key → count). Each group lists the keys of cells of which one
 * is the sum of the others; every key in a group must be in `counts`. Cells in `forced` are hidden
 * from the start whatever their count (the answers of a group of respondents that is hidden).
 */
export function suppress(
	counts: ReadonlyMap<string, number>,
	groups: ReadonlyArray<readonly string[]>,
	k: number,
	forced: ReadonlySet<string> = new Set()
): Map<string, Cell> {
	const cells = new Map<string, Cell>();
	for (const [key, n] of counts) cells.set(key, forced.has(key) ? { value: null, onderdrukt: 'klein' } : primaryCell(n, k));
	let changed = true;
	while (changed) {
		changed = false;
		for (const group of groups) {
			let hidden = 0;
			let hiddenSum = 0;
			for (const key of group)
				if (cells.get(key)!.value === null) {
					hidden++;
					hiddenSum += counts.get(key)!;
				}
			// One hidden cell is found by subtraction; several hidden cells that together make a
			// small count give that small count away (2 + 1 hidden beside a shown total and rest).
			if (hidden === 0 || (hidden > 1 && !isSmall(hiddenSum, k))) continue;
			const partner = partnerOf(group, counts, cells, hidden === 1);
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
