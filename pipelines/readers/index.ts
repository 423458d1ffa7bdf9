// One entry point for all readers: picks CSV or XLSX by extension (or content, for odd names),
// after the limits on size, rows and unpacked size (limits.ts), which look at the bytes only.

import path from 'node:path';
import type { ErrorCollector } from '../errors';
import { readCsv } from './csv';
import { checkCsvRows, checkFileSize, checkXlsxArchive, importLimits, type ImportLimits } from './limits';
import type { RawTable } from './table';
import { readXlsx } from './xlsx';
import { checkXlsxHidden } from './xlsxHidden';

export type { Cell, RawRow, RawTable } from './table';
export { checkFileOnDisk, DEFAULT_LIMITS, importLimits, type ImportLimits } from './limits';

export interface ReadOptions {
	/** XLSX: the sheet to read instead of the first. */
	sheet?: string;
	/** Limits other than the defaults and the environment's (MONITOR_MAX_*). */
	limits?: Partial<ImportLimits>;
}

export async function readTable(
	bytes: Uint8Array,
	file: string,
	errors: ErrorCollector,
	options: ReadOptions = {}
): Promise<RawTable | null> {
	const limits = importLimits(options.limits);
	if (!checkFileSize(bytes.byteLength, errors, limits)) return null;
	const ext = path.extname(file).toLowerCase();
	if (ext === '.xls') {
		errors.add(
			undefined,
			undefined,
			'bestand-onleesbaar',
			'dit is het oude Excel-formaat (.xls); sla het bestand op als Excel-werkmap (.xlsx) of als CSV'
		);
		return null;
	}
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": an XLSX is a zip archive
	if (ext === '.xlsx' || (ext !== '.csv' && ext !== '.txt' && isZip)) {
		if (!(await checkXlsxArchive(bytes, errors, limits))) return null;
		// Hidden sheets and hidden columns with values are refused before anything is read (privacy).
		if (!(await checkXlsxHidden(bytes, errors))) return null;
		return readXlsx(bytes, file, errors, options.sheet);
	}
	if (isZip) {
		errors.add(undefined, undefined, 'bestand-onleesbaar', 'dit lijkt een Excel-bestand met de extensie .csv; geef het de extensie .xlsx');
		return null;
	}
	if (!checkCsvRows(bytes, errors, limits)) return null;
	return readCsv(bytes, file, errors);
}
