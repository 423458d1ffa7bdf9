// SQL fragments shared by the query modules. They are constants, never built from user input:
// every value a user chooses is bound as a parameter ($name).
import type { Database } from './database';

/** $groepen is a comma-separated list of leeftijdsgroepen taken from the fixed code list. */
export const AGE_FILTER = (column: string) => `list_contains(string_split($groepen, ','), ${column})`;

/** The referral filters every query shares (alias v = verwijzingen, b = bestemmingen). */
export const REFERRAL_FILTER = `
	($lijn IS NULL OR b.lijn = $lijn)
	AND ${AGE_FILTER('v.leeftijdsgroep')}
	AND ($domein IS NULL OR v.domein = $domein)
	AND ($verwijzer IS NULL OR v.verwijzer = $verwijzer)`;

/** The first and last referral date, and the last year whose December is in the data. */
export const DATA_RANGE_SQL = `
	SELECT min(datum) AS eerste, max(datum) AS laatste,
		CASE WHEN month(max(datum)) = 12 THEN year(max(datum)) ELSE year(max(datum)) - 1 END AS laatste_volledige_jaar
	FROM verwijzingen`;

/**
 * Which of `names` exist in the database. A database built by an older version of the pipelines
 * lacks the tables of later datasets; its pages then show an empty state instead of failing.
 */
export async function existingTables(db: Pick<Database, 'query'>, names: readonly string[]): Promise<Set<string>> {
	const rows = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE list_contains(string_split($names, ','), table_name)`, {
		names: names.join(',')
	});
	return new Set(rows.map((r) => r.table_name));
}
