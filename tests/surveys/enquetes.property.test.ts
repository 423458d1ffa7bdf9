// Property: whatever the respondents, no leerbijeenkomsten figure (page data, report, export) shows
// a group of 1 to k-1 respondents, a mean or share from one, an answer count of 1 to k-1, or a sum
// from which exactly one hidden group could be recovered; and visible means are the true means.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_SQL, SEED_SQL } from '$contract/schema';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { seizoenAnalyse } from '$lib/server/surveys/enquetes';
import { jaNeeVragen } from '$lib/server/surveys/janee';
import { rapportcijfers } from '$lib/server/surveys/rapportcijfers';
import type { Count } from '$lib/surveys/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-enq-prop-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WIJKEN = ['WK990101', 'WK990102', 'WK990103'];
const ROLLEN = ['huisarts', 'poh', 'buurtteam', 'jgz', null] as const;
// Two themas: A with two items (the second reversed), B with one.
const VRAGEN = [
	['Q1', 'A', 0],
	['Q2', 'A', 1],
	['Q3', 'B', 0]
] as const;

const respondent = fc.record({
	wijk: fc.integer({ min: 0, max: 2 }),
	rol: fc.constantFrom(...ROLLEN),
	compleet: fc.integer({ min: 0, max: 9 }).map((x) => x < 8),
	// about one in five answered last spring (voorjaar-2024), the rest this spring
	vorig: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
	// 0 = niet van toepassing, null = not answered
	answers: fc.tuple(...VRAGEN.map(() => fc.option(fc.integer({ min: 0, max: 5 }), { freq: 6 }))),
	// a rapportcijfer (cijfer10), or none
	cijfer: fc.option(fc.integer({ min: 1, max: 10 }), { freq: 4 }),
	// a ja (1) / nee (0) answer, or none
	janee: fc.option(fc.constantFrom(0, 1), { freq: 4 }),
	open: fc.boolean()
});
// Clusters of like respondents make groups near k likely.
const dataset = fc.array(fc.tuple(respondent, fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 12 }).map((xs) => xs.flatMap(([r, n]) => Array(n).fill(r)));

type R = typeof respondent extends fc.Arbitrary<infer T> ? T : never;

