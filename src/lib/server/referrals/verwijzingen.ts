// Referral counts and rates per 1,000 person-years, per gemeente, wijk or praktijk and per month,
// quarter or year: the measure behind the Verwijzingen, Overzicht and Wijk pages and the
// /export/verwijzingen.csv contract.
//
// Every view is read from one suppressed "cube": monthly counts per wijk (or per praktijk) with
// all their sums (quarters, years, gemeenten) as cells of their own. Suppression runs over the
// cube with every sum relation as a group, so the gemeente view, the wijk view and the month,
// quarter and year views of the same filters hide consistently and none can be subtracted from
// another. The cube always spans every wijk of the selected gemeente(n), whatever wijk is chosen,
// so choosing a wijk cannot change what is hidden, and over the whole data range, so choosing years
// cannot either. Sums that other pages publish for the same filters (the OJG-effect windows and
// comparison groups) are cells of the cube too.
//
// Rates are annualised (a month is 1/12 person-year) so that periods can be compared.
// Denominators: inhabitants per wijk (gemeente = sum of its wijken) or registered patients per
// praktijk, of the selected age groups, for the year of the period.

import type { Database } from '$lib/server/db/database';
import { leeftijdsgroepen, type Filters, type Niveau } from './filters';
import { isSmall, suppress, suppressedRate, type Cell, type Onderdrukt } from '$lib/server/disclosure/suppression';
import { monthRange, periodOf, quarterOf, yearOf, type PeriodKind } from '$lib/shared/periods';
import { AGE_FILTER, DATA_RANGE_SQL, REFERRAL_FILTER } from '$lib/server/db/sql';
import { allDesigns, publishedSums, type DerivedSum } from '$lib/server/ojg/design';
import { placementRecords } from '$lib/server/ojg/placements';

export interface RateRow {
	periode: string;
	niveau: Niveau;
	niveau_code: string;
	niveau_naam: string;
	gemeente_code: string;
	gemeente_naam: string;
	/** null when hidden (see onderdrukt) */
	verwijzingen: number | null;
	/** null when unknown or a small number */
	populatie: number | null;
	per_1000: number | null;
	onderdrukt: Onderdrukt;
}

interface Unit {
	code: string;
	naam: string;
	wijk_code: string;
	gemeente_code: string;
	gemeente_naam: string;
}

const UNITS_SQL = `
	SELECT wijk_code AS code, wijk_naam AS naam, wijk_code, gemeente_code, gemeente_naam
	FROM wijken WHERE $eenheid = 'wijk' AND ($gemeente IS NULL OR gemeente_code = $gemeente)
	UNION ALL
	SELECT p.praktijk_code, p.praktijk_naam, w.wijk_code, w.gemeente_code, w.gemeente_naam
	FROM praktijken p JOIN wijken w USING (wijk_code)
	WHERE $eenheid = 'praktijk' AND ($gemeente IS NULL OR w.gemeente_code = $gemeente)
	ORDER BY gemeente_naam, naam`;

const LEAVES_SQL = `
	SELECT CASE WHEN $eenheid = 'wijk' THEN v.wijk_code ELSE v.praktijk_code END AS unit,
		strftime(v.datum, '%Y-%m') AS maand, count(*) AS n
	FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
	WHERE v.datum >= make_date($van, 1, 1) AND v.datum < make_date($tot + 1, 1, 1)
		AND ($eenheid = 'wijk' OR v.praktijk_code IS NOT NULL)
		AND ${REFERRAL_FILTER}
	GROUP BY ALL
	ORDER BY ALL`;

const POPULATION_SQL = `
	SELECT wijk_code AS unit, jaar, sum(aantal) AS aantal
	FROM populatie_wijk WHERE $eenheid = 'wijk' AND ${AGE_FILTER('leeftijdsgroep')} GROUP BY ALL
	UNION ALL
	SELECT praktijk_code, jaar, sum(aantal)
	FROM populatie_praktijk WHERE $eenheid = 'praktijk' AND ${AGE_FILTER('leeftijdsgroep')} GROUP BY ALL ORDER BY ALL`;

const GEMEENTE = 'G:';

