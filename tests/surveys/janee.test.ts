// The ja/nee questions of the leerbijeenkomsten on the survey fixtures, plus the same question in
// the 2024 LimeSurvey export of Binnenstad (added here), against values counted by hand:
//   "Heeft u dit jaar een driegesprek gevoerd?"
//   2024 Binnenstad (LimeSurvey G03Q03): huisarts Y, buurtteam N, POH N (incomplete: none) -> 1 of 3
//   2025 Binnenstad (Forms V6):          huisarts Ja, buurtteam Nee, POH Ja              -> 2 of 3
//        The form asks the same question again (V9, added here; all Nee): each respondent counts
//        once, with the first answer by code, so still 2 of 3 (not 2 of 6).
//   2025 Oost: not asked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { jaNeeVragen } from '$lib/server/surveys/janee';
import { FORMS_HEADER, FORMS_ROWS, formsFixture, surveyFixture, SURVEY_TODAY, WIJKEN_FIXTURE } from '../fixtures/surveys/build';

let dir: string;
let db: Database;
beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-janee-'));
	const dbPath = path.join(dir, 'monitor.duckdb');
	const vragen = path.join(dir, 'enquete_vragen.csv');
	fs.writeFileSync(
		vragen,
		fs.readFileSync(surveyFixture('enquete_vragen.csv'), 'utf8').trimEnd() +
			'\nLB24-BS;G03Q03;Heeft u dit jaar een  driegesprek gevoerd?;samenwerking;ja_nee;\nLB25-BS;V9;Heeft u dit jaar een driegesprek gevoerd?;samenwerking;ja_nee;\n'
	);
	const lines = fs.readFileSync(surveyFixture('limesurvey_lb24.csv'), 'utf8').trimEnd().split('\n');
	const extra = ['"G03Q03"', '"Y"', '"N"', '""', '"N"'];
	const lime = path.join(dir, 'limesurvey_lb24.csv');
	fs.writeFileSync(lime, lines.map((l, i) => `${l.trimEnd()},${extra[i]}`).join('\n') + '\n');
	await ingest(dbPath, [WIJKEN_FIXTURE, surveyFixture('enquetes.csv'), vragen, surveyFixture('responsen_oost.csv')], { today: SURVEY_TODAY });
	await ingest(dbPath, [lime], { today: SURVEY_TODAY, enquete: 'LB24-BS' });
	const again = 'Heeft u dit jaar een driegesprek gevoerd?';
	await ingest(dbPath, [await formsFixture(FORMS_ROWS.map((r) => [...r, 'Nee']), [...FORMS_HEADER, again])], { today: SURVEY_TODAY, enquete: 'LB25-BS' });
	db = new Database(dbPath);
});
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('jaNeeVragen', () => {
	it('k = 1: the share answering ja per wijk, and the change against last spring (same text, other spacing)', async () => {
		const [q, ...rest] = await jaNeeVragen(db, 1, 'voorjaar-2025');
		expect(rest).toEqual([]);
		expect([q.vraag_tekst, q.thema]).toEqual(['Heeft u dit jaar een driegesprek gevoerd?', 'samenwerking']);
		expect(q.scopes.map((s) => [s.wijk_naam, s.n.value, s.ja.value, s.aandeel, s.vorig])).toEqual([
			['Alle wijken', 3, 2, 2 / 3, 1 / 3],
			['Binnenstad', 3, 2, 2 / 3, 1 / 3]
		]);
		const v = q.scopes[1].verandering!;
		expect(v.verschil).toBeCloseTo(1 / 3, 10);
		expect(v.lo).toBeLessThanOrEqual(v.verschil);
		expect(v.hi).toBeGreaterThanOrEqual(v.verschil);
		// All wijken: one wijk, no interval.
		expect(q.scopes[0].verandering).toBeNull();
		const [q24] = await jaNeeVragen(db, 1, 'voorjaar-2024');
		expect(q24.scopes[1]).toMatchObject({ aandeel: 1 / 3, vorig: null, verandering: null });
	});

	it('k = 2: the group of 3 shows its full distribution (2 ja, 1 nee) and its change; all wijken: too few wijken', async () => {
		const [q] = await jaNeeVragen(db, 2, 'voorjaar-2025');
		const [all, bs] = q.scopes;
		for (const s of q.scopes) expect([s.n.value, s.ja.value, s.aandeel]).toEqual([3, 2, 2 / 3]);
		// Binnenstad: 1 0 0 (2024) against 1 0 1: +1/3, s² = 1/3 both, se² = 2/9, df = 4,
		// t(0.975; 4) = 2.776445: 1/3 ± 2.776445 · 0.471405.
		expect(bs.verandering!.verschil).toBeCloseTo(1 / 3, 12);
		expect(bs.verandering!.df).toBeCloseTo(4, 12);
		expect(bs.verandering!.lo).toBeCloseTo(-0.975496, 5);
		expect(bs.verandering!.hi).toBeCloseTo(1.642162, 5);
		expect([all.verandering, all.reden]).toEqual([null, 'minder dan 3 wijken om mee te vergelijken']);
	});

	it('/export/ja-nee-vragen.csv has a row per season, question and wijk', async () => {
		const csv = await EXPORTS['ja-nee-vragen']({ db, params: new URLSearchParams(), k: 1 });
		const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		const rows = lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]])));
		expect(head).toEqual(['seizoen', 'thema', 'vraag_tekst', 'wijk_code', 'wijk_naam', 'n', 'ja', 'ja_pct', 'vorig_ja_pct', 'verschil_pctpt', 'ci_laag_pctpt', 'ci_hoog_pctpt', 'oordeel', 'filters']);
		// 'geen': the Holm-corrected verdict (p = 0.52 for Binnenstad, the season's only comparison).
		// 2024 and 2025, each all wijken and Binnenstad.
		expect(rows).toHaveLength(4);
		expect(rows.find((r) => r.seizoen === 'voorjaar-2025' && r.wijk_code === 'WK034401')).toMatchObject({ n: '3', ja: '2', ja_pct: '66,7', vorig_ja_pct: '33,3', verschil_pctpt: '33,3', oordeel: 'geen' });
	});
});
