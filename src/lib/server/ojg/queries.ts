// The OJG-effect's own queries. Every count comes with the sum of its records' cell keys
// (verwijzingen.celsleutel, docs/privacy.md), so that any window, group or rolling sum of them can
// be published through the cell key method (publishCount) while the model computes on the true
// counts. All values are bound parameters; the lists of age groups come from the fixed code list.

import type { Database } from '$lib/server/db/database';
import { AGE_FILTER } from '$lib/server/db/sql';
import { cellKeyOf, NO_RECORDS, type KeyedCount } from '$lib/server/disclosure/cellKey';
import { LEEFTIJD_AGGREGATEN } from '$contract/codes';

/** The outcome's age groups: 0-17. */
export const JEUGD = LEEFTIJD_AGGREGATEN['0-17'].join(',');

/**
 * The outcome per practice and month: second-line referrals (lijn 2 by the bestemmingen table) of
 * 0-17-year-olds carrying a practice code, by any referrer.
 */
const OUTCOME_SQL = `
	SELECT v.praktijk_code AS praktijk, strftime(v.datum, '%Y-%m') AS maand,
		count(*) AS n, coalesce(sum(v.celsleutel), 0) AS sleutel
	FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
	WHERE b.lijn = 2 AND v.praktijk_code IS NOT NULL AND ${AGE_FILTER('v.leeftijdsgroep')}
		AND v.datum >= CAST($van AS DATE) AND v.datum <= CAST($tot AS DATE)
	GROUP BY ALL
	ORDER BY ALL`;

/** Registered 0-17-year-olds per practice and year (the person-time of the outcome). */
const POPULATION_SQL = `
	SELECT praktijk_code AS praktijk, jaar, sum(aantal) AS aantal
	FROM populatie_praktijk
	WHERE ${AGE_FILTER('leeftijdsgroep')}
	GROUP BY ALL
	ORDER BY ALL`;

/**
 * Referrals of children to the OJG / POH-jeugd per practice and month, for every practice at once:
 * one scan of the referrals instead of one per placement (hundreds of scans at national scale).
 */
const TO_OJG_SQL = `
	SELECT praktijk_code AS praktijk, strftime(datum, '%Y-%m') AS maand, count(*) AS n, coalesce(sum(celsleutel), 0) AS sleutel
	FROM verwijzingen
	WHERE praktijk_code IS NOT NULL AND bestemming IN ('ojg', 'poh_jeugd')
		AND ${AGE_FILTER('leeftijdsgroep')}
		AND datum >= CAST($van AS DATE) AND datum <= CAST($tot AS DATE)
	GROUP BY ALL
	ORDER BY ALL`;

// Per follow-up window (a practice and its dates van..tot; `$vensters` is 'nr|praktijk|van|tot;...'):
// children first seen by the OJG / POH-jeugd of the practice in the window (with at least six months
// of follow-up in the data), and how many of them were referred to lijn 2 within 6 months. A child is
// counted through its first OJG referral in the window: that record's key is the child's key. All
// windows in one query, the lijn-2 referrals joined once, rather than a correlated scan per window.
const FOLLOW_UP_SQL = `
	WITH venster AS (
		SELECT CAST(s[1] AS INTEGER) AS nr, s[2] AS praktijk, CAST(s[3] AS DATE) AS van, CAST(s[4] AS DATE) AS tot
		FROM (SELECT string_split(unnest(string_split($vensters, ';')), '|') AS s)
	), seen AS (
		SELECT w.nr, v.client_pseudo, min(v.datum) AS eerste, arg_min(coalesce(v.celsleutel, 0), (v.datum, v.verwijzing_id)) AS sleutel
		FROM verwijzingen v JOIN venster w ON v.praktijk_code = w.praktijk AND v.datum >= w.van AND v.datum <= w.tot
		WHERE v.bestemming IN ('ojg', 'poh_jeugd') AND v.client_pseudo IS NOT NULL AND ${AGE_FILTER('v.leeftijdsgroep')}
		GROUP BY w.nr, v.client_pseudo
		HAVING min(v.datum) + INTERVAL 6 MONTH <= CAST($dataTot AS DATE)
	), lijn2 AS (
		SELECT DISTINCT v.client_pseudo, v.datum
		FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
		WHERE b.lijn = 2 AND v.client_pseudo IN (SELECT client_pseudo FROM seen)
	), followed AS (
		SELECT s.nr, s.sleutel, EXISTS (
			SELECT 1 FROM lijn2 l WHERE l.client_pseudo = s.client_pseudo AND l.datum > s.eerste AND l.datum <= s.eerste + INTERVAL 6 MONTH
		) AS doorverwezen
		FROM seen s
	)
	SELECT nr, count(*) AS gezien, coalesce(sum(sleutel), 0) AS gezien_sleutel,
		count(*) FILTER (WHERE doorverwezen) AS doorverwezen,
		coalesce(sum(sleutel) FILTER (WHERE doorverwezen), 0) AS doorverwezen_sleutel
	FROM followed
	GROUP BY nr`;

