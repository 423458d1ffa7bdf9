// Codes and code lists of the contract. The lists themselves live in contract/codes.ts, so
// that the pipelines and the UI agree on what a valid value is.

import { GEMEENTE_CODE, WIJK_CODE } from '../../contract/codes';
import type { Cell } from '../readers/table';
import { fail, ok, quote, type Checked } from './result';

/** Any cell as trimmed text; numbers from XLSX as written (1234 -> "1234"). */
export function cellText(cell: Cell): string {
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell).trim();
}

/** CBS wijk code, `WK` + 6 digits; lower case is accepted and normalised. */
export function checkWijkCode(cell: Cell): Checked<string> {
	const code = cellText(cell).toUpperCase();
	if (!WIJK_CODE.test(code)) {
		return fail('wijk-code', `${quote(cellText(cell))} is geen wijkcode: verwacht WK gevolgd door 6 cijfers (CBS-code, bijvoorbeeld WK034401)`);
	}
	return ok(code);
}

/** CBS gemeente code, `GM` + 4 digits. */
export function checkGemeenteCode(cell: Cell): Checked<string> {
	const code = cellText(cell).toUpperCase();
	if (!GEMEENTE_CODE.test(code)) {
		return fail('gemeente-code', `${quote(cellText(cell))} is geen gemeentecode: verwacht GM gevolgd door 4 cijfers (bijvoorbeeld GM0344)`);
	}
	return ok(code);
}

/** One of a fixed list; matched ignoring case and surrounding spaces. */
export function checkOneOf(cell: Cell, allowed: readonly string[]): Checked<string> {
	const text = cellText(cell);
	const wanted = text.toLowerCase().replace(/\s+/g, '');
	const found = allowed.find((a) => a.toLowerCase() === wanted);
	if (found === undefined) {
		return fail('waarde-lijst', `${quote(text)} is geen toegestane waarde; kies uit: ${allowed.join(', ')}`);
	}
	return ok(found);
}

const SLUG = /^[a-z][a-z0-9_]*$/;

/** A code word like `basis_ggz`: lower case letters, digits and underscores (case is normalised). */
export function checkSlug(cell: Cell): Checked<string> {
	const text = cellText(cell);
	const slug = text.toLowerCase();
	if (!SLUG.test(slug)) {
		return fail('code-formaat', `${quote(text)} is geen geldige code: gebruik kleine letters, cijfers en _ (bijvoorbeeld basis_ggz)`);
	}
	return ok(slug);
}
