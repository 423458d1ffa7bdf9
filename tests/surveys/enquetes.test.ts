// The leerbijeenkomsten figures from the survey fixtures (tests/fixtures/surveys/build.ts lists
// every answer), against values computed by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import { seizoenAnalyse, seizoenen } from '$lib/server/surveys/enquetes';
import type { Scope } from '$lib/surveys/types';
import { buildSurveyDb } from '../fixtures/surveys/build';

let dir: string;
let db: Database;
beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-enquetes-'));
	await buildSurveyDb(path.join(dir, 'monitor.duckdb'));
	db = new Database(path.join(dir, 'monitor.duckdb'));
});
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const scope = (scopes: Scope[], wijk: string) => scopes.find((s) => s.wijk_code === wijk)!;
const thema = (s: Scope, naam: string) => s.themas.find((t) => t.thema === naam)!;
const alle = (s: Scope, naam: string) => thema(s, naam).groepen.find((g) => g.rol === 'alle')!;

describe('seizoenAnalyse without suppression (k = 1)', () => {
	it('lists the seasons in time order', async () => {
		expect(await seizoenen(db)).toEqual(['voorjaar-2024', 'voorjaar-2025']);
	});

	it('gives the response rate per wijk and for all wijken: complete responses / genodigden', async () => {
		const a = await seizoenAnalyse(db, 1, 'voorjaar-2025');
		expect(a.vorig).toBe('voorjaar-2024');
		expect(a.scopes.map((s) => [s.wijk_naam, s.enquete_ids])).toEqual([
			['Alle wijken', ['LB25-BS', 'LB25-OO']],
			['Binnenstad', ['LB25-BS']],
			['Oost', ['LB25-OO']]
		]);
		// 3/25, 3/12, 6/37
		expect(a.scopes.map((s) => s.respons.respons)).toEqual([6 / 37, 3 / 25, 3 / 12]);
		const b = await seizoenAnalyse(db, 1, 'voorjaar-2024');
		// 2024: 3 complete of 20 invited; the incomplete response counts separately.
		expect(scope(b.scopes, 'WK034401').respons).toEqual({
			genodigden: { value: 20, onderdrukt: null },
			compleet: { value: 3, onderdrukt: null },
			onvolledig: { value: 1, onderdrukt: null },
			respons: 3 / 20
		});
		expect(b.vorig).toBeNull();
	});

	it('means per thema: reversed items reversed, niet van toepassing left out', async () => {
		const a = await seizoenAnalyse(db, 1, 'voorjaar-2025');
		const [all, bs, oost] = ['', 'WK034401', 'WK034402'].map((w) => scope(a.scopes, w));
		expect(alle(bs, 'bereikbaarheid').gemiddelde).toBeCloseTo(4, 10); // 4, 5, 3
		expect(alle(oost, 'bereikbaarheid').gemiddelde).toBeCloseTo(14 / 3, 10); // 4, 5, 5
		expect(alle(all, 'bereikbaarheid').gemiddelde).toBeCloseTo(26 / 6, 10);
		expect(alle(all, 'terugkoppeling').gemiddelde).toBeCloseTo(20 / 6, 10); // 2 3 4 4 3 4
		// informatie delen, reversed: Binnenstad 1 and 4 (one nvt), Oost 4 and 5 (one nvt).
		expect(alle(bs, 'informatie delen').gemiddelde).toBeCloseTo(2.5, 10);
		expect(alle(oost, 'informatie delen').gemiddelde).toBeCloseTo(4.5, 10);
		const inf = alle(all, 'informatie delen');
		expect(inf.gemiddelde).toBeCloseTo(3.5, 10);
		// n: the 6 who answered (2 of them niet van toepassing); 4 scored answers, 2 nvt.
		expect([inf.n.value, inf.antwoorden.value, inf.nvt.value]).toEqual([6, 4, 2]);
		expect(inf.verdeling.map((c) => c.aantal.value)).toEqual([1, 0, 0, 2, 1]);
		expect(inf.verdeling.map((c) => c.aandeel)).toEqual([0.25, 0, 0, 0.5, 0.25]);
		expect(inf.verdeling.map((c) => c.label)).toEqual(['helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens']);
	});

	it('splits by rol and shows the huisarts - buurtteam gap', async () => {
		const a = await seizoenAnalyse(db, 1, 'voorjaar-2025');
		const all = scope(a.scopes, '');
		expect(thema(all, 'informatie delen').groepen.map((g) => [g.rol, g.n.value, g.gemiddelde])).toEqual([
			['alle', 6, 3.5],
			['huisarts', 2, 2.5], // 1 and 4
			['poh', 1, 4],
			['buurtteam', 3, 5] // 5, and two answered nvt (Binnenstad's and one in Oost)
		]);
		// Informatie delen: one buurtteam score, too few for Welch's interval (2 per group).
		const gap = all.rolverschillen.find((r) => r.thema === 'informatie delen')!;
		expect([gap.huisarts, gap.buurtteam, gap.interval]).toEqual([2.5, 5, null]);
		// Terugkoppeling: huisartsen 2 and 4, buurtteam 3, 3 and 4: -1/3, se² = 2/2 + (1/3)/3 = 10/9,
		// df = (10/9)² / (1/1 + (1/9)²/2) = 1.226994, t(0.975) = 8.300715 (SciPy).
		const tk = all.rolverschillen.find((r) => r.thema === 'terugkoppeling')!.interval!;
		expect(tk.verschil).toBeCloseTo(-1 / 3, 12);
		expect(tk.lo).toBeCloseTo(-9.083055, 4);
		expect(tk.hi).toBeCloseTo(8.416388, 4);
	});

	it('compares with the same season a year earlier', async () => {
		const a = await seizoenAnalyse(db, 1, 'voorjaar-2025');
		const bs = scope(a.scopes, 'WK034401');
		const change = (t: string) => bs.veranderingen.find((v) => v.thema === t)!;
		// bereikbaarheid: 2024 4, 5 (one nvt) = 4.5; 2025 4.0
		expect([change('bereikbaarheid').vorig, change('bereikbaarheid').huidig]).toEqual([4.5, 4]);
		expect(change('bereikbaarheid').interval!.verschil).toBeCloseTo(-0.5, 10);
		// terugkoppeling: 2 4 3 -> 2 3 4: the same mean, no significant change.
		expect(change('terugkoppeling').interval!.verschil).toBeCloseTo(0, 10);
		expect(change('terugkoppeling').interval!.oordeel).toBe('geen');
		// Oost has no 2024.
		expect(scope(a.scopes, 'WK034402').veranderingen.every((v) => v.interval === null && v.vorig === null)).toBe(true);
	});

	it('lists open answers per thema, masked, sorted', async () => {
		const a = await seizoenAnalyse(db, 1, 'voorjaar-2025');
		expect(scope(a.scopes, '').open).toEqual([
			{
				thema: 'terugkoppeling',
				n: { value: 4, onderdrukt: null },
				antwoorden: ['Eerder een belletje', 'Korter lijntje', 'Meer terugkoppeling, graag via [telefoonnummer verwijderd]', 'Vaker langskomen']
			}
		]);
	});
});

