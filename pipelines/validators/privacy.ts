// The privacy rules of the contract: exports are meant to be anonymised, and this is where that
// is checked, before anything of a file is stored. A file that breaks a rule is rejected whole.
// Messages name file, column and rule, and never the value: the value is the personal data.

import type { ErrorCollector } from '../errors';
import type { Cell, RawTable } from '../readers/table';

const REJECTED = 'het hele bestand is geweigerd; verwijder de gegevens uit de export en lever opnieuw aan';

/**
 * Stems that name a direct identifier wherever they occur in a column name (compared without
 * case, accents, spaces or punctuation, so `E-mail`, `e_mail` and `Geboorte datum` match too).
 */
const IDENTIFIER_STEMS = [
	'bsn',
	'burgerservicenummer',
	'sofinummer',
	'geboortedatum',
	'gebdatum',
	'geboortedag',
	'dateofbirth',
	'birthdate',
	'birthday',
	'postcode',
	'zipcode',
	'postalcode',
	'telefoon',
	'telnr',
	'mobielnummer',
	'phone',
	'email',
	'mailadres',
	'adres',
	'address',
	'straat',
	'street',
	'huisnummer',
	'huisnr',
	'voornaam',
	'voornamen',
	'achternaam',
	'familienaam',
	'geslachtsnaam',
	'roepnaam',
	'initialen',
	'firstname',
	'lastname',
	'surname',
	'fullname'
];

/** Short names that are identifiers only when they are the whole column name. */
const IDENTIFIER_NAMES = new Set(['naam', 'name', 'tel', 'mail', 'mobiel', 'gsm', 'dob', 'pc6']);

/** A four-digit postcode area is not an identifier (formats.md: `pc4` is allowed). */
const PC4 = /^(pc4|postcode4|postcodepc4|pc4code|pc4gebied|postcodegebied)/;

/**
 * `naam` is forbidden for people but fine for organisations and places (`wijk_naam`,
 * `praktijk_naam`). Deny by default: only these owners make a `...naam` column acceptable.
 */
const NAMED_THINGS = new Set([
	'wijk',
	'buurt',
	'gemeente',
	'praktijk',
	'organisatie',
	'instelling',
	'aanbieder',
	'zorgaanbieder',
	'team',
	'buurtteam',
	'wijkteam',
	'locatie',
	'regio',
	'school',
	'bestemming',
	'functie',
	'enquete',
	'vraag',
	'thema',
	'project',
	'werkplan',
	'bestand',
	'dataset',
	'kolom',
	'product'
]);

function compact(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** Does this column name announce a direct identifier? */
export function isIdentifierColumnName(name: string): boolean {
	const c = compact(name);
	if (c === '') return false;
	if (IDENTIFIER_NAMES.has(c)) return true;
	if (PC4.test(c)) return false;
	if (IDENTIFIER_STEMS.some((stem) => c.includes(stem))) return true;
	for (const word of ['naam', 'name']) {
		if (c.endsWith(word) && !NAMED_THINGS.has(c.slice(0, -word.length))) return true;
		if (c.startsWith(word) && !NAMED_THINGS.has(c.slice(word.length))) return true;
	}
	return false;
}

/** The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. */
export function passesElfproef(digits: string): boolean {
	if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
	sum -= digits.charCodeAt(8) - 48;
	return sum % 11 === 0;
}

/**
 * Could this value be a BSN? Nine digits, also when written with spaces or dots, or as eight
 * digits because Excel dropped the leading zero.
 */
export function looksLikeBsn(cell: Cell): boolean {
	if (cell instanceof Date) return false;
	const digits = String(cell).trim().replace(/[ .]/g, '');
	if (!/^\d{8,9}$/.test(digits)) return false;
	return passesElfproef(digits.padStart(9, '0'));
}

// `1234 AB` (the usual spelling, capitals) or `1234AB`/`1234ab`, standing on its own. The first
// digit of a Dutch postcode is never 0.
const POSTCODE = /(?:^|[^0-9A-Za-z])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![0-9A-Za-z])/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

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
 * are not checked here: their personal data is masked before storage (validators/freeText.ts).
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
