// The OJG-effect on the demo data against an independent computation of the method (plain SQL
// counts per practice and window, the placebo calibration and a t quantile written out here), and
// against the effect the demo generator planted.
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

/** ln Gamma (Lanczos, g = 7, n = 9). */
function lnGamma(x: number): number {
	const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
	x -= 1;
	let a = c[0];
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += c[i] / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** t(0.975, nu) by bisection on the t distribution function, integrated by Simpson's rule. */
function t975(nu: number): number {
	const logC = lnGamma((nu + 1) / 2) - lnGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
	const density = (x: number) => Math.exp(logC - ((nu + 1) / 2) * Math.log(1 + (x * x) / nu));
	const cdf = (x: number) => {
		const n = 4000;
		const h = x / n;
		let s = density(0) + density(x);
		for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * density(i * h);
		return 0.5 + (s * h) / 3;
	};
	let [lo, hi] = [1, 20];
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (cdf(mid) < 0.975) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

interface Independent {
	lnDid: number;
	se: number;
	effect: number;
	low: number;
	high: number;
}

async function independent(L: number) {
	const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
	const c = await instance.connect();
	const q = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
	const placements = await q(`SELECT o.praktijk_code AS p, strftime(o.start, '%Y-%m-%d') AS start, strftime(o.eind, '%Y-%m-%d') AS eind, w.gemeente_code AS g
		FROM ojg_inzet o JOIN praktijken USING (praktijk_code) JOIN wijken w USING (wijk_code) ORDER BY o.start`);
	const all = await q(`SELECT praktijk_code AS p, strftime(start, '%Y-%m-%d') AS start, strftime(eind, '%Y-%m-%d') AS eind FROM ojg_inzet`);
	const practices = await q(`SELECT p.praktijk_code AS p, w.gemeente_code AS g FROM praktijken p JOIN wijken w USING (wijk_code)`);
	// Referrals (lijn 2, 0-17) and person-years (that year's registered 0-17 / 12 per month) of one practice.
	const count = async (p: string, from: string, to: string) =>
		Number((await q(`SELECT count(*) AS n FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
			WHERE b.lijn = 2 AND v.leeftijdsgroep IN ('0-3','4-11','12-17') AND v.praktijk_code = '${p}'
			AND v.datum >= DATE '${from}' AND v.datum < DATE '${to}'`))[0].n);
	const py = async (p: string, from: string, to: string) =>
		Number((await q(`SELECT coalesce(sum(aantal), 0) / 12.0 AS py FROM populatie_praktijk p,
			generate_series(DATE '${from}', DATE '${to}' - INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(maand)
			WHERE p.jaar = year(t.maand) AND p.leeftijdsgroep IN ('0-3','4-11','12-17') AND p.praktijk_code = '${p}'`))[0].py);
	type Unit = { a1: number; a2: number; p1: number; p2: number };
	const unit = async (p: string, w: { preFrom: string; preTo: string; postFrom: string; postTo: string }): Promise<Unit> => ({
		a1: await count(p, w.preFrom, w.preTo),
		a2: await count(p, w.postFrom, w.postTo),
		p1: await py(p, w.preFrom, w.preTo),
		p2: await py(p, w.postFrom, w.postTo)
	});
	const sum = (us: Unit[]) => us.reduce((s, u) => ({ a1: s.a1 + u.a1, a2: s.a2 + u.a2, p1: s.p1 + u.p1, p2: s.p2 + u.p2 }), { a1: 0, a2: 0, p1: 0, p2: 0 });
	const lnDidOf = (t: Unit, c: Unit) => ({
		lnDid: Math.log(((t.a2 / t.p2) * (t.a1 > 0 ? t.p1 / t.a1 : NaN)) / ((c.a2 / c.p2) * (c.p1 / c.a1))),
		se: Math.sqrt(1 / t.a1 + 1 / t.a2 + 1 / c.a1 + 1 / c.a2)
	});

	const estimates = new Map<string, { lnDid: number; se: number }>();
	const z: number[] = [];
	for (const pl of placements) {
		const [y, m] = [Number(String(pl.start).slice(0, 4)), Number(String(pl.start).slice(5, 7)) - 1];
		const w = { preFrom: ym(y, m - L), preTo: ym(y, m), postFrom: ym(y, m + 1), postTo: ym(y, m + 1 + L) };
		if (w.preFrom < '2016-01-01' || w.postTo > '2026-01-01') continue;
		const spanEnd = new Date(Date.parse(w.postTo) - 86_400_000).toISOString().slice(0, 10);
		const busy = new Set(all.filter((o) => String(o.start) <= spanEnd && (o.eind === null || String(o.eind) >= w.preFrom)).map((o) => o.p));
		let comp = practices.filter((x) => x.g === pl.g && !busy.has(x.p) && x.p !== pl.p).map((x) => String(x.p));
		if (comp.length === 0) comp = practices.filter((x) => !busy.has(x.p) && x.p !== pl.p).map((x) => String(x.p));
		const t = await unit(String(pl.p), w);
		const units = await Promise.all(comp.map((p) => unit(p, w)));
		const c = sum(units);
		// The demo's counts are all well above k + D = 8 and above 0: every such placement is estimated.
		if ([t.a1, t.a2, c.a1, c.a2].some((n) => n < 8)) continue;
		estimates.set(`${pl.p}-${pl.start}`, lnDidOf(t, c));
		if (units.length >= 2)
			for (const j of units) {
				const rest = sum(units.filter((u) => u !== j));
				if ([j.a1, j.a2, rest.a1, rest.a2].some((n) => n === 0)) continue;
				const e = lnDidOf(j, rest);
				z.push(e.lnDid / e.se);
			}
	}
	c.closeSync();
	instance.closeSync();
	const phi = Math.max(1, z.reduce((s, v) => s + v * v, 0) / z.length);
	const nu = z.length - 1;
	const t = t975(nu);
	const out = new Map<string, Independent>();
	for (const [id, e] of estimates) {
		const half = t * Math.sqrt(phi) * e.se;
		out.set(id, { ...e, effect: (Math.exp(e.lnDid) - 1) * 100, low: (Math.exp(e.lnDid - half) - 1) * 100, high: (Math.exp(e.lnDid + half) - 1) * 100 });
	}
	let sw = 0;
	let swx = 0;
	for (const e of estimates.values()) {
		sw += 1 / e.se ** 2;
		swx += e.lnDid / e.se ** 2;
	}
	const ln = swx / sw;
	const half = t * Math.sqrt(phi / sw);
	return { placements: out, phi, nu, pooled: { effect: (Math.exp(ln) - 1) * 100, low: (Math.exp(ln - half) - 1) * 100, high: (Math.exp(ln + half) - 1) * 100 } };
}

describe('OJG-effect on the demo data', () => {
	for (const L of [12, 24]) {
		it(`matches an independent computation, intervals and calibration included (${L} months)`, async () => {
			const expected = await independent(L);
			const r = await ojgEffect(db, L, 'gemeente', 5);
			const estimated = r.plaatsingen.filter((p) => p.status === 'geschat');
			expect(estimated.length).toBeGreaterThanOrEqual(4);
			expect(estimated.map((p) => `${p.praktijk_code}-${p.start}`).sort()).toEqual([...expected.placements.keys()].sort());
			expect(r.kalibratie!.spreidingsfactor).toBeCloseTo(expected.phi, 9);
			expect(r.kalibratie!.vrijheidsgraden).toBe(expected.nu);
			for (const p of estimated) {
				const e = expected.placements.get(`${p.praktijk_code}-${p.start}`)!;
				expect(p.effect_pct).toBeCloseTo(e.effect, 8);
				expect(p.ci_low_pct).toBeCloseTo(e.low, 4);
				expect(p.ci_high_pct).toBeCloseTo(e.high, 4);
			}
			// Placements the page cannot estimate are listed with a reason, never dropped.
			for (const p of r.plaatsingen.filter((x) => x.status !== 'geschat')) expect(p.reden).toBeTruthy();
			expect(r.overall!.effect_pct).toBeCloseTo(expected.pooled.effect, 8);
			expect(r.overall!.ci_low_pct).toBeCloseTo(expected.pooled.low, 4);
			expect(r.overall!.ci_high_pct).toBeCloseTo(expected.pooled.high, 4);
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
