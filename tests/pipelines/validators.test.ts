// Single-value validators: dates, numbers, codes, code lists.

import { describe, expect, it } from 'vitest';
import { checkGemeenteCode, checkOneOf, checkSlug, checkWijkCode } from '../../pipelines/validators/codes';
import { checkDate, fromExcelSerial } from '../../pipelines/validators/dates';
import { checkDecimal, checkInteger } from '../../pipelines/validators/numbers';
import { LEEFTIJDSGROEPEN, VERWIJZERS } from '$contract/codes';

const ctx = { today: '2024-06-30' };

describe('checkDate', () => {
	it.each([
		['2024-03-05', '2024-03-05'],
		['05-03-2024', '2024-03-05'],
		['5-3-2024', '2024-03-05'],
		[' 15-11-2023 ', '2023-11-15'],
		['2024-03-05 00:00:00', '2024-03-05'],
		['2000-01-01', '2000-01-01'],
		['30-06-2024', '2024-06-30']
	])('reads %j as %s', (text, iso) => {
		expect(checkDate(text, ctx)).toEqual({ ok: true, value: iso });
	});

	it('reads Excel date cells by their calendar date', () => {
		expect(checkDate(new Date(Date.UTC(2024, 1, 29)), ctx)).toEqual({ ok: true, value: '2024-02-29' });
	});

	it('reads Excel serial numbers (1900 and 1904 systems)', () => {
		expect(checkDate(45292, ctx)).toEqual({ ok: true, value: '2024-01-01' });
		expect(checkDate(45292.75, ctx)).toEqual({ ok: true, value: '2024-01-01' });
		expect(fromExcelSerial(43830, true)).toEqual({ ok: true, value: '2024-01-01' });
	});

	it.each(['31-02-2024', '2024-13-01', '03/05/2024', 'maart 2024', '20240305', '5-3-24'])('rejects %j', (text) => {
		expect(checkDate(text, ctx)).toMatchObject({ ok: false, rule: 'datum-formaat' });
	});

	it('rejects dates before 2000 and after the day of the import', () => {
		expect(checkDate('31-12-1999', ctx)).toEqual({ ok: false, rule: 'datum-te-vroeg', message: 'datum 1999-12-31 ligt voor 2000-01-01' });
		expect(checkDate('2024-07-01', ctx)).toEqual({
			ok: false,
			rule: 'datum-toekomst',
			message: 'datum 2024-07-01 ligt na vandaag (2024-06-30)'
		});
	});

});

describe('numbers', () => {
	it.each([
		['16,5', 16.5],
		['16.5', 16.5],
		['8', 8],
		[' 0,25 ', 0.25],
		[12.75, 12.75]
	])('reads %j as %d', (cell, n) => {
		expect(checkDecimal(cell)).toEqual({ ok: true, value: n });
	});

	it.each(['1.234,5', '12 uur', '', 'x', '1e3'])('rejects %j', (text) => {
		expect(checkDecimal(text)).toMatchObject({ ok: false, rule: 'getal-formaat' });
	});

	it('requires whole numbers where counts are meant', () => {
		expect(checkInteger('412')).toEqual({ ok: true, value: 412 });
		expect(checkInteger('41,5')).toMatchObject({ ok: false, rule: 'getal-geheel' });
	});

	it('checks ranges', () => {
		expect(checkInteger('-1', { min: 0 })).toEqual({ ok: false, rule: 'getal-bereik', message: '-1 is kleiner dan 0' });
		expect(checkDecimal('81', { max: 80 })).toEqual({ ok: false, rule: 'getal-bereik', message: '81 is groter dan 80' });
	});
});

describe('codes', () => {
	it('accepts CBS wijk codes and normalises case', () => {
		expect(checkWijkCode('WK034401')).toEqual({ ok: true, value: 'WK034401' });
		expect(checkWijkCode(' wk034401 ')).toEqual({ ok: true, value: 'WK034401' });
	});

	it.each(['WK34401', 'WK0344011', 'BU03440101', '034401', 'WK03440A'])('rejects wijk code %j', (code) => {
		expect(checkWijkCode(code)).toMatchObject({ ok: false, rule: 'wijk-code' });
	});

	it('accepts GM + 4 digits only', () => {
		expect(checkGemeenteCode('GM0344')).toEqual({ ok: true, value: 'GM0344' });
		expect(checkGemeenteCode('GM344')).toMatchObject({ ok: false, rule: 'gemeente-code' });
		expect(checkGemeenteCode('0344')).toMatchObject({ ok: false, rule: 'gemeente-code' });
	});

	it('matches code lists ignoring case and spaces, and lists the allowed values', () => {
		expect(checkOneOf('Huisarts', VERWIJZERS)).toEqual({ ok: true, value: 'huisarts' });
		expect(checkOneOf('0 - 3', LEEFTIJDSGROEPEN)).toEqual({ ok: true, value: '0-3' });
		const bad = checkOneOf('huisart', VERWIJZERS);
		expect(bad).toMatchObject({ ok: false, rule: 'waarde-lijst' });
		expect(!bad.ok && bad.message).toContain('huisarts, poh_ggz, poh_jeugd');
	});

	it('accepts code words like basis_ggz', () => {
		expect(checkSlug('Basis_GGZ')).toEqual({ ok: true, value: 'basis_ggz' });
		expect(checkSlug('basis ggz')).toMatchObject({ ok: false, rule: 'code-formaat' });
	});
});
