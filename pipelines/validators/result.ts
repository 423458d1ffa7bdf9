// The outcome of checking one value: the normalised value, or which rule it breaks and why.

import type { RuleId } from '../errors';

export type Checked<T> = { ok: true; value: T } | { ok: false; rule: RuleId; message: string };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = (rule: RuleId, message: string): Checked<never> => ({ ok: false, rule, message });

/** A value quoted in a message, shortened so that a wrong column does not flood the report. */
export function quote(value: string): string {
	const v = value.length > 40 ? `${value.slice(0, 37)}...` : value;
	return `"${v}"`;
}
