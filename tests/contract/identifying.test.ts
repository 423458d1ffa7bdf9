// The identifying-data detectors of contract/privacy.ts on the corpus (tests/contract/fixtures/
// identifying.ts): every variant is masked in free text with its kind, refused in a structured
// column where the contract says so, and ordinary text of the monitor is left exactly as it is.
import { describe, expect, it } from 'vitest';
import {
	CONTACT_KINDS,
	describeMaskCounts,
	emptyMaskCounts,
	findPersonalData,
	isPostcodeValue,
	looksLikeDate,
	looksLikeName,
	MASK,
	maskNameLike,
	maskPersonalData,
	normaliseStructured,
	pseudonymProblem
} from '$contract/privacy';
import { columnPrivacy } from '../../pipelines/validators/privacy';
import { IDENTIFYING, ISSUE_SENTENCE, normalise, ORDINARY } from './fixtures/identifying';

describe('the corpus in free text', () => {
	it.each(IDENTIFYING.map((c) => [c.text, c] as const))('masks %j with its kind', (_t, c) => {
		const m = maskPersonalData(`Volgens de notitie: ${c.text}, graag terugbellen.`);
		expect(normalise(m.text)).not.toContain(c.core);
		expect(m.text).toContain(MASK[c.kind]);
		expect(m.masked[c.kind]).toBeGreaterThan(0);
		expect(m.text.startsWith('Volgens de notitie: ')).toBe(true);
		expect(m.text.endsWith(', graag terugbellen.')).toBe(true);
	});

	it('masks every part of the issue\'s sentence, each with its own kind', () => {
		const m = maskPersonalData(ISSUE_SENTENCE.text);
		expect(m.text).toBe(`${MASK.naam}, ${MASK.adres}, ${MASK.geboortedatum}`);
		for (const core of ISSUE_SENTENCE.cores) expect(normalise(m.text)).not.toContain(core);
		expect(describeMaskCounts(m.masked)).toBe('1 geboortedatum, 1 adres (straat en huisnummer) en 1 naam met aanhef of voorletters');
	});

	it('keeps the label of a BSN so the text still reads', () => {
		expect(maskPersonalData('BSN: 123456782').text).toBe(`BSN: ${MASK.bsn}`);
		expect(maskPersonalData('bsn111222333').text).toBe(`bsn ${MASK.bsn}`);
	});

	it('masks several in one text and counts them', () => {
		const m = maskPersonalData('Bel 06-1234-5678 of +32 470 12 34 56, mail piet@wijk.nl; BSN 111-222-333, 1234 ab.');
		expect(m.masked).toEqual({ ...emptyMaskCounts(), telefoon: 2, email: 1, bsn: 1, postcode: 1 });
	});
});

describe('ordinary text (the negative corpus)', () => {
	it.each(ORDINARY)('leaves %j alone', (text) => {
		const m = maskPersonalData(text);
		expect(m.text).toBe(text);
		expect(m.masked).toEqual(emptyMaskCounts());
		expect(findPersonalData(text)).toEqual([]);
	});

	it.each(['Thuiszorg Noord', 'JGZ Voorbeeldstad', 'Buurtteam Jeugd en Gezin De Gaarden', 'Huisartsen De Gaarden', 'Antonius Ziekenhuis', 'Gemeente Voorbeeldstad', 'Welzijn Voorbeeldstad', 'Sportbedrijf Voorbeeldstad'])(
		'leaves the organisation %j alone in a name-like field',
		(text) => {
			expect(maskNameLike(text).text).toBe(text);
		}
	);
});

describe('name-like fields (trekker: a role or team)', () => {
	it.each([
		['Jan de Vries', MASK.naam],
		['J. Jansen', MASK.naam],
		['Fatima Yilmaz (06-12345678)', `${MASK.naam} (${MASK.telefoon})`],
		['Buurtteam Noord, contact Anne Bakker', `Buurtteam Noord, contact ${MASK.naam}`],
		['Thuiszorg Noord, t.a.v. dhr. Jansen, jansen@thuiszorg.nl', `Thuiszorg Noord, t.a.v. ${MASK.naam}, ${MASK.email}`]
	])('masks %j', (text, want) => {
		expect(maskNameLike(text).text).toBe(want);
	});
});