const NAMES_SQL = `
	SELECT p.praktijk_code, p.praktijk_naam, w.gemeente_naam
	FROM praktijken p JOIN wijken w USING (wijk_code)
	ORDER BY p.praktijk_code`;

const keyed = (n: number, sleutel: number): KeyedCount => ({ n: Number(n), sleutel: cellKeyOf(Number(sleutel)) });

/** Keyed outcome counts by `<praktijk>|<YYYY-MM>`, for referrals dated van..tot (YYYY-MM-DD). */
export async function outcomeCounts(db: Database, van: string, tot: string): Promise<Map<string, KeyedCount>> {
	const rows = await db.query<{ praktijk: string; maand: string; n: number; sleutel: number }>(OUTCOME_SQL, { groepen: JEUGD, van, tot });
	return new Map(rows.map((r) => [`${r.praktijk}|${r.maand}`, keyed(r.n, r.sleutel)]));
}

/** Registered 0-17-year-olds by `<praktijk>|<jaar>` (never published as such). */
export async function registeredChildren(db: Database): Promise<Map<string, number>> {
	const rows = await db.query<{ praktijk: string; jaar: number; aantal: number }>(POPULATION_SQL, { groepen: JEUGD });
	return new Map(rows.map((r) => [`${r.praktijk}|${r.jaar}`, Number(r.aantal)]));
}

/** Keyed referrals of children to the OJG / POH-jeugd by `<praktijk>|<YYYY-MM>`, dated van..tot. */
export async function toOjgCounts(db: Database, van: string, tot: string): Promise<Map<string, KeyedCount>> {
	const rows = await db.query<{ praktijk: string; maand: string; n: number; sleutel: number }>(TO_OJG_SQL, { groepen: JEUGD, van, tot });
	return new Map(rows.map((r) => [`${r.praktijk}|${r.maand}`, keyed(r.n, r.sleutel)]));
}

export interface FollowUpWindow {
	praktijk: string;
	/** YYYY-MM-DD */
	van: string;
	tot: string;
}

export interface FollowUp {
	gezien: KeyedCount;
	doorverwezen: KeyedCount;
}

/**
 * Per window (in the order given): children first seen by the OJG in van..tot, and those referred
 * to lijn 2 within 6 months (keyed); `dataTot` is the last date of the data.
 */
export async function followUpCounts(db: Database, windows: readonly FollowUpWindow[], dataTot: string): Promise<FollowUp[]> {
	if (windows.length === 0) return [];
	const vensters = windows.map((w, i) => `${i}|${w.praktijk}|${w.van}|${w.tot}`).join(';');
	const rows = await db.query<{ nr: number; gezien: number; gezien_sleutel: number; doorverwezen: number; doorverwezen_sleutel: number }>(FOLLOW_UP_SQL, {
		vensters,
		groepen: JEUGD,
		dataTot
	});
	const byNr = new Map(rows.map((r) => [Number(r.nr), r]));
	return windows.map((_, i) => {
		const r = byNr.get(i);
		return r ? { gezien: keyed(r.gezien, r.gezien_sleutel), doorverwezen: keyed(r.doorverwezen, r.doorverwezen_sleutel) } : { gezien: NO_RECORDS, doorverwezen: NO_RECORDS };
	});
}

/** Practice names and their gemeente, for labels. */
export async function practiceNames(db: Database): Promise<{ praktijk_code: string; praktijk_naam: string; gemeente_naam: string }[]> {
	return db.query(NAMES_SQL);
}
