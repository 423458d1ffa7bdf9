// The werkafspraken monitor and its export on the hand-made fixture of
// tests/fixtures/surveys/build.ts (buildWerkafsprakenDb), whose comment lists every answer and
// referral the expected figures below were counted from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { gedragVenster, werkafspraken, type Werkafspraken } from '$lib/server/surveys/werkafspraken';
import { publishCount, publishedShare } from '$lib/server/disclosure/cellKey';
import { ingest } from '../../pipelines/ingest';
import { createFixtureDb, type FixtureReferral } from '../fixtures/fixture-db';
import { buildWerkafsprakenDb, SURVEY_TODAY, WERKAFSPRAKEN_FIXTURES } from '../fixtures/surveys/build';

let dir: string;
let db: Database;
beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-werkafspraken-'));
	await buildWerkafsprakenDb(path.join(dir, 'monitor.duckdb'));
	db = new Database(path.join(dir, 'monitor.duckdb'));
});
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const row = (w: Werkafspraken, ronde: string, wijk: string, vraag: string) => w.rijen.find((r) => r.ronde === ronde && r.wijk_code === wijk && r.vraag_code === vraag);

/**
 * The true count and record-key sum of the referrals of some wijken in a window, read here with
 * SQL of the test's own: what the published count must be computed from (cell key method).
 */
async function keyed(on: Database, wijken: string[], van: string, tot: string, where: string) {
	const [r] = await on.query<{ n: number; sleutel: number }>(
		`SELECT count(*) AS n, coalesce(sum(v.celsleutel), 0) AS sleutel FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
		 WHERE list_contains(string_split($wijken, ','), v.wijk_code) AND v.datum BETWEEN CAST($van AS DATE) AND CAST($tot AS DATE) AND ${where}`,
		{ wijken: wijken.join(','), van, tot }
	);
	return { n: Number(r.n), sleutel: Number(r.sleutel) };
}
const BUURTTEAM = "v.bestemming = 'buurtteam'";
const TIJDIG = "v.bestemming = 'buurtteam' AND v.terugkoppeling_datum <= v.datum + INTERVAL 28 DAY";
const ALL = 'true';
const BASISZORG = 'b.lijn <= 1';

describe('gedragVenster', () => {
	it('is the three whole calendar months before the month of the round', () => {
		expect(gedragVenster('2024-06-05')).toEqual({ van: '2024-03-01', tot: '2024-05-31' });
		expect(gedragVenster('2024-03-01')).toEqual({ van: '2023-12-01', tot: '2024-02-29' });
	});
});

