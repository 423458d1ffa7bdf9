// The survey grouping (src/lib/server/surveys/groepering.ts) on hand-made seasons, with the groups
// worked out by hand, and a property: on random seasons and random item non-response, no set of
// 1..k-1 respondents (answering) follows from the groups shown (a mixed-integer attacker, HiGHS).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { celKey, groepering, mergeSmall, zichtbaar, type Groepering } from '$lib/server/surveys/groepering';
import { smallestDerivable } from './attack-lp';

/** Counts per cell from { wijk: { rol: n } }. */
const season = (spec: Record<string, Record<string, number>>) => new Map(Object.entries(spec).flatMap(([w, rollen]) => Object.entries(rollen).map(([r, n]) => [celKey(w, r), n] as const)));
/** The groups of a scope as "rol=n", and the roles of "overige". */
const groups = (g: Groepering, scope: string) => (g.rollenVan.get(scope) ?? []).map((x) => `${x.rol}=${x.n}${x.rol === 'overige' ? `(${x.rollen.join(',')})` : ''}`);

describe('mergeSmall', () => {
	it('merges the small items; a remainder below k takes the smallest shown until it reaches k', () => {
		const r = mergeSmall([{ key: 'a', n: 8 }, { key: 'b', n: 6 }, { key: 'c', n: 3 }, { key: 'd', n: 1 }, { key: 'e', n: 0 }], 5);
		// c + d = 4 < 5: b (6, the smallest shown) joins: 10.
		expect(r.shown.map((x) => x.key)).toEqual(['a']);
		expect(r.rest.map((x) => x.key).sort()).toEqual(['b', 'c', 'd']);
		// A remainder of 5 stays as it is; nothing small, nothing merged.
		expect(mergeSmall([{ key: 'a', n: 8 }, { key: 'c', n: 2 }, { key: 'd', n: 3 }], 5).shown.map((x) => x.key)).toEqual(['a']);
		expect(mergeSmall([{ key: 'a', n: 8 }, { key: 'b', n: 5 }], 5).rest).toEqual([]);
	});
});

