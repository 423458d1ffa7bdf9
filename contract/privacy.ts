// Detectors of identifying data, one set for every door: the import (a structured column that holds it
// is refused, free text is masked before storage), the edit forms and the editor's name, and any text
// stored in load warnings (docs/formats.md "Privacy: what is never loaded", docs/privacy.md "Identifying data").
// Pure functions on strings: no I/O, no imports.

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

// ---------------------------------------------------------------------------------------------
// Spelling variants. Identifying data is written with zero-width characters (U+200B..U+200D,
// U+2060, U+FEFF, and the soft hyphen U+00AD, all invisible), non-breaking and other Unicode
// spaces, and dashes other than the hyphen. The detectors below see through all of them.

/** Invisible characters that are removed from any text before detection (and before storage). */
const INVISIBLE = /[\u200B\u200C\u2060\uFEFF\u00AD]/g;
/** The zero-width joiner glues emoji together; next to an ASCII character it is only hiding something. */
const JOINER_NEAR_ASCII = /(?<=[\x00-\x7F])\u200D|\u200D(?=[\x00-\x7F])/g;

/** The text without zero-width characters (emoji sequences keep their joiner). */
const ANY_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

export function stripInvisible(text: string): string {
	if (!ANY_INVISIBLE.test(text)) return text;
	return text.replace(INVISIBLE, '').replace(JOINER_NEAR_ASCII, '');
}

/**
 * A structured value as the elfproef and the whole-value rules see it: without spaces of any kind
 * (also non-breaking), dots, hyphens and other dashes, slashes and zero-width characters.
 */
export function normaliseStructured(value: string): string {
	return stripInvisible(value).replace(/[\s.\-\u2010-\u2015\u2212/\u200D]/g, '');
}

/** A space within a line: ordinary, tab, non-breaking, figure and narrow non-breaking. */
const SP = String.raw`[ \t\u00A0\u2007\u202F\u2000-\u200A]`;
/** A dash, dot or slash between groups of digits. */
const DASH = String.raw`[\-\u2010-\u2013\u2212./]`;
/** What may stand between two digits of a phone number: a dash/dot/slash (with spaces around it), a space, a bracket. */
const SEP = String.raw`(?:${SP}?${DASH}${SP}?|${SP}|\)${SP}?|${SP}?\()`;
/** What may stand between the groups of a BSN. */
const GSEP = String.raw`(?:${SP}?${DASH}${SP}?|${SP})`;

/** Upper or lower case for each letter of a word (the detectors are case-sensitive elsewhere). */
const anyCase = (word: string) => [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.]/g, '\\.'))).join('');

// ---------------------------------------------------------------------------------------------
// Detectors for free text. Each is a global regex whose every match is masked; some matches are
// then accepted or refused by a check on the matched text (dates that look like phone numbers,
// nine digits that fail the elfproef).