describe('werkafspraken without suppression (k = 1)', () => {
	it('lists the rounds in time order, the questions and the wijken', async () => {
		const w = await werkafspraken(db, 1);
		expect(w.rondes.map((r) => r.ronde)).toEqual(['voorjaar-2024', 'najaar-2024']);
		expect(w.vragen.map((v) => [v.vraag_code, v.gedrag])).toEqual([
			['I1', null],
			['T1', 'terugkoppeling_4wk'],
			['V1', 'basiszorg']
		]);
		// Type and wording decide which answer counts as keeping the agreement (I1 is negatively worded).
		expect(w.vragen.map((v) => [v.vraag_code, v.type, v.omgekeerd])).toEqual([
			['I1', 'likert5', true],
			['T1', 'ja_nee', false],
			['V1', 'likert5', false]
		]);
		expect(w.wijken).toEqual([
			{ wijk_code: 'WK990101', wijk_naam: 'Noord' },
			{ wijk_code: 'WK990102', wijk_naam: 'Zuid' }
		]);
	});

	it('gives the share agreeing per round and wijk: ja, or 4-5 after reversal; niet van toepassing not counted', async () => {
		const w = await werkafspraken(db, 1);
		const share = (ronde: string, wijk: string, vraag: string) => {
			const r = row(w, ronde, wijk, vraag)!;
			return [r.eens.value, r.n.value, r.aandeel];
		};
		expect(share('voorjaar-2024', 'WK990101', 'T1')).toEqual([4, 6, 4 / 6]);
		expect(share('voorjaar-2024', 'WK990101', 'V1')).toEqual([3, 5, 3 / 5]);
		expect(share('voorjaar-2024', 'WK990101', 'I1')).toEqual([4, 6, 4 / 6]);
		expect(share('voorjaar-2024', 'WK990102', 'T1')).toEqual([2, 5, 2 / 5]);
		expect(share('voorjaar-2024', 'WK990102', 'V1')).toEqual([4, 5, 4 / 5]);
		expect(share('voorjaar-2024', 'WK990102', 'I1')).toEqual([5, 5, 1]);
		expect(share('voorjaar-2024', '', 'T1')).toEqual([6, 11, 6 / 11]);
		expect(share('voorjaar-2024', '', 'V1')).toEqual([7, 10, 7 / 10]);
		expect(share('voorjaar-2024', '', 'I1')).toEqual([9, 11, 9 / 11]);
		expect(share('najaar-2024', 'WK990101', 'T1')).toEqual([5, 5, 1]);
		expect(share('najaar-2024', 'WK990101', 'V1')).toEqual([2, 5, 2 / 5]);
		expect(share('najaar-2024', 'WK990101', 'I1')).toEqual([3, 5, 3 / 5]);
		// Zuid had no najaar round.
		expect(row(w, 'najaar-2024', 'WK990102', 'T1')).toBeUndefined();
	});

	it('puts the referral behaviour of the three months before the round next to it, through the cell key method', async () => {
		const w = await werkafspraken(db, 1);
		// The true counts of the fixture's comment, and the published counts from them and their key sums.
		const check = async (ronde: string, wijk: string, vraag: string, wijken: string[], teller: string, noemer: string, counts: [number, number], van: string, tot: string) => {
			const t = await keyed(db, wijken, van, tot, teller);
			const n = await keyed(db, wijken, van, tot, noemer);
			expect([t.n, n.n], `${ronde} ${wijk} ${vraag}`).toEqual(counts);
			const g = row(w, ronde, wijk, vraag)!.gedrag!;
			const published = { t: publishCount(t.n, t.sleutel, 1), n: publishCount(n.n, n.sleutel, 1) };
			expect([g.teller, g.noemer, g.van, g.tot]).toEqual([published.t, published.n, van, tot]);
			// Within D = 3 of the truth, a true 0 stays 0.
			expect(Math.abs(g.noemer.value! - n.n)).toBeLessThanOrEqual(3);
			if (n.n === 0) expect(g.noemer.value).toBe(0);
			return { g, share: publishedShare(published.t, published.n) };
		};
		const mar = ['2024-03-01', '2024-05-31'] as const;
		const noordT1 = await check('voorjaar-2024', 'WK990101', 'T1', ['WK990101'], TIJDIG, BUURTTEAM, [15, 20], ...mar);
		expect(noordT1.g.aandeel).toBe(noordT1.share);
		expect(noordT1.g.aandeel).toBeCloseTo(0.75, 0);
		// Zuid: no buurtteam referral, so no terugkoppeling delivered: no share.
		expect((await check('voorjaar-2024', 'WK990102', 'T1', ['WK990102'], TIJDIG, BUURTTEAM, [0, 0], ...mar)).g.aandeel).toBeNull();
		const alleT1 = await check('voorjaar-2024', '', 'T1', ['WK990101', 'WK990102'], TIJDIG, BUURTTEAM, [15, 20], ...mar);
		expect(alleT1.g.aandeel).toBe(alleT1.share);
		const noordV1 = await check('voorjaar-2024', 'WK990101', 'V1', ['WK990101'], BASISZORG, ALL, [20, 23], ...mar);
		expect(noordV1.g.aandeel).toBe(noordV1.share);
		const zuidV1 = await check('voorjaar-2024', 'WK990102', 'V1', ['WK990102'], BASISZORG, ALL, [0, 2], ...mar);
		expect(zuidV1.g.aandeel).toBe(zuidV1.share);
		expect(zuidV1.g.aandeel).toBe(0);
		const alleV1 = await check('voorjaar-2024', '', 'V1', ['WK990101', 'WK990102'], BASISZORG, ALL, [20, 25], ...mar);
		expect(alleV1.g.aandeel).toBe(alleV1.share);
		expect((await check('najaar-2024', 'WK990101', 'T1', ['WK990101'], TIJDIG, BUURTTEAM, [0, 0], '2024-07-01', '2024-09-30')).g.aandeel).toBeNull();
		expect(row(w, 'voorjaar-2024', 'WK990101', 'I1')!.gedrag).toBeNull();
	});

	it('for one wijk keeps that wijk and all wijken together, with the same figures', async () => {
		const all = await werkafspraken(db, 1);
		const zuid = await werkafspraken(db, 1, 'WK990102');
		expect(new Set(zuid.rijen.map((r) => r.wijk_code))).toEqual(new Set(['', 'WK990102']));
		const key = (r: { ronde: string; wijk_code: string; vraag_code: string }) => `${r.ronde}|${r.wijk_code}|${r.vraag_code}`;
		const sorted = (rows: Werkafspraken['rijen']) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
		expect(sorted(zuid.rijen)).toEqual(sorted(all.rijen.filter((r) => r.wijk_code !== 'WK990101')));
	});
});

