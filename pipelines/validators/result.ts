// The outcome of checking one value: the normalised value, or which rule it breaks and why.

import { maskPersonalData } from '../../contract/privacy';
import type { RuleId } from '../errors';

export type Checked<T> = { ok: true; value: T } | { ok: false; rule: RuleId; message: string };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = (rule: RuleId, message: string): Checked<never> => ({ ok: false, rule, message });

/**
 * A wrong value quoted in an error message (so the sender sees the typo), with any identifying data
 * in it masked first (a BSN in a date column shows as [BSN verwijderd]), and shortened so that a
 * wrong column does not flood the report. Only errors quote values; warnings, which are stored
 * with a load, never do.
 */
export function quote(value: string): string {
	const masked = maskPersonalData(value).text;
	const v = masked.length > 40 ? `${masked.slice(0, 37)}...` : masked;
	return `"${v}"`;
}
