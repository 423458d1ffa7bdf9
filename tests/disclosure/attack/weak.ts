// A deliberately weak publication, built from the database's true counts: the same published cells
// as the real exports, each shown exactly, with only naive primary suppression (1..k-1 as "<k", no
// complementary cells, no perturbation). Differencing gives many of its small cells away, so the
// attack must pin cells here: the control that proves the solver works.

import type { Publication } from './gather';
import type { Space } from './space';
import { trueCount, type Truth } from './truth';

export function weakPublication(pub: Publication, s: Space, truth: Truth, k: number): Publication {
	return {
		cells: pub.cells
			.filter((c) => c.countCell)
			.map((c) => {
				const n = trueCount(truth, s, c.box);
				return { ...c, source: `weak ${c.source}`, published: n >= 1 && n < k ? { kind: 'small' as const } : { kind: 'count' as const, lo: n, hi: n } };
			}),
		ratios: [],
		requests: 0,
		ms: 0
	};
}
