// Free-text masking (contract/privacy.ts) on the kind of text an open survey answer
// holds: every e-mail address, phone number, BSN and full postcode is replaced, and ordinary
// numbers, dates and scores are left alone.
import { describe, expect, it } from 'vitest';
import { emptyMaskCounts, MASK, maskPersonalData } from '$contract/privacy';

describe('maskPersonalData on open answers', () => {
	it('masks e-mail addresses', () => {
		const m = maskPersonalData('Mail mij: j.de.vries@praktijk-noord.nl of info@buurtteam.example.org.');
		expect(m.text).toBe(`Mail mij: ${MASK.email} of ${MASK.email}.`);
		expect(m.masked.email).toBe(2);
	});

	it('masks Dutch phone numbers in their usual spellings', () => {
		for (const phone of [
			'06-12345678',
			'06 12345678',
			'0612345678',
			'06 12 34 56 78',
			'030-1234567',
			'030 123 45 67',
			'(030) 1234567',
			'+31 6 12345678',
			'+31612345678',
			'+31 (0)30 123 4567',
			'0031 30 1234567'
		]) {
			const m = maskPersonalData(`Bel ${phone} graag.`);
			expect(m.text, phone).toBe(`Bel ${MASK.telefoon} graag.`);
			expect(m.masked.telefoon, phone).toBe(1);
		}
	});

	it('masks BSNs (elfproef) also when written in groups, and leaves other nine-digit numbers', () => {
		// 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6 x 11, a valid test BSN; 123456782 likewise.
		const m = maskPersonalData('Client 111222333 en 123 456 782 en 1234.56.782, maar niet 123456789.');
		expect(m.text).toBe(`Client ${MASK.bsn} en ${MASK.bsn} en ${MASK.bsn}, maar niet 123456789.`);
		expect(m.masked.bsn).toBe(3);
	});

	it('masks full postcodes but not a four-digit area or a year', () => {
		const m = maskPersonalData('Woont op 3511 AB, gebied 3511, sinds 2024; ook 3511ab.');
		expect(m.text).toBe(`Woont op ${MASK.postcode}, gebied 3511, sinds 2024; ook ${MASK.postcode}.`);
		expect(m.masked.postcode).toBe(2);
	});

	it('leaves ordinary text, dates, scores and percentages alone', () => {
		const text = 'Op 15-04-2025 spraken we 3 keer af; 80% kreeg binnen 4 weken terugkoppeling (cijfer 7,5).';
		const m = maskPersonalData(text);
		expect(m.text).toBe(text);
		expect(m.masked).toEqual(emptyMaskCounts());
	});
});
