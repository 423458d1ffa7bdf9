// A CSV export read as a stream, once, without keeping it: the pass that DuckDB's read_csv cannot
// do for us. It finds the encoding, the delimiter and the header, checks the quoting and the number
// of fields per row, counts the rows (stopping at MONITOR_MAX_ROWS), hashes the bytes, and keeps
// where each record starts, so that a message about DuckDB's n-th record can name its physical
// line even when quoted values span lines. Memory: one read buffer plus one entry per record whose
// line is not simply "the previous record's line + 1" (a multi-line value, an empty line).
//
// The records are counted the way DuckDB's CSV reader counts them (checked against it after the
// load, see validators/sqlTable.ts): an empty line is no record; any other line, also one of only
// spaces or delimiters, is one; a quoted value may hold delimiters and line breaks. The quoting
// rules follow RFC 4180 as papaparse reads it (the in-memory reader, csv.ts): a quote opens a
// quoted value only at the start of a field (after optional spaces), inside an unquoted value it is
// a plain character, `""` inside a quoted value is one quote, and after the closing quote only the
// delimiter or the end of the line may follow.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import Papa from 'papaparse';
import type { ErrorCollector } from '../errors';
import { detectDelimiter, quoteProblem } from './csv';
import { decodeWindows1252 } from './decode';
import type { TextEncodingName } from './table';

export interface CsvScan {
	/** The file DuckDB reads: the export itself, or a UTF-8 copy of it (UTF-16 and Windows-1252 exports). */
	path: string;
	encoding: TextEncodingName;
	delimiter: string;
	/** Column names as written, trimmed. */
	header: string[];
	headerLine: number;
	/** Index of the header among the records (records before it are blank). */
	headerRecord: number;
	/** Records as DuckDB's reader sees them: every non-empty line or quoted multi-line row. */
	records: number;
	/** Records after the header that hold any value. */
	dataRows: number;
	/** Most fields on any record, at least the header's. */
	width: number;
	/** Some record has fewer fields than `width` (DuckDB must pad it). */
	shortRows: boolean;
	/** Some quoted value spans lines (DuckDB must then read the padded file in one thread). */
	multiLine: boolean;
	sha256: string;
	bytes: number;
	/** The physical line (1-based) on which record `record` (0-based) starts. */
	lineOf(record: number): number;
}

export interface ScanOptions {
	maxRows: number;
	/** A directory for a UTF-8 copy when the export is in another encoding. */
	scratchDir: string;
	onRows?: (rows: number) => void;
}

const CHUNK = 4 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

// Parser states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // a quote inside a quoted value: the closing one, or the first of `""`
const AFTER_QUOTE = 4; // spaces after the closing quote

/**
 * Reads the file once. Null when it cannot load (the errors say why): unreadable, empty, badly
 * quoted, a row with too many values, or more rows than the limit.
 */
export async function scanCsv(file: string, name: string, errors: ErrorCollector, options: ScanOptions): Promise<CsvScan | null> {
	let handle: fs.promises.FileHandle;
	try {
		handle = await fs.promises.open(file, 'r');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		errors.add(undefined, undefined, 'bestand-onleesbaar', code === 'ENOENT' ? `bestand niet gevonden: ${file}` : `bestand kan niet worden gelezen (${code ?? 'onbekende fout'})`);
		return null;
	}
	const head = Buffer.alloc(4);
	let source = file;
	let encoding: TextEncodingName | null = null;
	let sha256: string | undefined;
	let bytes = 0;
	try {
		const { bytesRead } = await handle.read(head, 0, 4, 0);
		if (bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) encoding = 'utf-8-bom';
		else if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
		if (encoding === 'utf-16le') {
			// Excel's "Unicode-tekst": a UTF-8 copy first; line breaks stay where they were.
			source = path.join(options.scratchDir, `${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.utf8.csv`);
			({ sha256, bytes } = await transcode(handle, source, 'utf-16le'));
		}
	} finally {
		await handle.close();
	}

	const delimiter = await sniffDelimiter(source, encoding === 'utf-8-bom' ? 3 : 0);
	const scan = await scanRecords(source, delimiter, encoding, errors, options, sha256 === undefined);
	if (!scan) return null;
	if (encoding === null) encoding = scan.utf8 ? 'utf-8' : 'windows-1252';
	if (sha256 === undefined) {
		sha256 = scan.sha256!;
		bytes = scan.bytes;
	}
	if (scan.headerRecord < 0) {
		errors.add(undefined, undefined, 'bestand-leeg', 'het bestand is leeg: er is geen kopregel met kolomnamen');
		return null;
	}
	if (!errors.empty) return null;

	// The header, decoded and split like any row.
	const raw = await readRange(source, scan.headerStart, scan.headerEnd);
	const text = encoding === 'windows-1252' ? decodeWindows1252(raw) : new TextDecoder('utf-8').decode(raw);
	const header = (Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), { delimiter, newline: '\n' }).data[0] ?? []).map((c) => c.trim());

	if (encoding === 'windows-1252') {
		const copy = path.join(options.scratchDir, `${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.utf8.csv`);
		const h = await fs.promises.open(source, 'r');
		try {
			await transcode(h, copy, 'windows-1252');
		} finally {
			await h.close();
		}
		source = copy;
	}

	const { lineStartRecords, lineOffsets } = scan;
	return {
		path: source,
		encoding,
		delimiter,
		header,
		headerLine: scan.headerLine,
		headerRecord: scan.headerRecord,
		records: scan.records,
		dataRows: scan.dataRows,
		width: Math.max(scan.width, header.length),
		shortRows: scan.minFields < Math.max(scan.width, header.length),
		multiLine: scan.multiLine,
		sha256,
		bytes,
		lineOf(record: number): number {
			// The last change of offset at or before this record.
			let lo = 0;
			let hi = lineStartRecords.length - 1;
			let found = -1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				if (lineStartRecords[mid] <= record) {
					found = mid;
					lo = mid + 1;
				} else hi = mid - 1;
			}
			return record + 1 + (found < 0 ? 0 : lineOffsets[found]);
		}
	};
}

