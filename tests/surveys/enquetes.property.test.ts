// The survey attack, as a property: whatever the respondents (random seasons with many small
// cells and item non-response), gather every published figure of a season from the page data
// (analysis, rapportcijfers, ja/nee questions, open answers, response table: what the page and its
// printed report show) and from every survey export (/export/leerbijeenkomsten.csv,
// rapportcijfers.csv, ja-nee-vragen.csv, with and without a wijk filter). Each figure is a sum over
// a set of respondents that a reader can name from the published labels alone (the wijken of the
// scope, the roles of the group). Per question, a mixed-integer attacker (HiGHS, ./attack-lp.ts)
// looks for the smallest non-empty set of respondents whose figure follows from the published
// ones by any linear combination (subtraction included): it must be k or more. Shown figures must
// also be the true figures of the named set (so the sets the attacker uses are the real ones).
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_SQL, SEED_SQL } from '$contract/schema';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { celKey } from '$lib/server/surveys/groepering';
import { seizoen } from '$lib/server/surveys/season';
import { smallestDerivable } from './attack-lp';

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

const ALL_ROLES = [...ROLLEN.map((r) => r ?? 'onbekend')];
const rolOf = (r: R) => r.rol ?? 'onbekend';
const cellOf = (r: R) => celKey(WIJKEN[r.wijk], rolOf(r));
const cellsOf = (wijken: readonly string[], rollen: readonly string[] = ALL_ROLES) => new Set(wijken.flatMap((w) => rollen.map((r) => celKey(w, r))));

/** An independent thema score per respondent: mean of the (reversed) scored items. */
function themaScore(r: R, thema: 'A' | 'B'): number | null {
	const s: number[] = [];
	VRAGEN.forEach(([, t, omg], q) => {
		const a = r.answers[q];
		if (t !== thema || a === null || a === 0) return;
		s.push(omg ? 6 - a : a);
	});
	return s.length ? s.reduce((x, y) => x + y, 0) / s.length : null;
}
const answered = (r: R, thema: 'A' | 'B') => VRAGEN.some(([, t], q) => t === thema && r.answers[q] !== null);

/** Who answers which question, per season: the truth the attacker's findings are checked against. */
function truth(respondents: R[], vorig: boolean): Map<string, R[]> {
	const out = new Map<string, R[]>();
	const put = (q: string, r: R) => out.set(q, [...(out.get(q) ?? []), r]);
	for (const r of respondents) {
		if (!r.compleet || r.vorig !== vorig) continue;
		put('respondenten', r);
		for (const t of ['A', 'B'] as const) if (answered(r, t)) put(`likert|${t}`, r);
		if (r.cijfer !== null) put('cijfer|C', r);
		if (r.janee !== null) put('janee|C', r);
		if (r.open) put('open|A', r);
	}
	return out;
}

interface Figure {
	question: string;
	cells: Set<string>;
	/** the published number of respondents of the set */
	n: number;
	/** a published mean, where one is shown */
	mean?: number | null;
	source: string;
}

/** Every figure one season's page, report and exports publish, as the reader sees it. */
async function gather(db: Database, k: number, naam: string, filters: readonly string[]): Promise<Figure[]> {
	const out: Figure[] = [];
	const s = await seizoen(db, k, naam);
	for (const sc of s.analyse.scopes) {
		if (sc.respons.compleet.value !== null) out.push({ question: 'respondenten', cells: cellsOf(sc.wijken), n: sc.respons.compleet.value, source: `respons ${sc.wijk_naam}` });
		for (const t of sc.themas)
			for (const g of t.groepen)
				if (g.getoond) out.push({ question: `likert|${t.thema}`, cells: cellsOf(sc.wijken, g.rollen), n: g.n.value!, mean: g.gemiddelde, source: `page ${sc.wijk_naam} ${t.thema} ${g.rol}` });
		for (const o of sc.open) if (o.n.value !== null) out.push({ question: `open|${o.thema}`, cells: cellsOf(sc.wijken), n: o.n.value, source: `open ${sc.wijk_naam}` });
	}
	for (const c of s.cijfers)
		for (const sc of c.scopes)
			for (const g of sc.groepen) if (g.n.value !== null) out.push({ question: `cijfer|${c.thema}`, cells: cellsOf(sc.wijken, g.rollen), n: g.n.value, mean: g.gemiddelde, source: `cijfer ${sc.wijk_naam} ${g.rol}` });
	for (const q of s.janee) for (const sc of q.scopes) if (sc.n.value !== null) out.push({ question: `janee|${q.thema}`, cells: cellsOf(sc.wijken), n: sc.n.value, source: `janee ${sc.wijk_naam}` });
	// The exports, unfiltered and for every wijk.
	const csv = async (name: string, params: string) => {
		const text = await EXPORTS[name]({ db, params: new URLSearchParams(params), k });
		const [head, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		return lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]])));
	};
	const wijkenOf = (code: string) => (code === '' ? WIJKEN : code.split(','));
	for (const filter of filters) {
		const params = `seizoen=${naam}${filter}`;
		for (const r of await csv('leerbijeenkomsten', params))
			if (/^\d+$/.test(r.n)) out.push({ question: `likert|${r.thema}`, cells: cellsOf(wijkenOf(r.wijk_code), r.rollen.split(',')), n: Number(r.n), source: `leerbijeenkomsten.csv ${params} ${r.wijk_code} ${r.thema} ${r.rol}` });
		for (const r of await csv('rapportcijfers', params))
			if (/^\d+$/.test(r.n)) out.push({ question: `cijfer|${r.thema}`, cells: cellsOf(wijkenOf(r.wijk_code), r.rollen.split(',')), n: Number(r.n), source: `rapportcijfers.csv ${params} ${r.wijk_code} ${r.rol}` });
		for (const r of await csv('ja-nee-vragen', params))
			if (/^\d+$/.test(r.n)) out.push({ question: `janee|${r.thema}`, cells: cellsOf(wijkenOf(r.wijk_code)), n: Number(r.n), source: `ja-nee-vragen.csv ${params} ${r.wijk_code}` });
	}
	return out;
}

