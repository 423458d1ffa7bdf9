// Hidden parts of a workbook (pipelines/readers/xlsxHidden.ts): a hidden or very hidden sheet, or
// a hidden column with values, refuses the file through the real import, naming the sheet and the
// column letters, never a value; a workbook without hidden parts, or with a hidden empty column, loads.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCollector } from '../../pipelines/errors';
import { ingest } from '../../pipelines/ingest';
import { checkXlsxHidden, hiddenColumns, listSheets } from '../../pipelines/readers/xlsxHidden';
import { columnLetter, columnPosition } from '../../pipelines/readers/position';
import { BASE_FILES, expectError, makeTempDir, query, rejection, writeFile } from './helpers';

const HEADER = ['verwijzing_id', 'datum', 'praktijk_code', 'wijk_code', 'leeftijdsgroep', 'verwijzer', 'bestemming', 'domein'];
const ROW = ['H001', '2024-03-01', 'P001', 'WK034401', '4-11', 'huisarts', 'buurtteam', 'jeugd'];

async function workbook(build: (wb: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const sheet = wb.addWorksheet('Verwijzingen');
	sheet.addRow(HEADER);
	sheet.addRow(ROW);
	build(wb, sheet);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string;
let db: string;
beforeEach(async () => {
	dir = makeTempDir();
	db = path.join(dir, 'monitor.duckdb');
	await ingest(db, BASE_FILES);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('column positions', () => {
	it('names columns as Excel does, and by number in a CSV', () => {
		expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
		expect(columnPosition('xlsx', 2)).toBe('kolom C');
		expect(columnPosition('csv', 2)).toBe('kolom 3');
	});
});

describe('workbook parts', () => {
	it('reads sheet states and hidden column ranges', () => {
		const sheets = listSheets(
			'<workbook><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId1"/><sheet name="Bron" sheetId="2" state="veryHidden" r:id="rId2"/></sheets></workbook>',
			'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>'
		);
		expect(sheets).toEqual([
			{ place: 1, name: 'A & B', state: 'visible', part: 'xl/worksheets/sheet1.xml' },
			{ place: 2, name: 'Bron', state: 'veryHidden', part: 'xl/worksheets/sheet2.xml' }
		]);
		expect([...hiddenColumns('<cols><col min="2" max="4" hidden="1"/><col min="6" max="6" width="12"/><col min="8" max="8" width="0"/></cols>')]).toEqual([1, 2, 3, 7]);
	});
});

describe('hidden parts of a workbook are refused', () => {
	it('loads a workbook without hidden parts (the check does not refuse what it should not)', async () => {
		const file = writeFile(dir, 'zichtbaar.xlsx', await workbook(() => {}));
		const [report] = await ingest(db, [file]);
		expect(report.rowsLoaded).toBe(1);
	});

	it('loads a workbook whose hidden column is empty', async () => {
		const file = writeFile(dir, 'leeg_verborgen.xlsx', await workbook((_wb, sheet) => {
			sheet.getColumn(12).hidden = true;
		}));
		const [report] = await ingest(db, [file]);
		expect(report.rowsLoaded).toBe(1);
	});

	it.each(['hidden', 'veryHidden'] as const)('refuses a %s sheet, naming it, and stores nothing', async (state) => {
		const file = writeFile(dir, 'verborgen_blad.xlsx', await workbook((wb) => {
			const bron = wb.addWorksheet('Bronlijst 06-12345678', { state });
			bron.addRow(['naam', 'bsn']);
			bron.addRow(['J. de Vries', '111222333']);
		}));
		const failure = await rejection(() => ingest(db, [file]));
		const error = expectError(failure.errors, { file: 'verborgen_blad.xlsx', rule: 'privacy-verborgen' });
		expect(error.message).toContain('werkblad 2 ("Bronlijst [telefoonnummer verwijderd]")');
		expect(error.message).toContain(state === 'veryHidden' ? 'zeer verborgen' : 'is verborgen');
		expect(error.message).not.toMatch(/Vries|111222333|12345678/);
		expect(await query(db, 'SELECT count(*) AS n FROM verwijzingen')).toEqual([{ n: '0' }]);
	});

	it('refuses a hidden column with values, naming its letter', async () => {
		const file = writeFile(dir, 'verborgen_kolom.xlsx', await workbook((_wb, sheet) => {
			sheet.getCell('J1').value = 'opmerking';
			sheet.getCell('J2').value = 'Mevr. Jansen, Dorpsstraat 12';
			sheet.getColumn(10).hidden = true;
		}));
		const failure = await rejection(() => ingest(db, [file]));
		const error = expectError(failure.errors, { file: 'verborgen_kolom.xlsx', rule: 'privacy-verborgen' });
		expect(error.message).toContain('werkblad 1 ("Verwijzingen") heeft een verborgen kolom met waarden (kolom J)');
		expect(error.message).not.toMatch(/Jansen|Dorpsstraat|opmerking/);
	});

	it('refuses a hidden column of a known column too, and names several letters', async () => {
		const bytes = await workbook((_wb, sheet) => {
			sheet.getColumn(3).hidden = true;
			sheet.getColumn(5).hidden = true;
		});
		const errors = new ErrorCollector('x.xlsx');
		expect(await checkXlsxHidden(bytes, errors)).toBe(false);
		expect(errors.errors).toHaveLength(1);
		expect(errors.errors[0].message).toContain('verborgen kolommen met waarden (kolommen C, E)');
	});
});
