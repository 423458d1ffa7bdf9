// The privacy rules of the contract: exports are meant to be anonymised, and this is where that
// is checked, before anything of a file is stored. A file that breaks a rule is rejected whole.
// Messages name file, line, column and rule, and never the value: the value is the personal data.
//
// The rules on values are per column and need one pass over the values, so they are accumulators
// (columnPrivacy(role): add(cell, line) per value, result() at the end) that a streaming reader can
// feed in batches; checkPrivacy runs them over a whole RawTable. The detectors themselves are the
// contract's (contract/privacy.ts), shared with the app.

import {
	containsEmailText,
	containsPhoneText,
	containsPostcodeText,
	findPersonalData,
	isBsnValue,
	isIdentifierColumnName,
	isNineDigitValue,
	MASK_WORDS,
	pseudonymProblem,
	structuredFindings
} from '../../contract/privacy';
import type { ErrorCollector, RuleId } from '../errors';
import { columnPosition } from '../readers/position';
import type { Cell, RawTable } from '../readers/table';
import { normaliseColumnName } from './header';

export const REJECTED = 'het hele bestand is geweigerd; verwijder de gegevens uit de export en lever opnieuw aan';

/**
 * Could this value be a BSN? Nine digits after removing spaces, dots, hyphens, slashes and
 * zero-width characters (or eight, because Excel dropped the leading zero), passing the elfproef.
 */
export function looksLikeBsn(cell: Cell): boolean {
	if (cell instanceof Date) return false;
	return isBsnValue(typeof cell === 'number' ? cell : cell.trim());
}

export function containsPostcode(cell: Cell): boolean {
	return typeof cell === 'string' && containsPostcodeText(cell);
}

export function containsEmail(cell: Cell): boolean {
	return typeof cell === 'string' && containsEmailText(cell);
}

export function containsPhone(cell: Cell): boolean {
	return typeof cell === 'string' && containsPhoneText(cell);
}

/** Share of a column's 9-digit values that may pass the elfproef (chance: about 1 in 11). */
export const BSN_COLUMN_SHARE = 0.2;
/** The share is judged from this many 9-digit values on. */
export const BSN_MIN_VALUES = 5;

/**
 * How a column's values are checked:
 * - `gestructureerd`: ids, codes, dates, numbers, names of organisations. Refused: a share of
 *   elfproef-valid 9-digit values (BSN_COLUMN_SHARE of at least BSN_MIN_VALUES), a value labelled
 *   as a BSN, any full postcode, e-mail address or phone number.
 * - `pseudoniem` (client_pseudo): as structured, and any elfproef-valid number, date or name.
 * - `vrije-tekst`: free text and name-like fields (trekker): not refused, masked before storage
 *   (validators/freeText.ts).
 */
export type ColumnRole = 'gestructureerd' | 'pseudoniem' | 'vrije-tekst';

/** One broken rule of one column: the first line where it shows (undefined: the column as a whole). */
export interface ColumnFinding {
	rule: RuleId;
	line: number | undefined;
	/** Dutch, without the value. */
	message: string;
}

/** The privacy rules over one column's values, fed one value at a time. */
export interface ColumnPrivacy {
	readonly role: ColumnRole;
	/**
	 * One value of the column and its line (CSV line or sheet row; for a value seen more than once,
	 * its first line). Empty values are skipped. `times`: how often the value occurs (default 1),
	 * so a reader may feed each distinct value once with its count: the elfproef share counts
	 * values, not distinct values.
	 */
	add(cell: Cell | undefined, line: number, times?: number): void;
	/**
	 * Values of exactly nine ASCII digits counted elsewhere (in SQL, validators/privacySql.ts):
	 * `total` of them, `passing` of which pass the elfproef, the first of those on `line`. The same
	 * as add() for each of them: they count towards the BSN share, and a passing one is refused in a
	 * pseudonym; no other rule fires on nine digits.
	 */
	addNineDigits(total: number, passing: number, line: number | undefined): void;
	/** The broken rules, each once; [] when the column is fine. */
	result(): ColumnFinding[];
}