describe('groepering', () => {
	it('one wijk: roles below k into "overige rollen"; a remainder below k pulls in the smallest shown role', () => {
		// huisarts 8, buurtteam 6, POH 3, JGZ 1: POH + JGZ = 4 < 5, so buurtteam (6) joins: 10.
		const g = groepering(season({ WK1: { huisarts: 8, buurtteam: 6, poh: 3, jgz: 1 } }), 5);
		expect(groups(g, 'WK1')).toEqual(['alle=18', 'huisarts=8', 'overige=10(poh,buurtteam,jgz)']);
		// All wijken: huisarts is a whole group; buurtteam cannot be shown on its own (18 - 8 - 6 = 4).
		expect(groups(g, '')).toEqual(['alle=18', 'huisarts=8', 'overige=10(poh,buurtteam,jgz)']);
		expect(g.atomen.map((a) => a.size)).toEqual([1, 3]);
	});

	it('wijken below k into "overige wijken", with the smallest shown wijk when the rest is below k', () => {
		// WK1 20, WK2 12, WK3 3: WK3 alone is 3 < 5, so WK2 joins: overige wijken 15.
		const g = groepering(season({ WK1: { huisarts: 10, buurtteam: 10 }, WK2: { huisarts: 6, buurtteam: 6 }, WK3: { huisarts: 3 } }), 5);
		expect(g.scopes.map((s) => [s.scope, s.wijken, s.n])).toEqual([
			['WK1', ['WK1'], 20],
			['+', ['WK2', 'WK3'], 15]
		]);
		expect(g.scopeVan.get('WK3')).toBe('+');
		// Overige wijken: huisarts 9, buurtteam 6.
		expect(groups(g, '+')).toEqual(['alle=15', 'huisarts=9', 'buurtteam=6']);
		expect(groups(g, '')).toEqual(['alle=35', 'huisarts=19', 'buurtteam=16']);
	});

	it('wijk x rol: a role shown for all wijken only when no wijk could give a small part of it away', () => {
		// Two wijken. POH 4 + 4 in "overige rollen" beside JGZ 3 + 3: POH for all wijken (8) would
		// leave 3 of unshown roles in each wijk's "overige" (7 - 4), so it is not shown there.
		const a = groepering(season({ WK1: { huisarts: 8, buurtteam: 9, poh: 4, jgz: 3 }, WK2: { huisarts: 7, buurtteam: 8, poh: 4, jgz: 3 } }), 5);
		expect(groups(a, 'WK1')).toEqual(['alle=24', 'huisarts=8', 'buurtteam=9', 'overige=7(poh,jgz)']);
		expect(groups(a, '')).toEqual(['alle=46', 'huisarts=15', 'buurtteam=17', 'overige=14(poh,jgz)']);
		// With 6 JGZ per wijk: POH (4) alone is below 5, so JGZ (6, the smallest shown) joins it. For
		// all wijken POH (8) can be shown: each wijk's "overige" keeps 6 others. JGZ then cannot
		// (nothing of unshown roles would be left), so it is what remains: "overige (JGZ)".
		const b = groepering(season({ WK1: { huisarts: 8, buurtteam: 9, poh: 4, jgz: 6 }, WK2: { huisarts: 7, buurtteam: 8, poh: 4, jgz: 6 } }), 5);
		expect(groups(b, 'WK1')).toEqual(['alle=27', 'huisarts=8', 'buurtteam=9', 'overige=10(poh,jgz)']);
		expect(groups(b, '')).toEqual(['alle=52', 'huisarts=15', 'poh=8', 'buurtteam=17', 'overige=12(jgz)']);
		expect([...b.gepromoveerd]).toEqual(['poh']);
		// A role shown in one wijk but merged in the other (3): all wijken minus the shown part
		// would give the 3 away, so it stays in "overige" for all wijken.
		const c = groepering(season({ WK1: { huisarts: 8, poh: 6, jgz: 6 }, WK2: { huisarts: 8, poh: 3, jgz: 6 } }), 5);
		// WK2: POH 3 < 5, so JGZ (6) joins it.
		expect(groups(c, 'WK2')).toEqual(['alle=17', 'huisarts=8', 'overige=9(poh,jgz)']);
		expect(groups(c, 'WK1')).toEqual(['alle=20', 'huisarts=8', 'poh=6', 'jgz=6']);
		// POH for all wijken (9) would be 6 (WK1) + 3 inside WK2's "overige": 3 < 5, not shown.
		// JGZ (12) likewise is 6 + 6, and showing it would leave WK2's "overige" with 3 (POH): not shown.
		expect(groups(c, '')).toEqual(['alle=37', 'huisarts=16', 'overige=21(poh,jgz)']);
	});

	it('a season with fewer than k respondents publishes nothing', () => {
		const g = groepering(season({ WK1: { huisarts: 2, poh: 2 } }), 5);
		expect(g.groepen.size).toBe(0);
		expect(zichtbaar(g, season({ WK1: { huisarts: 2 } })).size).toBe(0);
	});
});

