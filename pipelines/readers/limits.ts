// Limits on what an import will read, checked before a file's content is parsed, so that no file
// can make an import run out of memory or run for minutes: the file's size, its number of rows and,
// for a workbook, how large its parts are once unpacked and how far they inflate.
//
// Why these numbers (measured on a 2-core machine, Node 20; docs/formats.md): a CSV from 16 MB on is
// read as a stream through DuckDB (readers/csvScan.ts, validators/sqlTable.ts), whose memory is
// capped (MONITOR_IMPORT_DUCKDB_MB) and spills to disk, so its size is bounded by disk and time,
// not memory: 4 GB and 50 million rows (the 10-million-row national export is 0.9 GB). A workbook
// is read whole into memory: exceljs needs about 10 bytes of heap per byte of unpacked sheet XML
// (200,000 rows, 93 MB of XML: 0.9 GB heap), so its unpacked size stays limited to 128 MB; a
// 33 MB workbook whose sheet unpacks to 379 MB (3.7 GB of heap) used to crash the import.
//
// A workbook is a zip archive. Its central directory states each part's packed and unpacked size;
// those are checked first, read with JSZip (the library exceljs itself unpacks with, so both see
// the same parts). A directory can lie, so the parts are then unpacked as a stream and counted,
// giving up as soon as a part grows beyond what its directory entry said or the total beyond the
// limit; on the way the rows of each worksheet are counted. Only then does exceljs unpack it again.

import fs from 'node:fs';
import JSZip from 'jszip';
import type { ErrorCollector } from '../errors';