/** An e-mail address (also with non-ASCII letters, IDN domains, or `[at]`/`(at)` for `@`). */
const EMAIL_SOURCE = String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+(?:@|${SP}?[\[(](?:at|AT)[\])]${SP}?)(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9\-]+)(?![\p{L}\p{N}\-])`;
/** An e-mail address anywhere in a text. */
export const EMAIL = new RegExp(EMAIL_SOURCE, 'u');

// Dutch phone numbers: 0, (0, +31 or 0031 (optionally with (0)), then 9 digits of which the first
// is not 0, each optionally after a space, dash, dot, slash or bracket.
const PHONE_NL = String.raw`(?:(?:\+|00)${SP}?31${SEP}?(?:\(0\)${SEP}?)?|\(?0${SEP}?)[1-9](?:${SEP}?\d){8}`;
// International: + and a country code with 7 to 13 more digits, or 00, a country code and a separator.
const PHONE_INTL = String.raw`(?:\+${SP}?[1-9](?:${SEP}?\d){7,13}|00(?!31)[1-9]\d{0,2}${SEP}\d(?:${SEP}?\d){5,11})`;
// Not inside a code of letters and digits (a hexadecimal pseudonym like d0255317457d).
const PHONE_SOURCE = String.raw`(?<![\p{L}\p{N}+])(?:${PHONE_NL}|${PHONE_INTL})(?!${SEP}?\d|\p{L})`;
/** A text that starts with a date (01-02-2025 12 is a date and a number, not a phone number). */
const STARTS_WITH_DATE = new RegExp(String.raw`^\(?\d{1,2}${SP}?[\-./]${SP}?\d{1,2}${SP}?[\-./]${SP}?\d{2,4}`);

// BSN: nine digits (eight when a leading zero was lost), also as 3-3-3 or 4-2-3 groups with any
// separator (111-222-333, 123 456 782, 1234.56.782), masked when they pass the elfproef; after a
// label (bsn111222333, BSN: 123456789, sofinummer ...) any eight or nine digits are masked.
const BSN_LABEL = String.raw`(?:${anyCase('burgerservicenummer')}|${anyCase('bsn')}|${anyCase('sofi')}(?:${SP}?-?${anyCase('nummer')}|${anyCase('nr')})?)`;
const BSN_GROUPED = String.raw`\d{3}${GSEP}\d{3}${GSEP}\d{2,3}|\d{4}${GSEP}\d{2}${GSEP}\d{3}|\d{8,9}`;
const BSN_LABELLED = String.raw`${BSN_LABEL}${SP}*(?:-?${anyCase('nummer')}|${anyCase('nr')}\.?)?${SP}*[:#.=]?${SP}*\d(?:${GSEP}?\d){7,8}`;
const BSN_SOURCE = String.raw`(?<![\p{L}\p{N}])(?<!\d${GSEP})(?:(${BSN_LABELLED})|(${BSN_GROUPED}))(?![\p{L}\p{N}]|${GSEP}\d|[.,]\d)`;

// Postcodes: four digits (not starting with 0) and two letters. `1234AB`, `1234ab`, `1234-AB` are
// always postcodes; with a space, capitals are (`1234 AB`), and small letters are unless they form
// a common two-letter word or unit (`2024 en`, `1500 km`).
const POSTCODE_SOURCE = String.raw`(?<![\p{L}\p{N}])[1-9]\d{3}(?:${SP}?[\-\u2010-\u2013]${SP}?|${SP}+)?[A-Za-z]{2}(?![\p{L}\p{N}])`;
const TWO_LETTER_WORDS = new Set(
	'de en in is op om te of al na er zo nu ze we je af uw ik ga ok ja nl eu km kg cm mm ml mg ha bv ca jr st mw po vo mo ad pm am cq dm ct kb mb gb id et nr no vs pc ex tv ov hr rd oa ie eo'.split(' ')
);
function isPostcode(match: string): boolean {
	const letters = match.slice(-2);
	const gap = match.slice(4, -2);
	if (gap === '' || /[\-\u2010-\u2013]/.test(gap)) return true;
	if (letters === letters.toUpperCase()) return true;
	return !TWO_LETTER_WORDS.has(letters.toLowerCase());
}
/** A full postcode (digits and letters) anywhere in a text. */
export const POSTCODE = new RegExp(String.raw`(?<![0-9A-Za-z])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![0-9A-Za-z])`);

// Dates of birth: a label (geb., geboren (op), geboortedatum, geb.datum, d.o.b.) and a date.
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec';
const DATE = String.raw`(?:\d{1,2}${SP}?[\-./]${SP}?\d{1,2}${SP}?[\-./]${SP}?\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}${SP}+(?:${anyCase(MONTHS)})\.?${SP}+\d{4})`;
const DOB_LABEL = String.raw`(?:${anyCase('geboortedatum')}|${anyCase('geb')}\.?${SP}?${anyCase('datum')}|${anyCase('geboren')}(?:${SP}+${anyCase('op')})?|${anyCase('geb')}\.?|${anyCase('d.o.b.')}|${anyCase('dob')})`;
const DOB_SOURCE = String.raw`(?<![\p{L}])${DOB_LABEL}${SP}*:?${SP}*${DATE}(?![\p{N}])`;

// Street and house number: a capitalised word ending in a street word (Dorpsstraat, Kerkweg), or a
// street word with the words of its name (Laan van Meerdervoort), then a number and perhaps a letter.
const STREET_SUFFIX = 'straatweg|straat|weg|laan|plein|gracht|kade|singel|dijk|dreef|steeg|plantsoen|markt|wal|boulevard|allee|hof';
const STREET_WORD = 'Straatweg|Straat|Weg|Laan|Plein|Gracht|Kade|Singel|Dijk|Dreef|Steeg|Plantsoen|Markt|Wal|Boulevard|Allee|Hof';
const PARTICLE = String.raw`(?:van|de|der|den|het|'t|’t|op|aan|bij|in|ter|ten|te|la|le|du|da|di|el|al|von|zu)`;
const STREET_NAME = String.raw`(?:\p{Lu}\p{Ll}[\p{L}'’\-]*?(?:${STREET_SUFFIX})|(?:${STREET_WORD})(?:${SP}+(?:${PARTICLE}|\p{Lu}[\p{L}'’.\-]*)){0,4})`;
const HOUSE_NUMBER = String.raw`\d{1,4}(?:${SP}?-?${SP}?[a-zA-Z](?![\p{L}])|-?(?:bis|hs|huis))?`;
const ADDRESS_SOURCE = String.raw`(?<![\p{L}])${STREET_NAME}${SP}+(?:${anyCase('nr')}\.?${SP}*)?(${HOUSE_NUMBER})(?![\p{N}]|[.,]\d|${SP}?%)`;

// Titles with initials or a surname: dhr. J. de Vries, Mevr. Jansen, mw. A.B. Bakker, de heer Yilmaz.
const TITLE_ABBR = ['dhr', 'mevr', 'mvr', 'mw', 'mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'mej'].map(anyCase).join('|');
const TITLE_WORD = ['de heer', 'meneer', 'mijnheer', 'mevrouw', 'mejuffrouw', 'juffrouw', 'familie', 'fam.'].map((w) => anyCase(w).replace(/ /g, `${SP}+`)).join('|');
const INITIALS = String.raw`(?:\p{Lu}\.${SP}?){1,4}`;
/** Particles of a surname in any case (de Vries, De Vries, El Amrani, van 't Hof). */
const PARTICLE_ANY = String.raw`(?:${['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', 'la', 'le', 'du', 'da', 'di', 'el', 'al', 'von', 'op', 'in'].map(anyCase).join('|')}|'t|’t)`;
const SURNAME = String.raw`(?:${PARTICLE_ANY}${SP}+){0,3}\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?`;
const PERSON = String.raw`(?:${INITIALS}${SP}?(?:${SURNAME})?|${SURNAME})`;
const TITLE_SOURCE = String.raw`(?<![\p{L}])(?:(?:${TITLE_ABBR})(?:\.${SP}*|${SP}+(?=\p{Lu}\.))|(?:${TITLE_WORD})${SP}+)${PERSON}`;
// A surname in small letters after the unambiguous titles with a dot (dhr. jansen, mevr. de vries);
// not after mw. (also "maatschappelijk werk") or dr., and not a common word (mevr. is tevreden).
const TITLE_LOWER_SOURCE = String.raw`(?<![\p{L}])(?:${['dhr', 'mevr', 'mvr', 'mej'].map(anyCase).join('|')})\.${SP}*(?:${PARTICLE_ANY}${SP}+){0,3}(\p{Ll}[\p{Ll}'’\-]{2,})`;
const LOWER_NOT_A_NAME = new Set(
	'met voor die dat deze zijn was wil kan heeft had ook nog wel niet een uit over naar als aan bij heeft gaf zegt belt belde kwam komt gaat ging vindt vond'.split(' ')
);

// Initials before a surname without a title: two or more initials (J.K. Jansen), or one before a
// particle (J. de Vries). One initial before a capitalised word alone (team B. Daarna ...) is not enough.
const INITIALS_NAME_SOURCE = String.raw`(?<![\p{L}\p{N}.])(?:(?:\p{Lu}\.${SP}?){2,4}${SP}?${SURNAME}|\p{Lu}\.${SP}?${PARTICLE}${SP}+${SURNAME})`;

export const MASK = {
	email: '[e-mailadres verwijderd]',
	telefoon: '[telefoonnummer verwijderd]',
	bsn: '[BSN verwijderd]',
	postcode: '[postcode verwijderd]',
	geboortedatum: '[geboortedatum verwijderd]',
	adres: '[adres verwijderd]',
	naam: '[naam verwijderd]'
} as const;

export type MaskKind = keyof typeof MASK;

/** Every kind, in the order they are masked. */
export const MASK_KINDS: readonly MaskKind[] = ['email', 'geboortedatum', 'bsn', 'telefoon', 'postcode', 'adres', 'naam'];

/** The kinds that are contact details or numbers, not a person's name. */
export const CONTACT_KINDS: readonly MaskKind[] = MASK_KINDS.filter((k) => k !== 'naam');

/** Dutch words for the kinds, for messages: singular and plural. */
export const MASK_WORDS: Record<MaskKind, readonly [string, string]> = {
	email: ['e-mailadres', 'e-mailadressen'],
	telefoon: ['telefoonnummer', 'telefoonnummers'],
	bsn: ['BSN', "BSN's"],
	postcode: ['postcode', 'postcodes'],
	geboortedatum: ['geboortedatum', 'geboortedata'],
	adres: ['adres (straat en huisnummer)', 'adressen (straat en huisnummer)'],
	naam: ['naam met aanhef of voorletters', 'namen met aanhef of voorletters']
};

export type MaskCounts = Record<MaskKind, number>;

export interface MaskResult {
	text: string;
	/** How many of each kind were masked. */
	masked: MaskCounts;
}

export function emptyMaskCounts(): MaskCounts {
	return { email: 0, telefoon: 0, bsn: 0, postcode: 0, geboortedatum: 0, adres: 0, naam: 0 };
}

interface Detector {
	kind: MaskKind;
	regex: RegExp;
	/** A cheap test that must pass for the regex to be worth running. */
	quick: (text: string) => boolean;
	/** Whether a match really is this kind (default: every match is). */
	accept?: (match: string, groups: (string | undefined)[]) => boolean;
	/** The replacement (default: MASK[kind]). */
	replace?: (match: string, groups: (string | undefined)[]) => string;
}

const digitCount = (text: string) => {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) n++;
	}
	return n;
};

const DETECTORS: readonly Detector[] = [
	{ kind: 'email', regex: new RegExp(EMAIL_SOURCE, 'gu'), quick: (t) => t.includes('@') || /[\[(]at[\])]/i.test(t) },
	{ kind: 'geboortedatum', regex: new RegExp(DOB_SOURCE, 'gu'), quick: (t) => /geb|dob|d\.o\.b/i.test(t) },
	{
		kind: 'bsn',
		regex: new RegExp(BSN_SOURCE, 'gu'),
		quick: (t) => digitCount(t) >= 8,
		// After a label every eight or nine digits go; otherwise only what passes the elfproef.
		accept: (m, [labelled]) => labelled !== undefined || isBsnDigits(m.replace(/\D/g, '')),
		// A label stays, so the text still reads: `BSN: [BSN verwijderd]`.
		replace: (m, [labelled]) => {
			if (labelled === undefined) return MASK.bsn;
			const label = m.slice(0, m.search(/\d/)).trimEnd();
			return `${label} ${MASK.bsn}`;
		}
	},
	{
		kind: 'telefoon',
		regex: new RegExp(PHONE_SOURCE, 'gu'),
		// Dutch numbers have 10 digits; international ones start with + or 00.
		quick: (t) => {
			const n = digitCount(t);
			return n >= 10 || (n >= 8 && (t.includes('+') || t.includes('00')));
		},
		accept: (m) => !STARTS_WITH_DATE.test(m),
		// `(06-12345678)`: the bracket before the number is the text's, not the area code's.
		replace: (m) => (m.startsWith('(') && !m.includes(')') ? `(${MASK.telefoon}` : MASK.telefoon)
	},
	{ kind: 'postcode', regex: new RegExp(POSTCODE_SOURCE, 'gu'), quick: (t) => /\d{4}[\s\-\u2010-\u2013]*[A-Za-z]/.test(t), accept: isPostcode },
	{
		kind: 'adres',
		regex: new RegExp(ADDRESS_SOURCE, 'gu'),
		quick: (t) => /\p{L}\p{Zs}*\d/u.test(t),
		// A year after a street word (Plein 1944, Kerkweg 2024) is no house number.
		accept: (_m, [number]) => !/^(19|20)\d\d$/.test(number ?? '')
	},
	{ kind: 'naam', regex: new RegExp(TITLE_SOURCE, 'gu'), quick: (t) => /\p{Lu}/u.test(t) },
	{ kind: 'naam', regex: new RegExp(TITLE_LOWER_SOURCE, 'gu'), quick: (t) => /(?:dhr|mevr|mvr|mej)\./i.test(t), accept: (_m, [word]) => !LOWER_NOT_A_NAME.has(word ?? '') },
	{ kind: 'naam', regex: new RegExp(INITIALS_NAME_SOURCE, 'gu'), quick: (t) => /\p{Lu}\./u.test(t) }
];

function runDetectors(text: string, kinds: ReadonlySet<MaskKind>, masked: MaskCounts): string {
	let out = text;
	for (const d of DETECTORS) {
		if (!kinds.has(d.kind) || !d.quick(out)) continue;
		out = out.replace(d.regex, (m: string, ...rest: unknown[]) => {
			const groups = rest.slice(0, -2) as (string | undefined)[];
			if (d.accept && !d.accept(m, groups)) return m;
			masked[d.kind]++;
			return d.replace ? d.replace(m, groups) : MASK[d.kind];
		});
	}
	return out;
}

/**
 * Masks identifying data in a free text: e-mail addresses, dates of birth, phone numbers (Dutch and
 * international), BSNs, full postcodes, street + house number and names after a title or initials,
 * each replaced by MASK[kind]. Zero-width characters are removed first (they are invisible, and
 * would hide a number from the detectors). Pure; `kinds` limits what is masked (default: all).
 */
export function maskPersonalData(text: string, kinds: readonly MaskKind[] = MASK_KINDS): MaskResult {
	const masked = emptyMaskCounts();
	return { text: runDetectors(stripInvisible(text), new Set(kinds), masked), masked };
}

/** The kinds of identifying data a text holds (empty: none). */
export function findPersonalData(text: string, kinds: readonly MaskKind[] = MASK_KINDS): MaskKind[] {
	const { masked } = maskPersonalData(text, kinds);
	return MASK_KINDS.filter((k) => masked[k] > 0);
}

/** Does a text hold any identifying data of these kinds? (No masked text is built.) */
export function hasPersonalData(text: string, kinds: readonly MaskKind[] = MASK_KINDS): boolean {
	const t = stripInvisible(text);
	for (const d of DETECTORS) {
		if (!kinds.includes(d.kind) || !d.quick(t)) continue;
		d.regex.lastIndex = 0;
		for (let m = d.regex.exec(t); m; m = d.regex.exec(t)) {
			if (!d.accept || d.accept(m[0], m.slice(1))) {
				d.regex.lastIndex = 0;
				return true;
			}
			if (m[0] === '') d.regex.lastIndex++;
		}
	}
	return false;
}

/** Sum of two count records (for totals over a file). */
export function addMaskCounts(into: MaskCounts, more: MaskCounts): MaskCounts {
	for (const k of MASK_KINDS) into[k] += more[k];
	return into;
}

/** "2 e-mailadressen en 1 telefoonnummer", or '' when nothing was masked. */
export function describeMaskCounts(counts: MaskCounts): string {
	const parts = MASK_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${MASK_WORDS[k][counts[k] === 1 ? 0 : 1]}`);
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Name-like fields (werkplannen.trekker: a role or a team, not a person). Beyond what free text
// masks, a value that reads as a person's name is masked: a common Dutch first name before a
// surname (Jan de Vries, Fatima Yilmaz), or an initial before a surname (J. Jansen).

const FIRST_NAMES = (
	'Aad Aafke Adam Ahmed Aisha Ali Amber Amy Andre André Anja Ank Anke Anna Anne Annemarie Annemiek Anouk Ans Arie Arjan Astrid Bart Bas Bea Bert Bianca Bram Carla Carolien ' +
	'Cees Chantal Chris Christiaan Claudia Corrie Daan Danielle Daniëlle David Dennis Dick Diana Dirk Edwin Els Emma Erik Esther Eva Evert Fatima Femke Frank Frans Freek Gerard ' +
	'Gerrit Gert Hans Hanneke Harm Hendrik Henk Herman Hilde Ilse Ineke Ingrid Iris Jaap Jacqueline Jan Janneke Jasper Jeroen Jesse Joke Jolanda Joost Jos Josine Joyce Judith ' +
	'Julia Karin Kees Kim Klaas Koen Laura Leo Lieke Linda Lisa Lotte Luuk Maaike Maarten Manon Marcel Marco Margriet Maria Marieke Marijke Marjolein Mark Marloes Martijn ' +
	'Martin Mehmet Michel Mieke Mohamed Mustafa Nicole Niels Nienke Noor Paul Peter Petra Piet Pieter Ria Richard Rik Rob Robert Roel Ruud Saskia Sander Sandra Sanne Sara ' +
	'Sem Sophie Stefan Suzanne Thijs Thomas Tim Tineke Tom Ton Wendy Wieteke Willem Wim Yvonne Youssef'
).split(' ');
const FIRST_NAME_SOURCE = String.raw`(?<![\p{L}])(?:${FIRST_NAMES.join('|')})${SP}+${SURNAME}`;
const INITIAL_SURNAME_SOURCE = String.raw`(?<![\p{L}\p{N}.])${INITIALS}${SP}?${SURNAME}`;
/** Words that make a "name" an organisation (Antonius Ziekenhuis, Stichting Anna Zorg). */
const ORGANISATION = /ziekenhuis|zorg|huis|school|college|centrum|center|team|groep|praktijk|stichting|welzijn|gemeente|kliniek|umc|ggz|jgz|ggd|buurt|wijk|academie|instituut|fonds|vereniging|dienst|plein|punt|kring|netwerk|makelaar|huisarts|jeugd|gezin/i;

function maskPersonNames(text: string, masked: MaskCounts): string {
	let out = text;
	for (const source of [FIRST_NAME_SOURCE, INITIAL_SURNAME_SOURCE]) {
		out = out.replace(new RegExp(source, 'gu'), (m) => {
			if (ORGANISATION.test(m)) return m;
			masked.naam++;
			return MASK.naam;
		});
	}
	return out;
}

/** A name-like field (a role or team): free-text masking, then person names as well. */
export function maskNameLike(text: string): MaskResult {
	const result = maskPersonalData(text);
	return { text: maskPersonNames(result.text, result.masked), masked: result.masked };
}

// ---------------------------------------------------------------------------------------------
// Structured values (ids, codes, pseudonyms): rules on the whole value.

/** Could this structured value be a BSN? After normalising, 9 digits (or 8, a lost leading 0) passing the elfproef. */
const BSN_LABEL_START = /^(?:bsn|burgerservicenummer|sofinummer|sofinr|sofi)[:#=]?/i;

export function isBsnValue(value: string | number): boolean {
	if (typeof value !== 'number' && digitCount(value) < 8) return false;
	const digits = typeof value === 'number' ? (Number.isInteger(value) && value > 0 ? String(value) : '') : normaliseStructured(value).replace(BSN_LABEL_START, '');
	return /^\d{8,9}$/.test(digits) && isBsnDigits(digits);
}

/** Nine digits after normalising (eight from a number cell: Excel dropped the leading zero): a candidate for the elfproef count. */
export function isNineDigitValue(value: string | number): boolean {
	if (typeof value === 'number') return Number.isInteger(value) && value > 0 && (String(value).length === 9 || String(value).length === 8);
	if (digitCount(value) !== 9) return false;
	const digits = normaliseStructured(value).replace(BSN_LABEL_START, '');
	return /^\d{9}$/.test(digits);
}

/** A value that says it is a BSN (bsn111222333, BSN: 123456789). */
const LABELLED_BSN_VALUE = new RegExp(String.raw`^${SP}*${BSN_LABELLED}${SP}*$`, 'u');

export function isLabelledBsn(value: string): boolean {
	if (digitCount(value) < 8 || !/bsn|sofi|burger/i.test(value)) return false;
	return LABELLED_BSN_VALUE.test(stripInvisible(value));
}

/** The whole value is a full postcode in any spelling (1234 AB, 1234ab, 1234-AB, with NBSP). */
export function isPostcodeValue(value: string): boolean {
	if (value.length > 16 || !/\d{4}/.test(value)) return false;
	return /^[1-9]\d{3}[A-Za-z]{2}$/.test(normaliseStructured(value));
}

/** A full postcode anywhere in a value or text (in any of its spellings). */
export function containsPostcodeText(text: string): boolean {
	return isPostcodeValue(text) || hasPersonalData(text, ['postcode']);
}

export function containsEmailText(text: string): boolean {
	return hasPersonalData(text, ['email']);
}

export function containsPhoneText(text: string): boolean {
	return hasPersonalData(text, ['telefoon']);
}

const DATE_IN_VALUE = new RegExp(String.raw`(?<!\d)(?:\d{1,2}${SP}?[\-./]${SP}?\d{1,2}${SP}?[\-./]${SP}?(?:19|20)?\d{2}|(?:19|20)\d{2}${SP}?[\-./]${SP}?\d{1,2}${SP}?[\-./]${SP}?\d{1,2}|\d{1,2}${SP}*(?:${MONTHS})\.?${SP}*(?:19|20)\d{2})(?!\d)`, 'iu');

function isCalendarDate(y: number, m: number, d: number): boolean {
	return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** A date in a value: with separators, a month name, or eight digits that form a valid DDMMYYYY or YYYYMMDD. */
export function looksLikeDate(value: string): boolean {
	const v = stripInvisible(value);
	if (DATE_IN_VALUE.test(v)) return true;
	for (const run of v.match(/(?<![\p{L}\p{N}])\d{8}(?![\p{L}\p{N}])/gu) ?? []) {
		const num = (a: number, b: number) => Number(run.slice(a, b));
		if (isCalendarDate(num(4, 8), num(2, 4), num(0, 2)) || isCalendarDate(num(0, 4), num(4, 6), num(6, 8))) return true;
	}
	return false;
}

/**
 * A value that reads like a person's name rather than a pseudonym: letters only (with spaces,
 * dots, hyphens, apostrophes or commas), with vowels, or initials, or a title. Pseudonyms are codes
 * with digits (P000123, 7f3a9c2e); a code of letters only without vowels (KXQZPT) is not a name.
 */
export function looksLikeName(value: string): boolean {
	const v = stripInvisible(value).trim();
	if (!/^[\p{L}][\p{L}\s.'’,\-]*$/u.test(v)) {
		// With digits or other signs: only a title or initials before a name (dhr. Jansen 2).
		return /[.\s]/.test(v) && hasPersonalData(v, ['naam']);
	}
	const letters = v.replace(/[^\p{L}]/gu, '');
	if (letters.length < 2) return false;
	const vowels = letters.replace(/[^aeiouyàáâäèéêëìíîïòóôöùúûü]/gi, '').length;
	if (/[\s.,']/.test(v)) return vowels > 0; // more than one word, or initials: J. Jansen, de Vries, Jansen, J.
	return vowels > 0 && vowels / letters.length >= 0.2 && vowels / letters.length <= 0.7;
}

/** What the structured-value rules find in one value (each false when absent). */
export interface StructuredFindings {
	/** 9 digits after normalising: counts towards the elfproef share. */
	nineDigits: boolean;
	/** ... and passes the elfproef (or 8 digits that do, a lost leading zero). */
	bsn: boolean;
	labelledBsn: boolean;
	postcode: boolean;
	email: boolean;
	phone: boolean;
}

const NOTHING: StructuredFindings = Object.freeze({ nineDigits: false, bsn: false, labelledBsn: false, postcode: false, email: false, phone: false });

/**
 * The structured-value rules on one text value in one pass, cheap for the ordinary case (a code,
 * a date, a word): what cannot hold a postcode, phone number, BSN or e-mail address is not run
 * through the detectors. Zero-width characters are ignored.
 */
export function structuredFindings(raw: string): StructuredFindings {
	const v = stripInvisible(raw);
	const n = digitCount(v);
	const at = v.includes('@') || (v.includes('at') && /[\[(]at[\])]/i.test(v));
	if (n < 4 && !at) return NOTHING;
	const nineDigits = n === 9 && isNineDigitValue(v);
	const letters = /[A-Za-z]/.test(v);
	return {
		nineDigits,
		bsn: nineDigits && isBsnValue(v),
		labelledBsn: n >= 8 && letters && isLabelledBsn(v),
		postcode: letters && (isPostcodeValue(v) || hasPersonalData(v, ['postcode'])),
		email: at && hasPersonalData(v, ['email']),
		phone: n >= 8 && hasPersonalData(v, ['telefoon'])
	};
}

/** Why a pseudonym (client_pseudo) is refused, or null when it is acceptable. */
export function pseudonymProblem(value: string | number | Date): 'bsn' | 'datum' | 'naam' | null {
	if (value instanceof Date) return 'datum';
	if (typeof value === 'number') return isBsnValue(value) ? 'bsn' : null;
	const digitsIn = digitCount(value);
	// A date first: 1950-04-03 is also eight digits that may pass the elfproef.
	if (digitsIn >= 4 && looksLikeDate(value)) return 'datum';
	if (isBsnValue(value) || isLabelledBsn(value)) return 'bsn';
	// Nine digits inside a longer pseudonym (P-111222333, jansen111222333) as well.
	if (digitsIn >= 8) {
		// Standing apart from letters (a hexadecimal pseudonym like 504533575b41 holds digit runs by chance).
		for (const run of stripInvisible(value).match(/(?<![\p{L}\p{N}])\d(?:[ .\-/]?\d){7,8}(?![\p{L}\p{N}])/gu) ?? []) {
			if (isBsnDigits(run.replace(/\D/g, ''))) return 'bsn';
		}
	}
	if (looksLikeName(value)) return 'naam';
	return null;
}
