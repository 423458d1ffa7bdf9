// Property: random text around a planted identifier never gets the identifier through, whichever
// door it takes: the contract's masking (returned), the import's free-text and name-like field types
// (what is stored), a stored warning shown on /bronnen, and the editor's display name. The
// identifiers are generated in their spellings (separators, NBSP, zero-width characters, labels,
// country codes, IDN domains); the surrounding text has no digits, '@' or capitals, so whatever of
// the identifier's core survives can only be the identifier.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_KINDS, isBsnDigits, maskPersonalData, type MaskKind } from '$contract/privacy';
import { freeText, nameLike } from '../../pipelines/validators/freeText';
import { safeWarning } from '$lib/server/bronnen/queries';
import { normalise } from './fixtures/identifying';

interface Planted {
	text: string;
	kind: MaskKind;
	core: string;
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const SPACES = [' ', '\u00A0', '\u202F'];

/** Zero-width characters sprinkled between the characters of `s`, sometimes. */
const sprinkle = (s: string) =>
	fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).chain((where) =>
		pick(ZERO_WIDTH).map((zw) => [...s].map((ch, i) => (where[i] && i < s.length - 1 ? ch + zw : ch)).join(''))
	);

const bsn: fc.Arbitrary<Planted> = digits(8)
	.map((d) => {
		for (let last = 0; last <= 9; last++) if (isBsnDigits(d + last)) return d + last;
		return null;
	})
	.filter((d): d is string => d !== null && d !== '000000000')
	.chain((d) =>
		fc
			.tuple(pick(['plain', 'groups', 'label', 'zw'] as const), pick(['-', ' ', '.', '\u00A0', ' - ']), pick(['bsn', 'BSN: ', 'bsn ', 'BSN nr. ', 'burgerservicenummer ']))
			.chain(([form, sep, label]) => {
				const grouped = `${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}`;
				if (form === 'zw') return sprinkle(d).map((text) => ({ text, kind: 'bsn' as const, core: d }));
				const text = form === 'plain' ? d : form === 'groups' ? grouped : `${label}${d}`;
				return fc.constant({ text, kind: 'bsn' as const, core: d });
			})
	);

const phone: fc.Arbitrary<Planted> = fc
	.tuple(pick(['06', '010', '020', '030', '0592']), digits(8), pick(['', '-', ' ', '/', '\u00A0']), pick(['nl', 'plus31', '0031', 'be', 'zw'] as const))
	.chain(([area, rest, sep, form]) => {
		const local = (area + rest).slice(0, 10);
		const core = local.slice(1);
		if (form === 'be') return fc.constant({ text: `+32 470 ${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4, 6)}`, kind: 'telefoon' as const, core: `470${rest.slice(0, 6)}` });
		if (form === 'zw') return sprinkle(local).map((text) => ({ text, kind: 'telefoon' as const, core }));
		const body = `${local.slice(0, area.length)}${sep}${local.slice(area.length)}`;
		const text = form === 'nl' ? body : form === 'plus31' ? `+31${sep === '' ? ' ' : sep}${body.slice(1)}` : `0031 ${body.slice(1)}`;
		return fc.constant({ text, kind: 'telefoon' as const, core });
	});

const word = fc.stringMatching(/^[a-z]{3,8}$/);
const email: fc.Arbitrary<Planted> = fc
	.tuple(word, fc.option(word, { nil: undefined }), pick(['praktijk', 'buurtteam', 'bücher', 'gemeente-oost', 'zorg']), pick(['nl', 'com', 'be', 'org', 'de']), pick(['@', '@', ' [at] ']))
	.map(([local, second, domain, tld, at]) => {
		const address = `${local}${second ? `.${second}` : ''}${at}${domain}.${tld}`;
		return { text: address, kind: 'email' as const, core: `${local}${at.trim()}${domain}` };
	});

const LOWER_WORDS = new Set('de en in is op om te of al na er zo nu ze we je af uw ik ga ok ja nl eu km kg cm mm ml mg ha bv ca jr st mw po vo mo ad pm am cq dm ct kb mb gb id et nr no vs pc ex tv ov hr rd oa ie eo'.split(' '));
const postcode: fc.Arbitrary<Planted> = fc
	.tuple(fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^[A-Z]{2}$/), pick(['', ' ', '-', '\u00A0']), fc.boolean())
	// Small letters after a space that form a Dutch word (`2024 en`) are text, documented as such.
	.filter(([, letters, sep, lower]) => !(lower && sep !== '' && sep !== '-' && LOWER_WORDS.has(letters.toLowerCase())))
	.map(([n, letters, sep, lower]) => ({ text: `${n}${sep}${lower ? letters.toLowerCase() : letters}`, kind: 'postcode' as const, core: `${n}${letters}` }));

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const birth: fc.Arbitrary<Planted> = fc
	.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1920, max: 2020 }), pick(['geb. ', 'geboren ', 'geboren op ', 'geboortedatum: ', 'Geb. ']), pick(['-', '/', '.', 'maand']))
	.map(([d, m, y, label, sep]) => {
		const dd = String(d).padStart(2, '0');
		const mm = String(m).padStart(2, '0');
		const date = sep === 'maand' ? `${d} ${MONTHS[m - 1]} ${y}` : `${dd}${sep}${mm}${sep}${y}`;
		return { text: `${label}${date}`, kind: 'geboortedatum' as const, core: sep === 'maand' ? `${MONTHS[m - 1]}${y}` : `${dd}${mm}${y}` };
	});

