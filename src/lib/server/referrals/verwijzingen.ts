// Referral counts and rates per 1,000 person-years, per gemeente, wijk or praktijk and per month,
// quarter or year: the measure behind the Verwijzingen, Overzicht and Wijk pages and the
// /export/verwijzingen.csv contract.
//
// Every count is published through the cell key method (disclosure/cellKey.ts): one grouped query
// returns, per unit and period, the true count and the sum of its record keys, and publishCount
// perturbs it. A cell's published value depends only on its set of referrals, so a view, filter or
// period choice never changes what another view shows, and a gemeente total is a cell of its own
// (not the sum of its perturbed wijken).
//
// Denominators (noemer): 'inwoners' counts the referrals of clients living in the unit, per
// inhabitant of the selected age groups; 'patienten' counts the referrals made by the practices
// located in the unit (by the practice's wijk), per registered patient of those practices. Left
// to the monitor (noemer null), each unit and year uses inwoners when its inhabitants are loaded,
// otherwise patienten; a praktijk is always per patient. Rates are annualised (a month is 1/12
// person-year) so that periods can be compared, and computed from the published count.

import type { Database } from '$lib/server/db/database';
import { leeftijdsgroepen, type Filters, type Niveau, type Noemer } from './filters';
import { publishCount, CELL_KEY_MODULUS } from '$lib/server/disclosure/cellKey';
import { isSmall, suppressedRate, type Onderdrukt } from '$lib/server/disclosure/suppression';
import { monthRange, periodOf, yearOf, type PeriodKind } from '$lib/shared/periods';
import { AGE_FILTER, DATA_RANGE_SQL, REFERRAL_FILTER } from '$lib/server/db/sql';
import { MAX_PAGE_ROWS, MAX_PAGE_UNITS, unitBudget, type UnitLimit } from '$lib/referrals/limit';

export interface RateRow {
	periode: string;
	niveau: Niveau;
	niveau_code: string;
	niveau_naam: string;
	gemeente_code: string;
	gemeente_naam: string;
	/** the published (perturbed) count; null when it is "<k" (see onderdrukt) */
	verwijzingen: number | null;
	/** null when unknown or a small number */
	populatie: number | null;
	per_1000: number | null;
	onderdrukt: Onderdrukt;
	/** which referrals were counted and per whom (see the header) */
	noemer: Noemer;
}

export interface Unit {
	code: string;
	naam: string;
	wijk_code: string | null;
	gemeente_code: string;
	gemeente_naam: string;
}

/** Limits a query's units to `$codes` (comma-separated codes; NULL: every unit). */
const IN_CODES = (column: string) => `($codes IS NULL OR list_contains(string_split($codes, ','), ${column}))`;

const UNITS_SQL = `SELECT * FROM (
	SELECT DISTINCT gemeente_code AS code, gemeente_naam AS naam, NULL AS wijk_code, gemeente_code, gemeente_naam
	FROM wijken WHERE $niveau = 'gemeente' AND ($gemeente IS NULL OR gemeente_code = $gemeente)
	UNION ALL
	SELECT wijk_code, wijk_naam, wijk_code, gemeente_code, gemeente_naam
	FROM wijken WHERE $niveau = 'wijk' AND ($gemeente IS NULL OR gemeente_code = $gemeente) AND ($wijk IS NULL OR wijk_code = $wijk)
	UNION ALL
	SELECT p.praktijk_code, p.praktijk_naam, w.wijk_code, w.gemeente_code, w.gemeente_naam
	FROM praktijken p JOIN wijken w USING (wijk_code)
	WHERE $niveau = 'praktijk' AND ($gemeente IS NULL OR w.gemeente_code = $gemeente)
		AND ($wijk IS NULL OR w.wijk_code = $wijk) AND ($praktijk IS NULL OR p.praktijk_code = $praktijk)
	) WHERE ${IN_CODES('code')}
	ORDER BY gemeente_naam, naam`;

const PERIOD_SQL = `CASE $periode
		WHEN 'maand' THEN strftime(v.datum, '%Y-%m')
		WHEN 'kwartaal' THEN concat(year(v.datum), '-K', quarter(v.datum))
		WHEN 'geheel' THEN 'geheel'
		ELSE CAST(year(v.datum) AS VARCHAR) END`;

