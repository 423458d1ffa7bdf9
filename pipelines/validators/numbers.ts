// Numbers with a decimal comma (Dutch Excel) or a decimal point. Thousands separators are not
// accepted: in "1.234" the point could be either, and guessing wrong changes a count a thousandfold.

import type { Cell } from '../readers/table';
import { fail, ok, quote, type Checked } from './result';

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

export interface Range {
	min?: number;
	max?: number;
}

export function checkDecimal(cell: Cell, range: Range = {}): Checked<number> {
	const n = readNumber(cell);
	if (!n.ok) return n;
	return inRange(n.value, range);
}

export function checkInteger(cell: Cell, range: Range = {}): Checked<number> {
	const n = readNumber(cell);
	if (!n.ok) return n;
	if (!Number.isInteger(n.value)) return fail('getal-geheel', `${n.value} is geen geheel getal`);
	return inRange(n.value, range);
}

function readNumber(cell: Cell): Checked<number> {
	if (typeof cell === 'number') {
		return Number.isFinite(cell) ? ok(cell) : fail('getal-formaat', 'de cel bevat geen geldig getal');
	}
	if (cell instanceof Date) return fail('getal-formaat', 'de cel bevat een datum in plaats van een getal');
	const text = cell.trim();
	if (!NUMBER.test(text)) {
		return fail('getal-formaat', `${quote(text)} is geen getal; gebruik cijfers met een decimale komma of punt, zonder duizendtallen-scheiding`);
	}
	return ok(Number(text.replace(',', '.')));
}

function inRange(value: number, { min, max }: Range): Checked<number> {
	if (min !== undefined && value < min) return fail('getal-bereik', `${value} is kleiner dan ${min}`);
	if (max !== undefined && value > max) return fail('getal-bereik', `${value} is groter dan ${max}`);
	return ok(value);
}
