// The demo exports (data/demo, fictitious but shaped like real ones) as a large negative corpus:
// no structured value trips a privacy rule, no pseudonym is refused (hexadecimal pseudonyms hold
// digit runs that pass the elfproef, look like a phone number or a date by chance), and no free
// text is changed by the masking. Were it otherwise, `npm start` would refuse its own demo.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { maskNameLike, maskPersonalData, pseudonymProblem, structuredFindings } from '$contract/privacy';

const DEMO = path.resolve(import.meta.dirname, '../../data/demo');
const FREE = new Set(['titel', 'doel', 'omschrijving', 'toelichting', 'vraag_tekst', 'naam']);
const NAME_LIKE = new Set(['trekker', 'partners']);

function tables(): { file: string; header: string[]; rows: string[][] }[] {
	return fs
		.readdirSync(DEMO)
		.filter((f) => f.endsWith('.csv'))
		.map((file) => {
			const text = fs.readFileSync(path.join(DEMO, file), 'utf8').replace(/^\uFEFF/, '');
			const parsed = Papa.parse<string[]>(text, { delimiter: text.split('\n')[0].includes(';') ? ';' : ',', skipEmptyLines: true });
			const [header, ...rows] = parsed.data;
			return { file, header: header.map((h) => h.trim().toLowerCase()), rows };
		});
}

describe('the demo exports', () => {
	const all = tables();

	it('are read (a test that reads nothing proves nothing)', () => {
		expect(all.length).toBeGreaterThan(10);
		expect(all.reduce((n, t) => n + t.rows.length, 0)).toBeGreaterThan(10_000);
	});

	it('trip no rule: structured values, pseudonyms, free text and name-like fields', () => {
		const found: string[] = [];
		for (const { file, header, rows } of all) {
			rows.forEach((cells, r) => {
				cells.forEach((cell, i) => {
					const column = header[i] ?? '';
					if (cell.trim() === '') return;
					const where = `${file} regel ${r + 2} ${column}`;
					if (column === 'client_pseudo' && pseudonymProblem(cell) !== null) found.push(`${where}: pseudoniem`);
					if (NAME_LIKE.has(column)) {
						if (maskNameLike(cell).text !== cell) found.push(`${where}: ${maskNameLike(cell).text}`);
					} else if (FREE.has(column) || file.includes('leerbijeenkomst') || file.includes('werkafspraken')) {
						if (maskPersonalData(cell).text !== cell) found.push(`${where}: ${maskPersonalData(cell).text}`);
					} else {
						const f = structuredFindings(cell);
						if ((f.nineDigits && f.bsn) || f.labelledBsn || f.postcode || f.email || f.phone) found.push(`${where}: ${JSON.stringify(f)}`);
					}
				});
			});
		}
		expect(found.slice(0, 20)).toEqual([]);
	});
});
