// OJG-effect: has placing an OJG, POH-jeugd or jeugdconsulent in a practice reduced second-line
// referrals of children? Difference-in-differences per placement against practices without such a
// placement (method in src/lib/ojg/did.ts and on the page), pooled over the placements.
//
// Outcome: lijn-2 referrals of 0-17-year-olds with the practice's code (any referrer, the OJG's own
// referrals included) per 1,000 registered 0-17-year-olds per year; a month is 1/12 of that year's
// registered population. Counts come from the suppressed practice cube (verwijzingen.ts), which
// holds the windows and comparison sums of every design as cells of their own: a hidden cell makes
// an estimate "niet te tonen", never a wrong number.

import type { Database } from '$lib/server/db/database';
import { parseFilters } from '$lib/server/referrals/filters';
import { allDesigns, designKeys, type Design, type Vergelijking } from './design';
import { isSmall, suppress, suppressedShare, type Cell } from '$lib/server/disclosure/suppression';
import { did, pool, toPct } from '$lib/ojg/did';
import { addMonths, yearOf } from '$lib/shared/periods';
import { LEEFTIJD_AGGREGATEN } from '$contract/codes';
import { placementRecords } from './placements';
import { DATA_RANGE_SQL } from '$lib/server/db/sql';
import { referralCube, type ReferralCube } from '$lib/server/referrals/verwijzingen';

export type EffectStatus = 'geschat' | 'niet_te_schatten' | 'niet_te_tonen';

export interface MonthPoint {
	maand: string;
	/** rate per 1,000 per year, null when hidden or unknown */
	praktijk: number | null;
	vergelijking: number | null;
	/** rolling 3-month rates (null until three visible months) */
	praktijk3: number | null;
	vergelijking3: number | null;
	/** second-line referrals of children (count), null when hidden */
	tweedeLijn: number | null;
	tweedeLijnOnderdrukt: Cell['onderdrukt'];
	/** referrals to the OJG / POH-jeugd (count), null when hidden */
	naarOjg: number | null;
	naarOjgOnderdrukt: Cell['onderdrukt'];
}

export interface PlacementEffect {
	id: string;
	praktijk_code: string;
	praktijk_naam: string;
	gemeente_naam: string;
	functie: string;
	start: string;
	eind: string | null;
	status: EffectStatus;
	reden: string | null;
	vergelijking: { praktijken: number; fallback: boolean };
	m0: string;
	pre: [string, string];
	post: [string, string];
	rate_pre: number | null;
	rate_post: number | null;
	rate_c_pre: number | null;
	rate_c_post: number | null;
	rr: number | null;
	rr_c: number | null;
	did: number | null;
	effect_pct: number | null;
	ci_low_pct: number | null;
	ci_high_pct: number | null;
	se: number | null;
	series: MonthPoint[];
	/** referrals to the OJG/POH-jeugd before and after (counts, null when hidden) */
	naarOjgPre: number | null;
	naarOjgPost: number | null;
	/** share of children first seen by the OJG in the post window referred to lijn 2 within 6 months */
	doorverwezenBinnen6m: { aandeel: number | null; beschikbaar: boolean };
}

export interface OjgEffect {
	venster: number;
	vergelijking: Vergelijking;
	k: number;
	dataVan: string | null;
	dataTot: string | null;
	plaatsingen: PlacementEffect[];
	overall: { did: number; effect_pct: number; ci_low_pct: number; ci_high_pct: number; n: number } | null;
}

const JEUGD = LEEFTIJD_AGGREGATEN['0-17'].join(',');

const NAMES_SQL = `SELECT p.praktijk_code, p.praktijk_naam, w.gemeente_naam FROM praktijken p JOIN wijken w USING (wijk_code)`;

const TO_OJG_SQL = `
	SELECT strftime(datum, '%Y-%m') AS maand, count(*) AS n
	FROM verwijzingen
	WHERE praktijk_code = $praktijk AND bestemming IN ('ojg', 'poh_jeugd')
		AND list_contains(string_split($groepen, ','), leeftijdsgroep)
		AND datum >= CAST($van AS DATE) AND datum <= CAST($tot AS DATE)
	GROUP BY ALL
	ORDER BY ALL`;

