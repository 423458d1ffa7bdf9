// The privacy rules in SQL (pipelines/validators/privacySql.ts) against the contract's detectors in
// JavaScript, on generated values: a large CSV is checked by sorting every value into a kind in SQL,
// and only the values the SQL cannot decide go to the detectors. This proves, value by value, that
// what the SQL decides is what the detectors would have decided:
// - "nothing to find": the detectors find nothing in it, for the column's role;
// - nine digits, passing the elfproef or not: the SQL elfproef is the contract's, and counting the
//   value in SQL (addNineDigits) gives the same findings as feeding it to the detectors;
// - "blank": the readers' empty cell, in which nothing is found either.

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNineDigitValue, passesElfproef } from '$contract/privacy';
import { isEmptyCell } from '../../pipelines/readers/table';
import { columnPrivacy } from '../../pipelines/validators/privacy';
import { KIND, privacyKindSql } from '../../pipelines/validators/privacySql';
import { defineMacros } from '../../pipelines/validators/sqlTable';

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	conn = await instance.connect();
	await defineMacros(conn);
});
afterAll(() => {
	conn.closeSync();
	instance.closeSync();
});

/** The kind SQL gives each value, for both roles a privacy rule has. */
async function kinds(values: string[]): Promise<{ gestructureerd: number; pseudoniem: number }[]> {
	await conn.run('CREATE OR REPLACE TEMP TABLE v (i INTEGER, s VARCHAR)');
	const appender = await conn.createAppender('v', 'main', 'temp');
	values.forEach((s, i) => {
		appender.appendInteger(i);
		appender.appendVarchar(s);
		appender.endRow();
	});
	appender.closeSync();
	const rows = (await conn.runAndReadAll(`SELECT ${privacyKindSql('s', 'gestructureerd', false)}, ${privacyKindSql('s', 'pseudoniem', false)} FROM v ORDER BY i`)).getRows();
	return rows.map(([g, p]) => ({ gestructureerd: Number(g), pseudoniem: Number(p) }));
}

// Pieces of identifying data and of what surrounds it: digits, separators (also the Unicode ones
// the detectors see through), labels, e-mail signs, letters that make postcodes and names.
const PIECES = [
	...'0123456789',
	...'0123456789',
	...'aAbBkKVPWxZe',
	' ', '-', '.', '/', ':', '+', '@', '(', ')', '[', ']', ',', "'", '\t',
	'\u00a0', '\u200b', '\u2010', '\u2060', '\ufeff', 'é', 'Ã«', '\ufffd',
	'at', 'AT', 'bsn', 'BSN', 'sofi', 'geb.', 'nl', 'straat', 'weg ', 'Dhr. ', 'J. ', 'Jansen', 'de ', '31', '06', '00', 'WK', 'GM', '@example.nl', '.com'
];
const piecesValue = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 14 }).map((p) => p.join(''));
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Nine digits that pass the elfproef (a check digit chosen to fit), so both outcomes are common. */
const elfproefValue = digits(8)
	.map((d8) => {
		let sum = 0;
		for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d8[i]);
		const last = sum % 11;
		return last <= 9 ? d8 + String(last) : null;
	})
	.filter((v): v is string => v !== null);
const value = fc.oneof(
	{ weight: 6, arbitrary: piecesValue },
	{ weight: 2, arbitrary: digits(9) },
	{ weight: 2, arbitrary: elfproefValue },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('', ' ', '\u00a0', 'P', 'K', 'bsn'), fc.oneof(digits(9), elfproefValue, digits(8)), fc.constantFrom('', ' ', 'A', '\u200b')).map((p) => p.join('')) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }
);

/** What the detectors find in a column that holds this value on six lines. */
function findings(role: 'gestructureerd' | 'pseudoniem', v: string) {
	const acc = columnPrivacy(role);
	acc.add(v, 2, 6);
	return acc.result();
}

describe('the privacy rules in SQL', () => {
	it('decide a value only where the detectors would decide it the same way', async () => {
		const seen = new Map<number, number>();
		await fc.assert(
			fc.asyncProperty(fc.array(value, { minLength: 50, maxLength: 200 }), async (values) => {
				const found = await kinds(values);
				values.forEach((v, i) => {
					for (const role of ['gestructureerd', 'pseudoniem'] as const) {
						const kind = found[i][role];
						seen.set(kind, (seen.get(kind) ?? 0) + 1);
						if (kind === KIND.nothing || kind === KIND.blank) {
							expect(findings(role, v), `${role} ${JSON.stringify(v)}`).toEqual([]);
							expect(isNineDigitValue(v.trim())).toBe(false);
							if (kind === KIND.blank) expect(isEmptyCell(v)).toBe(true);
						} else if (kind === KIND.bsn || kind === KIND.nineDigits) {
							expect(isNineDigitValue(v), JSON.stringify(v)).toBe(true);
							expect(passesElfproef(v), JSON.stringify(v)).toBe(kind === KIND.bsn);
							const counted = columnPrivacy(role);
							counted.addNineDigits(6, kind === KIND.bsn ? 6 : 0, kind === KIND.bsn ? 2 : undefined);
							expect(counted.result(), `${role} ${JSON.stringify(v)}`).toEqual(findings(role, v));
						} else {
							expect(kind).toBe(KIND.javascript);
						}
					}
				});
			}),
			{ numRuns: 60 }
		);
		// The generator reaches every kind, so each branch above was exercised.
		for (const kind of [KIND.javascript, KIND.bsn, KIND.nineDigits, KIND.nothing, KIND.blank]) expect(seen.get(kind) ?? 0, `kind ${kind}`).toBeGreaterThan(0);
	}, 120_000);

	it('count a column of nine-digit values as the detectors do (the BSN share, and a pseudonym that passes)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.oneof(digits(9), elfproefValue), { minLength: 1, maxLength: 30 }), async (values) => {
				const found = await kinds(values);
				for (const role of ['gestructureerd', 'pseudoniem'] as const) {
					const js = columnPrivacy(role);
					const sql = columnPrivacy(role);
					let passing = 0;
					let first: number | undefined;
					values.forEach((v, i) => {
						js.add(v, i + 2);
						expect(found[i][role] === KIND.bsn || found[i][role] === KIND.nineDigits).toBe(true);
						if (found[i][role] === KIND.bsn) {
							passing++;
							first ??= i + 2;
						}
					});
					sql.addNineDigits(values.length, passing, first);
					expect(sql.result()).toEqual(js.result());
				}
			}),
			{ numRuns: 200 }
		);
	});
});
