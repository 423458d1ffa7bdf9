// The demo surveys: every shape of the contract, a manifest for the tool exports, and the planted
// patterns visible in the loaded data (computed with plain SQL here, and compared with what the
// query layer reports).
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../../pipelines/demo/generate';
import { ENQUETE_WIJKEN, generateEnquetes, type DemoSurveys } from '../../../pipelines/demo/enquetes';
import { ingest } from '../../../pipelines/ingest';
import { buildDemoDatabase, DEMO_DIR, demoManifest } from '../../../scripts/demo-db';
import { Database } from '$lib/server/db/database';
import { seizoen } from '$lib/server/surveys/season';
import { werkafspraken } from '$lib/server/surveys/werkafspraken';
import { query, rejection } from '../helpers';

let dir: string;
let surveys: DemoSurveys;
let dbPath: string;
let db: Database;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'demo-enq-'));
	surveys = await generateEnquetes(dir, DEMO_SEED);
	dbPath = join(dir, 'demo.duckdb');
	await buildDemoDatabase(dbPath);
	db = new Database(dbPath);
}, 120_000);
afterAll(async () => {
	db?.close();
	await rm(dir, { recursive: true, force: true });
});

/** Mean thema score per season (and rol), by plain SQL: reversed items reversed, nvt left out. */
const themaMeans = (where: string) =>
	query(
		dbPath,
		`SELECT e.seizoen, round(avg(s.score), 3)::DOUBLE AS gemiddelde FROM (
			SELECT a.enquete_id, a.respons_id, avg(CASE WHEN v.omgekeerd = 1 THEN 6 - a.waarde ELSE a.waarde END) AS score
			FROM enquete_antwoorden a JOIN enquete_vragen v USING (enquete_id, vraag_code) JOIN enquete_responsen r USING (enquete_id, respons_id)
			WHERE v.type = 'likert5' AND a.waarde IS NOT NULL AND ${where}
			GROUP BY ALL) s
		JOIN enquetes e USING (enquete_id) WHERE e.soort = 'leerbijeenkomst' GROUP BY ALL ORDER BY e.seizoen`
	);

