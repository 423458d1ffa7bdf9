// Mojibake: UTF-8 text that was once decoded as Windows-1252 and saved again, so that `ë` became
// `Ã«` and `’` became `â€™`. Such a file decodes without error, so the damage has to be recognised
// in the text itself. A lead character (Â, Ã, â) followed by what a UTF-8 continuation byte
// (0x80-0xBF) looks like in Windows-1252 does not occur in Dutch text.

const CONTINUATION =
	'\u0081\u008d\u008f\u0090\u009d\u00a0-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d' +
	'\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
/** The pattern as source text: also valid for DuckDB's RE2 (validators/sqlTable.ts checks in SQL). */
export const MOJIBAKE_SOURCE = `[\u00c2\u00c3][${CONTINUATION}]|\u00e2[${CONTINUATION}]{2}|\ufffd`;
const MOJIBAKE = new RegExp(MOJIBAKE_SOURCE);

/** True when the text shows signs of a wrong conversion (or holds U+FFFD, a lost character). */
export function looksLikeMojibake(text: string): boolean {
	return MOJIBAKE.test(text);
}
