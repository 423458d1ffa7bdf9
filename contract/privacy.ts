// Detectors of personal data, for the pipelines (a file that holds it is refused, free text is
// masked before storage) and the app (an edit is masked the same way): docs/formats.md "Privacy: what is never loaded".
// Pure functions on strings: no I/O.

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

/** A four-digit postcode area is not an identifier (docs/formats.md: `pc4` is allowed). */
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

/** Nine digits, or eight when Excel dropped a leading zero, that pass the elfproef. */
export function isBsnDigits(digits: string): boolean {
	if (digits.length !== 8 && digits.length !== 9) return false;
	return passesElfproef(digits.padStart(9, '0'));
}

/** An e-mail address anywhere in a text. */
export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

// `1234 AB` (the usual spelling, capitals) or `1234AB`/`1234ab`, standing on its own. The first
// digit of a Dutch postcode is never 0.
const POSTCODE_BODY = String.raw`[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![0-9A-Za-z])`;
/** A full postcode (digits and letters) anywhere in a text. */
export const POSTCODE = new RegExp(String.raw`(?<![0-9A-Za-z])${POSTCODE_BODY}`);

// A Dutch phone number: 0, (0, +31 or 0031, then exactly nine more digits, each optionally after one
// space, dot, hyphen or closing bracket (06-12345678, 030 123 45 67, (030) 1234567, +31 6 1234 5678).
const PHONE_CANDIDATE = /(?<![\w+])(?:\+31[ .-]?(?:\(0\)[ .-]?)?|0031[ .-]?|\(0|0)(?:(?:\) ?|[ .-])?\d){9}(?!\d)/g;
// Nine digits (BSN), also as 3-3-3 or 4-2-3 groups with spaces or dots (1234.56.782); eight when a
// leading zero was lost.
const BSN_CANDIDATE = /(?<![\w.-])(?:\d{3}[ .]?\d{3}[ .]?\d{2,3}|\d{4}[ .]\d{2}[ .]\d{3})(?![\w-]|[.,]\d)/g;

export const MASK = {
	email: '[e-mailadres verwijderd]',
	telefoon: '[telefoonnummer verwijderd]',
	bsn: '[BSN verwijderd]',
	postcode: '[postcode verwijderd]'
} as const;

export type MaskKind = keyof typeof MASK;

export interface MaskResult {
	text: string;
	/** How many of each kind were masked. */
	masked: Record<MaskKind, number>;
}

/** Dates (01-02-2025 12) have more than one hyphen; a phone number at most one. */
function isPhone(candidate: string): boolean {
	return (candidate.match(/-/g) ?? []).length <= 1;
}

/** Masks e-mail addresses, phone numbers, BSNs and full postcodes in a free text. */
export function maskPersonalData(text: string): MaskResult {
	const masked: Record<MaskKind, number> = { email: 0, telefoon: 0, bsn: 0, postcode: 0 };
	let out = text.replace(new RegExp(EMAIL.source, 'g'), () => {
		masked.email++;
		return MASK.email;
	});
	out = out.replace(PHONE_CANDIDATE, (m) => {
		if (!isPhone(m)) return m;
		masked.telefoon++;
		return MASK.telefoon;
	});
	out = out.replace(BSN_CANDIDATE, (m) => {
		if (!isBsnDigits(m.replace(/[ .]/g, ''))) return m;
		masked.bsn++;
		return MASK.bsn;
	});
	out = out.replace(new RegExp(POSTCODE.source, 'g'), () => {
		masked.postcode++;
		return MASK.postcode;
	});
	return { text: out, masked };
}