/** The delimiter from the first line with something on it (csv.ts: whichever of ; and , splits it more). */
async function sniffDelimiter(file: string, skip: number): Promise<string> {
	const h = await fs.promises.open(file, 'r');
	try {
		const buf = Buffer.alloc(1024 * 1024);
		const { bytesRead } = await h.read(buf, 0, buf.length, skip);
		// Only the first line matters; it is ASCII in any sane export, so the encoding does not.
		return detectDelimiter(buf.subarray(0, bytesRead).toString('latin1').replace(/\r\n?/g, '\n'));
	} finally {
		await h.close();
	}
}

async function readRange(file: string, start: number, end: number): Promise<Buffer> {
	const h = await fs.promises.open(file, 'r');
	try {
		const buf = Buffer.alloc(end - start);
		await h.read(buf, 0, buf.length, start);
		return buf;
	} finally {
		await h.close();
	}
}

/** Streams the file into a UTF-8 copy (no BOM); returns the original's hash and size. */
async function transcode(handle: fs.promises.FileHandle, target: string, from: 'utf-16le' | 'windows-1252'): Promise<{ sha256: string; bytes: number }> {
	const hash = crypto.createHash('sha256');
	const out = await fs.promises.open(target, 'w');
	const decoder = from === 'utf-16le' ? new TextDecoder('utf-16le') : null;
	const buf = Buffer.alloc(CHUNK);
	let position = 0;
	let first = true;
	try {
		for (;;) {
			const { bytesRead } = await handle.read(buf, 0, buf.length, position);
			if (bytesRead === 0) break;
			position += bytesRead;
			const chunk = buf.subarray(0, bytesRead);
			hash.update(chunk);
			let body = chunk;
			if (first && from === 'utf-16le') body = chunk.subarray(2); // the BOM
			first = false;
			const text = decoder ? decoder.decode(body, { stream: true }) : decodeWindows1252(body);
			await out.write(Buffer.from(text, 'utf8'));
		}
		if (decoder) await out.write(Buffer.from(decoder.decode(), 'utf8'));
	} finally {
		await out.close();
	}
	return { sha256: hash.digest('hex'), bytes: position };
}

interface RecordScan {
	utf8: boolean;
	sha256?: string;
	bytes: number;
	records: number;
	dataRows: number;
	width: number;
	minFields: number;
	multiLine: boolean;
	headerRecord: number;
	headerLine: number;
	headerStart: number;
	headerEnd: number;
	/** Records at which `line - record - 1` changes, and its new value. */
	lineStartRecords: number[];
	lineOffsets: number[];
}