/** The suppressed cube for one set of filters; read views from it with `rows`. */
export class ReferralCube {
	constructor(
		readonly units: Unit[],
		readonly months: string[],
		private readonly cells: Map<string, Cell>,
		private readonly population: Map<string, number>,
		private readonly k: number,
		/** the years a view shows (the cube itself always spans all data) */
		private readonly years: { van: number | null; tot: number | null } = { van: null, tot: null }
	) {}

	/** A suppressed cell by key: `<unit>|<period>` or a published sum (see ojg/design.ts). */
	cell(key: string): Cell | undefined {
		return this.cells.get(key);
	}

	/** Unsuppressed population of a unit in a year, for denominators (never shown as such). */
	populationOf(unit: string, jaar: number): number | undefined {
		return this.population.get(`${unit}|${jaar}`);
	}

	/** The rows of one view, in unit order then period order. */
	rows(niveau: Niveau, kind: PeriodKind, select: (u: Unit) => boolean = () => true): RateRow[] {
		const inView = (m: string) => (this.years.van === null || yearOf(m) >= this.years.van) && (this.years.tot === null || yearOf(m) <= this.years.tot);
		const viewMonths = this.months.filter(inView);
		const periods = [...new Set(viewMonths.map((m) => periodOf(m, kind)))];
		const monthsIn = new Map<string, number>();
		for (const m of this.months) {
			const p = periodOf(m, kind);
			monthsIn.set(p, (monthsIn.get(p) ?? 0) + 1);
		}
		const targets =
			niveau === 'gemeente'
				? uniqueGemeenten(this.units).map((g) => ({ ...g, key: GEMEENTE + g.code }))
				: this.units.filter(select).map((u) => ({ ...u, key: u.code }));
		const out: RateRow[] = [];
		for (const t of targets) {
			for (const p of periods) {
				const c = this.cells.get(`${t.key}|${p}`)!;
				const rawPop = this.population.get(`${t.key}|${yearOf(p)}`);
				const populatie = rawPop === undefined || isSmall(rawPop, this.k) ? null : rawPop;
				const personYears = populatie === null ? null : (populatie * monthsIn.get(p)!) / 12;
				out.push({
					periode: p,
					niveau,
					niveau_code: t.code,
					niveau_naam: t.naam,
					gemeente_code: t.gemeente_code,
					gemeente_naam: t.gemeente_naam,
					verwijzingen: c.value,
					populatie,
					per_1000: suppressedRate(c, personYears),
					onderdrukt: c.onderdrukt
				});
			}
		}
		return out;
	}
}

function uniqueGemeenten(units: Unit[]) {
	const seen = new Map<string, { code: string; naam: string; gemeente_code: string; gemeente_naam: string }>();
	for (const u of units)
		if (!seen.has(u.gemeente_code))
			seen.set(u.gemeente_code, { code: u.gemeente_code, naam: u.gemeente_naam, gemeente_code: u.gemeente_code, gemeente_naam: u.gemeente_naam });
	return [...seen.values()];
}

export function filterParams(f: Filters) {
	return {
		lijn: f.lijn,
		groepen: leeftijdsgroepen(f.leeftijd).join(','),
		domein: f.domein,
		verwijzer: f.verwijzer,
		gemeente: f.gemeente
	};
}

