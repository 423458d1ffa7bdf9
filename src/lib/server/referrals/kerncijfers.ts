// Headline figures per gemeente (Overzicht) or per wijk (Wijk page) for the last complete year
// against the year before: second-line referrals per 1,000 inhabitants, the share of referrals
// that stay in the basiszorg (lijn 0-1), and for referrals to the buurtteam the share with
// terugkoppeling to the practice within 4 weeks.

import type { Database } from '$lib/server/db/database';
import { parseFilters, type Noemer } from './filters';
import { CELL_KEY_MODULUS, publishCount, publishedShare } from '$lib/server/disclosure/cellKey';
import { DATA_RANGE_SQL } from '$lib/server/db/sql';
import { referralRates } from './verwijzingen';

export interface YearFigures {
	jaar: number;
	tweedeLijnPer1000: number | null;
	tweedeLijnVerwijzingen: number | null;
	/** the denominator of tweedeLijnPer1000 */
	noemer: Noemer;
	basiszorgAandeel: number | null;
	/** null when hidden or when no source delivers terugkoppeling dates for this unit */
	terugkoppelingAandeel: number | null;
	terugkoppelingGeleverd: boolean;
}

export interface Kerncijfers {
	code: string;
	naam: string;
	gemeente_code: string;
	gemeente_naam: string;
	huidig: YearFigures;
	vorig: YearFigures;
}

const keyed = (name: string, where: string) =>
	`count(*) FILTER (WHERE ${where}) AS ${name}, CAST(coalesce(sum(v.celsleutel) FILTER (WHERE ${where}), 0) % ${CELL_KEY_MODULUS} AS INTEGER) AS ${name}_sleutel`;

/**
 * The keyed counts behind the shares (alias v = verwijzingen, b = bestemmingen): all referrals,
 * those that stay in the basiszorg, those to the buurtteam and of those the ones with
 * terugkoppeling to the practice within 4 weeks (each a cell of the cell key method: count and
 * record-key sum), and whether the source delivers terugkoppeling dates at all.
 */
const SHARE_COUNTS_SQL = `
		${keyed('totaal', 'true')},
		${keyed('basiszorg', 'b.lijn <= 1')},
		${keyed('buurtteam', "v.bestemming = 'buurtteam'")},
		${keyed('tijdig', "v.bestemming = 'buurtteam' AND v.terugkoppeling_datum <= v.datum + INTERVAL 28 DAY")},
		count(v.terugkoppeling_datum) AS met_terugkoppeling`;

type Keyed<K extends string> = { [P in K]: number } & { [P in K as `${P}_sleutel`]: number };

type ShareCounts = Keyed<'totaal' | 'basiszorg' | 'buurtteam' | 'tijdig'> & { met_terugkoppeling: number };

/** The shares of a set of keyed counts, from their published counts (none when there are none). */
function sharesOf(s: ShareCounts | undefined, k: number) {
	const cell = (name: 'totaal' | 'basiszorg' | 'buurtteam' | 'tijdig') => publishCount(s![name], s![`${name}_sleutel`], k);
	return {
		basiszorgAandeel: s ? publishedShare(cell('basiszorg'), cell('totaal')) : null,
		terugkoppelingAandeel: s && s.met_terugkoppeling > 0 ? publishedShare(cell('tijdig'), cell('buurtteam')) : null,
		terugkoppelingGeleverd: !!s && s.met_terugkoppeling > 0
	};
}

const SHARES_SQL = `
	SELECT CASE WHEN $perWijk THEN v.wijk_code ELSE w.gemeente_code END AS code,
		year(v.datum) AS jaar,
		${SHARE_COUNTS_SQL}
	FROM verwijzingen v
	JOIN bestemmingen b USING (bestemming)
	JOIN wijken w ON w.wijk_code = v.wijk_code
	WHERE year(v.datum) IN ($jaar, $jaar - 1)
		AND ($gemeente IS NULL OR w.gemeente_code = $gemeente)
	GROUP BY ALL
	ORDER BY ALL`;

export interface KerncijfersResult {
	jaar: number | null;
	eenheden: Kerncijfers[];
}

/** Headline figures for every gemeente (wijk = null) or for the wijken of one gemeente; memoised. */
export function kerncijfers(db: Database, k: number, scope: { perWijk: boolean; gemeente?: string | null }): Promise<KerncijfersResult> {
	return db.memo('kerncijfers', [k, scope.perWijk, scope.gemeente ?? null], () => computeKerncijfers(db, k, scope));
}

async function computeKerncijfers(db: Database, k: number, scope: { perWijk: boolean; gemeente?: string | null }): Promise<KerncijfersResult> {
	const [range] = await db.deliveryPeriod<{ laatste_volledige_jaar: number | null }>(DATA_RANGE_SQL);
	const jaar = range?.laatste_volledige_jaar ?? null;
	if (jaar === null) return { jaar: null, eenheden: [] };
	const filters = parseFilters(
		new URLSearchParams({ niveau: scope.perWijk ? 'wijk' : 'gemeente', periode: 'jaar', lijn: '2', ...(scope.gemeente ? { gemeente: scope.gemeente } : {}) })
	);
	const [rates, shares] = await Promise.all([
		referralRates(db, { ...filters, van: jaar - 1, tot: jaar }, k),
		db.query<{ code: string; jaar: number } & ShareCounts>(
			SHARES_SQL,
			{ perWijk: scope.perWijk, jaar, gemeente: scope.gemeente ?? null }
		)
	]);
	const units = [...new Map(rates.map((r) => [r.niveau_code, r])).values()];
	const figures = (code: string, y: number): YearFigures => {
		const rate = rates.find((r) => r.niveau_code === code && r.periode === String(y));
		const s = shares.find((r) => r.code === code && r.jaar === y);
		return {
			jaar: y,
			tweedeLijnPer1000: rate?.per_1000 ?? null,
			tweedeLijnVerwijzingen: rate?.verwijzingen ?? null,
			noemer: rate?.noemer ?? 'inwoners',
			...sharesOf(s, k)
		};
	};
	return {
		jaar,
		eenheden: units.map((u) => ({
			code: u.niveau_code,
			naam: u.niveau_naam,
			gemeente_code: u.gemeente_code,
			gemeente_naam: u.gemeente_naam,
			huidig: figures(u.niveau_code, jaar),
			vorig: figures(u.niveau_code, jaar - 1)
		}))
	};
}
