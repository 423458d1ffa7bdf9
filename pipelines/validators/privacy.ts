// The privacy rules of the contract: exports are meant to be anonymised, and this is where that
// is checked, before anything of a file is stored. A file that breaks a rule is rejected whole.
// Messages name file, column and rule, and never the value: the value is the personal data.

import { EMAIL, isBsnDigits, isIdentifierColumnName, POSTCODE } from '../../contract/privacy';
import type { ErrorCollector } from '../errors';
import type { Cell, RawTable } from '../readers/table';

const REJECTED = 'het hele bestand is geweigerd; verwijder de gegevens uit de export en lever opnieuw aan';

/**
 * Could this value be a BSN? Nine digits, also when written with spaces or dots, or as eight
 * digits because Excel dropped the leading zero.
 */
export function looksLikeBsn(cell: Cell): boolean {
	if (cell instanceof Date) return false;
	const digits = String(cell).trim().replace(/[ .]/g, '');
	return /^\d{8,9}$/.test(digits) && isBsnDigits(digits);
}

export function containsPostcode(cell: Cell): boolean {
	return typeof cell === 'string' && POSTCODE.test(cell);
}

export function containsEmail(cell: Cell): boolean {
	return typeof cell === 'string' && EMAIL.test(cell);
}

/** Share of a column's non-empty values that must pass the elfproef to call it a BSN column. */
export const BSN_COLUMN_SHARE = 0.5;

/**
 * Runs every privacy rule over the whole table (all columns, also unknown ones that would not be
 * loaded) and reports each broken rule once per column. The values of `freeText` columns (indexes)
 * are not checked here: their personal data is masked before storage (validators/freeText.ts, masking in contract/privacy.ts).
 * The names of `contract` columns (indexes) are not checked either: the contract chose them for the
 * detected dataset (an enquete's `naam` is the survey's name).
 */
export function checkPrivacy(
	table: RawTable,
	errors: ErrorCollector,
	freeText: ReadonlySet<number> = new Set(),
	contract: ReadonlySet<number> = new Set()
): void {
	const columnName = (i: number) => {
		const name = table.header[i];
		return name && !containsEmail(name) && !containsPostcode(name) ? name : `kolom ${i + 1}`;
	};

	table.header.forEach((name, i) => {
		// A header cell holding an address itself (a data row pasted over the header): the name
		// would end up in warnings and provenance, so it is treated like a value, and not named.
		if (containsEmail(name) || containsPostcode(name)) {
			errors.add(table.headerLine, `kolom ${i + 1}`, containsEmail(name) ? 'privacy-email' : 'privacy-postcode', `de kolomnaam bevat een e-mailadres of postcode; ${REJECTED}`);
			return;
		}
		if (!contract.has(i) && isIdentifierColumnName(name)) {
			errors.add(
				table.headerLine,
				columnName(i),
				'privacy-kolomnaam',
				`de kolomnaam wijst op een direct identificerend persoonsgegeven (zoals BSN, naam, geboortedatum, adres, postcode, telefoon of e-mail); ${REJECTED}`
			);
		}
	});

	const width = table.header.length;
	const filled = new Array<number>(width).fill(0);
	const bsnLike = new Array<number>(width).fill(0);
	const postcodeAt = new Array<number | undefined>(width);
	const emailAt = new Array<number | undefined>(width);
	for (const row of table.rows) {
		for (let i = 0; i < width; i++) {
			const cell = row.cells[i];
			if (cell === undefined || cell === '' || freeText.has(i)) continue;
			filled[i]++;
			if (looksLikeBsn(cell)) bsnLike[i]++;
			if (postcodeAt[i] === undefined && containsPostcode(cell)) postcodeAt[i] = row.line;
			if (emailAt[i] === undefined && containsEmail(cell)) emailAt[i] = row.line;
		}
	}

	for (let i = 0; i < width; i++) {
		if (filled[i] > 0 && bsnLike[i] / filled[i] > BSN_COLUMN_SHARE) {
			errors.add(
				undefined,
				columnName(i),
				'privacy-bsn',
				`${bsnLike[i]} van de ${filled[i]} waarden zijn getallen van 9 cijfers die de elfproef doorstaan: dit lijken BSN's; ${REJECTED}`
			);
		}
		if (postcodeAt[i] !== undefined) {
			errors.add(postcodeAt[i], columnName(i), 'privacy-postcode', `de kolom bevat een volledige postcode (cijfers en letters); alleen de 4 cijfers (pc4) zijn toegestaan; ${REJECTED}`);
		}
		if (emailAt[i] !== undefined) {
			errors.add(emailAt[i], columnName(i), 'privacy-email', `de kolom bevat een e-mailadres; ${REJECTED}`);
		}
	}
}