describe('seizoenAnalyse with groups of at least k', () => {
	it('k = 3: both wijken shown (3 each), their roles (1 or 2) only together; every shown group with its full distribution', async () => {
		const a = await seizoenAnalyse(db, 3, 'voorjaar-2025');
		expect(a.scopes.map((s) => s.wijk_naam)).toEqual(['Alle wijken', 'Binnenstad', 'Oost']);
		// No role reaches 3 in a wijk (Binnenstad 1 + 1 + 1, Oost 1 + 2), so each wijk is one group;
		// for all wijken buurtteam (3) cannot be shown: Binnenstad minus its buurtteam member leaves 2.
		for (const s of a.scopes) for (const t of s.themas) expect(t.groepen.map((g) => g.rol), `${s.wijk_naam} ${t.thema}`).toEqual(['alle']);
		const [all, bs, oost] = a.scopes;
		// bereikbaarheid: 4 5 3 | 4 5 5, every category shown, nothing hatched.
		expect(alle(all, 'bereikbaarheid').verdeling.map((c) => c.aantal.value)).toEqual([0, 0, 1, 2, 3]);
		expect(alle(all, 'bereikbaarheid').afgeschermd).toBe(0);
		expect(alle(bs, 'bereikbaarheid').verdeling.map((c) => c.aantal.value)).toEqual([0, 0, 1, 1, 1]);
		expect([alle(oost, 'bereikbaarheid').n.value, alle(oost, 'bereikbaarheid').gemiddelde]).toEqual([3, 14 / 3]);
		// informatie delen: 3 answered in each wijk (one nvt each), so it shows: Binnenstad 1 and 4.
		expect([alle(bs, 'informatie delen').n.value, alle(bs, 'informatie delen').nvt.value, alle(bs, 'informatie delen').gemiddelde]).toEqual([3, 1, 2.5]);
		// Open answers (terugkoppeling): 2 per wijk, too few; all wijken together (4) shows them.
		expect(bs.open[0]).toEqual({ thema: 'terugkoppeling', n: { value: null, onderdrukt: 'aanvullend' }, antwoorden: [] });
		expect(oost.open[0].antwoorden).toEqual([]);
		expect(all.open[0].antwoorden).toHaveLength(4);
		// Binnenstad against 2024 (3 respondents then too): bereikbaarheid 4 5 (POH nvt) -> 4 5 3.
		const change = bs.veranderingen.find((v) => v.thema === 'bereikbaarheid')!;
		expect([change.vorig, change.huidig, change.interval!.verschil]).toEqual([4.5, 4, -0.5]);
		// All wijken: only one wijk in both years, fewer than 3: no interval, and why.
		expect(all.veranderingen.every((v) => v.interval === null && v.reden === 'minder dan 3 wijken om mee te vergelijken')).toBe(true);
		expect(oost.veranderingen.every((v) => v.interval === null && v.reden === 'niet gevraagd vorig jaar')).toBe(true);
	});

	it('k = 5: the two wijken (3 + 3) only together, as all wijken; no open answers (4)', async () => {
		const a = await seizoenAnalyse(db, 5, 'voorjaar-2025');
		expect(a.scopes.map((s) => s.wijk_naam)).toEqual(['Alle wijken']);
		const [all] = a.scopes;
		// 6 respondents answered every thema (informatie delen: 4 scores and 2 nvt).
		expect(all.themas.map((t) => [t.thema, t.groepen.map((g) => g.rol), t.groepen[0].n.value])).toEqual([
			['bereikbaarheid', ['alle'], 6],
			['informatie delen', ['alle'], 6],
			['terugkoppeling', ['alle'], 6]
		]);
		expect(alle(all, 'terugkoppeling').verdeling.map((c) => c.aantal.value)).toEqual([0, 1, 2, 3, 0]);
		expect(all.respons.respons).toBe(6 / 37);
		expect(all.open[0]).toEqual({ thema: 'terugkoppeling', n: { value: null, onderdrukt: 'aanvullend' }, antwoorden: [] });
	});
});

