// The true leaf counts, read from the database: what the attacker tries to learn, and what decides
// which published cells are small (true count 1..k-1) and whether a pin is right.

import type { Database } from '$lib/server/db/database';
import { forEachLeaf, leafIndex, type Box, type Space } from './space';

export interface Truth {
	/** true count per leaf index */
	counts: Int32Array;
	total: number;
}

export async function readTruth(db: Database, s: Space): Promise<Truth> {
	const rows = await db.query<{ wijk: string; praktijk: string | null; maand: string; bestemming: string; groep: string; n: number }>(
		`SELECT wijk_code AS wijk, praktijk_code AS praktijk, strftime(datum, '%Y-%m') AS maand, bestemming, leeftijdsgroep AS groep, count(*)::INTEGER AS n
		 FROM verwijzingen GROUP BY ALL ORDER BY ALL`
	);
	const counts = new Int32Array(s.size);
	let total = 0;
	const at = <T>(list: readonly T[], v: T, what: string) => {
		const i = list.indexOf(v);
		if (i < 0) throw new Error(`truth: ${what} ${String(v)} is not in the leaf space`);
		return i;
	};
	for (const r of rows) {
		counts[leafIndex(s, at(s.wijken, r.wijk, 'wijk'), at(s.praktijken, r.praktijk, 'praktijk'), at(s.months, r.maand, 'month'), at(s.bestemmingen, r.bestemming, 'bestemming'), at(s.ages, r.groep, 'age'))] += r.n;
		total += r.n;
	}
	return { counts, total };
}

export function trueCount(t: Truth, s: Space, box: Box): number {
	let n = 0;
	forEachLeaf(s, box, (i) => (n += t.counts[i]));
	return n;
}
