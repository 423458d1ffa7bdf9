// ojgEffect on hand-made databases (tests/ojg/fixture.ts); every expected number is worked out by
// hand in the comments, from the rows and the perturbation table, not by the code under test.
//
// Practices T, B, C, D, E, F in gemeente GM9901 and X in GM9902; 120 registered 4-11-year-olds each
// in 2024 and 2025 (X: 4), so a practice-month is 10 person-years and a 6-month window 60.
// Placement: T ojg from 2024-07-15 → m0 = 2024-07; 6 months: pre Jan–Jun 2024, post Aug 2024–Jan 2025.
// Second-line referrals (jeugd_ggz, 4-11), the worked example:
//   T pre 40 (7,7,7,7,6,6), July 5, post 20 (4,4,3,3,3,3)
//   B (50,45) C (30,36) D (60,48) E (25,33) F (45,31) spread evenly (first months get the rest), July 5 each
// X: 9 a month Jan 2024 – Jan 2025, and one lijn-1 referral on 2025-12-15, so the data run from
// 2024-01-01 to 2025-12-15 (last complete month 2025-11).
// Record keys are 0, except one of T's August referrals with key 128. With key 0 a count of 4 or
// more is published 3 lower, 3 as 1, 2 as 1 (see fixture.ts); with key 128 a count of 3 or more as is.
//
// The worked example ('gemeente'): ln DiD = -0.608730, se = 0.291450; the five placebos B..F give
// phi = 1.234327, nu = 4; 95% interval of the ratio 0.221408 .. 1.336813, so
//   effect (0.544041 - 1) = -45.5959%, interval -77.8592% .. +33.6813% (tests/ojg/calibration.test.ts).
// Published window counts: T pre 40 → 37 (key 0), T post 20 → 20 (key 128 → +0), C pre 210 → 207,
// C post 193 → 190. Rates from them: 37/60 → 616.667, 20/60 → 333.333, 207/300 → 690, 190/300 → 633.333.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { ojgEffect } from '$lib/server/ojg/effect';
import { toCsv } from '$lib/server/export/csv';
import type { ExportContext, ExportTable } from '$lib/server/export/exporter';
import { ojgEffectTable, ojgSeriesTable } from '$lib/server/ojg/exports';

/** The exports' own columns as CSV (the served file adds a filters column, tests/export/formats.test.ts). */
const asCsv = async (table: Promise<ExportTable>) => {
	const t = await table;
	return toCsv(t.rows, t.columns);
};
const ojgEffectCsv = (ctx: ExportContext) => asCsv(ojgEffectTable(ctx));
const ojgSeriesCsv = (ctx: ExportContext) => asCsv(ojgSeriesTable(ctx));
import { createOjgDb, month, months, spread, type Placement, type Practice, type Referral } from './fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-ojg-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KIDS = { 2024: 120, 2025: 120 };
const PRACTICES: Practice[] = [
	...['T', 'B', 'C', 'D', 'E', 'F'].map((code) => ({ code, gemeente: 'GM9901' as const, kinderen: { ...KIDS } })),
	{ code: 'X', gemeente: 'GM9902', kinderen: { 2024: 4, 2025: 4 } }
];
const PRE = months('2024-01', '2024-06');
const POST = months('2024-08', '2025-01');
const EXAMPLE: Record<string, [number, number]> = { B: [50, 45], C: [30, 36], D: [60, 48], E: [25, 33], F: [45, 31] };

const tPre = (total = 40) => spread(PRE, total, 'T');
const tPost = (): Referral[] => {
	const rows = spread(POST, 20, 'T');
	rows[0] = { ...rows[0], sleutel: 128 }; // the first August referral
	return rows;
};
const comparison = (except: string[] = []) =>
	Object.entries(EXAMPLE)
		.filter(([code]) => !except.includes(code))
		.flatMap(([code, [pre, post]]) => [...spread(PRE, pre, code), ...month('2024-07', 5, code), ...spread(POST, post, code)]);
const X_ROWS = [...months('2024-01', '2025-01').flatMap((m) => month(m, 9, 'X')), { datum: '2025-12-15', praktijk: 'X', bestemming: 'buurtteam' }];
const BASE = (): Referral[] => [...tPre(), ...month('2024-07', 5, 'T'), ...tPost(), ...comparison(), ...X_ROWS];
const T_OJG: Placement = { praktijk: 'T', functie: 'ojg', start: '2024-07-15' };