describe('werkafspraken with groups of at least k', () => {
	it('k = 5: every wijk of the rounds has 5 or more respondents: shown with its full distribution', async () => {
		const w = await werkafspraken(db, 5);
		// Noord 6 and Zuid 5 (voorjaar), Noord 5 (najaar): every wijk is a group of its own.
		expect([...new Set(w.rijen.map((r) => r.wijk_code))].sort()).toEqual(['', 'WK990101', 'WK990102']);
		// Noord voorjaar-2024 T1: 4 of 6 agree, 2 do not: within a group of 6 that is shown.
		const noord = row(w, 'voorjaar-2024', 'WK990101', 'T1')!;
		expect([noord.n.value, noord.eens.value, noord.aandeel]).toEqual([6, 4, 4 / 6]);
		expect(row(w, 'voorjaar-2024', '', 'T1')!.aandeel).toBe(6 / 11);
		for (const r of w.rijen) expect(r.n.value === null || r.n.value >= 5).toBe(true);
		// Referral counts: never a published 1..4 (cell key method, "<5").
		for (const r of w.rijen) for (const c of [r.gedrag?.noemer, r.gedrag?.teller]) if (c && c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true);
	});

	it('k = 6: Zuid (5) merges with Noord (6) into "overige wijken", the only group besides all wijken', async () => {
		// 5 < 6, and the rest would be 5 < 6: Noord (the smallest shown) joins, so both wijken are
		// one group of 11: "overige wijken" is then all wijken, shown once.
		const w = await werkafspraken(db, 6);
		expect([...new Set(w.rijen.filter((r) => r.ronde === 'voorjaar-2024').map((r) => r.wijk_code))]).toEqual(['']);
		expect(row(w, 'voorjaar-2024', '', 'T1')!.n.value).toBe(11);
		// Najaar: Noord's 5 < 6: nothing shown at all.
		expect(w.rijen.filter((r) => r.ronde === 'najaar-2024').every((r) => r.n.value === null && r.aandeel === null)).toBe(true);
	});
});

