// The privacy rules of validators/privacy.ts as SQL, for a large CSV that DuckDB holds
// (validators/sqlProfile.ts). Each value of a column is sorted into a kind in one scan:
//
// - values the SQL decides exactly: nine ASCII digits (the elfproef as a macro, bzm_elfproef:
//   counted towards the BSN share, and refused in a pseudonym when they pass), empty values;
// - values no detector can fire on, proved in SQL: a structured value of ASCII text with fewer than
//   four digits and no `@` or `(at)`, or one of PRIVACY_SAFE's shapes (ids and pseudonyms);
// - every other value: the contract's detectors (contract/privacy.ts), in JavaScript, once per
//   distinct value. Their regexes use look-behind, which DuckDB's RE2 cannot express, so the SQL
//   is a filter that is never narrower than they are, not a second copy of them that could drift.
//
// tests/pipelines/privacySql.property.test.ts checks on generated values that a value the SQL
// skips is one the detectors find nothing in, and that the SQL elfproef is the contract's.

import type { ColumnRole } from './privacy';

/**
 * Values that no privacy rule of their column's role can fire on (the national export's ids and
 * pseudonyms: millions of distinct values). A letter or two and at most 9 digits (V000000001,
 * P04182): no BSN (letters stay), no label, no postcode (no letters after the digits), no phone
 * number (10 digits at least), no e-mail address. A pseudonym of single letters and runs of at most
 * 7 digits (K0042Q1733): no run of 8 or 9 digits, no date, no name.
 */
export const PRIVACY_SAFE: Readonly<Record<'gestructureerd' | 'pseudoniem', string>> = {
	gestructureerd: '[A-Za-z]{1,2}[0-9]{1,9}',
	pseudoniem: '[A-Za-z](?:[0-9]{1,7}[A-Za-z])*[0-9]{1,7}'
};

/**
 * A structured ASCII value the detectors may find something in: four digits or more (a BSN, phone
 * number, postcode or labelled BSN needs them; contract/privacy.ts `structuredFindings` stops below
 * four), or an `@` or `(at)` (an e-mail address).
 */
export const STRUCTURED_CANDIDATE = String.raw`[0-9](?:[^0-9]*[0-9]){3}|@|(?i:[\[(]at[\])])`;

export const PRIVACY_SQL_MACROS = [
	// Exactly nine ASCII digits: the only values whose elfproef the SQL decides itself.
	`CREATE OR REPLACE TEMP MACRO bzm_negen_cijfers(s) AS strlen(s) = 9 AND regexp_full_match(s, '[0-9]{9}')`,
	// The BSN eleven-test (contract/privacy.ts passesElfproef) on nine ASCII digits; all zeros fail.
	`CREATE OR REPLACE TEMP MACRO bzm_elfproef(s) AS s <> '000000000' AND (
		9 * (ord(s[1]) - 48) + 8 * (ord(s[2]) - 48) + 7 * (ord(s[3]) - 48) + 6 * (ord(s[4]) - 48) + 5 * (ord(s[5]) - 48)
		+ 4 * (ord(s[6]) - 48) + 3 * (ord(s[7]) - 48) + 2 * (ord(s[8]) - 48) - (ord(s[9]) - 48)) % 11 = 0`
];

/** How one value of a column is handled (the number the SQL gives it). */
export const KIND = {
	/** To JavaScript: the detectors, mojibake, the column's own check. */
	javascript: 0,
	/** Nine digits that pass the elfproef. */
	bsn: 1,
	/** Nine digits that do not. */
	nineDigits: 2,
	/** Nothing to find (proved in SQL). */
	nothing: 3,
	/** No value (an empty field). */
	missing: 4,
	/** Only spaces. */
	blank: 5
} as const;

const str = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The kind of the value in `c` as a SQL expression. `role` null: no privacy rule (free text, which
 * is masked instead); `allValues`: every value goes to JavaScript (a column whose values the
 * dataset checks there).
 */
export function privacyKindSql(c: string, role: ColumnRole | null, allValues: boolean): string {
	if (allValues || role === null || role === 'vrije-tekst') return `CASE WHEN ${c} IS NULL THEN ${KIND.missing} ELSE ${KIND.javascript} END`;
	// The shapes of PRIVACY_SAFE (most values of a national export) first: they are ASCII and never
	// nine digits, so the order of the tests does not change a value's kind, only their cost.
	return `CASE WHEN ${c} IS NULL THEN ${KIND.missing}
		WHEN regexp_full_match(${c}, ${str(PRIVACY_SAFE[role])}) THEN ${KIND.nothing}
		WHEN bzm_blank(${c}) THEN ${KIND.blank}
		WHEN strlen(${c}) <> length(${c}) THEN ${KIND.javascript}
		WHEN bzm_negen_cijfers(${c}) THEN CASE WHEN bzm_elfproef(${c}) THEN ${KIND.bsn} ELSE ${KIND.nineDigits} END
		${role === 'gestructureerd' ? `WHEN regexp_matches(${c}, ${str(STRUCTURED_CANDIDATE)}) THEN ${KIND.javascript} ELSE ${KIND.nothing}` : `ELSE ${KIND.javascript}`} END`;
}
