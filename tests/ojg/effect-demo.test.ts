// The OJG-effect on the demo data against an independent computation of the method (plain SQL
// counts and the formulas written out here), and against the effect the demo generator planted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OJG_EFFECT } from '../../pipelines/demo/generate';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { Database } from '$lib/server/db/database';
import { ojgEffect } from '$lib/server/ojg/effect';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-ojg-demo-'));
const file = path.join(dir, 'demo.duckdb');
let db: Database;
beforeAll(async () => {
	await buildDemoDatabase(file);
	db = new Database(file);
}, 120_000);
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Month index → first day 'YYYY-MM-DD'. */
const ym = (y: number, m: number) => {
	const t = y * 12 + m;
	return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`;
};

async function independent(L: number) {
	const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
	const c = await instance.connect();
	const q = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
	const placements = await q(`SELECT o.praktijk_code AS p, strftime(o.start, '%Y-%m-%d') AS start, strftime(o.eind, '%Y-%m-%d') AS eind, w.gemeente_code AS g
		FROM ojg_inzet o JOIN praktijken USING (praktijk_code) JOIN wijken w USING (wijk_code) ORDER BY o.start`);
	const all = await q(`SELECT praktijk_code AS p, strftime(start, '%Y-%m-%d') AS start, strftime(eind, '%Y-%m-%d') AS eind FROM ojg_inzet`);
	const practices = await q(`SELECT p.praktijk_code AS p, w.gemeente_code AS g FROM praktijken p JOIN wijken w USING (wijk_code)`);
	const out = new Map<string, { effect: number; low: number; high: number; lnDid: number; se: number }>();
	for (const pl of placements) {
		const [y, m] = [Number(String(pl.start).slice(0, 4)), Number(String(pl.start).slice(5, 7)) - 1];
		const preFrom = ym(y, m - L), preTo = ym(y, m), postFrom = ym(y, m + 1), postTo = ym(y, m + 1 + L);
		if (preFrom < '2016-01-01' || postTo > '2026-01-01') continue;
		const spanEnd = new Date(Date.parse(postTo) - 86_400_000).toISOString().slice(0, 10);
		const busy = new Set(all.filter((o) => String(o.start) <= spanEnd && (o.eind === null || String(o.eind) >= preFrom)).map((o) => o.p));
		let comp = practices.filter((x) => x.g === pl.g && !busy.has(x.p) && x.p !== pl.p).map((x) => String(x.p));
		if (comp.length === 0) comp = practices.filter((x) => !busy.has(x.p) && x.p !== pl.p).map((x) => String(x.p));
		const list = (ps: string[]) => ps.map((p) => `'${p}'`).join(',');
		const count = async (ps: string[], from: string, to: string) =>
			Number((await q(`SELECT count(*) AS n FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
				WHERE b.lijn = 2 AND v.leeftijdsgroep IN ('0-3','4-11','12-17') AND v.praktijk_code IN (${list(ps)})
				AND v.datum >= DATE '${from}' AND v.datum < DATE '${to}'`))[0].n);
		// Person-years: for every month, that year's registered 0-17 / 12.
		const py = async (ps: string[], from: string, to: string) =>
			Number((await q(`SELECT sum(aantal) / 12.0 AS py FROM populatie_praktijk p,
				generate_series(DATE '${from}', DATE '${to}' - INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(maand)
				WHERE p.jaar = year(t.maand) AND p.leeftijdsgroep IN ('0-3','4-11','12-17') AND p.praktijk_code IN (${list(ps)})`))[0].py);
		const a1 = await count([String(pl.p)], preFrom, preTo), a2 = await count([String(pl.p)], postFrom, postTo);
		const c1 = await count(comp, preFrom, preTo), c2 = await count(comp, postFrom, postTo);
		const rr = a2 / (await py([String(pl.p)], postFrom, postTo)) / (a1 / (await py([String(pl.p)], preFrom, preTo)));
		const rrc = c2 / (await py(comp, postFrom, postTo)) / (c1 / (await py(comp, preFrom, preTo)));
		const lnDid = Math.log(rr / rrc);
		const se = Math.sqrt(1 / a1 + 1 / a2 + 1 / c1 + 1 / c2);
		out.set(`${pl.p}-${pl.start}`, { effect: (Math.exp(lnDid) - 1) * 100, low: (Math.exp(lnDid - 1.96 * se) - 1) * 100, high: (Math.exp(lnDid + 1.96 * se) - 1) * 100, lnDid, se });
	}
	c.closeSync();
	instance.closeSync();
	return out;
}

describe('OJG-effect on the demo data', () => {
	for (const L of [12, 24]) {
		it(`matches an independent computation (${L} months)`, async () => {
			const expected = await independent(L);
			const r = await ojgEffect(db, L, 'gemeente', 5);
			const estimated = r.plaatsingen.filter((p) => p.status === 'geschat');
			expect(estimated.length).toBeGreaterThanOrEqual(4);
			for (const p of estimated) {
				const e = expected.get(`${p.praktijk_code}-${p.start}`)!;
				expect(p.effect_pct).toBeCloseTo(e.effect, 8);
				expect(p.ci_low_pct).toBeCloseTo(e.low, 2);
				expect(p.ci_high_pct).toBeCloseTo(e.high, 2);
			}
			// Placements the page cannot estimate are listed with a reason, never dropped.
			for (const p of r.plaatsingen.filter((x) => x.status !== 'geschat')) expect(p.reden).toBeTruthy();
			// Pooled: inverse-variance weighted mean of ln DiD.
			const w = estimated.map((p) => 1 / expected.get(`${p.praktijk_code}-${p.start}`)!.se ** 2);
			const ln = estimated.reduce((s, p, i) => s + w[i] * expected.get(`${p.praktijk_code}-${p.start}`)!.lnDid, 0) / w.reduce((a, b) => a + b, 0);
			expect(r.overall!.effect_pct).toBeCloseTo((Math.exp(ln) - 1) * 100, 8);
		});
	}

	it('shows the drop the demo generator planted', async () => {
		const r = await ojgEffect(db, 12, 'gemeente', 5);
		expect(r.plaatsingen).toHaveLength(7);
		const o = r.overall!;
		expect(o.ci_high_pct).toBeLessThan(0); // a real drop
		expect(o.ci_low_pct).toBeLessThan(-OJG_EFFECT * 100); // that covers the planted -35%
		expect(o.ci_high_pct).toBeGreaterThan(-OJG_EFFECT * 100);
	});
});