/** Column names that hold a pseudonym (a normalised header name). */
export function isPseudonymColumn(normalisedName: string): boolean {
	return normalisedName === 'client_pseudo' || /(^|_)pseudo(niem|nym)?($|_)/.test(normalisedName);
}

/** The role of a column: free text when the dataset masks it, pseudonym by name, else structured. */
export function columnRole(headerName: string, freeText: boolean): ColumnRole {
	if (freeText) return 'vrije-tekst';
	return isPseudonymColumn(normaliseColumnName(headerName)) ? 'pseudoniem' : 'gestructureerd';
}

const PSEUDONYM_WORDS = { bsn: 'een getal dat de elfproef doorstaat (een BSN?)', datum: 'een datum (een geboortedatum?)', naam: 'iets dat op een naam lijkt' } as const;

/** Values may arrive out of line order (distinct values from a database): the first line wins. */
const earliest = (known: number | undefined, line: number) => (known === undefined || line < known ? line : known);

export function columnPrivacy(role: ColumnRole): ColumnPrivacy {
	let nineDigit = 0;
	let passing = 0;
	let firstPassing: number | undefined;
	let labelledAt: number | undefined;
	let postcodeAt: number | undefined;
	let emailAt: number | undefined;
	let phoneAt: number | undefined;
	const pseudoAt: Partial<Record<keyof typeof PSEUDONYM_WORDS, number>> = {};

	return {
		role,
		add(cell, line, times = 1) {
			if (role === 'vrije-tekst' || cell === undefined) return;
			if (role === 'pseudoniem') {
				if (typeof cell === 'string' && cell.trim() === '') return;
				const problem = pseudonymProblem(typeof cell === 'string' ? cell.trim() : cell);
				if (problem) pseudoAt[problem] = earliest(pseudoAt[problem], line);
			}
			if (cell instanceof Date) return;
			if (typeof cell === 'number') {
				if (isNineDigitValue(cell)) {
					nineDigit += times;
					if (isBsnValue(cell)) {
						passing += times;
						firstPassing = earliest(firstPassing, line);
					}
				}
				return;
			}
			if (cell === '') return;
			const f = structuredFindings(cell);
			if (f.nineDigits) {
				nineDigit += times;
				if (f.bsn) {
					passing += times;
					firstPassing = earliest(firstPassing, line);
				}
			}
			if (f.labelledBsn) labelledAt = earliest(labelledAt, line);
			if (f.postcode) postcodeAt = earliest(postcodeAt, line);
			if (f.email) emailAt = earliest(emailAt, line);
			if (f.phone) phoneAt = earliest(phoneAt, line);
		},
		addNineDigits(total, pass, line) {
			if (role === 'vrije-tekst' || total === 0) return;
			nineDigit += total;
			if (pass === 0 || line === undefined) return;
			passing += pass;
			firstPassing = earliest(firstPassing, line);
			if (role === 'pseudoniem') pseudoAt.bsn = earliest(pseudoAt.bsn, line);
		},
		result() {
			const out: ColumnFinding[] = [];
			if (nineDigit >= BSN_MIN_VALUES && passing / nineDigit > BSN_COLUMN_SHARE) {
				out.push({
					rule: 'privacy-bsn',
					line: firstPassing,
					message: `${passing} van de ${nineDigit} getallen van 9 cijfers in deze kolom doorstaan de elfproef (bij toeval ongeveer 1 op 11; geweigerd boven ${BSN_COLUMN_SHARE * 100}%): dit lijken BSN's; ${REJECTED}`
				});
			}
			if (labelledAt !== undefined) out.push({ rule: 'privacy-bsn', line: labelledAt, message: `de kolom bevat een waarde die als BSN is aangeduid; ${REJECTED}` });
			if (role === 'pseudoniem') {
				for (const kind of ['bsn', 'datum', 'naam'] as const) {
					const line = pseudoAt[kind];
					if (line === undefined) continue;
					out.push({
						rule: kind === 'bsn' ? 'privacy-bsn' : 'privacy-pseudoniem',
						line,
						message: `een pseudoniem mag niet herleidbaar zijn, maar deze waarde is ${PSEUDONYM_WORDS[kind]}; ${REJECTED}`
					});
				}
			}
			if (postcodeAt !== undefined) {
				out.push({ rule: 'privacy-postcode', line: postcodeAt, message: `de kolom bevat een volledige postcode (cijfers en letters); alleen de 4 cijfers (pc4) zijn toegestaan; ${REJECTED}` });
			}
			if (emailAt !== undefined) out.push({ rule: 'privacy-email', line: emailAt, message: `de kolom bevat een e-mailadres; ${REJECTED}` });
			if (phoneAt !== undefined) out.push({ rule: 'privacy-telefoon', line: phoneAt, message: `de kolom bevat een telefoonnummer; ${REJECTED}` });
			return out;
		}
	};
}