// Children first seen by the OJG / POH-jeugd of the practice in the post window (with at least six
// months of follow-up in the data), and how many of them were referred to lijn 2 within 6 months.
const FOLLOW_UP_SQL = `
	WITH seen AS (
		SELECT client_pseudo, min(datum) AS eerste FROM verwijzingen
		WHERE praktijk_code = $praktijk AND bestemming IN ('ojg', 'poh_jeugd') AND client_pseudo IS NOT NULL
			AND list_contains(string_split($groepen, ','), leeftijdsgroep)
			AND datum >= CAST($van AS DATE) AND datum <= CAST($tot AS DATE)
		GROUP BY client_pseudo
		HAVING min(datum) + INTERVAL 6 MONTH <= CAST($dataTot AS DATE)
	)
	SELECT count(*) AS gezien,
		count(*) FILTER (WHERE EXISTS (
			SELECT 1 FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
			WHERE v.client_pseudo = seen.client_pseudo AND b.lijn = 2
				AND v.datum > seen.eerste AND v.datum <= seen.eerste + INTERVAL 6 MONTH)) AS doorverwezen
	FROM seen`;

function lastDayOf(month: string): string {
	const next = addMonths(month, 1);
	return new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
}

/** Person-years of practices over months: sum of (registered 0-17 of the year) / 12; null when a year is missing. */
function personYears(cube: ReferralCube, codes: readonly string[], months: readonly string[]): { py: number; missing: string | null } {
	let py = 0;
	for (const m of months)
		for (const c of codes) {
			const pop = cube.populationOf(c, yearOf(m));
			if (pop === undefined) return { py: 0, missing: `${c} in ${yearOf(m)}` };
			py += pop / 12;
		}
	return { py, missing: null };
}

function rollingRates(counts: (number | null)[], py: (number | null)[]): (number | null)[] {
	return counts.map((_, i) => {
		if (i < 2) return null;
		const c = counts.slice(i - 2, i + 1);
		const p = py.slice(i - 2, i + 1);
		if (c.some((x) => x === null) || p.some((x) => x === null || x <= 0)) return null;
		return ((c as number[]).reduce((a, b) => a + b, 0) / (p as number[]).reduce((a, b) => a + b, 0)) * 1000;
	});
}

interface Bounds {
	first: string;
	lastComplete: string;
	dataTot: string;
}

async function substitution(db: Database, d: Design, k: number) {
	const span = [...d.w.pre, d.w.m0, ...d.w.post];
	const rows = await db.query<{ maand: string; n: number }>(TO_OJG_SQL, {
		praktijk: d.placement.praktijk_code,
		groepen: JEUGD,
		van: `${span[0]}-01`,
		tot: lastDayOf(span[span.length - 1])
	});
	const counts = new Map<string, number>(span.map((m) => [m, 0]));
	for (const r of rows) counts.set(r.maand, r.n);
	counts.set('pre', d.w.pre.reduce((s, m) => s + counts.get(m)!, 0));
	counts.set('post', d.w.post.reduce((s, m) => s + counts.get(m)!, 0));
	const groups = [
		['pre', ...d.w.pre],
		['post', ...d.w.post]
	];
	// A calendar year wholly inside the span is also a total shown elsewhere (Verwijzingen, bestemmingen).
	for (const y of new Set(span.map(yearOf))) {
		const months = span.filter((m) => yearOf(m) === y);
		if (months.length === 12) {
			counts.set(`jaar${y}`, months.reduce((s, m) => s + counts.get(m)!, 0));
			groups.push([`jaar${y}`, ...months]);
		}
	}
	return suppress(counts, groups, k);
}

async function followUp(db: Database, d: Design, bounds: Bounds, k: number) {
	const [r] = await db.query<{ gezien: number; doorverwezen: number }>(FOLLOW_UP_SQL, {
		praktijk: d.placement.praktijk_code,
		groepen: JEUGD,
		van: `${d.w.post[0]}-01`,
		tot: lastDayOf(d.w.post[d.w.post.length - 1]),
		dataTot: bounds.dataTot
	});
	if (!r || r.gezien === 0) return { aandeel: null, beschikbaar: false };
	return { aandeel: suppressedShare(r.doorverwezen, r.gezien, k), beschikbaar: true };
}

