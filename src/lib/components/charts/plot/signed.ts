// Ticks for an axis around 0 (a difference in points, a change in percent): evenly spaced on a
// linear scale, 0 always among them, each written with its sign ("−0,5", "0", "+0,5") and exactly
// the decimals the step needs, so no two labels are the same. The axis runs from the first tick to
// the last, so every mark lies within the labelled range.
import { tickStep } from 'd3';
import { formatNumber } from '$lib/shared/format';
import { stepDigits } from './ticks';

export interface SignedTicks {
	values: number[];
	format: (v: number) => string;
	/** [first tick, last tick]: the axis domain */
	domain: [number, number];
	step: number;
}

/** A signed number with a real minus sign: "+25%", "−0,5", "0". */
export function signedLabel(v: number, digits: number, unit = ''): string {
	const rounded = Number(v.toFixed(digits));
	if (rounded === 0) return `0${unit}`;
	return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), digits)}${unit}`;
}

/** About `count` ticks from at or below min(lo, 0) to at or above max(hi, 0). */
export function signedTicks(lo: number, hi: number, { count = 5, unit = '' }: { count?: number; unit?: string } = {}): SignedTicks {
	const a = Math.min(lo, 0);
	const b = Math.max(hi, 0);
	if (!(b > a)) return { values: [0], format: (v) => signedLabel(v, 0, unit), domain: [-1, 1], step: 1 };
	const step = tickStep(a, b, Math.max(2, count));
	const digits = stepDigits(step);
	// Whole multiples of the step, counted as integers so 0.1 + 0.2 never drifts into a new label.
	const first = Math.floor(a / step + 1e-9);
	const last = Math.ceil(b / step - 1e-9);
	const values: number[] = [];
	for (let i = first; i <= last; i++) values.push(Number((i * step).toFixed(digits)));
	return { values, format: (v) => signedLabel(v, digits, unit), domain: [values[0], values[values.length - 1]], step };
}