describe('/export/leerbijeenkomsten.csv', () => {
	const parse = (csv: string) => {
		const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		return { head, rows: lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]]))) };
	};
	const find = (rows: Record<string, string>[], enquete: string, thema: string, rol: string) => rows.find((r) => r.enquete_id === enquete && r.thema === thema && r.rol === rol);

	it('has one row per enquete, thema and rol plus rol alle, with the count per answer', async () => {
		const { head, rows } = parse(await EXPORTS.leerbijeenkomsten({ db, params: new URLSearchParams(), k: 1 }));
		expect(head.slice(0, 10)).toEqual(['enquete_id', 'seizoen', 'wijk_code', 'wijk_naam', 'thema', 'rol', 'n', 'gemiddelde', 'respons_pct', 'schaal']);
		expect(head.slice(10)).toEqual(['aantal_1', 'aantal_2', 'aantal_3', 'aantal_4', 'aantal_5', 'aantal_6', 'aantal_7', 'aantal_nvt', 'rollen', 'filters']);
		// Binnenstad: 3 themas x (alle, huisarts, POH, buurtteam) in each year; Oost: 3 x (alle, huisarts, buurtteam).
		expect(rows).toHaveLength(12 + 12 + 9);
		// 2024 bereikbaarheid: HA 4, BT 5, POH nvt; 3 complete of 20 invited.
		// n: the 3 who answered (the POH's nvt included); the mean of the 2 scores.
		expect(find(rows, 'LB24-BS', 'bereikbaarheid', 'alle')).toMatchObject({ seizoen: 'voorjaar-2024', n: '3', gemiddelde: '4,50', respons_pct: '15,0', aantal_4: '1', aantal_5: '1', aantal_nvt: '1', aantal_1: '0' });
		// 2024 informatie delen, reversed: 5 -> 1, 1 -> 5, 2 -> 4.
		expect(find(rows, 'LB24-BS', 'informatie delen', 'alle')).toMatchObject({ n: '3', gemiddelde: '3,33', aantal_1: '1', aantal_4: '1', aantal_5: '1' });
		expect(find(rows, 'LB24-BS', 'informatie delen', 'huisarts')).toMatchObject({ n: '1', gemiddelde: '1,00' });
		// Oost terugkoppeling 4, 3, 4; buurtteam 3 and 4.
		expect(find(rows, 'LB25-OO', 'terugkoppeling', 'alle')).toMatchObject({ wijk_code: 'WK034402', n: '3', gemiddelde: '3,67', respons_pct: '25,0', aantal_3: '1', aantal_4: '2' });
		expect(find(rows, 'LB25-OO', 'terugkoppeling', 'buurtteam')).toMatchObject({ n: '2', gemiddelde: '3,50' });
		expect(find(rows, 'LB25-OO', 'terugkoppeling', 'poh')).toBeUndefined();
	});

	it('takes the page filters; with k = 3 a wijk of 3 is one group, with its full distribution', async () => {
		const { rows } = parse(await EXPORTS.leerbijeenkomsten({ db, params: new URLSearchParams('seizoen=voorjaar-2025&wijk=WK034402'), k: 3 }));
		expect(new Set(rows.map((r) => r.enquete_id))).toEqual(new Set(['LB25-OO']));
		// Oost's roles (huisarts 1, buurtteam 2) are not shown apart: one row per thema, rol alle.
		expect(rows.map((r) => [r.thema, r.rol, r.rollen])).toEqual([
			['bereikbaarheid', 'alle', 'huisarts,buurtteam'],
			['informatie delen', 'alle', 'huisarts,buurtteam'],
			['terugkoppeling', 'alle', 'huisarts,buurtteam']
		]);
		// Terugkoppeling 4, 3, 4: every answer category, also one of 1 answer, within the group of 3.
		expect(find(rows, 'LB25-OO', 'terugkoppeling', 'alle')).toMatchObject({ n: '3', gemiddelde: '3,67', aantal_3: '1', aantal_4: '2', aantal_1: '0' });
		for (const r of rows) expect(Number(r.n)).toBeGreaterThanOrEqual(3);
	});
});
