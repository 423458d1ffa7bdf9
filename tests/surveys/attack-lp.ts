// The survey attacker: given the sets of respondents whose figures are published (each a set of
// cells, i.e. (wijk, rol) pairs; a figure is a sum over the respondents of its set, so a reader can
// combine figures linearly) and the true number of respondents per cell, find the smallest
// non-empty set of respondents whose figure follows from the published ones: a 0/1 vector over the
// cells (all respondents of a cell are alike to the reader) that is a linear combination of the
// published sets. A mixed-integer programme for HiGHS:
//   minimise Σ n_c x_c  subject to  x_c = Σ_j λ_j [c ∈ S_j] (every cell), Σ n_c x_c >= 1,
//   x_c ∈ {0, 1}, λ_j free.
// If the minimum is below k, the figure of fewer than k respondents can be derived.
import loadHighs from 'highs';

let highs: Awaited<ReturnType<typeof loadHighs>> | null = null;

export interface Derivable {
	/** the size of the smallest non-empty derivable set (Infinity when none) */
	size: number;
	/** its cells */
	cells: string[];
}

export async function smallestDerivable(published: ReadonlyArray<ReadonlySet<string>>, counts: ReadonlyMap<string, number>): Promise<Derivable> {
	highs ??= await loadHighs();
	const cells = [...counts].filter(([, n]) => n > 0).map(([c]) => c).sort();
	if (cells.length === 0 || published.length === 0) return { size: Infinity, cells: [] };
	const x = (i: number) => `x${i}`;
	const l = (j: number) => `l${j}`;
	const obj = cells.map((c, i) => `${counts.get(c)} ${x(i)}`).join(' + ');
	const rows = cells.map((c, i) => {
		const terms = published.map((s, j) => (s.has(c) ? ` - ${l(j)}` : '')).join('');
		return ` c${i}: ${x(i)}${terms} = 0`;
	});
	const lp = [
		'Minimize',
		` obj: ${obj}`,
		'Subject To',
		...rows,
		` tot: ${obj} >= 1`,
		'Bounds',
		...published.map((_, j) => ` -inf <= ${l(j)} <= +inf`),
		'Binary',
		` ${cells.map((_, i) => x(i)).join(' ')}`,
		'End'
	].join('\n');
	const sol = highs.solve(lp, { output_flag: false } as never);
	if (sol.Status !== 'Optimal') return { size: Infinity, cells: [] };
	const chosen = cells.filter((_, i) => Math.round((sol.Columns[x(i)] as { Primal: number }).Primal) === 1);
	return { size: Math.round(sol.ObjectiveValue), cells: chosen };
}
