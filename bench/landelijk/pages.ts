// Pages and exports at national scale (issue 14): p50/p95 over warm requests of every page and
// every export, for the whole country, one gemeente and one wijk, next to the bare DuckDB query
// that computes the same referral figures from the referral rows; the server's peak RSS; and the
// JavaScript each page ships (gzip). Used by `npm run bench -- --schaal landelijk` (bench/landelijk/run.ts).

import fs from 'node:fs';
import zlib from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { startServer } from '../../tests/browser/server';
import { ADMIN, sessionFetch, signIn, type Session } from '../../tests/browser/session';
import { UserStore } from '../../src/lib/server/auth/users';

export interface PageMeasurement {
	/** 'land', 'gemeente' or 'wijk' */
	schaal: string;
	route: string;
	status: number;
	/** the first request after the server started (nothing cached yet) */
	eersteMs: number;
	p50: number;
	p95: number;
	/** the bare DuckDB query of the same referral figures, median of 5 runs; null for other pages */
	kaalMs: number | null;
	bytes: number;
}

export interface PagesResult {
	metingen: PageMeasurement[];
	serverPiekRssMb: number;
	jsPerPagina: { route: string; gzipKb: number }[];
	gemeente: string;
	wijk: string;
}

const REFERRAL_SQL = {
	// /verwijzingen default: lijn 2, per wijk (client) per quarter
	wijkKwartaal: (where: string) => `SELECT v.wijk_code, year(v.datum), quarter(v.datum), count(*), sum(v.celsleutel) % 256
		FROM verwijzingen v JOIN bestemmingen b USING (bestemming) JOIN wijken w ON w.wijk_code = v.wijk_code
		WHERE b.lijn = 2 ${where} GROUP BY ALL`,
	gemeenteJaar: (where: string) => `SELECT w.gemeente_code, year(v.datum), count(*), sum(v.celsleutel) % 256
		FROM verwijzingen v JOIN bestemmingen b USING (bestemming) JOIN wijken w ON w.wijk_code = v.wijk_code
		WHERE b.lijn = 2 ${where} GROUP BY ALL`,
	praktijkMaand: (where: string) => `SELECT v.praktijk_code, strftime(v.datum, '%Y-%m'), count(*), sum(v.celsleutel) % 256
		FROM verwijzingen v JOIN bestemmingen b USING (bestemming) JOIN praktijken p USING (praktijk_code) JOIN wijken w ON w.wijk_code = p.wijk_code
		WHERE b.lijn = 2 ${where} GROUP BY ALL`,
	bestemmingen: (where: string) => `SELECT b.lijn, b.bestemming, count(*), sum(v.celsleutel) % 256
		FROM verwijzingen v JOIN bestemmingen b USING (bestemming) JOIN wijken w ON w.wijk_code = v.wijk_code
		WHERE true ${where} GROUP BY GROUPING SETS ((b.lijn, b.bestemming), (b.lijn), ())`,
	ojg: () => `SELECT v.praktijk_code, strftime(v.datum, '%Y-%m'), count(*), sum(v.celsleutel) % 256
		FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
		WHERE b.lijn = 2 AND v.leeftijdsgroep IN ('0-3', '4-11', '12-17') AND v.praktijk_code IS NOT NULL GROUP BY ALL`
};

interface Target {
	schaal: 'land' | 'gemeente' | 'wijk';
	route: string;
	kaal?: string;
}