function estimate(d: Design, cube: ReferralCube, bounds: Bounds, k: number) {
	const fail = (status: EffectStatus, reden: string) => ({ status, reden, est: null });
	if (d.w.pre[0] < bounds.first) return fail('niet_te_schatten', `te weinig gegevens vóór de start: nodig vanaf ${d.w.pre[0]}, gegevens vanaf ${bounds.first}`);
	if (d.w.post[d.w.post.length - 1] > bounds.lastComplete)
		return fail('niet_te_schatten', `te recent: na de start zijn nog geen ${d.L} maanden gegevens (nodig t/m ${d.w.post[d.w.post.length - 1]}, gegevens t/m ${bounds.lastComplete})`);
	if (d.comparison.codes.length === 0) return fail('niet_te_schatten', 'geen vergelijkingspraktijken zonder OJG of POH-jeugd in deze periode');
	const t = d.placement.praktijk_code;
	const pys = {
		aPre: personYears(cube, [t], d.w.pre),
		aPost: personYears(cube, [t], d.w.post),
		cPre: personYears(cube, d.comparison.codes, d.w.pre),
		cPost: personYears(cube, d.comparison.codes, d.w.post)
	};
	const missing = Object.values(pys).find((p) => p.missing)?.missing;
	if (missing) return fail('niet_te_schatten', `populatie 0-17 ontbreekt voor praktijk ${missing}`);
	for (const y of new Set([...d.w.pre, ...d.w.post].map(yearOf))) {
		const pop = cube.populationOf(t, y)!;
		if (isSmall(pop, k)) return fail('niet_te_tonen', `te weinig ingeschreven kinderen (<${k}) in ${y}`);
	}
	const cells = {
		aPre: cube.cell(designKeys.treated(d, 'pre'))!,
		aPost: cube.cell(designKeys.treated(d, 'post'))!,
		cPre: cube.cell(designKeys.comparison(d, 'pre'))!,
		cPost: cube.cell(designKeys.comparison(d, 'post'))!
	};
	const labels = { aPre: 'de praktijk vóór de start', aPost: 'de praktijk na de start', cPre: 'de vergelijkingsgroep vóór', cPost: 'de vergelijkingsgroep na' };
	for (const [key, c] of Object.entries(cells) as [keyof typeof cells, Cell][])
		if (c.value === null) return fail('niet_te_tonen', `klein aantal verwijzingen (<${k}) bij ${labels[key]}`);
	for (const [key, c] of Object.entries(cells) as [keyof typeof cells, Cell][])
		if (c.value === 0) return fail('niet_te_schatten', `0 verwijzingen bij ${labels[key]}`);
	const est = did(
		{ aPre: cells.aPre.value!, aPost: cells.aPost.value!, cPre: cells.cPre.value!, cPost: cells.cPost.value! },
		{ aPre: pys.aPre.py, aPost: pys.aPost.py, cPre: pys.cPre.py, cPost: pys.cPost.py }
	);
	return { status: 'geschat' as EffectStatus, reden: null, est };
}

function series(d: Design, cube: ReferralCube, toOjg: Map<string, Cell>): MonthPoint[] {
	const span = [...d.w.pre, d.w.m0, ...d.w.post];
	const t = d.placement.praktijk_code;
	const tCells = span.map((m) => cube.cell(`${t}|${m}`));
	const tCounts = tCells.map((c) => c?.value ?? null);
	const cCounts = span.map((m) => cube.cell(designKeys.comparisonMonth(d, m))?.value ?? null);
	const tPy = span.map((m) => {
		const p = cube.populationOf(t, yearOf(m));
		return p === undefined ? null : p / 12;
	});
	const cPy = span.map((m) => {
		const p = personYears(cube, d.comparison.codes, [m]);
		return p.missing ? null : p.py;
	});
	const rate = (c: number | null, py: number | null) => (c === null || py === null || py <= 0 ? null : (c / py) * 1000);
	const t3 = rollingRates(tCounts, tPy);
	const c3 = rollingRates(cCounts, cPy);
	return span.map((m, i) => ({
		maand: m,
		praktijk: rate(tCounts[i], tPy[i]),
		vergelijking: rate(cCounts[i], cPy[i]),
		praktijk3: t3[i],
		vergelijking3: c3[i],
		tweedeLijn: tCounts[i],
		tweedeLijnOnderdrukt: tCells[i]?.onderdrukt ?? null,
		naarOjg: toOjg.get(m)?.value ?? null,
		naarOjgOnderdrukt: toOjg.get(m)?.onderdrukt ?? null
	}));
}