/** The one pass over the bytes. Line breaks, quotes and delimiters are ASCII, in UTF-8 and Windows-1252 alike. */
async function scanRecords(
	file: string,
	delimiter: string,
	encoding: TextEncodingName | null,
	errors: ErrorCollector,
	options: ScanOptions,
	hashIt: boolean
): Promise<RecordScan | null> {
	const DELIM = delimiter.charCodeAt(0);
	const hash = hashIt ? crypto.createHash('sha256') : null;
	const handle = await fs.promises.open(file, 'r');
	// Room for up to 3 bytes of an unfinished UTF-8 sequence carried over from the previous chunk.
	const buf = Buffer.alloc(CHUNK + 4);
	let utf8 = true; // strict UTF-8 until a byte says otherwise (a BOM decides by itself)
	let checkUtf8 = encoding === null;
	let carry = 0;
	// A UTF-8 BOM is not part of the first record (DuckDB skips it too), but it is part of the hash.
	let position = encoding === 'utf-8-bom' ? 3 : 0;
	if (position > 0) hash?.update(Buffer.from([0xef, 0xbb, 0xbf]));

	let state = FIELD_START;
	let line = 1;
	let pendingCR = false; // the previous byte was a CR: a following LF belongs to the same line break
	let recordHasBytes = false;
	let recordStartLine = 1;
	let recordStartByte = 0;
	let recordContent = false;
	let fieldContent = false;
	let fields = 0; // fields finished in this record
	let extraContent = false;
	let headerWidth = Infinity;

	const out: RecordScan = {
		utf8: true,
		bytes: 0,
		records: 0,
		dataRows: 0,
		width: 0,
		minFields: Infinity,
		multiLine: false,
		headerRecord: -1,
		headerLine: 0,
		headerStart: 0,
		headerEnd: 0,
		lineStartRecords: [],
		lineOffsets: []
	};
	let lastOffset = 0;
	let lastReport = 0;
	let stop = false;

	const endField = () => {
		if (fields >= headerWidth && fieldContent) extraContent = true;
		if (fieldContent) recordContent = true;
		fields++;
		fieldContent = false;
	};
	const endRecord = (endByte: number) => {
		endField();
		if (recordHasBytes) {
			const r = out.records++;
			const offset = recordStartLine - r - 1;
			if (offset !== lastOffset) {
				out.lineStartRecords.push(r);
				out.lineOffsets.push(offset);
				lastOffset = offset;
			}
			if (fields > out.width) out.width = fields;
			if (fields < out.minFields) out.minFields = fields;
			if (out.headerRecord < 0) {
				if (recordContent) {
					out.headerRecord = r;
					out.headerLine = recordStartLine;
					out.headerStart = recordStartByte;
					out.headerEnd = endByte;
					headerWidth = fields;
				}
			} else if (recordContent) {
				out.dataRows++;
				if (out.dataRows > options.maxRows) stop = true;
				if (extraContent) {
					errors.add(
						recordStartLine,
						undefined,
						'csv-velden',
						`deze regel heeft ${fields} velden, de kopregel ${headerWidth}; staat er een scheidingsteken ("${delimiter}") in een waarde zonder aanhalingstekens?`
					);
				}
				if (options.onRows && out.dataRows - lastReport >= 50_000) {
					lastReport = out.dataRows;
					options.onRows(out.dataRows);
				}
			}
		}
		recordHasBytes = false;
		recordContent = false;
		fieldContent = false;
		extraContent = false;
		fields = 0;
		state = FIELD_START;
	};

	try {
		for (;;) {
			const { bytesRead } = await handle.read(buf, carry, CHUNK, position);
			if (bytesRead === 0) break;
			const base = position; // file offset of buf[start]
			position += bytesRead;
			const start = carry;
			const end = carry + bytesRead;
			hash?.update(buf.subarray(start, end));
			for (let i = start; i < end; i++) {
				const b = buf[i];
				if (pendingCR) {
					pendingCR = false;
					if (b === LF) continue; // CRLF: the CR already ended the line
				}
				if (b === LF || b === CR) {
					if (b === CR) pendingCR = true;
					if (state === QUOTED) {
						line++;
						out.multiLine = true;
						continue;
					}
					if (state === QUOTE_SEEN || state === AFTER_QUOTE) state = FIELD_START;
					endRecord(base + i - start);
					line++;
					recordStartLine = line;
					recordStartByte = base + i - start + 1;
					if (stop) break;
					continue;
				}
				if (!recordHasBytes) {
					recordHasBytes = true;
					recordStartLine = line;
					recordStartByte = base + i - start;
				}
				switch (state) {
					case FIELD_START:
						if (b === DELIM) endField();
						else if (b === QUOTE) state = QUOTED;
						else if (b !== SPACE && b !== TAB) {
							state = UNQUOTED;
							fieldContent = true;
						}
						break;
					case UNQUOTED:
						if (b === DELIM) {
							endField();
							state = FIELD_START;
						} else if (b !== SPACE && b !== TAB) fieldContent = true;
						break;
					case QUOTED:
						if (b === QUOTE) state = QUOTE_SEEN;
						else if (b !== SPACE && b !== TAB) fieldContent = true;
						break;
					case QUOTE_SEEN:
						if (b === QUOTE) {
							state = QUOTED;
							fieldContent = true;
						} else if (b === DELIM) {
							endField();
							state = FIELD_START;
						} else if (b === SPACE || b === TAB) state = AFTER_QUOTE;
						else {
							// As papaparse reads it: the quote was not the closing one, the value goes on.
							errors.add(recordStartLine, undefined, 'csv-aanhalingstekens', quoteProblem('InvalidQuotes'));
							state = QUOTED;
							fieldContent = true;
						}
						break;
					case AFTER_QUOTE:
						if (b === DELIM) {
							endField();
							state = FIELD_START;
						} else if (b !== SPACE && b !== TAB) {
							errors.add(recordStartLine, undefined, 'csv-aanhalingstekens', quoteProblem('InvalidQuotes'));
							state = QUOTED;
							fieldContent = true;
						}
						break;
				}
			}
			if (stop) break;
			carry = 0;
			if (checkUtf8) {
				// Check up to the last complete UTF-8 sequence; carry the rest over to the next chunk.
				let cut = end;
				for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
					const b = buf[k];
					if ((b & 0xc0) === 0x80) continue;
					if (b >= 0xc0) {
						const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
						if (end - k < need) cut = k;
					}
					break;
				}
				if (!isUtf8(buf.subarray(0, cut))) {
					utf8 = false;
					checkUtf8 = false;
				} else if (cut < end) {
					buf.copy(buf, 0, cut, end);
					carry = end - cut;
				}
			}
		}
		// An unfinished sequence at the very end is not UTF-8.
		if (checkUtf8 && carry > 0) utf8 = false;
		if (!stop) {
			if (state === QUOTED) {
				errors.add(recordStartLine, undefined, 'csv-aanhalingstekens', quoteProblem('MissingQuotes'));
			}
			endRecord(position);
		}
	} catch (e) {
		errors.add(undefined, undefined, 'bestand-onleesbaar', `bestand kan niet worden gelezen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
		return null;
	} finally {
		await handle.close();
	}
	if (stop) {
		errors.add(
			undefined,
			undefined,
			'bestand-te-veel-rijen',
			`het bestand heeft meer dan ${new Intl.NumberFormat('nl-NL').format(options.maxRows)} rijen, de grens (MONITOR_MAX_ROWS). ` +
				'Splits de export, bijvoorbeeld per jaar, of laat de beheerder de grens verhogen'
		);
		return null;
	}
	// Small files report once, when they are read (the caller's 'lezen' with 0); large ones also at the end.
	if (out.dataRows >= 50_000) options.onRows?.(out.dataRows);
	out.utf8 = utf8;
	out.bytes = position;
	if (hash) out.sha256 = hash.digest('hex');
	return out;
}

/** What the first line of a CSV says about the whole file, before the scan has read it. */
export interface CsvShapeGuess {
	path: string;
	delimiter: string;
	/** Fields on the first line. */
	width: number;
}

/**
 * A guess at how DuckDB must read the file, from its first line, so that DuckDB can read it while
 * the scan does (the scan is JavaScript on one core; DuckDB's reader uses the others). The guess
 * holds when the scan finds the same (validators/sqlTable.ts `loadCsv` compares): UTF-8, the same
 * delimiter, no record wider or shorter than the first line. Null when the first line already
 * says otherwise (UTF-16, blank lines or quotes before the header, no line break in the first MB).
 */
export async function guessCsvShape(file: string): Promise<CsvShapeGuess | null> {
	const h = await fs.promises.open(file, 'r');
	try {
		const buf = Buffer.alloc(1024 * 1024);
		const { bytesRead } = await h.read(buf, 0, buf.length, 0);
		let start = 0;
		if (bytesRead >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
		else if (bytesRead >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return null;
		const end = buf.indexOf(LF, start);
		if (end < 0 || end >= bytesRead) return null;
		const line = buf.subarray(start, end).toString('latin1').replace(/\r$/, '');
		if (line.trim() === '' || line.includes('"') || line.includes('\r')) return null;
		const delimiter = detectDelimiter(line);
		return { path: file, delimiter, width: line.split(delimiter).length };
	} finally {
		await h.close();
	}
}
