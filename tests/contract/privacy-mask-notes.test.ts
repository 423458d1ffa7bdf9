// Free text is stored with personal data masked (contract/privacy.ts).
import { describe, expect, it } from 'vitest';
import { maskPersonalData, MASK } from '$contract/privacy';

describe('maskPersonalData', () => {
	it('masks e-mail addresses, phone numbers, BSNs and postcodes, and counts them', () => {
		const r = maskPersonalData('Mail j.jansen@voorbeeld.nl of bel 06-12345678 (BSN 123456782), woont op 3581 AB.');
		expect(r.text).toBe(`Mail ${MASK.email} of bel ${MASK.telefoon} (BSN ${MASK.bsn}), woont op ${MASK.postcode}.`);
		expect(r.masked).toMatchObject({ email: 1, telefoon: 1, bsn: 1, postcode: 1, geboortedatum: 0, adres: 0, naam: 0 });
	});

	it('recognises the usual ways of writing a Dutch phone number', () => {
		for (const phone of ['0612345678', '06 12345678', '06-1234 5678', '030 123 45 67', '030-1234567', '(030) 1234567', '+31 6 1234 5678', '+31 (0)30 1234567', '0031 30 1234567']) {
			expect(maskPersonalData(`bel ${phone} morgen`).text, phone).toBe(`bel ${MASK.telefoon} morgen`);
		}
	});

	it('masks a BSN written in groups or with its leading zero dropped, but only when it passes the elfproef', () => {
		expect(maskPersonalData('nummer 123 456 782').text).toBe(`nummer ${MASK.bsn}`);
		expect(maskPersonalData('nummer 123.456.782').text).toBe(`nummer ${MASK.bsn}`);
		// 011234568 passes the elfproef; Excel writes it as 11234568.
		expect(maskPersonalData('nummer 11234568').text).toBe(`nummer ${MASK.bsn}`);
		expect(maskPersonalData('nummer 123456789').text).toBe('nummer 123456789');
	});

	it('leaves dates, years, amounts and counts alone', () => {
		for (const text of ['op 01-02-2025 12 deelnemers', 'in 2025 zijn 150 mensen bereikt', '0,5 fte per week', 'jaren 2023-2024', 'budget 12.500 euro', 'WK034401 en GM0344']) {
			expect(maskPersonalData(text).text, text).toBe(text);
		}
	});
});