let runs = 0;
async function withDb<T>(respondents: R[], fn: (db: Database) => Promise<T>) {
	const file = path.join(dir, `p${runs++}.duckdb`);
	const instance = await DuckDBInstance.create(file);
	const c = await instance.connect();
	await c.run(SCHEMA_SQL);
	await c.run(SEED_SQL);
	await c.run(`INSERT INTO wijken VALUES ${WIJKEN.map((w, i) => `('${w}', 'Wijk ${i + 1}', 'GM9901', 'Gemeente', 1)`).join(', ')}`);
	// E<i>: this spring's enquete of wijk i, P<i>: last spring's.
	const seasons = [['E', 'voorjaar-2025', '2025-04-15'], ['P', 'voorjaar-2024', '2024-04-15']] as const;
	await c.run(`INSERT INTO enquetes VALUES ${seasons.flatMap(([p, seizoen, datum]) => WIJKEN.map((w, i) => `('${p}${i}', 'Leerbijeenkomst', 'leerbijeenkomst', '${seizoen}', '${w}', DATE '${datum}', ${20 + 7 * i}, 1)`)).join(', ')}`);
	const vragen = seasons.flatMap(([p]) =>
		WIJKEN.flatMap((_, i) => [
			...VRAGEN.map(([code, thema, omg]) => `('${p}${i}', '${code}', 'Vraag ${code}', '${thema}', 'likert5', ${omg}, 1)`),
			`('${p}${i}', 'O1', 'Open', 'A', 'open', 0, 1)`,
			`('${p}${i}', 'C1', 'Rapportcijfer', 'C', 'cijfer10', 0, 1)`,
			`('${p}${i}', 'J1', 'Driegesprek?', 'C', 'ja_nee', 0, 1)`
		])
	);
	await c.run(`INSERT INTO enquete_vragen VALUES ${vragen.join(', ')}`);
	const resp: string[] = [];
	const ans: string[] = [];
	respondents.forEach((r, id) => {
		const e = `${r.vorig ? 'P' : 'E'}${r.wijk}`;
		resp.push(`('${e}', 'r${id}', DATE '${r.vorig ? '2024' : '2025'}-04-15', NULL, ${r.rol ? `'${r.rol}'` : 'NULL'}, ${r.compleet}, 'breed', 1)`);
		if (!r.compleet) return;
		VRAGEN.forEach(([code], q) => {
			const a = r.answers[q];
			if (a === null) return;
			ans.push(`('${e}', 'r${id}', '${code}', '${a}', ${a === 0 ? 'NULL' : a}, 1)`);
		});
		if (r.open) ans.push(`('${e}', 'r${id}', 'O1', 'tekst ${id}', NULL, 1)`);
		if (r.cijfer !== null) ans.push(`('${e}', 'r${id}', 'C1', '${r.cijfer}', ${r.cijfer}, 1)`);
		if (r.janee !== null) ans.push(`('${e}', 'r${id}', 'J1', '${r.janee ? 'ja' : 'nee'}', ${r.janee}, 1)`);
	});
	await c.run(`INSERT INTO enquete_responsen VALUES ${resp.join(', ')}`);
	if (ans.length) await c.run(`INSERT INTO enquete_antwoorden VALUES ${ans.join(', ')}`);
	c.closeSync();
	instance.closeSync();
	const db = new Database(file);
	try {
		return await fn(db);
	} finally {
		db.close();
		fs.rmSync(file, { force: true });
	}
}

const isSmallCount = (n: number, k: number) => n >= 1 && n < k;
const small = (c: Count, k: number) => c.value !== null && isSmallCount(c.value, k);
const hidden = (c: Count | undefined) => c !== undefined && c.value === null;

/** An independent thema score per respondent: mean of the (reversed) scored items. */
function trueScores(respondents: R[], thema: 'A' | 'B', keep: (r: R) => boolean, vorig = false): number[] {
	const out: number[] = [];
	for (const r of respondents) {
		if (!r.compleet || r.vorig !== vorig || !keep(r)) continue;
		const s: number[] = [];
		VRAGEN.forEach(([, t, omg], q) => {
			const a = r.answers[q];
			if (t !== thema || a === null || a === 0) return;
			s.push(omg ? 6 - a : a);
		});
		if (s.length) out.push(s.reduce((x, y) => x + y, 0) / s.length);
	}
	return out;
}

