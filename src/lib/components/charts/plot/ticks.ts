// Axis ticks a reader can trust: every label differs from the next, counts of people never get a
// fraction, and a period axis shows as many labels as fit without overlapping.
import { tickStep, ticks } from 'd3';
import { formatNumber } from '$lib/shared/format';

/** Decimals that show a tick step exactly: step 0,25 → 2, step 5 → 0. */
export function stepDigits(step: number): number {
	if (!(step > 0)) return 0;
	for (let d = 0; d <= 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
	return 6;
}

export interface ValueTicks {
	values: number[];
	format: (v: number) => string;
	/** the top of the axis: the last tick, or `max` when given */
	top: number;
}

/**
 * Ticks from 0 up to at least `max`: about `count` of them, fewer where labels would repeat (a
 * format that rounds: 0,2 and 0,4 both "0") or be empty; with `integer`, whole numbers only (counts
 * of people). Without a format, labels get exactly the decimals the step needs (nl-NL).
 */
export function valueTicks(max: number, { count = 5, integer = false, format, fixedTop }: { count?: number; integer?: boolean; format?: (v: number) => string; fixedTop?: number } = {}): ValueTicks {
	const top0 = fixedTop ?? (max > 0 ? max : integer ? 1 : 1);
	for (let n = Math.max(1, count); n >= 1; n--) {
		let step = tickStep(0, top0, n);
		if (integer) step = Math.max(1, Math.ceil(step));
		const top = fixedTop ?? Math.ceil(top0 / step - 1e-9) * step;
		const values = integer ? range(step, top) : ticks(0, top, Math.round(top / step));
		const fmt = format ?? ((v: number) => formatNumber(v, stepDigits(step)));
		const labels = values.map(fmt);
		if (labels.every((l) => l !== '') && new Set(labels).size === labels.length) return { values, format: fmt, top };
	}
	// A format that cannot tell any two ticks apart: show the ends only.
	const top = fixedTop ?? top0;
	return { values: [0, top], format: format ?? ((v) => formatNumber(v, stepDigits(top))), top };
}

function range(step: number, top: number): number[] {
	const out: number[] = [];
	for (let v = 0; v <= top + 1e-9; v += step) out.push(Math.round(v));
	return out;
}

/**
 * Which periods get a label: as many as fit in `width` px at `labelWidth` px each, on year starts
 * where the periods are months or quarters and not every one fits.
 */
export function periodTicks(periods: readonly string[], width: number, labelWidth: number): string[] {
	const fit = Math.max(2, Math.floor(width / labelWidth));
	if (periods.length <= fit) return [...periods];
	const starts = periods.filter((p) => /^\d{4}(-01|-K1)?$/.test(p));
	const pool = starts.length >= 2 ? starts : periods;
	const every = Math.ceil(pool.length / fit);
	return pool.filter((_, i) => i % every === 0);
}
