// The rapportcijfer (cijfer10) of the leerbijeenkomsten on the survey fixtures plus one grade
// question in the 2025 Forms export of Binnenstad, against values computed by hand:
//   2024 Binnenstad (LimeSurvey G03Q02): huisarts 7, buurtteam 8, POH 6,5 (the incomplete
//        response has none)                                    -> mean 21,5 / 3
//   2025 Binnenstad (Forms, added here):  huisarts 6, buurtteam 9, POH 8 -> mean 23 / 3
//   2025 Oost: no grade question.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { rapportcijfers } from '$lib/server/surveys/rapportcijfers';
import { FORMS_HEADER, FORMS_ROWS, formsFixture, surveyFixture, SURVEY_TODAY, WIJKEN_FIXTURE } from '../fixtures/surveys/build';

let dir: string;
let db: Database;
beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-cijfers-'));
	const dbPath = path.join(dir, 'monitor.duckdb');
	const vragen = path.join(dir, 'enquete_vragen.csv');
	fs.writeFileSync(vragen, fs.readFileSync(surveyFixture('enquete_vragen.csv'), 'utf8').trimEnd() + '\nLB25-BS;V7;Welk rapportcijfer geeft u de samenwerking?;samenwerking;cijfer10;\n');
	await ingest(dbPath, [WIJKEN_FIXTURE, surveyFixture('enquetes.csv'), vragen, surveyFixture('responsen_oost.csv')], { today: SURVEY_TODAY });
	await ingest(dbPath, [surveyFixture('limesurvey_lb24.csv')], { today: SURVEY_TODAY, enquete: 'LB24-BS' });
	const grades = [6, 9, 8];
	await ingest(dbPath, [await formsFixture(FORMS_ROWS.map((r, i) => [...r, grades[i]]), [...FORMS_HEADER, 'Welk rapportcijfer geeft u de samenwerking?'])], {
		today: SURVEY_TODAY,
		enquete: 'LB25-BS'
	});
	db = new Database(dbPath);
});
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('rapportcijfers', () => {
	it('k = 1: the mean grade per wijk and rol, and the change against last spring', async () => {
		const [r, ...rest] = await rapportcijfers(db, 1, 'voorjaar-2025');
		expect(rest).toEqual([]);
		expect([r.thema, r.vraag_tekst]).toEqual(['samenwerking', 'Welk rapportcijfer geeft u de samenwerking?']);
		// Oost asked no grade: all wijken together is Binnenstad alone.
		expect(r.scopes.map((s) => s.wijk_naam)).toEqual(['Alle wijken', 'Binnenstad']);
		const bs = r.scopes[1];
		expect(bs.groepen.map((g) => [g.rol, g.n.value, g.gemiddelde])).toEqual([
			['alle', 3, 23 / 3],
			['huisarts', 1, 6],
			['poh', 1, 8],
			['buurtteam', 1, 9]
		]);
		expect(bs.vorig).toBeCloseTo(21.5 / 3, 10);
		expect(bs.verandering!.verschil).toBeCloseTo(23 / 3 - 21.5 / 3, 10);
		expect(bs.verandering!.lo).toBeLessThanOrEqual(bs.verandering!.verschil);
		expect(bs.verandering!.hi).toBeGreaterThanOrEqual(bs.verandering!.verschil);
		expect(r.scopes[0].groepen[0].gemiddelde).toBeCloseTo(23 / 3, 10);
	});

	it('k = 2: the roles (one respondent each) only together; no interval without both years shown', async () => {
		const [r] = await rapportcijfers(db, 2, 'voorjaar-2025');
		const bs = r.scopes[1];
		// Huisarts, POH and buurtteam are one group of 3 ("alle"): no role is shown apart.
		expect(bs.groepen.map((g) => [g.rol, g.n.value])).toEqual([['alle', 3]]);
		expect(bs.groepen[0].gemiddelde).toBeCloseTo(23 / 3, 10);
		// 2024 (7, 8, 6.5) against 2025 (6, 9, 8): Welch on 3 and 3 grades.
		expect(bs.verandering!.verschil).toBeCloseTo(0.5, 10);
		// k = 4: Binnenstad's 3 respondents are fewer than 4 in both years: nothing shown.
		const [r24] = await rapportcijfers(db, 4, 'voorjaar-2024');
		expect(r24.scopes.every((s) => s.groepen.every((g) => g.gemiddelde === null))).toBe(true);
		expect((await rapportcijfers(db, 4, 'voorjaar-2025'))[0].scopes.every((s) => s.verandering === null)).toBe(true);
	});

	it('is empty for a season without grade questions or without enquetes', async () => {
		expect(await rapportcijfers(db, 1, 'voorjaar-2023')).toEqual([]);
	});

	it('/export/rapportcijfers.csv has a row per season, wijk and rol', async () => {
		const csv = await EXPORTS.rapportcijfers({ db, params: new URLSearchParams('seizoen=voorjaar-2025'), k: 1 });
		const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		const rows = lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]])));
		expect(head).toEqual(['seizoen', 'thema', 'vraag_tekst', 'wijk_code', 'wijk_naam', 'rol', 'n', 'gemiddelde', 'vorig_gemiddelde', 'verschil', 'ci_laag', 'ci_hoog', 'oordeel', 'rollen', 'filters']);
		expect(new Set(rows.map((r) => r.filters))).toEqual(new Set(['seizoen=voorjaar-2025']));
		// All wijken and Binnenstad, each with alle, huisarts, POH and buurtteam.
		expect(rows).toHaveLength(2 * 4);
		expect(rows.find((r) => r.wijk_code === 'WK034401' && r.rol === 'alle')).toMatchObject({ n: '3', gemiddelde: '7,67', vorig_gemiddelde: '7,17', verschil: '0,50' });
		expect(rows.find((r) => r.wijk_code === 'WK034401' && r.rol === 'poh')).toMatchObject({ n: '1', gemiddelde: '8,00', verschil: '' });
	});
});
