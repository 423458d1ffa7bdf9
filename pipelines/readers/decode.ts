// Bytes to text. Exports come as UTF-8 (with or without BOM) or as Windows-1252, which is what
// Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)". UTF-8 is tried strictly
// first: Windows-1252 text with accented letters is almost never valid UTF-8, so a strict decoder
// tells the two apart reliably.

import type { TextEncodingName } from './table';

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	}
	// "Unicode-tekst" from Excel; not in the contract, but cheap to accept.
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

// Node's TextDecoder('windows-1252') decodes as ISO-8859-1, which gets 0x80-0x9F wrong (€, ‘, ’,
// „, …). Those 32 bytes are the only difference, so they are mapped here by hand (WHATWG table;
// the five unassigned bytes stay the C1 control characters, as in the standard).
const CP1252_80_9F = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

export function decodeWindows1252(bytes: Uint8Array): string {
	const chunk = 8192;
	let out = '';
	const codes = new Array<number>(chunk);
	for (let start = 0; start < bytes.length; start += chunk) {
		const end = Math.min(start + chunk, bytes.length);
		codes.length = end - start;
		for (let i = start; i < end; i++) {
			const b = bytes[i];
			codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : b;
		}
		// bounded: one chunk of codes at a time
		out += String.fromCharCode(...codes);
	}
	return out;
}
