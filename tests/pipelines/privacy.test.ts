// Privacy rules on their own; the end-to-end rejections are in rejections.test.ts.

import { describe, expect, it } from 'vitest';
import { ErrorCollector } from '../../pipelines/errors';
import type { RawTable } from '../../pipelines/readers/table';
import { isIdentifierColumnName, passesElfproef } from '$contract/privacy';
import { checkPrivacy, containsEmail, containsPostcode, looksLikeBsn } from '../../pipelines/validators/privacy';

describe('isIdentifierColumnName', () => {
	it.each([
		'bsn',
		'BSN',
		'Burgerservicenummer',
		'client_bsn',
		'naam',
		'Naam',
		'voornaam',
		'achternaam',
		'client_naam',
		'geboortedatum',
		'geboorte_datum',
		'Geboorte datum',
		'adres',
		'woonadres',
		'straat',
		'huisnummer',
		'postcode',
		'Postcode',
		'telefoon',
		'telefoonnummer',
		'Telefoon nr',
		'email',
		'e-mail',
		'e_mail',
		'E-mailadres',
		'Email',
		'Name'
	])('rejects %j', (name) => {
		expect(isIdentifierColumnName(name)).toBe(true);
	});

	it.each([
		'pc4',
		'PC4',
		'postcode4',
		'wijk_naam',
		'praktijk_naam',
		'gemeente_naam',
		'Wijknaam',
		'client_pseudo',
		'verwijzing_id',
		'datum',
		'terugkoppeling_datum',
		'bestemming',
		'uren_per_week',
		'leeftijdsgroep',
		'opmerking',
		''
	])('allows %j', (name) => {
		expect(isIdentifierColumnName(name)).toBe(false);
	});
});

describe('BSN detection', () => {
	it('implements the eleven-test', () => {
		// 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*2 = 67? -> hand-checked valid numbers below.
		expect(passesElfproef('111222333')).toBe(true); // 9+8+7+12+10+8+9+6-3 = 66 = 6*11
		expect(passesElfproef('123456782')).toBe(true); // 9+16+21+24+25+24+21+16-2 = 154 = 14*11
		expect(passesElfproef('123456789')).toBe(false);
		expect(passesElfproef('000000000')).toBe(false);
		expect(passesElfproef('12345678')).toBe(false);
	});

	it('sees BSNs written with separators or with the leading zero lost', () => {
		expect(looksLikeBsn('123 456 782')).toBe(true);
		expect(looksLikeBsn('123.456.782')).toBe(true);
		expect(looksLikeBsn(123456782)).toBe(true);
		// 012345672: 0+8+14+18+20+20+18+14-2 = 110 = 10*11; Excel drops the 0.
		expect(looksLikeBsn('12345672')).toBe(true);
		expect(looksLikeBsn('V123456782')).toBe(false);
	});
});

describe('postcode and e-mail values', () => {
	it.each(['3511 AB', '3511AB', '3511ab', 'Oudegracht 1, 3511 AB Utrecht'])('finds a postcode in %j', (v) => {
		expect(containsPostcode(v)).toBe(true);
	});

	it.each(['3511', 'WK034401', '2024-03-05', '12-17', '0123 AB', 'c3511ab9', 'Visie 2030'])('finds no postcode in %j', (v) => {
		expect(containsPostcode(v)).toBe(false);
	});

	it('finds e-mail addresses', () => {
		expect(containsEmail('j.jansen@example.nl')).toBe(true);
		expect(containsEmail('mail naar info@praktijk-oost.nl svp')).toBe(true);
		expect(containsEmail('Huisartsen @ Oost')).toBe(false);
	});
});

describe('checkPrivacy', () => {
	const table = (header: string[], rows: string[][]): RawTable => ({
		file: 'x.csv',
		format: 'csv',
		header,
		headerLine: 1,
		rows: rows.map((cells, i) => ({ line: i + 2, cells }))
	});

	it('calls a column a BSN column when over 20% of at least 5 nine-digit values pass the eleven-test', () => {
		const errors = new ErrorCollector('x.csv');
		// 2 of 5 pass (40%), a minority of the column.
		checkPrivacy(table(['id'], [['100000001'], ['111222333'], ['123456782'], ['100000002'], ['100000003']]), errors, new Set(), new Set([0]));
		expect(errors.errors).toHaveLength(1);
		expect(errors.errors[0]).toMatchObject({ column: 'id', rule: 'privacy-bsn', line: 3 });
		expect(errors.errors[0].message).not.toMatch(/111222333|123456782/);
	});

	it('lets a column of ordinary 9-digit ids through', () => {
		const errors = new ErrorCollector('x.csv');
		// Only 111222333 passes: 1 of 5 is 20%, what chance gives; and 3 values are too few to judge.
		checkPrivacy(table(['id'], [['111222333'], ['100000001'], ['100000002'], ['100000003'], ['100000004']]), errors);
		checkPrivacy(table(['id'], [['111222333'], ['123456782'], ['100000002']]), errors);
		expect(errors.errors).toEqual([]);
	});

	it('reports postcode and e-mail once per column with the first line, never the value, naming an unknown column by position', () => {
		const errors = new ErrorCollector('x.csv');
		checkPrivacy(table(['a', 'b'], [['ok', 'ok'], ['3511 AB', 'x'], ['1234AB', 'p@q.nl']]), errors);
		expect(errors.errors.map((e) => [e.column, e.line, e.rule])).toEqual([
			['kolom 1', 3, 'privacy-postcode'],
			['kolom 2', 4, 'privacy-email']
		]);
		for (const e of errors.errors) expect(e.message).not.toMatch(/3511|1234|p@q/);
	});
});

describe('checkPrivacy on the header itself', () => {
	it('rejects an e-mail address or postcode used as a column name, without naming it', () => {
		const errors = new ErrorCollector('x.csv');
		const table: RawTable = {
			file: 'x.csv',
			format: 'csv',
			header: ['wijk_code', 'p.jansen@example.nl', '3511 AB'],
			headerLine: 1,
			rows: [{ line: 2, cells: ['WK034401', 'x', 'y'] }]
		};
		checkPrivacy(table, errors);
		expect(errors.errors.map((e) => [e.line, e.column, e.rule])).toEqual([
			[1, 'kolom 2', 'privacy-email'],
			[1, 'kolom 3', 'privacy-postcode']
		]);
		for (const e of errors.errors) expect(e.message).not.toMatch(/jansen|3511/);
	});
});