describe('the demo surveys', () => {
	it('come in every shape of the contract, and the manifest names the enquete of every tool export', () => {
		const datasets = new Set(surveys.files.map((f) => `${f.dataset}:${f.file.split('.').pop()}`));
		for (const shape of ['enquetes:csv', 'enquete_vragen:csv', 'enquete_responsen:csv', 'enquete_responsen:xlsx', 'limesurvey:csv', 'forms:xlsx']) {
			expect(datasets, shape).toContain(shape);
		}
		const tools = surveys.files.filter((f) => f.dataset === 'limesurvey' || f.dataset === 'forms').map((f) => f.file);
		expect(Object.keys(surveys.manifest).sort()).toEqual(tools.sort());
		// The committed manifest is the generated one.
		expect(demoManifest(DEMO_DIR)).toEqual(demoManifest(dir));
		// This spring's Forms export and last spring's LimeSurvey export of one wijk, as the GEZ gets them.
		expect(tools).toContain('leerbijeenkomst_2025_centrum_forms.xlsx');
		expect(tools).toContain('leerbijeenkomst_2024_centrum_limesurvey.csv');
	});

	it('need the manifest: a tool export alone is refused', async () => {
		const target = join(dir, 'zonder-manifest.duckdb');
		const files = ['wijken.csv', 'enquetes.csv', 'enquete_vragen.csv'].map((f) => join(DEMO_DIR, f));
		const e = await rejection(() => ingest(target, [...files, join(dir, 'leerbijeenkomst_2025_centrum_forms.xlsx')]));
		expect(e.errors.map((x) => x.rule)).toEqual(['enquete-onbekend']);
	});

	it('Forms exports hold Email and Name, and nothing of them reaches the database', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(join(dir, 'leerbijeenkomst_2025_centrum_forms.xlsx'));
		const sheet = workbook.worksheets[0];
		expect((sheet.getRow(1).values as string[]).slice(1, 6)).toEqual(['ID', 'Start time', 'Completion time', 'Email', 'Name']);
		const emails = [];
		for (let r = 2; r <= sheet.rowCount; r++) emails.push(String(sheet.getRow(r).getCell(4).value));
		expect(emails.some((e) => e.includes('@'))).toBe(true);
		const tables = await query(dbPath, `SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'`);
		for (const { table_name, column_name } of tables) {
			const [hit] = await query(dbPath, `SELECT count(*)::INTEGER AS n FROM "${table_name}" t WHERE t."${column_name}" LIKE '%@%' OR t."${column_name}" LIKE 'Deelnemer %'`);
			expect(hit.n, `${table_name}.${column_name}`).toBe(0);
		}
	});

	it('load completely: every complete response scored, incomplete LimeSurvey responses counted apart', async () => {
		const [r] = await query(
			dbPath,
			`SELECT count(*)::INTEGER AS responsen, count(*) FILTER (WHERE NOT compleet)::INTEGER AS onvolledig,
				count(DISTINCT enquete_id)::INTEGER AS enquetes FROM enquete_responsen`
		);
		// 12 leerbijeenkomsten and 5 rounds x 4 wijken of the werkafspraken monitor.
		expect(r.enquetes).toBe(12 + 20);
		expect(r.onvolledig).toBeGreaterThan(10);
		const lines = surveys.files.filter((f) => f.dataset !== 'enquetes' && f.dataset !== 'enquete_vragen').reduce((s, f) => s + f.rows, 0);
		expect(r.responsen).toBe(lines);
		const [unscored] = await query(dbPath, `SELECT count(*)::INTEGER AS n FROM enquete_antwoorden a JOIN enquete_responsen r USING (enquete_id, respons_id) WHERE NOT r.compleet`);
		expect(unscored.n).toBe(0);
	});

	it('plant a better terugkoppeling every spring, and a huisarts - buurtteam gap on informatie delen', async () => {
		const terug = await themaMeans(`v.thema = 'terugkoppeling'`);
		expect(terug.map((t) => t.seizoen)).toEqual(['voorjaar-2023', 'voorjaar-2024', 'voorjaar-2025']);
		const [t23, t24, t25] = terug.map((t) => Number(t.gemiddelde));
		expect(t24 - t23).toBeGreaterThan(0.35);
		expect(t25 - t24).toBeGreaterThan(0.35);
		const bereik = (await themaMeans(`v.thema = 'bereikbaarheid'`)).map((t) => Number(t.gemiddelde));
		expect(Math.max(...bereik) - Math.min(...bereik)).toBeLessThan(0.25);
		const ha = (await themaMeans(`v.thema = 'informatie delen' AND r.rol = 'huisarts'`)).map((t) => Number(t.gemiddelde));
		const bt = (await themaMeans(`v.thema = 'informatie delen' AND r.rol = 'buurtteam'`)).map((t) => Number(t.gemiddelde));
		for (let i = 0; i < 3; i++) expect(ha[i] - bt[i]).toBeLessThan(-0.9);
	});

	it('show up in the query layer: a gain on terugkoppeling in every wijk, none on bereikbaarheid overall', async () => {
		const a = (await seizoen(db, 5, 'voorjaar-2025')).analyse;
		const [all, ...wijken] = a.scopes;
		expect(wijken.map((w) => w.wijk_code)).toEqual(expect.arrayContaining(ENQUETE_WIJKEN.map((w) => w.code)));
		const terug = all.veranderingen.find((v) => v.thema === 'terugkoppeling')!;
		const [sql] = (await themaMeans(`v.thema = 'terugkoppeling'`)).slice(-1);
		expect(terug.huidig!).toBeCloseTo(Number(sql.gemiddelde), 3);
		// The planted gain: every wijk's 95% interval (Welch) and all wijken's (t on the 4 wijken)
		// lie above 0. The verdicts are corrected over the season's 60 comparisons (Holm): all wijken
		// (p = 0.0014, 3 degrees of freedom) and one wijk do not pass, three wijken do.
		expect(terug.interval!.lo).toBeGreaterThan(0);
		expect(terug.interval!.methode).toBe('wijken');
		for (const w of wijken) expect(w.veranderingen.find((v) => v.thema === 'terugkoppeling')!.interval!.lo, w.wijk_naam).toBeGreaterThan(0);
		expect(wijken.filter((w) => w.veranderingen.find((v) => v.thema === 'terugkoppeling')!.interval!.oordeel === 'hoger')).toHaveLength(3);
		expect(all.veranderingen.find((v) => v.thema === 'bereikbaarheid')!.interval!.oordeel).toBe('geen');
		const gap = all.rolverschillen.find((r) => r.thema === 'informatie delen')!;
		expect(gap.interval!.oordeel).toBe('lager');
		// Every wijk's huisartsen and buurtteam groups are large enough to be shown.
		for (const w of wijken) expect(w.rolverschillen.find((r) => r.thema === 'informatie delen')!.interval, w.wijk_naam).not.toBeNull();
	});

	it('werkafspraken: the terugkoppeling agreement is kept more often over the rounds', async () => {
		const data = await werkafspraken(db, 5);
		const all = data.rijen.filter((r) => r.wijk_code === '' && r.vraag_code === 'WA1').map((r) => r.aandeel!);
		expect(all).toHaveLength(5);
		// Planted: 50% -> 80% (WERKAFSPRAAK_TERUGKOPPELING); about 80 respondents per round.
		expect(all[4] - all[0]).toBeGreaterThan(0.2);
		for (let i = 1; i < all.length; i++) expect(all[i]).toBeGreaterThan(all[0]);
		// Next to it the referral data: terugkoppeling within 4 weeks in the months before each round.
		expect(data.rijen.filter((r) => r.vraag_code === 'WA1').every((r) => r.gedrag?.maat === 'terugkoppeling_4wk')).toBe(true);
		expect(data.rijen.filter((r) => r.vraag_code === 'WA1' && r.wijk_code === '').every((r) => r.gedrag!.aandeel! > 0.3)).toBe(true);
	});
});

describe('data/demo', () => {
	it('holds the manifest', () => {
		expect(fs.existsSync(join(DEMO_DIR, 'manifest.json'))).toBe(true);
	});
});
