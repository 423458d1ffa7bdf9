// Hidden parts of a workbook are refused (docs/formats.md "Privacy: what is never loaded"): a hidden or very hidden
// sheet, or a hidden column that holds values, is data the sender did not see and would not send
// knowingly (a column of names hidden before the export, a sheet with the source list). Read from
// the workbook's zip with jszip, before exceljs reads the sheet: workbook.xml gives each sheet's
// state, each sheet's `<cols>` which columns are hidden (or 0 wide). Messages name the sheet (its
// place and its name, identifying data in the name masked) and the column letters, never a value.

import JSZip from 'jszip';
import { maskPersonalData } from '../../contract/privacy';
import type { ErrorCollector } from '../errors';
import { columnLetter } from './position';

/** The part of JSZip's StreamHelper used here. */
interface ZipTextStream {
	on(event: 'data', fn: (chunk: string) => void): ZipTextStream;
	on(event: 'error', fn: (e: Error) => void): ZipTextStream;
	on(event: 'end', fn: () => void): ZipTextStream;
	pause(): ZipTextStream;
	resume(): ZipTextStream;
}

const REFUSED = 'het hele bestand is geweigerd: verborgen gegevens worden niet geladen. Maak ze zichtbaar en verwijder wat niet geleverd mag worden, of laat ze weg uit de export, en lever opnieuw aan';

export interface SheetEntry {
	/** 1-based place in the workbook. */
	place: number;
	name: string;
	state: 'visible' | 'hidden' | 'veryHidden';
	/** Path of the sheet's part in the zip (xl/worksheets/sheet1.xml), if found. */
	part?: string;
}

const attr = (tag: string, name: string): string | undefined => {
	const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
	return m ? unescapeXml(m[1]) : undefined;
};

function unescapeXml(s: string): string {
	return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
		const k = e.toLowerCase();
		if (k === 'lt') return '<';
		if (k === 'gt') return '>';
		if (k === 'quot') return '"';
		if (k === 'apos') return "'";
		if (k === 'amp') return '&';
		return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
	});
}

/** The sheets of workbook.xml with their state and part. */
export function listSheets(workbookXml: string, relsXml: string): SheetEntry[] {
	const targets = new Map<string, string>();
	for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
		const id = attr(m[0], 'Id');
		const target = attr(m[0], 'Target');
		if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
	}
	const sheets: SheetEntry[] = [];
	for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
		const state = attr(m[0], 'state');
		const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
		sheets.push({
			place: sheets.length + 1,
			name: attr(m[0], 'name') ?? '',
			state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
			part: rid ? targets.get(rid) : undefined
		});
	}
	return sheets;
}

/** The 0-based indexes of the columns that `<cols>` hides (hidden="1"/"true", or 0 wide). */
export function hiddenColumns(colsXml: string): Set<number> {
	const hidden = new Set<number>();
	for (const m of colsXml.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
		const h = attr(m[0], 'hidden');
		const width = attr(m[0], 'width');
		if (!(h === '1' || h === 'true' || (width !== undefined && Number(width) === 0))) continue;
		const min = Number(attr(m[0], 'min') ?? 0);
		const max = Math.min(Number(attr(m[0], 'max') ?? min), 16384);
		for (let c = min; c <= max; c++) if (c >= 1) hidden.add(c - 1);
	}
	return hidden;
}

