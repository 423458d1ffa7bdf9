// Just enough of a PDF reader to check what Chromium printed: the pages (counted as /Type /Page
// objects), their size, and their text (via each font's ToUnicode map). Handles the PDFs that
// Chromium writes (Flate streams, Type0 fonts with Identity-H), nothing more.
import zlib from 'node:zlib';

interface PdfObject {
	dict: string;
	stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
	const out = new Map<number, PdfObject>();
	const text = pdf.toString('latin1');
	const re = /(\d+) 0 obj\s*/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		const start = m.index + m[0].length;
		const end = text.indexOf('endobj', start);
		const body = text.slice(start, end);
		const s = body.indexOf('stream');
		let stream: Buffer | null = null;
		let dict = body;
		if (s >= 0) {
			dict = body.slice(0, s);
			const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
			const dataStart = start + s + 'stream'.length + (text[start + s + 6] === '\r' ? 2 : 1);
			const raw = pdf.subarray(dataStart, dataStart + length);
			stream = dict.includes('/FlateDecode') ? zlib.inflateSync(raw) : raw;
		}
		out.set(Number(m[1]), { dict, stream });
		re.lastIndex = end;
	}
	return out;
}

function hexUnits(hex: string): number[] {
	const out: number[] = [];
	for (let i = 0; i + 4 <= hex.length; i += 4) out.push(parseInt(hex.slice(i, i + 4), 16));
	return out;
}

function toUnicodeMap(cmap: string): Map<number, string> {
	const map = new Map<number, string>();
	const chars = (hex: string) => String.fromCharCode(...hexUnits(hex));
	for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
		for (const [, src, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(src, 16), chars(dst));
	}
	for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
		for (const [, a, b, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
			const base = parseInt(dst, 16);
			for (let c = parseInt(a, 16); c <= parseInt(b, 16); c++) map.set(c, String.fromCharCode(base + c - parseInt(a, 16)));
		}
	}
	return map;
}

export interface PdfPage {
	/** [width, height] in points (A4 is about 595 x 842). */
	size: [number, number];
	/** the page's own text, without what the page margins print */
	text: string;
	/** the page margins' text (the @page margin boxes of src/app.css): 'Pagina 2 van 5 Basiszorg Monitor', or '' */
	margin: string;
}

/**
 * Chromium draws the @page margin boxes before the page's content, so their text comes first:
 * page number, then the name of the monitor (src/app.css).
 */
const MARGIN_TEXT = /^Pagina \d+ van \d+(?: Basiszorg Monitor)?(?= |$)/;

export function readPdf(pdf: Buffer): PdfPage[] {
	const objs = objects(pdf);
	const fontMaps = new Map<number, Map<number, string>>();
	const fontMap = (id: number) => {
		if (!fontMaps.has(id)) {
			const ref = /\/ToUnicode (\d+) 0 R/.exec(objs.get(id)?.dict ?? '');
			const cmap = ref ? objs.get(Number(ref[1]))?.stream?.toString('latin1') : undefined;
			fontMaps.set(id, cmap ? toUnicodeMap(cmap) : new Map());
		}
		return fontMaps.get(id)!;
	};
	const pages: PdfPage[] = [];
	for (const [, o] of [...objs].sort((a, b) => a[0] - b[0])) {
		if (!/\/Type \/Page[^s]/.test(o.dict)) continue;
		const box = /\/MediaBox \[([^\]]+)\]/.exec(o.dict)![1].trim().split(/\s+/).map(Number);
		const fonts = new Map<string, number>();
		const fontDict = /\/Font <<([^>]*)>>/.exec(o.dict)?.[1] ?? '';
		for (const [, name, id] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(name, Number(id));
		const contentIds = [.../\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(o.dict)!.slice(1).join(' ').matchAll(/(\d+)(?: 0 R)?/g)].map((x) => Number(x[1]));
		let text = '';
		for (const id of contentIds) {
			const content = objs.get(id)?.stream?.toString('latin1') ?? '';
			let map = new Map<number, string>();
			for (const t of content.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|(ET)/g)) {
				if (t[1]) map = fontMap(fonts.get(t[1]) ?? -1);
				else if (t[2] !== undefined) text += hexUnits(t[2]).map((c) => map.get(c) ?? '').join('');
				else text += ' ';
			}
		}
		const all = text.replace(/\s+/g, ' ').trim();
		const margin = MARGIN_TEXT.exec(all)?.[0] ?? '';
		pages.push({ size: [box[2] - box[0], box[3] - box[1]], text: all.slice(margin.length).trim(), margin });
	}
	return pages;
}

/** The number of `/Type /Page` objects (not `/Pages`). */
export function countPages(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length;
}