let n = 0;
async function database(referrals: Referral[], placements: Placement[] = [T_OJG], practices = PRACTICES) {
	const file = path.join(dir, `ojg${n++}.duckdb`);
	await createOjgDb(file, practices, referrals, placements);
	return new Database(file);
}

describe('ojgEffect: the worked example through the database', () => {
	it('estimates from true counts, publishes perturbed counts, and calibrates with the placebos', async () => {
		const db = await database(BASE());
		const r = await ojgEffect(db, 6, 'gemeente', 5);
		const [p] = r.plaatsingen;
		expect(p).toMatchObject({ praktijk_code: 'T', status: 'geschat', reden: null, interval_reden: null, m0: '2024-07', pre: ['2024-01', '2024-06'], post: ['2024-08', '2025-01'] });
		expect(p.vergelijking).toEqual({ praktijken: 5, fallback: false });
		expect(p.effect_pct).toBeCloseTo(-45.5959, 4);
		expect(p.se).toBeCloseTo(0.29145, 6);
		expect(p.ci_low_pct).toBeCloseTo(-77.8592, 4);
		expect(p.ci_high_pct).toBeCloseTo(33.6813, 4);
		expect(r.kalibratie!.spreidingsfactor).toBeCloseTo(1.234327, 6);
		expect(r.kalibratie).toMatchObject({ vrijheidsgraden: 4, placebos: 5 });
		// Published window counts and the rates built on them.
		expect(p.aantallen).toEqual({
			pre: { value: 37, onderdrukt: null },
			post: { value: 20, onderdrukt: null },
			c_pre: { value: 207, onderdrukt: null },
			c_post: { value: 190, onderdrukt: null }
		});
		expect(p.rate_pre).toBeCloseTo(616.6667, 4);
		expect(p.rate_post).toBeCloseTo(333.3333, 4);
		expect(p.rate_c_pre).toBeCloseTo(690, 9);
		expect(p.rate_c_post).toBeCloseTo(633.3333, 4);
		expect(p.rr).toBeCloseTo(20 / 37, 9);
		expect(p.rr_c).toBeCloseTo(190 / 207, 9);
		// One estimated placement: the pooled estimate is that placement, se sqrt(phi / (1/se^2)).
		expect(r.overall).toMatchObject({ n: 1, interval_reden: null });
		expect(r.overall!.effect_pct).toBeCloseTo(-45.5959, 4);
		expect(r.overall!.ci_low_pct).toBeCloseTo(-77.8592, 4);
		expect(r.overall!.ci_high_pct).toBeCloseTo(33.6813, 4);
		expect(r.weggelaten).toEqual([]);
		db.close();
	});

	it('shows the period after the start as 3-month sums where single months are below k', async () => {
		const db = await database(BASE());
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		const at = (m: string) => p.series.find((s) => s.maand === m)!;
		expect(p.series.map((s) => s.maand)).toEqual(months('2024-01', '2025-01'));
		// August: 4 with key 128 → 4 → "<5"; September: 4 with key 0 → 1 → "<5".
		expect([at('2024-08').tweedeLijn, at('2024-08').tweedeLijnOnderdrukt, at('2024-08').praktijk]).toEqual([null, 'klein', null]);
		expect([at('2024-09').tweedeLijn, at('2024-09').tweedeLijnOnderdrukt]).toEqual([null, 'klein']);
		// 3 months to October: 4 + 4 + 3 = 11, key 128 → 11: 11 / 30 person-years = 366.667 per 1,000.
		expect(at('2024-10').tweedeLijn3).toBe(11);
		expect(at('2024-10').praktijk3).toBeCloseTo(366.6667, 4);
		// 3 months to November: 4 + 3 + 3 = 10, key 0 → 7: 233.333.
		expect(at('2024-11').tweedeLijn3).toBe(7);
		expect(at('2024-11').praktijk3).toBeCloseTo(233.3333, 4);
		// Every month after the start has a visible 3-month value.
		expect(POST.map((m) => at(m).praktijk3 !== null)).toEqual([true, true, true, true, true, true]);
		// The first two months have no 3 months of data behind them.
		expect([at('2024-01').praktijk3, at('2024-02').praktijk3]).toEqual([null, null]);
		// March: 7 + 7 + 7 = 21 → 18: 600.
		expect(at('2024-03').praktijk3).toBeCloseTo(600, 9);
		// Comparison group in January: B 9 + C 5 + D 10 + E 5 + F 8 = 37 → 34, over 50 person-years.
		expect(at('2024-01').vergelijkingAantal).toBe(34);
		expect(at('2024-01').vergelijking).toBeCloseTo(680, 9);
		db.close();
	});

	it('lists a placement that cannot be estimated and says the pooled estimate leaves it out', async () => {
		// B gets a POH-jeugd after T's span: B stays a comparison practice; its own post window
		// (Oct 2025 – Mar 2026) is not in the data: te recent.
		const db = await database(BASE(), [T_OJG, { praktijk: 'B', functie: 'poh_jeugd', start: '2025-09-01' }]);
		const r = await ojgEffect(db, 6, 'gemeente', 5);
		const b = r.plaatsingen.find((p) => p.praktijk_code === 'B')!;
		expect(b).toMatchObject({ status: 'niet_te_schatten', effect_pct: null, ci_low_pct: null, interval_reden: null });
		expect(b.reden).toContain('te recent');
		expect(r.plaatsingen.find((p) => p.praktijk_code === 'T')!.vergelijking.praktijken).toBe(5);
		expect(r.overall!.n).toBe(1);
		expect(r.weggelaten).toEqual([{ weglating: 'recent', reden: 'te recent', aantal: 1 }]);
		const csv = await ojgEffectCsv({ db, params: new URLSearchParams('venster=6'), k: 5 });
		expect(csv.trim().split('\r\n').at(-1)).toMatch(/^ALLE;.*;gewogen gemiddelde over deze plaatsingen \(1 van 2\)\. weggelaten: 1 te recent, wat het gemiddelde naar 0 kan trekken$/);
		db.close();
	});
});