describe('small-number suppression of the leerbijeenkomsten', () => {
	it('no small group, mean, share or answer count is shown, none can be subtracted, visible means are true', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, fc.constantFrom(3, 5), async (respondents, k) => {
				await withDb(respondents, async (db) => {
					const a = await seizoenAnalyse(db, k, 'voorjaar-2025');
					const [all, ...wijken] = a.scopes;
					for (const s of a.scopes) {
						for (const c of [s.respons.compleet, s.respons.onvolledig, s.respons.genodigden]) expect(small(c, k)).toBe(false);
						if (hidden(s.respons.compleet)) expect(s.respons.respons).toBeNull();
						for (const t of s.themas) {
							for (const g of t.groepen) {
								for (const c of [g.n, g.antwoorden, g.nvt, ...g.verdeling.map((v) => v.aantal)]) expect(small(c, k)).toBe(false);
								if (hidden(g.n)) {
									expect(g.gemiddelde).toBeNull();
									expect(g.verdeling.every((v) => v.aantal.value === null && v.aandeel === null)).toBe(true);
								}
								for (const v of g.verdeling) if (hidden(v.aantal)) expect(v.aandeel).toBeNull();
								if (g.gemiddelde !== null) {
									const wijk = s.wijk_code;
									const scores = trueScores(respondents, t.thema as 'A' | 'B', (r) => (wijk === '' || WIJKEN[r.wijk] === wijk) && (g.rol === 'alle' || (r.rol ?? 'onbekend') === g.rol));
									expect(g.gemiddelde).toBeCloseTo(scores.reduce((x, y) => x + y, 0) / scores.length, 9);
									expect(g.n.value).toBe(scores.length);
								}
							}
							// The roles of a wijk sum to 'alle': never exactly one hidden.
							expect(t.groepen.filter((g) => hidden(g.n)).length).not.toBe(1);
							for (let c = 0; c < t.punten; c++) expect(t.groepen.filter((g) => hidden(g.verdeling[c].aantal)).length).not.toBe(1);
							// The answer categories of a group sum to its total.
							for (const g of t.groepen) expect([g.antwoorden, ...g.verdeling.map((v) => v.aantal)].filter(hidden).length).not.toBe(1);
						}
						for (const o of s.open) {
							expect(small(o.n, k)).toBe(false);
							if (hidden(o.n)) expect(o.antwoorden).toEqual([]);
						}
						// Last spring: a mean only from a shown group (k or more), a change only between two.
						for (const v of s.veranderingen) {
							const inScope = (r: R) => s.wijk_code === '' || WIJKEN[r.wijk] === s.wijk_code;
							if (v.vorig !== null) {
								const before = trueScores(respondents, v.thema as 'A' | 'B', inScope, true);
								expect(before.length).toBeGreaterThanOrEqual(k);
								expect(v.vorig).toBeCloseTo(before.reduce((x, y) => x + y, 0) / before.length, 9);
							}
							if (v.interval !== null) expect([v.vorig, v.huidig].includes(null)).toBe(false);
						}
					}
					// The wijken of a role sum to all wijken together.
					for (const t of all.themas) {
						for (const g of t.groepen) {
							const parts = wijken.map((w) => w.themas.find((x) => x.thema === t.thema)?.groepen.find((x) => x.rol === g.rol)?.n);
							expect([g.n, ...parts].filter(hidden).length).not.toBe(1);
						}
					}
					expect([all.respons.compleet, ...wijken.map((w) => w.respons.compleet)].filter(hidden).length).not.toBe(1);

					// The export: every count column holds 0, >= k, "<k" or "x"; no mean beside a hidden n.
					const csv = await EXPORTS.leerbijeenkomsten({ db, params: new URLSearchParams(), k });
					const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
					const counts = head.map((h, i) => [h, i] as const).filter(([h]) => h === 'n' || h.startsWith('aantal_'));
					expect(counts.length).toBe(9); // n, aantal_1 … aantal_7, aantal_nvt
					for (const line of lines) {
						for (const [, i] of counts) {
							const v = line[i];
							expect(v === '' || v === `<${k}` || v === 'x' || v === '0' || Number(v) >= k, `${head[i]}=${v}`).toBe(true);
						}
						const n = line[head.indexOf('n')];
						if (n === `<${k}` || n === 'x') expect(line[head.indexOf('gemiddelde')]).toBe('');
					}
				});
			}),
			{ numRuns: 40 }
		);
	}, 120_000);

	it('the rapportcijfer: no group of 1 to k-1, none recoverable, visible means true', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, fc.constantFrom(3, 5), async (respondents, k) => {
				await withDb(respondents, async (db) => {
					const graded = respondents.filter((r) => r.compleet && !r.vorig && r.cijfer !== null);
					const gradedBefore = respondents.filter((r) => r.compleet && r.vorig && r.cijfer !== null);
					const result = await rapportcijfers(db, k, 'voorjaar-2025');
					expect(result.length).toBe(graded.length ? 1 : 0);
					if (!graded.length) return;
					const [all, ...wijken] = result[0].scopes;
					for (const s of result[0].scopes) {
						for (const g of s.groepen) {
							expect(small(g.n, k)).toBe(false);
							if (hidden(g.n)) expect(g.gemiddelde).toBeNull();
							if (g.gemiddelde !== null) {
								const mine = graded.filter((r) => (s.wijk_code === '' || WIJKEN[r.wijk] === s.wijk_code) && (g.rol === 'alle' || (r.rol ?? 'onbekend') === g.rol));
								expect(g.n.value).toBe(mine.length);
								expect(g.gemiddelde).toBeCloseTo(mine.reduce((x, r) => x + r.cijfer!, 0) / mine.length, 9);
							}
						}
						// The roles of a wijk sum to 'alle'.
						expect(s.groepen.filter((g) => hidden(g.n)).length).not.toBe(1);
						if (hidden(s.groepen[0].n)) expect(s.verandering).toBeNull();
						if (s.vorig !== null) {
							const before = gradedBefore.filter((r) => s.wijk_code === '' || WIJKEN[r.wijk] === s.wijk_code);
							expect(before.length).toBeGreaterThanOrEqual(k);
							expect(s.vorig).toBeCloseTo(before.reduce((x, r) => x + r.cijfer!, 0) / before.length, 9);
						}
						if (s.verandering !== null) expect([s.vorig, s.groepen[0].gemiddelde].includes(null)).toBe(false);
					}
					// The wijken of a role sum to all wijken together (a wijk without that role counts 0).
					for (const g of all.groepen) {
						const parts = wijken.map((w) => w.groepen.find((x) => x.rol === g.rol)?.n);
						expect([g.n, ...parts].filter(hidden).length).not.toBe(1);
					}
				});
			}),
			{ numRuns: 40 }
		);
	}, 120_000);

	it('the ja/nee questions: no count of 1 to k-1, also not as n minus ja, none recoverable, visible shares true', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, fc.constantFrom(3, 5), async (respondents, k) => {
				await withDb(respondents, async (db) => {
					const answered = respondents.filter((r) => r.compleet && !r.vorig && r.janee !== null);
					const answeredBefore = respondents.filter((r) => r.compleet && r.vorig && r.janee !== null);
					const result = await jaNeeVragen(db, k, 'voorjaar-2025');
					expect(result.length).toBe(answered.length ? 1 : 0);
					if (!answered.length) return;
					const [all, ...wijken] = result[0].scopes;
					for (const s of result[0].scopes) {
						expect(small(s.n, k)).toBe(false);
						expect(small(s.ja, k)).toBe(false);
						if (s.n.value !== null && s.ja.value !== null) expect(small({ value: s.n.value - s.ja.value, onderdrukt: null }, k)).toBe(false);
						if (s.aandeel !== null) {
							const mine = answered.filter((r) => s.wijk_code === '' || WIJKEN[r.wijk] === s.wijk_code);
							expect(s.aandeel).toBeCloseTo(mine.filter((r) => r.janee === 1).length / mine.length, 9);
							expect(s.n.value).toBe(mine.length);
						} else {
							expect(s.verandering).toBeNull();
						}
						if (s.vorig !== null) {
							const before = answeredBefore.filter((r) => s.wijk_code === '' || WIJKEN[r.wijk] === s.wijk_code);
							const ja = before.filter((r) => r.janee === 1).length;
							expect(before.length >= k && !isSmallCount(ja, k) && !isSmallCount(before.length - ja, k)).toBe(true);
							expect(s.vorig).toBeCloseTo(ja / before.length, 9);
						}
						if (s.verandering !== null) expect([s.vorig, s.aandeel].includes(null)).toBe(false);
					}
					// All wijken = the wijken, for respondents and for ja.
					expect([all.n, ...wijken.map((w) => w.n)].filter(hidden).length).not.toBe(1);
					expect([all.ja, ...wijken.map((w) => w.ja)].filter(hidden).length).not.toBe(1);
				});
			}),
			{ numRuns: 40 }
		);
	}, 120_000);
});
