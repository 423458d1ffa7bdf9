// Writers for the demo exports, in the "dirty but valid" variants the import contract allows:
// `;` or `,`, LF or CRLF, UTF-8 with or without BOM or Windows-1252, RFC 4180 quoting, and XLSX
// with real date cells. Output is byte-for-byte deterministic.

import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

/** One written demo export, as generateDemo reports it. */
export interface DemoFile {
	file: string;
	dataset: string;
	rows: number;
	bytes: number;
	/** Dutch description of the file's format variant, for the README and the CLI report. */
	variant: string;
}

export type Encoding = 'utf8' | 'utf8-bom' | 'windows-1252';

export interface CsvOptions {
	delimiter: ';' | ',';
	eol: '\n' | '\r\n';
	encoding: Encoding;
	/** Quote every field (as some exporters do), instead of only where RFC 4180 requires it. */
	quoteAll: boolean;
}

export const DEFAULT_CSV: CsvOptions = { delimiter: ';', eol: '\n', encoding: 'utf8', quoteAll: false };

function field(value: string, o: CsvOptions): string {
	const needsQuotes = value.includes(o.delimiter) || value.includes('"') || /[\r\n]/.test(value);
	return o.quoteAll || needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[], o: CsvOptions): string {
	return [header, ...rows].map((r) => r.map((v) => field(v, o)).join(o.delimiter) + o.eol).join('');
}

/**
 * Windows-1252 agrees with Latin-1 except in 0x80-0x9F; the demo texts only use characters where
 * both agree (ë, é, ï ...), which this checks instead of carrying an encoding table.
 */
function windows1252(text: string): Buffer {
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (c > 0xff || (c >= 0x80 && c <= 0x9f)) {
			throw new Error(`Teken ${JSON.stringify(ch)} is niet veilig als Windows-1252 te schrijven`);
		}
	}
	return Buffer.from(text, 'latin1');
}

export function encodeText(text: string, encoding: Encoding): Buffer {
	if (encoding === 'windows-1252') return windows1252(text);
	const utf8 = Buffer.from(text, 'utf8');
	return encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

export async function writeCsv(
	path: string,
	header: readonly string[],
	rows: readonly (readonly string[])[],
	options: Partial<CsvOptions> = {}
): Promise<number> {
	const o = { ...DEFAULT_CSV, ...options };
	const bytes = encodeText(csvText(header, rows, o), o.encoding);
	await writeFile(path, bytes);
	return bytes.length;
}

export type XlsxCell = string | number | Date | null;

/** Fixed timestamp for the workbook properties and the zip entries. */
const XLSX_TIMESTAMP = new Date(Date.UTC(2025, 11, 31));

export async function xlsxBuffer(
	sheetName: string,
	header: readonly string[],
	rows: readonly (readonly XlsxCell[])[]
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Basiszorg Monitor demodata';
	workbook.created = XLSX_TIMESTAMP;
	workbook.modified = XLSX_TIMESTAMP;
	const sheet = workbook.addWorksheet(sheetName);
	sheet.addRow([...header]);
	for (const row of rows) {
		const added = sheet.addRow(row.map((v) => (v === null ? undefined : v)));
		added.eachCell((cell) => {
			if (cell.value instanceof Date) cell.numFmt = 'dd-mm-yyyy';
		});
	}
	const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
	return fixZipTimestamps(buffer);
}

export async function writeXlsx(
	path: string,
	sheetName: string,
	header: readonly string[],
	rows: readonly (readonly XlsxCell[])[]
): Promise<number> {
	const bytes = await xlsxBuffer(sheetName, header, rows);
	await writeFile(path, bytes);
	return bytes.length;
}

/**
 * exceljs (through JSZip) stamps every zip entry with the current time. Overwrite the DOS time and
 * date in the central directory and the local headers, so that the same workbook gives the same bytes.
 */
export function fixZipTimestamps(zip: Buffer): Buffer {
	const d = XLSX_TIMESTAMP;
	const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
	const dosTime = 0;
	let eocd = -1;
	for (let i = zip.length - 22; i >= 0; i--) {
		if (zip.readUInt32LE(i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error('Geen geldig zip-bestand (einde van de centrale map niet gevonden)');
	const entries = zip.readUInt16LE(eocd + 10);
	let p = zip.readUInt32LE(eocd + 16);
	for (let k = 0; k < entries; k++) {
		if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('Onverwachte zip-structuur (centrale map)');
		zip.writeUInt16LE(dosTime, p + 12);
		zip.writeUInt16LE(dosDate, p + 14);
		const local = zip.readUInt32LE(p + 42);
		if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('Onverwachte zip-structuur (lokale kop)');
		zip.writeUInt16LE(dosTime, local + 10);
		zip.writeUInt16LE(dosDate, local + 12);
		p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
	}
	return zip;
}