describe('zichtbaar: item non-response', () => {
	const g = groepering(season({ WK1: { huisarts: 8, buurtteam: 9, poh: 6 }, WK2: { huisarts: 8, buurtteam: 9, poh: 6 } }), 5);

	it('everyone answering: every group of the season is shown', () => {
		expect([...zichtbaar(g, season({ WK1: { huisarts: 8, buurtteam: 9, poh: 6 }, WK2: { huisarts: 8, buurtteam: 9, poh: 6 } }))].sort()).toEqual([...g.groepen.keys()].sort());
	});

	it('a group with 1..k-1 answering is hidden with the smallest other group of its wijk, and nothing it adds up to is split', () => {
		// WK1: 3 huisartsen answered. Hidden: WK1 huisarts and WK1 POH (smallest other, 6); all
		// wijken huisarts and POH (they would give WK1's away by subtraction). Shown: the rest.
		const shown = zichtbaar(g, season({ WK1: { huisarts: 3, buurtteam: 9, poh: 6 }, WK2: { huisarts: 8, buurtteam: 9, poh: 6 } }));
		expect([...shown].sort()).toEqual(['WK1|alle', 'WK1|buurtteam', 'WK2|alle', 'WK2|buurtteam', 'WK2|huisarts', 'WK2|poh', '|alle', '|buurtteam'].sort());
	});

	it('a wijk with 1..k-1 answering is hidden with the smallest other wijk; with fewer than k in all, nothing', () => {
		// WK1: 3 answered, so both wijken are hidden. For all wijken, huisarts (2 + 8) and buurtteam
		// (1 + 9) can still be shown: what remains (POH, 6) is 5 or more; POH itself then cannot.
		const shown = zichtbaar(g, season({ WK1: { huisarts: 2, buurtteam: 1 }, WK2: { huisarts: 8, buurtteam: 9, poh: 6 } }));
		expect([...shown].sort()).toEqual(['|alle', '|buurtteam', '|huisarts']);
		expect(zichtbaar(g, season({ WK1: { huisarts: 2 }, WK2: { poh: 1 } })).size).toBe(0);
	});
});

describe('the attacker', () => {
	it('finds what cell-by-cell publication gives away: all roles minus the shown roles', async () => {
		// Huisartsen 8 shown, sociaal makelaars 3 hidden, all roles 11 shown: 11 - 8 = 3.
		const cells = season({ W1: { huisarts: 8, sm: 3 }, W2: { huisarts: 6, sm: 6 } });
		const all = new Set(cells.keys());
		const leak = await smallestDerivable([all, new Set([celKey('W1', 'huisarts')]), new Set([celKey('W1', 'huisarts'), celKey('W1', 'sm')])], cells);
		expect(leak).toEqual({ size: 3, cells: [celKey('W1', 'sm')] });
		// And the grouping of the same season leaves nothing below 5.
		const g = groepering(cells, 5);
		expect((await smallestDerivable([...g.groepen.values()].map((x) => x.cellen), cells)).size).toBeGreaterThanOrEqual(5);
	});
});

describe('no set of 1..k-1 respondents follows from the groups shown (random seasons)', () => {
	const WIJKEN = ['W1', 'W2', 'W3', 'W4'];
	const ROLLEN = ['huisarts', 'poh', 'buurtteam', 'jgz', 'sm'];
	const counts = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: WIJKEN.length * ROLLEN.length, maxLength: WIJKEN.length * ROLLEN.length });
	it('season groups and question groups pass the mixed-integer attacker', async () => {
		await fc.assert(
			fc.asyncProperty(counts, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 20, maxLength: 20 }), fc.constantFrom(3, 5), async (ns, skip, k) => {
				const cells = new Map(WIJKEN.flatMap((w, i) => ROLLEN.map((r, j) => [celKey(w, r), ns[i * ROLLEN.length + j]] as const)));
				const g = groepering(cells, k);
				const season = await smallestDerivable([...g.groepen.values()].map((x) => x.cellen), cells);
				expect(season.size === Infinity || season.size >= k, `season: ${season.cells.join(' ')}`).toBe(true);
				// A question skipped by some: each cell loses a random share of its respondents.
				const answering = new Map([...cells].map(([c, n], i) => [c, skip[i % skip.length] < 30 ? Math.floor((n * skip[i % skip.length]) / 30) : n] as const));
				const shown = zichtbaar(g, answering);
				const q = await smallestDerivable([...shown].map((id) => g.groepen.get(id)!.cellen), answering);
				expect(q.size === Infinity || q.size >= k, `question: ${q.cells.join(' ')} of ${[...shown].join(' ')}`).toBe(true);
			}),
			{ numRuns: 80 }
		);
	}, 60_000);
});
