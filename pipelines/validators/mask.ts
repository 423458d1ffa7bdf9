// Free text (open survey answers, notes) is stored, but never with contact details or a BSN in it:
// e-mail addresses, phone numbers, BSNs and full postcodes are replaced by a marker before storage
// (formats.md "Privacy"). What was masked is counted, never kept.

import { passesElfproef } from './privacy';

export type MaskKind = 'email' | 'telefoon' | 'bsn' | 'postcode';

export const MASK: Record<MaskKind, string> = {
	email: '[e-mailadres verwijderd]',
	telefoon: '[telefoonnummer verwijderd]',
	bsn: '[BSN verwijderd]',
	postcode: '[postcode verwijderd]'
};

export interface Masked {
	text: string;
	/** How many of each kind were replaced. */
	counts: Record<MaskKind, number>;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Nine digits standing on their own, also written in groups with spaces or dots (123 456 782,
// 1234.56.782); checked with the elfproef below, so an ordinary nine-digit number stays.
const NINE_DIGITS = /(?<![\d+])\d(?:[ .]?\d){8}(?![\d])/g;

// Dutch numbers: 0 + 9 digits (06-12345678, 030 123 45 67, (030) 1234567), +31 / 0031 with or
// without the (0), and other international numbers (+32 ...). Separators: space, hyphen, dot.
const PHONE = new RegExp(
	[
		String.raw`(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){8}`,
		String.raw`\(0\d{1,3}\)[\s.-]?\d(?:[\s.-]?\d){5,7}`,
		String.raw`0\d(?:[\s.-]?\d){8}`,
		String.raw`(?:\+|00)(?!31)[1-9]\d{0,2}[\s.-]?\d(?:[\s.-]?\d){6,11}`
	]
		.map((p) => `(?<![\\d+])${p}(?!\\d)`)
		.join('|'),
	'g'
);

// `1234 AB`, `1234AB`, `1234ab` on their own (as privacy.ts recognises them).
const POSTCODE = /(?<![0-9A-Za-z])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![0-9A-Za-z])/g;

function zero(): Record<MaskKind, number> {
	return { email: 0, telefoon: 0, bsn: 0, postcode: 0 };
}

/** Replaces e-mail addresses, phone numbers, BSNs and postcodes in a free-text answer. */
export function maskFreeText(text: string): Masked {
	const counts = zero();
	let out = text.replace(EMAIL, () => {
		counts.email++;
		return MASK.email;
	});
	// Phone numbers before BSNs: the last nine digits of a phone number may pass the elfproef.
	out = out.replace(PHONE, () => {
		counts.telefoon++;
		return MASK.telefoon;
	});
	out = out.replace(NINE_DIGITS, (m) => {
		if (!passesElfproef(m.replace(/[ .]/g, ''))) return m;
		counts.bsn++;
		return MASK.bsn;
	});
	out = out.replace(POSTCODE, () => {
		counts.postcode++;
		return MASK.postcode;
	});
	return { text: out, counts };
}

/** Adds the counts of one masked text to a running total. */
export function addCounts(total: Record<MaskKind, number>, more: Record<MaskKind, number>): void {
	for (const k of Object.keys(total) as MaskKind[]) total[k] += more[k];
}

export function emptyCounts(): Record<MaskKind, number> {
	return zero();
}

/** "2 e-mailadressen en 1 telefoonnummer", or '' when nothing was masked. */
export function describeCounts(counts: Record<MaskKind, number>): string {
	const words: Record<MaskKind, [string, string]> = {
		email: ['e-mailadres', 'e-mailadressen'],
		telefoon: ['telefoonnummer', 'telefoonnummers'],
		bsn: ['BSN', "BSN's"],
		postcode: ['postcode', 'postcodes']
	};
	const parts = (Object.keys(words) as MaskKind[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${words[k][counts[k] === 1 ? 0 : 1]}`);
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}