describe('structured values', () => {
	it('normalises spaces of any kind, dots, hyphens, slashes and zero-width characters', () => {
		expect(normaliseStructured('1\u200B11-222.333')).toBe('111222333');
		expect(normaliseStructured('123\u00A0456/782')).toBe('123456782');
		expect(normaliseStructured('\uFEFF111\u2060222\u200D333')).toBe('111222333');
	});

	it.each(['1234 AB', '1234ab', '1234-AB', '1234\u00A0AB', '1234 ab'])('sees the whole value %j as a postcode', (v) => {
		expect(isPostcodeValue(v)).toBe(true);
	});

	const refusals = (values: string[]) => {
		const acc = columnPrivacy('gestructureerd');
		values.forEach((v, i) => acc.add(v, i + 2));
		return acc.result().map((f) => [f.rule, f.line]);
	};

	it.each(IDENTIFYING.filter((c) => c.refusedInStructured).map((c) => [c.text, c] as const))('refuses %j in a structured column', (_t, c) => {
		const found = refusals(['abc', c.text]);
		expect(found.length).toBeGreaterThan(0);
		expect(found[0][1]).toBe(3);
		for (const [rule] of found) expect(String(rule)).toMatch(/^privacy-/);
	});

	it('refuses a minority of BSNs: over 20% of at least 5 nine-digit values', () => {
		const ids = ['100000001', '100000002', '100000003', '100000004', '100000005', '100000006', '100000007'];
		// 2 of 9 pass (22%): refused, although most of the column are ordinary ids.
		expect(refusals([...ids, '111222333', '123-456-782'])).toEqual([['privacy-bsn', 9]]);
		// 1 of 5 (20%) is what chance gives.
		expect(refusals([...ids.slice(0, 4), '111222333'])).toEqual([]);
		// 4 values are too few to judge the share.
		expect(refusals(['111222333', '123456782', '100000001', '100000002'])).toEqual([]);
	});

	it('counts values, not distinct values: a reader may feed each distinct value once with its count, in any order', () => {
		// 2 ids, 9 and 1 times, and one BSN 3 times: 3 of 13 (23%) pass.
		const fed = columnPrivacy('gestructureerd');
		fed.add('100000002', 40, 1);
		fed.add('111222333', 7, 3);
		fed.add('100000001', 2, 9);
		expect(fed.result().map((f) => [f.rule, f.line])).toEqual([['privacy-bsn', 7]]);
		// Once each, the same BSN is 1 of 3 values: too few to judge.
		const once = columnPrivacy('gestructureerd');
		['100000002', '111222333', '100000001'].forEach((v, i) => once.add(v, i + 2));
		expect(once.result()).toEqual([]);
	});

	it('counts the 9-digit values of a column after normalising, also with zero-width characters and number cells', () => {
		const acc = columnPrivacy('gestructureerd');
		['111\u200B222\u200B333', '123 456 782', 100000001, 100000002, 100000003].forEach((v, i) => acc.add(v, i + 2));
		expect(acc.result().map((f) => f.rule)).toEqual(['privacy-bsn']);
	});

	it('leaves ordinary structured values alone', () => {
		expect(refusals(['WK034401', 'P001', 'V-2024-000123', '2024-05-01', '15-04-2025', '12,5', '4-11', 'huisarts', 'basis_ggz', '3511', 'Huisartsenpraktijk Dr. Jansen', 'Dorpsstraat'])).toEqual([]);
	});
});

describe('pseudonyms (client_pseudo)', () => {
	it.each([
		['111222333', 'bsn'],
		['111-222-333', 'bsn'],
		['P-123456782', 'bsn'],
		['jansen-111222333', 'bsn'],
		['03-04-1950', 'datum'],
		['1950-04-03', 'datum'],
		['03041950', 'datum'],
		['jdv-3 april 1950', 'datum'],
		['Jan de Vries', 'naam'],
		['J. de Vries', 'naam'],
		['de Vries, J.', 'naam'],
		['jansen', 'naam'],
		['Yılmaz', 'naam']
	] as const)('refuses %j (%s)', (value, why) => {
		expect(pseudonymProblem(value)).toBe(why);
	});

	// Hexadecimal pseudonyms as the demo data has them: digit runs that pass the elfproef, look like a
	// phone number or a date by chance, inside letters.
	it.each(['c101', 'P000123', '7f3a9c2e5b', 'CL-2024-0001', 'KXQZPT', 'a1b2c3', '100000001', '504533575b41', 'd0255317457d', '0812337693fa', '20240315ab12'])('accepts the pseudonym %j', (value) => {
		expect(pseudonymProblem(value)).toBeNull();
	});

	it('refuses a date cell and an elfproef-valid number cell', () => {
		expect(pseudonymProblem(new Date('1950-04-03'))).toBe('datum');
		expect(pseudonymProblem(123456782)).toBe('bsn');
		expect(looksLikeDate('rapport 2025')).toBe(false);
		expect(looksLikeName('P000123')).toBe(false);
	});

	it('reports each problem of a pseudonym column once, at its first line, without the value', () => {
		const acc = columnPrivacy('pseudoniem');
		['c1', 'Jan de Vries', 'c3', '03-04-1950', 'Piet Jansen', '111222333'].forEach((v, i) => acc.add(v, i + 2));
		const found = acc.result();
		expect(found.map((f) => [f.rule, f.line])).toEqual([
			['privacy-bsn', 7],
			['privacy-pseudoniem', 5],
			['privacy-pseudoniem', 3]
		]);
		for (const f of found) expect(f.message).not.toMatch(/Vries|Jansen|1950|111222333/);
	});
});

describe('the editor\'s name', () => {
	it('masks contact details but keeps a person\'s own name', () => {
		expect(maskPersonalData('An Jansen', CONTACT_KINDS).text).toBe('An Jansen');
		expect(maskPersonalData('Mevr. A. Jansen (06-12345678)', CONTACT_KINDS).text).toBe(`Mevr. A. Jansen (${MASK.telefoon})`);
		expect(findPersonalData('an.jansen', CONTACT_KINDS)).toEqual([]);
		expect(findPersonalData('0612345678', CONTACT_KINDS)).toEqual(['telefoon']);
		expect(findPersonalData('111222333', CONTACT_KINDS)).toEqual(['bsn']);
	});
});