/** The OJG-effect for a window length and comparison choice, per placement and pooled. */
export async function ojgEffect(db: Database, venster: number, vergelijking: Vergelijking, k: number): Promise<OjgEffect> {
	const empty: OjgEffect = { venster, vergelijking, k, dataVan: null, dataTot: null, plaatsingen: [], overall: null };
	const [[range], { placements, practices }, names] = await Promise.all([
		db.deliveryPeriod<{ eerste: string | null; laatste: string | null }>(DATA_RANGE_SQL),
		placementRecords(db),
		db.query<{ praktijk_code: string; praktijk_naam: string; gemeente_naam: string }>(NAMES_SQL)
	]);
	if (!range?.eerste || !range.laatste) return { ...empty, plaatsingen: [] };
	const lastMonth = range.laatste.slice(0, 7);
	const bounds: Bounds = {
		first: range.eerste.slice(0, 7),
		lastComplete: lastDayOf(lastMonth) === range.laatste ? lastMonth : addMonths(lastMonth, -1),
		dataTot: range.laatste
	};
	// The cube without a gemeente filter, so comparison groups may span gemeenten.
	const cube = await referralCube(db, parseFilters(new URLSearchParams('niveau=praktijk&lijn=2&leeftijd=0-17')), k);
	const designs = allDesigns(placements, practices).filter((d) => d.L === venster && d.mode === vergelijking);
	const name = new Map(names.map((n) => [n.praktijk_code, n]));

	const plaatsingen = await Promise.all(
		designs.map(async (d): Promise<PlacementEffect> => {
			const { status, reden, est } = estimate(d, cube, bounds, k);
			const span = [...d.w.pre, d.w.m0, ...d.w.post];
			const inData = span[0] >= bounds.first && span[span.length - 1] <= lastMonth;
			const toOjg = inData ? await substitution(db, d, k) : new Map<string, Cell>();
			return {
				id: d.id,
				praktijk_code: d.placement.praktijk_code,
				praktijk_naam: name.get(d.placement.praktijk_code)?.praktijk_naam ?? d.placement.praktijk_code,
				gemeente_naam: name.get(d.placement.praktijk_code)?.gemeente_naam ?? '',
				functie: d.placement.functie,
				start: d.placement.start,
				eind: d.placement.eind,
				status,
				reden,
				vergelijking: { praktijken: d.comparison.codes.length, fallback: d.comparison.fallback },
				m0: d.w.m0,
				pre: [d.w.pre[0], d.w.pre[d.w.pre.length - 1]],
				post: [d.w.post[0], d.w.post[d.w.post.length - 1]],
				rate_pre: est?.ratePre ?? null,
				rate_post: est?.ratePost ?? null,
				rate_c_pre: est?.rateCPre ?? null,
				rate_c_post: est?.rateCPost ?? null,
				rr: est?.rr ?? null,
				rr_c: est?.rrC ?? null,
				did: est?.did ?? null,
				effect_pct: est ? toPct(est.did) : null,
				ci_low_pct: est ? toPct(est.ciLow) : null,
				ci_high_pct: est ? toPct(est.ciHigh) : null,
				se: est?.se ?? null,
				series: inData ? series(d, cube, toOjg) : [],
				naarOjgPre: toOjg.get('pre')?.value ?? null,
				naarOjgPost: toOjg.get('post')?.value ?? null,
				doorverwezenBinnen6m: inData && d.w.post[d.w.post.length - 1] <= bounds.lastComplete ? await followUp(db, d, bounds, k) : { aandeel: null, beschikbaar: false }
			};
		})
	);
	const pooled = pool(plaatsingen.filter((p) => p.status === 'geschat').map((p) => ({ lnDid: Math.log(p.did!), se: p.se! })));
	return {
		venster,
		vergelijking,
		k,
		dataVan: range.eerste,
		dataTot: range.laatste,
		plaatsingen,
		overall: pooled && { did: pooled.did, effect_pct: toPct(pooled.did), ci_low_pct: toPct(pooled.ciLow), ci_high_pct: toPct(pooled.ciHigh), n: pooled.n }
	};
}

