// Property: random text around a planted identifier never gets the identifier through, whichever
// door it takes: the contract's masking (returned), the import's free-text and name-like field types
// (what is stored), a stored warning shown on /bronnen, and the editor's display name. The
// identifiers are generated in their spellings (separators, NBSP, zero-width characters, labels,
// country codes, IDN domains); the surrounding text has no digits, '@' or capitals, so whatever of
// the identifier's core survives can only be the identifier.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_KINDS, maskPersonalData } from '$contract/privacy';
import { freeText, nameLike } from '../../pipelines/validators/freeText';
import { safeWarning } from '$lib/server/bronnen/queries';
import { address, before, birth, bsn, email, filler, phone, postcode, survives, text } from './fixtures/planted';

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