function targets(gemeente: string, wijk: string): Target[] {
	const g = `AND w.gemeente_code = '${gemeente}'`;
	const wk = `AND w.wijk_code = '${wijk}'`;
	const out: Target[] = [];
	for (const [schaal, q, where] of [
		['land', '', ''],
		['gemeente', `gemeente=${gemeente}`, g],
		['wijk', `wijk=${wijk}`, wk]
	] as const) {
		const amp = q ? `&${q}` : '';
		const qm = q ? `?${q}` : '';
		out.push(
			{ schaal, route: `/verwijzingen${qm}`, kaal: REFERRAL_SQL.wijkKwartaal(where) },
			{ schaal, route: `/verwijzingen?niveau=praktijk&periode=maand${amp}`, kaal: REFERRAL_SQL.praktijkMaand(where) },
			{ schaal, route: `/export/verwijzingen.csv?niveau=wijk&periode=kwartaal${amp}`, kaal: REFERRAL_SQL.wijkKwartaal(where) },
			{ schaal, route: `/export/verwijzingen.csv?niveau=gemeente&periode=jaar${amp}`, kaal: REFERRAL_SQL.gemeenteJaar(where) },
			// The same table as Excel and Arrow, and the largest export (practice x month), streamed.
			{ schaal, route: `/export/verwijzingen.xlsx?niveau=wijk&periode=kwartaal${amp}`, kaal: REFERRAL_SQL.wijkKwartaal(where) },
			{ schaal, route: `/export/verwijzingen.arrow?niveau=wijk&periode=kwartaal${amp}`, kaal: REFERRAL_SQL.wijkKwartaal(where) },
			{ schaal, route: `/export/verwijzingen.csv?niveau=praktijk&periode=maand${amp}`, kaal: REFERRAL_SQL.praktijkMaand(where) },
			{ schaal, route: `/export/verwijzingen.arrow?niveau=praktijk&periode=maand${amp}`, kaal: REFERRAL_SQL.praktijkMaand(where) },
			{ schaal, route: `/export/bestemmingen.csv${qm}`, kaal: REFERRAL_SQL.bestemmingen(where) }
		);
	}
	out.push(
		{ schaal: 'land', route: '/', kaal: REFERRAL_SQL.gemeenteJaar('') },
		{ schaal: 'land', route: '/export/kerncijfers.csv', kaal: REFERRAL_SQL.gemeenteJaar('') },
		{ schaal: 'land', route: '/export/kerncijfers.xlsx', kaal: REFERRAL_SQL.gemeenteJaar('') },
		{ schaal: 'gemeente', route: `/export/kerncijfers.csv?niveau=wijk&gemeente=${gemeente}`, kaal: REFERRAL_SQL.gemeenteJaar(g) },
		{ schaal: 'wijk', route: `/wijk/${wijk}`, kaal: REFERRAL_SQL.wijkKwartaal(wk) },
		{ schaal: 'land', route: '/ojg', kaal: REFERRAL_SQL.ojg() },
		{ schaal: 'land', route: '/export/ojg-effect.csv', kaal: REFERRAL_SQL.ojg() },
		{ schaal: 'land', route: '/export/ojg-effect.xlsx', kaal: REFERRAL_SQL.ojg() },
		{ schaal: 'land', route: '/export/ojg-reeks.csv', kaal: REFERRAL_SQL.ojg() },
		{ schaal: 'land', route: '/leerbijeenkomsten' },
		{ schaal: 'land', route: '/leerbijeenkomsten/rapport' },
		{ schaal: 'land', route: '/export/leerbijeenkomsten.csv' },
		{ schaal: 'land', route: '/export/leerbijeenkomsten.xlsx' },
		{ schaal: 'land', route: '/export/leerbijeenkomsten.arrow' },
		{ schaal: 'land', route: '/export/rapportcijfers.csv' },
		{ schaal: 'land', route: '/export/ja-nee-vragen.csv' },
		{ schaal: 'land', route: '/werkafspraken' },
		{ schaal: 'land', route: '/export/werkafspraken.csv' },
		{ schaal: 'land', route: '/werkplannen' },
		{ schaal: 'land', route: '/werkplannen/rapport' },
		{ schaal: 'land', route: '/export/werkplannen.csv' },
		{ schaal: 'land', route: '/export/werkplannen.xlsx' },
		{ schaal: 'land', route: '/export/mijlpalen.csv' },
		{ schaal: 'land', route: '/swot' },
		{ schaal: 'land', route: '/export/swot.csv' },
		{ schaal: 'land', route: '/bronnen' },
		{ schaal: 'land', route: '/export/bronnen.csv' }
	);
	return out;
}

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];

/** One request; a request that fails outright (a timeout, a dropped connection) is status 0. */
async function timed(session: Session, route: string): Promise<{ ms: number; status: number; bytes: number; body: Buffer }> {
	const t = performance.now();
	try {
		const res = await sessionFetch(session, route);
		const body = Buffer.from(await res.arrayBuffer());
		return { ms: performance.now() - t, status: res.status, bytes: body.length, body };
	} catch {
		return { ms: performance.now() - t, status: 0, bytes: 0, body: Buffer.alloc(0) };
	}
}