describe('ojgEffect: calibration needs 5 placebos', () => {
	it('F without referrals: its placebo is skipped, 4 are too few, the estimate has no interval', async () => {
		// C = B..F with F all zero: c_pre = 165, c_post = 162; DiD = (20/40) / (162/165) = 0.509259.
		const db = await database([...tPre(), ...tPost(), ...comparison(['F']), ...X_ROWS]);
		const r = await ojgEffect(db, 6, 'gemeente', 5);
		const [p] = r.plaatsingen;
		expect(p.status).toBe('geschat');
		expect(p.effect_pct).toBeCloseTo(-49.0741, 4);
		expect([p.ci_low_pct, p.ci_high_pct]).toEqual([null, null]);
		expect(p.interval_reden).toBe('te weinig vergelijkingspraktijken om de toevalsspreiding te schatten');
		expect(r.kalibratie).toBeNull();
		expect(r.placebos).toBe(4);
		expect(r.overall).toMatchObject({ n: 1, ci_low_pct: null, ci_high_pct: null, interval_reden: 'te weinig vergelijkingspraktijken om de toevalsspreiding te schatten' });
		const csv = await ojgEffectCsv({ db, params: new URLSearchParams('venster=6'), k: 5 });
		const [header, t, alle] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		const col = (row: string[], name: string) => row[header.indexOf(name)];
		expect([col(t, 'ci_low_pct'), col(t, 'spreidingsfactor'), col(t, 'vrijheidsgraden')]).toEqual(['', '', '']);
		expect(col(t, 'reden')).toBe('te weinig vergelijkingspraktijken om de toevalsspreiding te schatten');
		expect(col(alle, 'reden')).toContain('geen interval: te weinig vergelijkingspraktijken om de toevalsspreiding te schatten');
		db.close();
	});
});

