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

	it('puts the referral behaviour of the three months before the round next to it', async () => {
		const w = await werkafspraken(db, 1);
		const gedrag = (ronde: string, wijk: string, vraag: string) => {
			const g = row(w, ronde, wijk, vraag)!.gedrag!;
			return [g.noemer.value, g.aandeel, g.van, g.tot];
		};
		expect(gedrag('voorjaar-2024', 'WK990101', 'T1')).toEqual([20, 15 / 20, '2024-03-01', '2024-05-31']);
		expect(gedrag('voorjaar-2024', 'WK990102', 'T1')).toEqual([0, null, '2024-03-01', '2024-05-31']);
		expect(gedrag('voorjaar-2024', '', 'T1')).toEqual([20, 15 / 20, '2024-03-01', '2024-05-31']);
		expect(gedrag('voorjaar-2024', 'WK990101', 'V1')).toEqual([23, 20 / 23, '2024-03-01', '2024-05-31']);
		expect(gedrag('voorjaar-2024', 'WK990102', 'V1')).toEqual([2, 0, '2024-03-01', '2024-05-31']);
		expect(gedrag('voorjaar-2024', '', 'V1')).toEqual([25, 20 / 25, '2024-03-01', '2024-05-31']);
		expect(gedrag('najaar-2024', 'WK990101', 'T1')).toEqual([0, null, '2024-07-01', '2024-09-30']);
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

describe('werkafspraken with suppression', () => {
	it('k = 5: no count of 1-4 is shown, and a share only where both its counts are', async () => {
		const w = await werkafspraken(db, 5);
		for (const r of w.rijen) {
			for (const c of [r.n, r.eens, r.gedrag?.noemer]) if (c && c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true);
			if (r.aandeel !== null) {
				const notSmall = (x: number) => x === 0 || x >= 5;
				expect(r.n.value! >= 5 && notSmall(r.eens.value!) && notSmall(r.n.value! - r.eens.value!)).toBe(true);
			}
		}
		// Voorjaar-2024 all wijken, T1: 6 of 11 agree, 5 do not: both shown.
		expect(row(w, 'voorjaar-2024', '', 'T1')!.aandeel).toBe(6 / 11);
		// Noord voorjaar-2024 T1: 2 do not agree, so 4 of 6 is hidden, and the share with it.
		const noord = row(w, 'voorjaar-2024', 'WK990101', 'T1')!;
		expect(noord.eens.value).toBeNull();
		expect(noord.aandeel).toBeNull();
		// Zuid's 2 referrals in the window are hidden, and so is Noord's 23 (else 25 - 23 = 2).
		expect(row(w, 'voorjaar-2024', 'WK990102', 'V1')!.gedrag!.noemer.value).toBeNull();
		expect(row(w, 'voorjaar-2024', 'WK990101', 'V1')!.gedrag!.noemer.value).toBeNull();
	});
});

describe('werkafspraken: the behaviour share', () => {
	it('hides a wijk whose share would follow from all wijken and the other wijk (numerator in the cube)', async () => {
		// March-May 2024: Noord 50 referrals to the buurtteam, 3 with terugkoppeling within 4 weeks;
		// Zuid 40, 20 in time. Noord's 3 is small; showing Zuid's 50% and all wijken' 23 of 90 would
		// give it away (23 - 20 = 3), so Zuid's share is hidden too and only all wijken remains.
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
			const gedrag = (wijk: string) => row(w, 'voorjaar-2024', wijk, 'T1')!.gedrag!;
			expect([gedrag('').noemer.value, gedrag('').aandeel]).toEqual([90, 23 / 90]);
			expect(gedrag('WK990101').aandeel).toBeNull();
			expect(gedrag('WK990102').aandeel).toBeNull();
			// With k = 3 nothing is small: every share shows.
			const open = await werkafspraken(own, 3);
			expect(['', 'WK990101', 'WK990102'].map((x) => row(open, 'voorjaar-2024', x, 'T1')!.gedrag!.aandeel)).toEqual([23 / 90, 3 / 50, 20 / 40]);
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
		expect(r).toMatchObject({ enquete_id: 'WA24-N', n: '5', eens: '3', eens_pct: '60,0', gedrag: 'basiszorg', gedrag_noemer: '23', gedrag_pct: '87,0' });
		const alle = rows.find((x) => x.ronde === 'voorjaar-2024' && x.wijk_code === '' && x.vraag_code === 'T1')!;
		expect(alle).toMatchObject({ enquete_id: 'WA24-N,WA24-Z', wijk_naam: 'Alle wijken', n: '11', eens: '6', eens_pct: '54,5', gedrag_pct: '75,0' });
	});

	it('writes hidden counts as <k or x, never the number', async () => {
		const rows = parse(await EXPORTS.werkafspraken({ db, params: new URLSearchParams('wijk=WK990101'), k: 5 }));
		expect(new Set(rows.map((r) => r.wijk_code))).toEqual(new Set(['', 'WK990101']));
		const t1 = rows.find((x) => x.ronde === 'voorjaar-2024' && x.wijk_code === 'WK990101' && x.vraag_code === 'T1')!;
		expect(['<5', 'x']).toContain(t1.eens);
		expect(t1.eens_pct).toBe('');
		for (const r of rows) for (const c of [r.n, r.eens, r.gedrag_noemer]) expect(/^[1-4]$/.test(c)).toBe(false);
	});
});