/** Gathers, checks every figure against the truth, and attacks every question. */
async function attack(db: Database, respondents: R[], k: number, naam: string, vorig: boolean, filters: readonly string[] = ['']) {
	const figures = await gather(db, k, naam, filters);
	const truths = truth(respondents, vorig);
	const questions = [...new Set(figures.map((f) => f.question))];
	let attacked = 0;
	for (const q of questions) {
		const members = truths.get(q) ?? [];
		const counts = new Map<string, number>();
		for (const r of members) counts.set(cellOf(r), (counts.get(cellOf(r)) ?? 0) + 1);
		const mine = figures.filter((f) => f.question === q);
		for (const f of mine) {
			const set = members.filter((r) => f.cells.has(cellOf(r)));
			// The published number is the true number of the named set, and never 1..k-1.
			expect(f.n, f.source).toBe(set.length);
			expect(f.n === 0 || f.n >= k, f.source).toBe(true);
			if (f.mean != null && q.startsWith('likert|')) {
				const scores = set.map((r) => themaScore(r, q.slice(7) as 'A' | 'B')).filter((x): x is number => x !== null);
				expect(f.mean, f.source).toBeCloseTo(scores.reduce((x, y) => x + y, 0) / scores.length, 9);
			}
			if (f.mean != null && q.startsWith('cijfer|')) expect(f.mean, f.source).toBeCloseTo(set.reduce((x, r) => x + r.cijfer!, 0) / set.length, 9);
		}
		const sets = [...new Map(mine.map((f) => [[...f.cells].sort().join(' '), f.cells])).values()];
		const found = await smallestDerivable(sets, counts);
		attacked++;
		expect(found.size === Infinity || found.size >= k, `${naam} ${q}: ${found.size} respondents in ${found.cells.join(', ')} follow from ${mine.map((f) => f.source).join(' | ')}`).toBe(true);
	}
	return { figures: figures.length, questions: attacked };
}

describe('the survey attack: no figure of fewer than k respondents follows from what is published', () => {
	it('random seasons: this spring and last spring, every page figure and export', async () => {
		let figures = 0;
		await fc.assert(
			fc.asyncProperty(dataset, fc.constantFrom(3, 5), async (respondents, k) => {
				await withDb(respondents, async (db) => {
					figures += (await attack(db, respondents, k, 'voorjaar-2025', false)).figures;
					figures += (await attack(db, respondents, k, 'voorjaar-2024', true)).figures;
				});
			}),
			{ numRuns: 20 }
		);
		// The attacker had material to work with.
		expect(figures).toBeGreaterThan(200);
	}, 120_000);

	it('a season with many small cells: every wijk with small roles, "overige wijken", item non-response', async () => {
		// Per wijk: 7 huisartsen, 3 POH, 6 buurtteam, 2 JGZ, 1 unknown role; wijk 3 only 4 respondents.
		const base = (wijk: number, rol: R['rol'], n: number, skip: boolean): R[] =>
			Array.from({ length: n }, (_, i) => ({ wijk, rol, compleet: true, vorig: false, answers: [skip && i === 0 ? null : 1 + (i % 5), i % 3 === 0 ? 0 : 2 + (i % 4), i % 2 ? 3 : null] as [number | null, number | null, number | null], cijfer: 5 + (i % 5), janee: (i % 2) as 0 | 1, open: i % 2 === 0 }));
		const respondents = [
			...[0, 1].flatMap((w) => [...base(w, 'huisarts', 7, w === 0), ...base(w, 'poh', 3, false), ...base(w, 'buurtteam', 6, true), ...base(w, 'jgz', 2, false), ...base(w, null, 1, false)]),
			...base(2, 'huisarts', 2, false),
			...base(2, 'buurtteam', 2, true)
		];
		await withDb(respondents, async (db) => {
			for (const k of [3, 5]) {
				// The exports unfiltered and for every wijk.
				const r = await attack(db, respondents, k, 'voorjaar-2025', false, ['', ...WIJKEN.map((w) => `&wijk=${w}`)]);
				expect(r.questions).toBe(6);
			}
		});
	}, 60_000);
});
