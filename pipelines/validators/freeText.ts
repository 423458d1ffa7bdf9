// Free text (werkplan notes, SWOT items, milestone descriptions) is stored, but never with personal
// data in it: e-mail addresses, phone numbers, BSNs and full postcodes are masked before storage
// (formats.md "Privacy"). The same masking runs on edits made in the app (src/lib/server/edits).

import type { DatasetSpec } from '../datasets/types';
import type { Detection } from '../registry';
import { cellText } from './codes';
import type { FieldType } from './fields';
import { normaliseColumnName } from './header';
import { passesElfproef } from './privacy';
import { ok } from './result';

export const MASK = {
	email: '[e-mailadres verwijderd]',
	telefoon: '[telefoonnummer verwijderd]',
	bsn: '[BSN verwijderd]',
	postcode: '[postcode verwijderd]'
} as const;

export type MaskKind = keyof typeof MASK;

export interface MaskResult {
	text: string;
	/** How many of each kind were masked. */
	masked: Record<MaskKind, number>;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A Dutch phone number: 0, (0, +31 or 0031, then exactly nine more digits, each optionally after one
// space, dot, hyphen or closing bracket (06-12345678, 030 123 45 67, (030) 1234567, +31 6 1234 5678).
const PHONE_CANDIDATE = /(?<![\w+])(?:\+31[ .-]?(?:\(0\)[ .-]?)?|0031[ .-]?|\(0|0)(?:(?:\) ?|[ .-])?\d){9}(?!\d)/g;
// Nine digits (BSN), also as 3-3-3 or 4-2-3 groups with spaces or dots (1234.56.782); eight when a
// leading zero was lost.
const BSN_CANDIDATE = /(?<![\w.-])(?:\d{3}[ .]?\d{3}[ .]?\d{2,3}|\d{4}[ .]\d{2}[ .]\d{3})(?![\w-]|[.,]\d)/g;
const POSTCODE = /(?<![0-9A-Za-z])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![0-9A-Za-z])/g;

/** Dates (01-02-2025 12) have more than one hyphen; a phone number at most one. */
function isPhone(candidate: string): boolean {
	return (candidate.match(/-/g) ?? []).length <= 1;
}

function isBsn(candidate: string): boolean {
	const digits = candidate.replace(/[ .]/g, '');
	if (digits.length !== 8 && digits.length !== 9) return false;
	return passesElfproef(digits.padStart(9, '0'));
}

/** Masks e-mail addresses, phone numbers, BSNs and full postcodes in a free text. */
export function maskPersonalData(text: string): MaskResult {
	const masked: Record<MaskKind, number> = { email: 0, telefoon: 0, bsn: 0, postcode: 0 };
	let out = text.replace(EMAIL, () => {
		masked.email++;
		return MASK.email;
	});
	out = out.replace(PHONE_CANDIDATE, (m) => {
		if (!isPhone(m)) return m;
		masked.telefoon++;
		return MASK.telefoon;
	});
	out = out.replace(BSN_CANDIDATE, (m) => {
		if (!isBsn(m)) return m;
		masked.bsn++;
		return MASK.bsn;
	});
	out = out.replace(POSTCODE, () => {
		masked.postcode++;
		return MASK.postcode;
	});
	return { text: out, masked };
}

/** A free-text column: trimmed, with personal data masked. */
export const freeText = (): FieldType => ({
	sqlType: 'VARCHAR',
	freeText: true,
	check: (cell) => ok(maskPersonalData(cellText(cell)).text)
});

/** Indexes of the header's columns that the detected dataset reads as free text. */
export function freeTextColumns(header: readonly string[], detection: Detection): Set<number> {
	const out = new Set<number>();
	if (!detection.ok) return out;
	const spec: DatasetSpec = detection.spec;
	const names = new Set(spec.columns.filter((c) => c.type.freeText && !c.derived).map((c) => c.name));
	header.forEach((h, i) => {
		if (names.has(normaliseColumnName(h))) out.add(i);
	});
	return out;
}