/** Builds the suppressed cube for the filters (the wijk, praktijk and niveau filters select views). */
export async function referralCube(db: Database, f: Filters, k: number): Promise<ReferralCube> {
	const eenheid = f.niveau === 'praktijk' ? 'praktijk' : 'wijk';
	const [range] = await db.deliveryPeriod<{ eerste: string | null; laatste: string | null }>(DATA_RANGE_SQL);
	if (!range?.eerste || !range.laatste) return new ReferralCube([], [], new Map(), new Map(), k);
	const months = monthRange(range.eerste.slice(0, 7), range.laatste.slice(0, 7));
	const params = { ...filterParams(f), eenheid, van: yearOf(range.eerste), tot: yearOf(range.laatste) };
	const [units, leaves, pops, derived] = await Promise.all([
		db.query<Unit>(UNITS_SQL, { eenheid, gemeente: f.gemeente }),
		db.query<{ unit: string; maand: string; n: number }>(LEAVES_SQL, params),
		db.query<{ unit: string; jaar: number; aantal: number }>(POPULATION_SQL, {
			eenheid,
			groepen: params.groepen
		}),
		isOjgOutcome(f) ? ojgSums(db, new Set(months)) : Promise.resolve([])
	]);

	const unitByCode = new Map(units.map((u) => [u.code, u]));
	const counts = new Map<string, number>();
	const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
	const groups: string[][] = [];
	const owners = units.map((u) => u.code);
	if (eenheid === 'wijk') owners.push(...uniqueGemeenten(units).map((g) => GEMEENTE + g.code));

	// Every cell exists, zeros included, so that groups are complete.
	for (const owner of owners)
		for (const m of months) for (const kind of ['maand', 'kwartaal', 'jaar'] as const) counts.set(`${owner}|${periodOf(m, kind)}`, 0);
	for (const { unit, maand, n } of leaves) {
		const u = unitByCode.get(unit);
		if (!u) continue;
		const owners = eenheid === 'wijk' ? [u.code, GEMEENTE + u.gemeente_code] : [u.code];
		for (const o of owners) for (const kind of ['maand', 'kwartaal', 'jaar'] as const) add(`${o}|${periodOf(maand, kind)}`, n);
	}

	// Time sums: the months of a quarter, the quarters of a year.
	const quarters = [...new Set(months.map(quarterOf))];
	const years = [...new Set(months.map((m) => m.slice(0, 4)))];
	for (const owner of owners) {
		for (const q of quarters) groups.push([`${owner}|${q}`, ...months.filter((m) => quarterOf(m) === q).map((m) => `${owner}|${m}`)]);
		for (const y of years) groups.push([`${owner}|${y}`, ...quarters.filter((q) => q.startsWith(y)).map((q) => `${owner}|${q}`)]);
	}
	// Space sums: the wijken of a gemeente, in every period.
	if (eenheid === 'wijk') {
		for (const g of uniqueGemeenten(units)) {
			const members = units.filter((u) => u.gemeente_code === g.code);
			for (const p of [...months, ...quarters, ...years]) groups.push([`${GEMEENTE}${g.code}|${p}`, ...members.map((u) => `${u.code}|${p}`)]);
		}
	}

	// Sums published elsewhere (OJG windows and comparison groups): cells with their own group.
	// A sum over a practice outside this cube (another gemeente) cannot be formed here; the
	// gemeente filter never changes a practice's own cells, and the OJG page builds its cube
	// without a gemeente filter.
	for (const { key, members } of derived) {
		if (!members.every((m) => counts.has(m))) continue;
		counts.set(key, members.reduce((sum, m) => sum + counts.get(m)!, 0));
		groups.push([key, ...members]);
	}

	const population = new Map<string, number>();
	for (const { unit, jaar, aantal } of pops) {
		const u = unitByCode.get(unit);
		if (!u) continue;
		population.set(`${u.code}|${jaar}`, aantal);
		if (eenheid === 'wijk') {
			const key = `${GEMEENTE}${u.gemeente_code}|${jaar}`;
			population.set(key, (population.get(key) ?? 0) + aantal);
		}
	}
	return new ReferralCube(units, months, suppress(counts, groups, k), population, k, { van: f.van, tot: f.tot });
}

/** The OJG-effect outcome: second-line referrals of 0-17-year-olds per practice, by any referrer. */
export function isOjgOutcome(f: Filters): boolean {
	return f.niveau === 'praktijk' && f.lijn === 2 && f.leeftijd === '0-17' && f.domein === null && f.verwijzer === null;
}

async function ojgSums(db: Database, months: ReadonlySet<string>): Promise<DerivedSum[]> {
	const { placements, practices } = await placementRecords(db);
	return publishedSums(allDesigns(placements, practices), months);
}

/** The wijk and praktijk filters choose which units of the cube are shown. */
export function selectedBy(f: Filters): (u: Unit) => boolean {
	return (u) => (f.wijk === null || u.wijk_code === f.wijk) && (f.praktijk === null || u.code === f.praktijk);
}

/** The rows of the Verwijzingen view the filters ask for. */
export async function referralRates(db: Database, f: Filters, k: number): Promise<RateRow[]> {
	const cube = await referralCube(db, f, k);
	return cube.rows(f.niveau, f.periode, selectedBy(f));
}
