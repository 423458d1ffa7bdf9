// The wording of the werkafspraken page: the measure is the share that keeps the agreement, and a
// negatively worded statement says that disagreeing is what counts.
import { describe, expect, it } from 'vitest';
import { afspraakKoppen, NAKOMEN_TITEL, nakomenAntwoorden, nakomenUitleg } from '$lib/surveys/werkafspraken';

describe('werkafspraken wording', () => {
	it('names the measure for the behaviour agreed, never agreement with the statement', () => {
		expect(NAKOMEN_TITEL).toBe('Deel dat de afspraak nakomt');
		expect(NAKOMEN_TITEL).not.toMatch(/eens/);
	});

	it('counts disagreeing with a negatively worded statement, agreeing with a positive one', () => {
		expect(nakomenAntwoorden({ type: 'likert5', omgekeerd: false })).toBe('‘mee eens’ of ‘helemaal mee eens’');
		expect(nakomenAntwoorden({ type: 'likert5', omgekeerd: true })).toBe('‘mee oneens’ of ‘helemaal mee oneens’');
		expect(nakomenAntwoorden({ type: 'ja_nee', omgekeerd: false })).toBe('‘ja’');
		expect(nakomenAntwoorden({ type: 'ja_nee', omgekeerd: true })).toBe('‘nee’');
		expect(nakomenAntwoorden({ type: 'likert7', omgekeerd: true })).toMatch(/^1 tot en met 3/);
		expect(nakomenUitleg({ type: 'likert5', omgekeerd: true })).toBe(
			'De stelling is negatief geformuleerd: wie ‘mee oneens’ of ‘helemaal mee oneens’ antwoordt, komt de afspraak na.'
		);
		expect(nakomenUitleg({ type: 'ja_nee', omgekeerd: false })).toBe('Komt de afspraak na: wie ‘ja’ antwoordt.');
	});

	it('heads each agreement with its thema, and with its code where two share a thema', () => {
		const koppen = afspraakKoppen([
			{ vraag_code: 'WA1', thema: 'terugkoppeling' },
			{ vraag_code: 'WA2', thema: 'verwijzen' },
			{ vraag_code: 'WA3', thema: 'Verwijzen' }
		]);
		expect([...koppen]).toEqual([
			['WA1', 'Afspraak: Terugkoppeling'],
			['WA2', 'Afspraak: Verwijzen (WA2)'],
			['WA3', 'Afspraak: Verwijzen (WA3)']
		]);
	});
});
