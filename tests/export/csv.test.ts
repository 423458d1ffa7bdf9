// The one CSV writer (src/lib/server/export/csv.ts): Dutch Excel's dialect, and text that a
// spreadsheet would run as a formula neutralised with a leading apostrophe (CSV injection). The
// expectations are written out by hand.
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, type CsvColumn } from '$lib/server/export/csv';

interface Row {
	tekst: string | null;
	getal: number | null;
}
const columns: CsvColumn<Row>[] = [
	{ header: 'tekst', value: (r) => r.tekst },
	{ header: 'getal', value: (r) => r.getal, digits: 1 }
];
const csv = (rows: Row[]) => toCsv(rows, columns);

describe('toCsv', () => {
	it('writes BOM, header, ; and CRLF, a decimal comma, and quotes where needed', () => {
		expect(csv([{ tekst: 'Noord', getal: 12.34 }, { tekst: 'a;b "c"', getal: null }, { tekst: null, getal: -36.1 }])).toBe(
			'\uFEFFtekst;getal\r\nNoord;12,3\r\n"a;b ""c""";\r\n;-36,1\r\n'
		);
	});

	it('neutralises text that starts with =, +, -, @, tab or carriage return', () => {
		const rows = ['=HYPERLINK("http://evil.example";"klik")', '+31 6 1234', '-36,1', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=1+1'].map((tekst) => ({ tekst, getal: null }));
		expect(csv(rows)).toBe(
			'\uFEFFtekst;getal\r\n' +
				'"\'=HYPERLINK(""http://evil.example"";""klik"")";\r\n' +
				"'+31 6 1234;\r\n" +
				"'-36,1;\r\n" +
				"'@SUM(A1:A9);\r\n" +
				"'\t=1+1;\r\n" +
				'"\'\r=1+1";\r\n' +
				"'=1+1;\r\n"
		);
	});

	it('leaves numbers alone, negative ones included, and text that only contains those characters later on', () => {
		expect(csv([{ tekst: 'a=b', getal: -36.1 }, { tekst: 'Noord-Oost', getal: -4.5 }, { tekst: ' =1', getal: 5 }])).toBe(
			'\uFEFFtekst;getal\r\na=b;-36,1\r\nNoord-Oost;-4,5\r\n" =1";5,0\r\n'
		);
	});
});

describe('neutraliseFormula', () => {
	it('prefixes exactly the dangerous first characters', () => {
		expect(['=', '+', '-', '@', '\t', '\r'].map((c) => neutraliseFormula(`${c}x`))).toEqual(["'=x", "'+x", "'-x", "'@x", "'\tx", "'\rx"]);
		expect(['x', '', "'=x", ' =x', '<5', 'x=1', '1-2'].map(neutraliseFormula)).toEqual(['x', '', "'=x", ' =x', '<5', 'x=1', '1-2']);
	});
});