describe('werkafspraken: the behaviour share', () => {
	it('is computed from the published (perturbed) counts of every wijk and of all wijken, each a cell of its own', async () => {
		// March-May 2024: Noord 50 referrals to the buurtteam, 3 with terugkoppeling within 4 weeks;
		// Zuid 40, 20 in time.
		const bt = (wijk: string, praktijk: string, terug: string | null): FixtureReferral => ['2024-03-01', wijk, praktijk, '23-64', 'huisarts', 'buurtteam', 'sociaal', terug];
		const referrals = [
			...Array.from({ length: 3 }, () => bt('WK990101', 'P1', '2024-03-20')),
			...Array.from({ length: 47 }, () => bt('WK990101', 'P1', null)),
			...Array.from({ length: 20 }, () => bt('WK990102', 'P2', '2024-03-20')),
			...Array.from({ length: 20 }, () => bt('WK990102', 'P2', null))
		];
		const file = path.join(dir, 'gedrag.duckdb');
		await createFixtureDb(file, referrals);
		await ingest(file, WERKAFSPRAKEN_FIXTURES, { today: SURVEY_TODAY });
		const own = new Database(file);
		try {
			const w = await werkafspraken(own, 5);
			for (const [wijk, wijken, counts] of [
				['', ['WK990101', 'WK990102'], [23, 90]],
				['WK990101', ['WK990101'], [3, 50]],
				['WK990102', ['WK990102'], [20, 40]]
			] as const) {
				const t = await keyed(own, [...wijken], '2024-03-01', '2024-05-31', TIJDIG);
				const n = await keyed(own, [...wijken], '2024-03-01', '2024-05-31', BUURTTEAM);
				expect([t.n, n.n]).toEqual(counts);
				const g = row(w, 'voorjaar-2024', wijk, 'T1')!.gedrag!;
				expect([g.teller, g.noemer]).toEqual([publishCount(t.n, t.sleutel, 5), publishCount(n.n, n.sleutel, 5)]);
				expect(g.aandeel).toBe(publishedShare(g.teller, g.noemer));
			}
			// Noord's 3 in time: published as "<5" unless the perturbation lifts it to 5 or 6.
			const noord = row(w, 'voorjaar-2024', 'WK990101', 'T1')!.gedrag!;
			expect(noord.teller.value === null ? noord.teller.onderdrukt : noord.teller.value).toSatisfy((x) => x === 'klein' || x === 5 || x === 6);
		} finally {
			own.close();
		}
	});
});

describe('/export/werkafspraken.csv', () => {
	const parse = (csv: string) => {
		const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		return lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]])));
	};

	it('has one row per round, wijk (and all wijken) and question, with decimal commas', async () => {
		const rows = parse(await EXPORTS.werkafspraken({ db, params: new URLSearchParams(), k: 1 }));
		// voorjaar: 3 scopes x 3 questions; najaar: all + Noord x 3.
		expect(rows).toHaveLength(9 + 6);
		const r = rows.find((x) => x.ronde === 'voorjaar-2024' && x.wijk_code === 'WK990101' && x.vraag_code === 'V1')!;
		expect(r).toMatchObject({ enquete_id: 'WA24-N', n: '5', eens: '3', eens_pct: '60,0', gedrag: 'basiszorg' });
		// The referral counts as published (cell key method), the share from them.
		const all = await keyed(db, ['WK990101'], '2024-03-01', '2024-05-31', ALL);
		const basis = await keyed(db, ['WK990101'], '2024-03-01', '2024-05-31', BASISZORG);
		const [n, t] = [publishCount(all.n, all.sleutel, 1).value!, publishCount(basis.n, basis.sleutel, 1).value!];
		expect([r.gedrag_noemer, r.gedrag_teller, r.gedrag_pct]).toEqual([String(n), String(t), ((100 * t) / n).toFixed(1).replace('.', ',')]);
		const alle = rows.find((x) => x.ronde === 'voorjaar-2024' && x.wijk_code === '' && x.vraag_code === 'T1')!;
		expect(alle).toMatchObject({ enquete_id: 'WA24-N,WA24-Z', wijk_naam: 'Alle wijken', n: '11', eens: '6', eens_pct: '54,5' });
	});

	it('writes no count of respondents below k, and referral counts of 1..k-1 as <k', async () => {
		const rows = parse(await EXPORTS.werkafspraken({ db, params: new URLSearchParams('wijk=WK990101'), k: 6 }));
		// k = 6: Noord (6) and Zuid (5) are one group, all wijken; najaar (Noord 5): nothing.
		expect(new Set(rows.map((r) => r.wijk_code))).toEqual(new Set(['']));
		expect(rows.filter((r) => r.ronde === 'najaar-2024').every((r) => r.n === 'x' && r.eens === 'x' && r.eens_pct === '')).toBe(true);
		for (const r of rows) for (const c of [r.n, r.eens, r.gedrag_noemer, r.gedrag_teller]) expect(/^[1-5]$/.test(c)).toBe(false);
	});
});