/** The gemeente and wijk with the most referrals: the heaviest single-unit views. */
async function busiest(dbPath: string): Promise<{ gemeente: string; wijk: string }> {
	const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
	const c = await instance.connect();
	try {
		const g = (await c.runAndReadAll(`SELECT w.gemeente_code FROM verwijzingen v JOIN wijken w USING (wijk_code) GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1`)).getRows()[0][0];
		const w = (await c.runAndReadAll(`SELECT wijk_code FROM verwijzingen GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1`)).getRows()[0][0];
		return { gemeente: String(g), wijk: String(w) };
	} finally {
		c.closeSync();
		instance.closeSync();
	}
}

/** Median of 5 runs of a query on a fresh read-only DuckDB, as bare as it gets. */
async function bare(dbPath: string, sql: string): Promise<number> {
	const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
	const c = await instance.connect();
	try {
		await c.runAndReadAll(sql);
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t = performance.now();
			await c.runAndReadAll(sql);
			times.push(performance.now() - t);
		}
		return times.sort((a, b) => a - b)[2];
	} finally {
		c.closeSync();
		instance.closeSync();
	}
}

function peakRssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return kb / 1024;
}

/**
 * The gzip size of the JavaScript a page loads: the module scripts and preloads of its HTML and,
 * followed through every static and dynamic import, the chunks they pull in (each counted once).
 */
export async function shippedJs(session: Session, html: string): Promise<number> {
	// From the HTML: its scripts, preloads and the imports of its inline start script (the page's
	// own nodes). From a chunk: only its static imports; its dynamic imports are other pages' nodes.
	const found = (text: string, base: string, dynamic: boolean) =>
		[...text.matchAll(dynamic ? /(?:import\(\s*"|from\s*"|import\s*"|href="|src=")([^"]+\.js)"/g : /(?:from\s*"|import\s*")([^"]+\.js)"/g)].map((m) => new URL(m[1], base).pathname);
	const queue = found(html, 'http://x/', true).filter((p) => p.includes('/_app/'));
	const seen = new Set<string>();
	let total = 0;
	while (queue.length) {
		const p = queue.pop()!;
		if (seen.has(p)) continue;
		seen.add(p);
		const res = await sessionFetch(session, p);
		if (res.status !== 200) continue;
		const body = Buffer.from(await res.arrayBuffer());
		total += zlib.gzipSync(body).length;
		for (const next of found(body.toString('utf8'), `http://x${p}`, false)) if (!seen.has(next)) queue.push(next);
	}
	return total;
}

export async function measurePages(dbPath: string, workDir: string, rounds = 50, log: (line: string) => void = console.log): Promise<PagesResult> {
	const { gemeente, wijk } = await busiest(dbPath);
	const users = new UserStore(`${workDir}/gebruikers.json`);
	const server = await startServer(dbPath, { MONITOR_USERS: users.path, MONITOR_ADMIN_PASSWORD: ADMIN.wachtwoord });
	const metingen: PageMeasurement[] = [];
	const jsPerPagina: { route: string; gzipKb: number }[] = [];
	let rss = 0;
	try {
		const session = await signIn(server.url, ADMIN);
		for (const t of targets(gemeente, wijk)) {
			const first = await timed(session, t.route);
			const times: number[] = [];
			let status = first.status;
			for (let i = 0; i < rounds && status === 200; i++) {
				const r = await timed(session, t.route);
				if (r.status !== 200) status = r.status;
				times.push(r.ms);
			}
			if (times.length === 0) times.push(first.ms);
			times.sort((a, b) => a - b);
			const kaalMs = t.kaal ? await bare(dbPath, t.kaal) : null;
			const m = { schaal: t.schaal, route: t.route, status, eersteMs: first.ms, p50: quantile(times, 0.5), p95: quantile(times, 0.95), kaalMs, bytes: first.bytes };
			metingen.push(m);
			log(`${t.schaal.padEnd(8)} ${t.route.padEnd(70)} ${status} eerste ${first.ms.toFixed(0)} ms, p50 ${m.p50.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms${kaalMs === null ? '' : `, kaal ${kaalMs.toFixed(0)} ms`}`);
			if (!t.route.startsWith('/export/') && first.status === 200) jsPerPagina.push({ route: t.route, gzipKb: (await shippedJs(session, first.body.toString('utf8'))) / 1024 });
		}
		rss = peakRssMb(server.pid);
	} finally {
		await server.stop();
	}
	return { metingen, serverPiekRssMb: rss, jsPerPagina, gemeente, wijk };
}