/** The rule for identifying data of a kind found in a header cell. */
const HEADER_RULE: Partial<Record<string, RuleId>> = { email: 'privacy-email', postcode: 'privacy-postcode', telefoon: 'privacy-telefoon', bsn: 'privacy-bsn' };

export interface HeaderInfo {
	header: readonly string[];
	headerLine: number;
	format: 'csv' | 'xlsx';
}

/** Which columns to check, and how to name one by position. */
export interface PrivacyScope {
	/** Check just these columns (indexes in the table); default all. */
	only?: readonly number[];
	/** A column's position in the file as delivered (default: its column letter or number in the table). */
	positionOf?: (index: number) => string;
}

/**
 * The header's own privacy rules: a header cell that holds identifying data (a data row pasted over
 * the header) is refused, named by position; a column name announcing a direct identifier
 * (bsn, naam, geboortedatum, ...) is refused, named by position too: it is not a known column.
 * `contract`: indexes whose names the detected dataset defines (an enquete's `naam`).
 */
export function checkHeaderPrivacy(table: HeaderInfo, errors: ErrorCollector, contract: ReadonlySet<number> = new Set(), scope: PrivacyScope = {}): void {
	const position = scope.positionOf ?? ((i: number) => columnPosition(table.format, i));
	for (const i of scope.only ?? table.header.map((_, j) => j)) {
		const name = table.header[i] ?? '';
		const found = findPersonalData(name);
		if (found.length > 0) {
			const kind = found[0];
			errors.add(
				table.headerLine,
				position(i),
				HEADER_RULE[kind] ?? 'privacy-kolomnaam',
				`de kolomnaam bevat een ${MASK_WORDS[kind][0]}: is een rij met gegevens als kopregel gebruikt? ${REJECTED}`
			);
			continue;
		}
		if (!contract.has(i) && isIdentifierColumnName(name)) {
			errors.add(
				table.headerLine,
				position(i),
				'privacy-kolomnaam',
				`de kolomnaam wijst op een direct identificerend persoonsgegeven (zoals BSN, naam, geboortedatum, adres, postcode, telefoon of e-mail); ${REJECTED}`
			);
		}
	}
}

/**
 * Runs every privacy rule over the whole table (all columns, also unknown ones that would not be
 * loaded) and reports each broken rule once per column. The values of `freeText` columns (indexes)
 * are not refused here: their personal data is masked before storage (validators/freeText.ts).
 * The names of `contract` columns (indexes) are the dataset's own: they are named in messages and
 * not checked as identifier names; every other column is named by its position only.
 */
export function checkPrivacy(
	table: RawTable,
	errors: ErrorCollector,
	freeText: ReadonlySet<number> = new Set(),
	contract: ReadonlySet<number> = new Set(),
	scope: PrivacyScope = {}
): void {
	const indexes = scope.only ?? table.header.map((_, i) => i);
	const position = scope.positionOf ?? ((i: number) => columnPosition(table.format, i));
	checkHeaderPrivacy(table, errors, contract, { only: indexes, positionOf: position });

	const columns = indexes.map((i) => ({ i, acc: columnPrivacy(columnRole(table.header[i] ?? '', freeText.has(i))) }));
	for (const row of table.rows) {
		for (const { i, acc } of columns) acc.add(row.cells[i], row.line);
	}
	for (const { i, acc } of columns) {
		const name = contract.has(i) && findPersonalData(table.header[i]).length === 0 ? table.header[i] : position(i);
		for (const f of acc.result()) errors.add(f.line, name, f.rule, f.message);
	}
}