export interface ImportLimits {
	/** Largest file, in bytes (`MONITOR_MAX_FILE_MB`). */
	maxFileBytes: number;
	/** Most data rows per file (`MONITOR_MAX_ROWS`); for a workbook, all its sheets together. */
	maxRows: number;
	/** Largest unpacked size of a workbook, all parts together, in bytes (`MONITOR_MAX_XLSX_MB`). */
	maxXlsxBytes: number;
	/** Largest unpacked/packed ratio of one workbook part (`MONITOR_MAX_XLSX_RATIO`). */
	maxXlsxRatio: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ImportLimits> = {
	maxFileBytes: 4096 * MB,
	maxRows: 50_000_000,
	maxXlsxBytes: 128 * MB,
	maxXlsxRatio: 100
};

/** Parts smaller than this may inflate as far as they like (a small, repetitive styles.xml). */
const RATIO_FLOOR_BYTES = 1 * MB;

const ENV: Record<keyof ImportLimits, { name: string; scale: number }> = {
	maxFileBytes: { name: 'MONITOR_MAX_FILE_MB', scale: MB },
	maxRows: { name: 'MONITOR_MAX_ROWS', scale: 1 },
	maxXlsxBytes: { name: 'MONITOR_MAX_XLSX_MB', scale: MB },
	maxXlsxRatio: { name: 'MONITOR_MAX_XLSX_RATIO', scale: 1 }
};

/** The limits in force: the defaults, the environment over them, `overrides` over both. */
export function importLimits(overrides: Partial<ImportLimits> = {}, env: NodeJS.ProcessEnv = process.env): ImportLimits {
	const limits = { ...DEFAULT_LIMITS };
	for (const key of Object.keys(ENV) as (keyof ImportLimits)[]) {
		const { name, scale } = ENV[key];
		const raw = env[name]?.trim();
		if (raw) {
			const value = Number(raw.replace(',', '.'));
			if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} moet een positief getal zijn, niet "${raw}"`);
			limits[key] = Math.floor(value * scale);
		}
		if (overrides[key] !== undefined) limits[key] = overrides[key];
	}
	return limits;
}

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** 1.5 MB, 379 MB, 2 GB: sizes as people read them in a file manager (binary megabytes). */
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * MB) return `${nl.format(bytes / (1024 * MB))} GB`;
	if (bytes >= MB) return `${nl.format(bytes / MB)} MB`;
	if (bytes >= 1024) return `${nl.format(bytes / 1024)} kB`;
	return `${bytes} bytes`;
}

/** The size rule, on a size in bytes. */
export function checkFileSize(size: number, errors: ErrorCollector, limits: ImportLimits): boolean {
	if (size <= limits.maxFileBytes) return true;
	errors.add(
		undefined,
		undefined,
		'bestand-te-groot',
		`het bestand is ${formatSize(size)}; de grens is ${formatSize(limits.maxFileBytes)} (MONITOR_MAX_FILE_MB). ` +
			'Splits de export, bijvoorbeeld per jaar, of laat de beheerder de grens verhogen'
	);
	return false;
}

/**
 * The size rule on a file on disk, before anything of it is read (a file of several gigabytes would
 * otherwise be read into memory only to be refused). False with an error when it is too large;
 * true when it is within the limit or cannot be stat'ed (the read that follows will say why).
 */
export function checkFileOnDisk(file: string, errors: ErrorCollector, limits: ImportLimits = importLimits()): boolean {
	let size: number;
	try {
		size = fs.statSync(file).size;
	} catch {
		return true;
	}
	return checkFileSize(size, errors, limits);
}

function tooManyRows(errors: ErrorCollector, limits: ImportLimits, what: string): false {
	errors.add(
		undefined,
		undefined,
		'bestand-te-veel-rijen',
		`${what} meer dan ${nl.format(limits.maxRows)} rijen, de grens (MONITOR_MAX_ROWS). ` +
			'Splits de export, bijvoorbeeld per jaar, of laat de beheerder de grens verhogen'
	);
	return false;
}

/**
 * The row rule for CSV, on the raw bytes: line breaks are counted (stopping at the limit), so a file
 * with too many lines is refused before it is decoded. A value with a line break in it makes the
 * count a little high, which only matters within a few lines of the limit.
 */
export function checkCsvRows(bytes: Uint8Array, errors: ErrorCollector, limits: ImportLimits): boolean {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const utf16 = buf[0] === 0xff && buf[1] === 0xfe;
	// LF, or CR alone for old-Mac files (no LF at all).
	const newline = buf.indexOf(0x0a) >= 0 ? 0x0a : 0x0d;
	const max = limits.maxRows + 1; // the header line
	let lines = 0;
	let at = buf.indexOf(newline);
	while (at >= 0) {
		// UTF-16LE: a line break is the code unit 0x000A, at an even offset after the 2-byte BOM.
		if (!utf16 || (at % 2 === 0 && buf[at + 1] === 0)) {
			if (++lines > max) return tooManyRows(errors, limits, 'het bestand heeft');
		}
		at = buf.indexOf(newline, at + 1);
	}
	// A last line without a line break at the end.
	if (buf.length > 0 && buf[buf.length - 1] !== newline && buf[buf.length - (utf16 ? 2 : 1)] !== newline) lines++;
	return lines <= max || tooManyRows(errors, limits, 'het bestand heeft');
}

/** JSZip's private record of a part's sizes (declared, not public, in jszip's own typings). */
interface CompressedObject {
	compressedSize: number;
	uncompressedSize: number;
}

/** A worksheet part: its rows are counted. */
const WORKSHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/i;

/**
 * The size, ratio and row rules for a workbook, before exceljs unpacks anything. Refusals name the
 * part (`xl/worksheets/sheet1.xml`), as that is what an administrator can look for.
 */
export async function checkXlsxArchive(bytes: Uint8Array, errors: ErrorCollector, limits: ImportLimits): Promise<boolean> {
	let zip: JSZip;
	try {
		// Reads the central directory and the local headers; unpacks nothing.
		zip = await JSZip.loadAsync(bytes);
	} catch {
		errors.add(undefined, undefined, 'bestand-onleesbaar', 'dit is geen leesbaar Excel-bestand (.xlsx)');
		return false;
	}
	const parts = Object.values(zip.files).filter((f) => !f.dir);

	// 1. What the directory says.
	let declaredTotal = 0;
	for (const part of parts) {
		const sizes = (part as unknown as { _data?: CompressedObject })._data;
		if (!sizes || typeof sizes.uncompressedSize !== 'number') continue;
		declaredTotal += sizes.uncompressedSize;
		if (!checkRatio(part.name, sizes.uncompressedSize, sizes.compressedSize, errors, limits)) return false;
	}
	if (declaredTotal > limits.maxXlsxBytes) return tooLarge(errors, limits, declaredTotal, false, `het grootste deel: ${largestPart(parts)}`);

	// 2. What the parts really hold: unpacked as a stream and counted, never kept.
	let total = 0;
	let rows = 0;
	for (const part of parts) {
		const sizes = (part as unknown as { _data?: CompressedObject })._data;
		const declared = sizes?.uncompressedSize;
		const counter = WORKSHEET.test(part.name) ? new RowCounter() : null;
		let size = 0;
		let refused = false;
		try {
			await eachChunk(part, (chunk) => {
				size += chunk.length;
				total += chunk.length;
				if (declared !== undefined && size > declared) {
					errors.add(
						undefined,
						undefined,
						'bestand-onleesbaar',
						`dit Excel-bestand is beschadigd: onderdeel ${part.name} is uitgepakt groter dan de werkmap zelf opgeeft (${formatSize(declared)})`
					);
					refused = true;
				} else if (total > limits.maxXlsxBytes) {
					refused = !tooLarge(errors, limits, total, true, `gestopt bij ${part.name}`);
				} else if (counter) {
					rows += counter.count(chunk);
					if (rows > limits.maxRows + 1) refused = !tooManyRows(errors, limits, 'de werkmap heeft');
				}
				return !refused;
			});
		} catch {
			errors.add(undefined, undefined, 'bestand-onleesbaar', `dit Excel-bestand is beschadigd: onderdeel ${part.name} kan niet worden uitgepakt`);
			return false;
		}
		if (refused) return false;
		if (sizes && !checkRatio(part.name, size, sizes.compressedSize, errors, limits)) return false;
	}
	return true;
}

/**
 * Unpacks one part as a stream and hands each chunk to `onChunk` until it returns false; the
 * chunks are not kept. (JSZip's node stream is readable-stream 2, without async iteration.)
 */
function eachChunk(part: JSZip.JSZipObject, onChunk: (chunk: Buffer) => boolean): Promise<void> {
	return new Promise((resolve, reject) => {
		const stream = part.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
		stream.on('data', (chunk: Buffer) => {
			if (onChunk(chunk)) return;
			stream.removeAllListeners('data');
			stream.pause();
			stream.destroy?.();
			resolve();
		});
		stream.on('end', () => resolve());
		stream.on('error', reject);
	});
}

function checkRatio(name: string, unpacked: number, packed: number, errors: ErrorCollector, limits: ImportLimits): boolean {
	if (unpacked <= RATIO_FLOOR_BYTES || unpacked <= packed * limits.maxXlsxRatio) return true;
	errors.add(
		undefined,
		undefined,
		'xlsx-uitpakfactor',
		`onderdeel ${name} van deze werkmap is ingepakt ${formatSize(packed)} en uitgepakt ${formatSize(unpacked)}, ` +
			`${nl.format(Math.floor(unpacked / Math.max(packed, 1)))} keer zo groot; de grens is ${nl.format(limits.maxXlsxRatio)} keer ` +
			'(MONITOR_MAX_XLSX_RATIO). Zo groeit geen gewone export: open het bestand in Excel en sla het opnieuw op, of lever een CSV'
	);
	return false;
}

/** `atLeast`: unpacking stopped at `size`, the real size is larger. */
function tooLarge(errors: ErrorCollector, limits: ImportLimits, size: number, atLeast: boolean, note: string): false {
	errors.add(
		undefined,
		undefined,
		'xlsx-te-groot',
		`deze werkmap is uitgepakt ${atLeast ? 'meer dan ' : ''}${formatSize(size)}` +
			` (${note}); de grens is ${formatSize(limits.maxXlsxBytes)} (MONITOR_MAX_XLSX_MB). ` +
			'Lever zo veel gegevens als CSV (in Excel: Opslaan als, CSV UTF-8), of splits de export'
	);
	return false;
}

function largestPart(parts: JSZip.JSZipObject[]): string {
	let best = '?';
	let bestSize = -1;
	for (const p of parts) {
		const size = (p as unknown as { _data?: CompressedObject })._data?.uncompressedSize ?? 0;
		if (size > bestSize) {
			best = p.name;
			bestSize = size;
		}
	}
	return best;
}

/**
 * Counts `<row` elements (with or without a namespace prefix: `<x:row`) in a stream of sheet XML,
 * across chunk boundaries. Not `<rowBreaks`: the name must end in a space, `>` or `/`.
 */
class RowCounter {
	#carry = '';

	count(chunk: Buffer): number {
		const text = this.#carry + chunk.toString('latin1');
		const re = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
		let n = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			// Matches wholly inside the carried tail were counted with the previous chunk.
			if (m.index + m[0].length > this.#carry.length) n++;
		}
		this.#carry = text.slice(-64);
		return n;
	}
}