/** Keyed counts per unit and period, counted both ways the noemer allows (alias v, b). */
const COUNTS_SQL = `SELECT * FROM (
	SELECT 'inwoners' AS basis, CASE WHEN $niveau = 'gemeente' THEN w.gemeente_code ELSE v.wijk_code END AS unit,
		${PERIOD_SQL} AS periode, count(*) AS n, CAST(sum(v.celsleutel) % ${CELL_KEY_MODULUS} AS INTEGER) AS sleutel
	FROM verwijzingen v JOIN bestemmingen b USING (bestemming) JOIN wijken w ON w.wijk_code = v.wijk_code
	WHERE $inwoners AND year(v.datum) BETWEEN $van AND $tot AND ${REFERRAL_FILTER}
		AND ($gemeente IS NULL OR w.gemeente_code = $gemeente) AND ($wijk IS NULL OR v.wijk_code = $wijk)
	GROUP BY ALL
	UNION ALL
	SELECT 'patienten', CASE $niveau WHEN 'gemeente' THEN w.gemeente_code WHEN 'wijk' THEN w.wijk_code ELSE p.praktijk_code END,
		${PERIOD_SQL}, count(*), CAST(sum(v.celsleutel) % ${CELL_KEY_MODULUS} AS INTEGER)
	FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
		JOIN praktijken p ON p.praktijk_code = v.praktijk_code JOIN wijken w ON w.wijk_code = p.wijk_code
	WHERE $patienten AND year(v.datum) BETWEEN $van AND $tot AND ${REFERRAL_FILTER}
		AND ($gemeente IS NULL OR w.gemeente_code = $gemeente) AND ($wijk IS NULL OR w.wijk_code = $wijk)
		AND ($praktijk IS NULL OR p.praktijk_code = $praktijk)
	GROUP BY ALL
	) WHERE ${IN_CODES('unit')}`;

/** Inhabitants and registered patients of the selected age groups per unit and year. */
const POPULATION_SQL = `SELECT * FROM (
	SELECT 'inwoners' AS basis, CASE WHEN $niveau = 'gemeente' THEN w.gemeente_code ELSE w.wijk_code END AS unit, pw.jaar, sum(pw.aantal) AS aantal
	FROM populatie_wijk pw JOIN wijken w USING (wijk_code)
	WHERE $inwoners AND ${AGE_FILTER('pw.leeftijdsgroep')} AND ($gemeente IS NULL OR w.gemeente_code = $gemeente)
	GROUP BY ALL
	UNION ALL
	SELECT 'patienten', CASE $niveau WHEN 'gemeente' THEN w.gemeente_code WHEN 'wijk' THEN w.wijk_code ELSE p.praktijk_code END, pp.jaar, sum(pp.aantal)
	FROM populatie_praktijk pp JOIN praktijken p USING (praktijk_code) JOIN wijken w ON w.wijk_code = p.wijk_code
	WHERE $patienten AND ${AGE_FILTER('pp.leeftijdsgroep')} AND ($gemeente IS NULL OR w.gemeente_code = $gemeente)
	GROUP BY ALL
	) WHERE ${IN_CODES('unit')}`;

export function filterParams(f: Filters) {
	return {
		lijn: f.lijn,
		groepen: leeftijdsgroepen(f.leeftijd).join(','),
		domein: f.domein,
		verwijzer: f.verwijzer,
		gemeente: f.gemeente
	};
}

/** The data's months, limited to the years the filters choose. */
export async function viewMonths(db: Database, f: Pick<Filters, 'van' | 'tot'>): Promise<string[]> {
	const [range] = await db.deliveryPeriod<{ eerste: string | null; laatste: string | null }>(DATA_RANGE_SQL);
	if (!range?.eerste || !range.laatste) return [];
	return monthRange(range.eerste.slice(0, 7), range.laatste.slice(0, 7)).filter(
		(m) => (f.van === null || yearOf(m) >= f.van) && (f.tot === null || yearOf(m) <= f.tot)
	);
}

/**
 * The rows of one view (niveau, periode and filters), every unit and period, zeros included, or only
 * those of the units in `codes`; computed once per version of the database (Database.memo).
 */
export function referralRates(db: Database, f: Filters, k: number, codes: readonly string[] | null = null): Promise<RateRow[]> {
	return db.memo('referralRates', [f, k, codes], () => computeRates(db, f, k, codes));
}

/** Which referrals a unit's ranking counts: its own noemer when chosen, else its inhabitants'. */
const rankingBasis = (f: Filters): Noemer => (f.niveau === 'praktijk' || f.noemer === 'patienten' ? 'patienten' : 'inwoners');

export interface RankedUnit {
	code: string;
	/** the published count of the unit's referrals over the whole view; 0 when "<k" */
	verwijzingen: number;
}

/**
 * Every unit of a view, the one with the most referrals first (ties by code): one published cell
 * per unit over the whole view, so a page can choose its units without computing every period of
 * every unit (5,000 practices x 120 months at national scale).
 */
export function unitRanking(db: Database, f: Filters, k: number): Promise<RankedUnit[]> {
	return db.memo('unitRanking', [f, k], async () => {
		const months = await viewMonths(db, f);
		const basis = rankingBasis(f);
		const [units, counts] = await Promise.all([
			db.query<Unit>(UNITS_SQL, { niveau: f.niveau, gemeente: f.gemeente, wijk: f.wijk, praktijk: f.praktijk, codes: null }),
			months.length === 0
				? []
				: db.query<{ unit: string; n: number; sleutel: number }>(COUNTS_SQL, {
						...filterParams(f),
						niveau: f.niveau,
						periode: 'geheel',
						wijk: f.wijk,
						praktijk: f.niveau === 'praktijk' ? f.praktijk : null,
						van: yearOf(months[0]),
						tot: yearOf(months[months.length - 1]),
						inwoners: basis === 'inwoners',
						patienten: basis === 'patienten',
						codes: null
					})
		]);
		const countOf = new Map(counts.map((c) => [c.unit, c]));
		return units
			.map((u) => {
				const c = countOf.get(u.code);
				return { code: u.code, verwijzingen: publishCount(c?.n ?? 0, c?.sleutel ?? 0, k).value ?? 0 };
			})
			.sort((a, b) => b.verwijzingen - a.verwijzingen || a.code.localeCompare(b.code));
	});
}