describe('ojgEffect: status rules', () => {
	it('an earlier placement of the practice in the pre window: niet te schatten', async () => {
		const poh = { praktijk: 'T', functie: 'poh_jeugd', start: '2023-06-01', eind: '2024-02-15' };
		const db = await database(BASE(), [T_OJG, poh]);
		const r = await ojgEffect(db, 6, 'gemeente', 5);
		const ojg = r.plaatsingen.find((p) => p.functie === 'ojg')!;
		expect(ojg).toMatchObject({ status: 'niet_te_schatten', effect_pct: null });
		expect(ojg.reden).toBe('in de periode vóór de start had deze praktijk al een POH-jeugd (vanaf 1 juni 2023): er is geen periode zonder om mee te vergelijken');
		expect(r.overall).toBeNull();
		expect(r.weggelaten).toEqual([
			{ weglating: 'gegevens', reden: 'met te weinig gegevens vóór de start', aantal: 1 },
			{ weglating: 'eerdere_plaatsing', reden: 'met een eerdere plaatsing in dezelfde praktijk', aantal: 1 }
		]);
		db.close();
		// Ended the day before the pre window: no effect on the estimate.
		const db2 = await database(BASE(), [T_OJG, { ...poh, eind: '2023-12-31' }]);
		expect((await ojgEffect(db2, 6, 'gemeente', 5)).plaatsingen.find((p) => p.functie === 'ojg')!.status).toBe('geschat');
		db2.close();
	});

	it('a published window count below k: niet te tonen, "klein aantal"', async () => {
		// T pre: 6 in May (key 0 → published 3, "<5").
		const db = await database([...month('2024-05', 6, 'T'), ...tPost(), ...comparison(), ...X_ROWS]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p).toMatchObject({ status: 'niet_te_tonen', reden: 'klein aantal verwijzingen (<5) bij de praktijk vóór de start', rate_pre: null, effect_pct: null, ci_low_pct: null });
		expect(p.aantallen!.pre).toEqual({ value: null, onderdrukt: 'klein' });
		db.close();
	});

	it('a published window count from k to k+D-1: niet te tonen, so no estimate rests on a true count below k', async () => {
		// T pre 10 → published 7 (< 5 + 3): not shown. T pre 11 → 8: shown, from the true counts:
		// DiD = (20/11) / (193/210) = 1.978333: +97.8333%.
		const db = await database([...tPre(10), ...tPost(), ...comparison(), ...X_ROWS]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p.status).toBe('niet_te_tonen');
		expect(p.reden).toBe('minder dan 8 verwijzingen bij de praktijk vóór de start: te weinig om een effect te tonen zonder kleine aantallen prijs te geven');
		expect(p.aantallen!.pre).toEqual({ value: 7, onderdrukt: null });
		db.close();
		const db2 = await database([...tPre(11), ...tPost(), ...comparison(), ...X_ROWS]);
		const [q] = (await ojgEffect(db2, 6, 'gemeente', 5)).plaatsingen;
		expect(q.status).toBe('geschat');
		expect(q.aantallen!.pre).toEqual({ value: 8, onderdrukt: null });
		expect(q.effect_pct).toBeCloseTo(97.8333, 4);
		db2.close();
	});

	it('a zero count: niet te schatten', async () => {
		const db = await database([...tPre(), ...comparison(), ...X_ROWS]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p).toMatchObject({ status: 'niet_te_schatten', reden: '0 verwijzingen bij de praktijk na de start' });
		db.close();
	});

	it('a missing year of population: niet te schatten; fewer than k children: niet te tonen', async () => {
		const practices = PRACTICES.map((p) => (p.code === 'T' ? { ...p, kinderen: { 2024: 120 } } : p));
		const db = await database(BASE(), [T_OJG], practices);
		expect((await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen[0]).toMatchObject({ status: 'niet_te_schatten', reden: 'populatie 0-17 ontbreekt voor praktijk T in 2025' });
		db.close();
		// No registered children at all (0 loaded): no person-time, no rate.
		const none = PRACTICES.map((p) => (p.code === 'T' ? { ...p, kinderen: { 2024: 0, 2025: 0 } } : p));
		const db3 = await database(BASE(), [T_OJG], none);
		expect((await ojgEffect(db3, 6, 'gemeente', 5)).plaatsingen[0]).toMatchObject({ status: 'niet_te_schatten', reden: 'geen ingeschreven kinderen bij de praktijk vóór de start' });
		db3.close();
		// X (4 children, GM9902) has no comparison practice in its gemeente: it falls back to all
		// practices without a placement (B..F), and may not be shown.
		const db2 = await database(BASE(), [T_OJG, { praktijk: 'X', functie: 'ojg', start: '2024-07-15' }]);
		const x = (await ojgEffect(db2, 6, 'gemeente', 5)).plaatsingen.find((p) => p.praktijk_code === 'X')!;
		expect(x).toMatchObject({ status: 'niet_te_tonen', reden: 'te weinig ingeschreven kinderen (<5) in 2024', vergelijking: { praktijken: 5, fallback: true } });
		db2.close();
	});

	it('without 12 months of data before the start: niet te schatten', async () => {
		const db = await database(BASE());
		const r = await ojgEffect(db, 12, 'gemeente', 5);
		expect(r.plaatsingen[0]).toMatchObject({ status: 'niet_te_schatten', effect_pct: null });
		expect(r.plaatsingen[0].reden).toBe('te weinig gegevens vóór de start: nodig vanaf 2023-07, gegevens vanaf 2024-01');
		expect(r.overall).toBeNull();
		db.close();
	});
});

describe('ojgEffect: referrals to the OJG', () => {
	it('publishes the window sums, months and 3-month sums through the cell key method', async () => {
		// 6 referrals to the OJG a month in Aug 2024 – Jan 2025 (36 → 33), none before.
		const toOjg = POST.flatMap((m) => month(m, 6, 'T', { bestemming: 'ojg' }));
		const db = await database([...BASE(), ...toOjg]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect([p.naarOjgPre, p.naarOjgPreOnderdrukt, p.naarOjgPost]).toEqual([0, null, 33]);
		const sep = p.series.find((s) => s.maand === '2024-09')!;
		expect([sep.naarOjg, sep.naarOjgOnderdrukt]).toEqual([null, 'klein']); // 6 → 3: "<5"
		expect(p.series.find((s) => s.maand === '2024-10')!.naarOjg3).toBe(15); // 18 → 15
		expect(p.doorverwezenBinnen6m.beschikbaar).toBe(false); // no client pseudonyms
		db.close();
	});

	it('the follow-up share comes from published counts of children', async () => {
		// 12 children first seen by the OJG in August 2024 (gezien 12 → 9); 8 of them referred to
		// lijn 2 within 6 months, by practice X (doorverwezen 8 → 5): share 5/9.
		const seen = Array.from({ length: 12 }, (_, i) => ({ datum: '2024-08-05', praktijk: 'T', bestemming: 'ojg', client: `k${i}` }));
		const referred = Array.from({ length: 8 }, (_, i) => ({ datum: '2024-11-05', praktijk: 'X', client: `k${i}` }));
		const db = await database([...BASE(), ...seen, ...referred]);
		const [p] = (await ojgEffect(db, 6, 'gemeente', 5)).plaatsingen;
		expect(p.doorverwezenBinnen6m.beschikbaar).toBe(true);
		expect(p.doorverwezenBinnen6m.aandeel).toBeCloseTo(5 / 9, 12);
		db.close();
	});
});

describe('OJG exports', () => {
	it('ojg-effect.csv has the placement, the calibration and the pooled row', async () => {
		const db = await database(BASE());
		const csv = await ojgEffectCsv({ db, params: new URLSearchParams('venster=6&vergelijking=gemeente'), k: 5 });
		const [header, t, alle] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		const col = (row: string[], name: string) => row[header.indexOf(name)];
		expect(header.slice(-3)).toEqual(['spreidingsfactor', 'vrijheidsgraden', 'reden']);
		expect([col(t, 'praktijk_code'), col(t, 'verwijzingen_pre'), col(t, 'verwijzingen_post'), col(t, 'verwijzingen_c_pre'), col(t, 'verwijzingen_c_post')]).toEqual(['T', '37', '20', '207', '190']);
		expect([col(t, 'effect_pct'), col(t, 'ci_low_pct'), col(t, 'ci_high_pct')]).toEqual(['-45,6', '-77,9', '33,7']);
		expect([col(t, 'spreidingsfactor'), col(t, 'vrijheidsgraden')]).toEqual(['1,234', '4']);
		expect(col(alle, 'praktijk_code')).toBe('ALLE');
		expect(col(alle, 'reden')).toBe('gewogen gemiddelde over deze plaatsingen (1 van 1)');
		expect([col(alle, 'spreidingsfactor'), col(alle, 'vrijheidsgraden')]).toEqual(['1,234', '4']);
		db.close();
	});

	it('ojg-reeks.csv has the published monthly and 3-month counts', async () => {
		const db = await database(BASE());
		const csv = await ojgSeriesCsv({ db, params: new URLSearchParams('venster=6&plaatsing=T-ojg-2024-07-15'), k: 5 });
		const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
		const row = (m: string) => rows.find((r) => r[header.indexOf('maand')] === m)!;
		const col = (r: string[], name: string) => r[header.indexOf(name)];
		expect(rows).toHaveLength(13);
		expect([col(row('2024-08'), 'periode'), col(row('2024-08'), 'naar_tweede_lijn'), col(row('2024-10'), 'naar_tweede_lijn_3m')]).toEqual(['na', '<5', '11']);
		expect([col(row('2024-01'), 'vergelijking_naar_tweede_lijn'), col(row('2024-01'), 'naar_tweede_lijn_3m')]).toEqual(['34', '']);
		db.close();
	});
});