/** Column letters to a 0-based index: A -> 0, AB -> 27. */
function columnIndex(letters: string): number {
	let n = 0;
	for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

/**
 * Reads a sheet part as a stream: its `<cols>` (before `<sheetData>`), and, only when columns are
 * hidden, which of them hold a value. Never holds the whole sheet in memory.
 */
async function hiddenColumnsWithValues(file: JSZip.JSZipObject): Promise<number[]> {
	let hidden: Set<number> | null = null;
	const withValues = new Set<number>();
	let buffer = '';
	const CELL = /<(?:\w+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

	const scanCells = (final: boolean) => {
		CELL.lastIndex = 0;
		let consumed = 0;
		for (let m = CELL.exec(buffer); m; m = CELL.exec(buffer)) {
			consumed = CELL.lastIndex;
			if (m[2] === '/>') continue;
			const ref = attr(` ${m[1]}`, 'r');
			const letters = ref ? /^([A-Z]+)\d+$/.exec(ref)?.[1] : undefined;
			const holds = /<(?:\w+:)?(?:v|is|f)\b/.test(m[3] ?? '');
			// A cell without a reference cannot be placed: count it against every hidden column.
			if (holds && letters === undefined) for (const c of hidden!) withValues.add(c);
			else if (holds && hidden!.has(columnIndex(letters!))) withValues.add(columnIndex(letters!));
		}
		buffer = final ? '' : buffer.slice(consumed);
		// A cell never spans more than this; what is left over without a match is no cell.
		if (buffer.length > 1 << 20) buffer = buffer.slice(-(1 << 16));
	};

	// JSZip's own stream, as text in chunks: the sheet is never held whole.
	await new Promise<void>((resolve, reject) => {
		// internalStream is JSZip's documented stream helper, missing from its type declarations.
		const stream = (file as unknown as { internalStream(type: 'string'): ZipTextStream }).internalStream('string');
		let done = false;
		stream
			.on('data', (chunk: string) => {
				if (done) return;
				buffer += chunk;
				if (hidden === null) {
					const data = buffer.search(/<(?:\w+:)?sheetData\b/);
					if (data < 0) return;
					hidden = hiddenColumns(buffer.slice(0, data));
					if (hidden.size === 0) {
						// Nothing hidden: the rest of the sheet need not be read.
						done = true;
						stream.pause();
						resolve();
						return;
					}
					buffer = buffer.slice(data);
				}
				scanCells(false);
			})
			.on('error', (e: Error) => {
				done = true;
				reject(e);
			})
			.on('end', () => {
				if (done) return;
				done = true;
				resolve();
			})
			.resume();
	});
	if (hidden === null) hidden = hiddenColumns(buffer);
	if ((hidden as Set<number>).size === 0) return [];
	scanCells(true);
	return [...withValues].sort((a, b) => a - b);
}

/** The sheets of a workbook in its own order (workbook.xml), or null when jszip cannot read it. */
export async function readSheetList(bytes: Uint8Array): Promise<SheetEntry[] | null> {
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch {
		return null;
	}
	const workbook = zip.file('xl/workbook.xml');
	if (!workbook) return null;
	const rels = zip.file('xl/_rels/workbook.xml.rels');
	return listSheets(await workbook.async('string'), rels ? await rels.async('string') : '');
}

/**
 * Refuses a workbook with a hidden or very hidden sheet, or a hidden column with values in a visible
 * sheet (error `privacy-verborgen`, per sheet). Returns false when refused. A workbook jszip cannot
 * read is left to the reader, which says it is unreadable.
 */
export async function checkXlsxHidden(bytes: Uint8Array, errors: ErrorCollector): Promise<boolean> {
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch {
		return true;
	}
	const workbook = zip.file('xl/workbook.xml');
	if (!workbook) return true;
	const rels = zip.file('xl/_rels/workbook.xml.rels');
	const sheets = listSheets(await workbook.async('string'), rels ? await rels.async('string') : '');
	const before = errors.errors.length;
	const sheetName = (s: SheetEntry) => `werkblad ${s.place} ("${maskPersonalData(s.name).text}")`;

	for (const s of sheets) {
		if (s.state !== 'visible') {
			errors.add(undefined, undefined, 'privacy-verborgen', `${sheetName(s)} is ${s.state === 'veryHidden' ? 'zeer verborgen (alleen met VBA zichtbaar te maken)' : 'verborgen'}; ${REFUSED}`);
			continue;
		}
		const part = s.part ? zip.file(s.part) : null;
		if (!part) continue;
		const columns = await hiddenColumnsWithValues(part);
		if (columns.length > 0) {
			const letters = columns.map(columnLetter);
			const shown = letters.length > 10 ? `${letters.slice(0, 10).join(', ')} en ${letters.length - 10} meer` : letters.join(', ');
			errors.add(
				undefined,
				undefined,
				'privacy-verborgen',
				`${sheetName(s)} heeft ${letters.length === 1 ? 'een verborgen kolom' : 'verborgen kolommen'} met waarden (${letters.length === 1 ? 'kolom' : 'kolommen'} ${shown}); ${REFUSED}`
			);
		}
	}
	return errors.errors.length === before;
}