/**
 * The rows a page shows of a view: every unit when they fit the page (limit.ts), otherwise the
 * units with the most published referrals (unitRanking), with `keep` always among them.
 */
export async function pageRates(
	db: Database,
	f: Filters,
	k: number,
	keep: string | null,
	maxUnits = MAX_PAGE_UNITS,
	maxRows = MAX_PAGE_ROWS
): Promise<{ rows: RateRow[]; limit: UnitLimit | null }> {
	const [months, ranking] = await Promise.all([viewMonths(db, f), unitRanking(db, f, k)]);
	const max = unitBudget(new Set(months.map((m) => periodOf(m, f.periode))).size, maxUnits, maxRows);
	if (ranking.length <= max) return { rows: await referralRates(db, f, k), limit: null };
	const chosen = ranking.filter((u) => u.code === keep);
	for (const u of ranking) {
		if (chosen.length >= max) break;
		if (u.code !== keep) chosen.push(u);
	}
	const codes = chosen.map((u) => u.code).sort();
	return { rows: await referralRates(db, f, k, codes), limit: { eenheden: ranking.length, getoond: codes.length } };
}

async function computeRates(db: Database, f: Filters, k: number, codeList: readonly string[] | null): Promise<RateRow[]> {
	const months = await viewMonths(db, f);
	if (months.length === 0) return [];
	const codes = codeList === null ? null : codeList.join(',');
	const kind: PeriodKind = f.periode;
	const auto = f.noemer === null;
	const wants = (basis: Noemer) => (f.niveau === 'praktijk' ? basis === 'patienten' : auto || f.noemer === basis);
	const params = {
		...filterParams(f),
		niveau: f.niveau,
		periode: kind,
		wijk: f.wijk,
		praktijk: f.niveau === 'praktijk' ? f.praktijk : null,
		van: yearOf(months[0]),
		tot: yearOf(months[months.length - 1]),
		inwoners: wants('inwoners'),
		patienten: wants('patienten'),
		codes
	};
	const [units, counts, pops] = await Promise.all([
		db.query<Unit>(UNITS_SQL, { niveau: f.niveau, gemeente: f.gemeente, wijk: f.wijk, praktijk: f.praktijk, codes }),
		db.query<{ basis: Noemer; unit: string; periode: string; n: number; sleutel: number }>(COUNTS_SQL, params),
		db.query<{ basis: Noemer; unit: string; jaar: number; aantal: number }>(POPULATION_SQL, {
			niveau: f.niveau,
			groepen: params.groepen,
			gemeente: f.gemeente,
			inwoners: params.inwoners,
			patienten: params.patienten,
			codes
		})
	]);

	const countOf = new Map(counts.map((c) => [`${c.basis}|${c.unit}|${c.periode}`, c]));
	const population = new Map(pops.map((p) => [`${p.basis}|${p.unit}|${p.jaar}`, Number(p.aantal)]));
	const periods = [...new Set(months.map((m) => periodOf(m, kind)))];
	const monthsIn = new Map<string, number>();
	for (const m of months) monthsIn.set(periodOf(m, kind), (monthsIn.get(periodOf(m, kind)) ?? 0) + 1);

	const basisFor = (unit: string, jaar: number): Noemer => {
		if (f.niveau === 'praktijk') return 'patienten';
		if (!auto) return f.noemer!;
		return (population.get(`inwoners|${unit}|${jaar}`) ?? 0) > 0 || !((population.get(`patienten|${unit}|${jaar}`) ?? 0) > 0) ? 'inwoners' : 'patienten';
	};

	const out: RateRow[] = [];
	for (const u of units) {
		for (const p of periods) {
			const basis = basisFor(u.code, yearOf(p));
			const c = countOf.get(`${basis}|${u.code}|${p}`);
			const cell = publishCount(c?.n ?? 0, c?.sleutel ?? 0, k);
			const rawPop = population.get(`${basis}|${u.code}|${yearOf(p)}`);
			const populatie = rawPop === undefined || isSmall(rawPop, k) ? null : rawPop;
			const personYears = populatie === null ? null : (populatie * monthsIn.get(p)!) / 12;
			out.push({
				periode: p,
				niveau: f.niveau,
				niveau_code: u.code,
				niveau_naam: u.naam,
				gemeente_code: u.gemeente_code,
				gemeente_naam: u.gemeente_naam,
				verwijzingen: cell.value,
				populatie,
				per_1000: suppressedRate(cell, personYears),
				onderdrukt: cell.onderdrukt,
				noemer: basis
			});
		}
	}
	return out;
}