const Stem = fc.stringMatching(/^[A-Z][a-z]{3,8}$/);
const address: fc.Arbitrary<Planted> = fc
	.tuple(Stem, pick(['straat', 'weg', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'dreef']), fc.integer({ min: 1, max: 899 }), pick(['', 'a', 'B', '-bis', ' hs']))
	.map(([stem, suffix, n, extra]) => ({ text: `${stem}${suffix} ${n}${extra}`, kind: 'adres' as const, core: `${stem}${suffix}${n}` }));

const Surname = fc.stringMatching(/^[A-Z][a-z]{3,10}$/);
const titled: fc.Arbitrary<Planted> = fc
	.tuple(pick(['Mevr. ', 'mevr. ', 'Dhr. ', 'dhr. ', 'mw. ', 'Dr. ', 'de heer ', 'mevrouw ', 'Drs. ']), pick(['', 'J. ', 'A.B. ', 'K.']), pick(['', 'de ', 'van ', 'van der ', "van 't "]), Surname)
	.map(([title, initials, particle, surname]) => ({ text: `${title}${initials}${particle}${surname}`, kind: 'naam' as const, core: surname }));

const planted = fc.oneof(bsn, phone, email, postcode, birth, address, titled);

/** Lower-case words with spaces and punctuation: no digits, no '@', no capitals. */
const filler = fc.array(fc.stringMatching(/^[a-zà-ÿ]{1,9}[,;:!?]?$/), { maxLength: 8 }).map((ws) => ws.join(' '));
const before = pick([' ', ': ', ', ', ' (', '\n', '\u00A0', ' - ']);
const after = pick([' ', '.', ', ', ')', '\n', ';', '!']);

const text = fc.tuple(filler, before, planted, after, filler).map(([a, b, p, c, d]) => ({ planted: p, text: `${a}${b}${p.text}${c}${d}` }));

const survives = (out: string, p: Planted) => normalise(out).includes(normalise(p.core));

describe('a planted identifier never gets through', () => {
	it('the contract masks it with its kind (returned)', () => {
		fc.assert(
			fc.property(text, ({ planted: p, text: t }) => {
				const m = maskPersonalData(t);
				expect(survives(m.text, p), `${JSON.stringify(t)} -> ${JSON.stringify(m.text)}`).toBe(false);
				expect(m.masked[p.kind], JSON.stringify(t)).toBeGreaterThan(0);
			}),
			{ numRuns: 2000 }
		);
	});

	it('the import\'s free-text and name-like fields store it masked', () => {
		const ctx = { today: '2025-12-31' };
		fc.assert(
			fc.property(text, ({ planted: p, text: t }) => {
				for (const type of [freeText(), nameLike()]) {
					const checked = type.check(t, ctx);
					expect(checked.ok).toBe(true);
					if (checked.ok) expect(survives(String(checked.value), p), JSON.stringify(t)).toBe(false);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('a stored load warning that quoted a header cell shows neither the cell nor the identifier', () => {
		fc.assert(
			fc.property(text, ({ planted: p, text: t }) => {
				const name = t.replace(/["\n]/g, ' ');
				const old = `oud.csv, regel 1, kolom "${name}": onbekende kolom voor verwijzingen; de kolom wordt niet geladen (regel: kolom-onbekend)`;
				expect(survives(safeWarning(old), p), old).toBe(false);
				// Any other stored text is masked too.
				expect(survives(safeWarning(`oud.csv: ${t} (regel: wijk-afwijkend)`), p)).toBe(false);
			}),
			{ numRuns: 500 }
		);
	});

	it('the editor\'s display name keeps no contact details', () => {
		const contact = fc.oneof(bsn, phone, email, postcode, birth, address);
		fc.assert(
			fc.property(filler, before, contact, (a, b, p) => {
				const out = maskPersonalData(`An Jansen${b}${p.text} ${a}`, CONTACT_KINDS).text;
				expect(survives(out, p), out).toBe(false);
				expect(out.startsWith('An Jansen')).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});
});
