// The cell key method (docs/privacy.md "Referral counts: the cell key method"), as flexible table
// builders such as the ABS TableBuilder use it. Every referral carries a fixed secret record key in
// 0..N-1 (`verwijzingen.celsleutel`, an HMAC of its id made at ingest, see contract/cellKey.ts). A
// cell's key is the sum of its records' keys modulo N; its published count is the true count plus a
// perturbation looked up from the true count and the cell key. The same set of referrals therefore
// gets the same published value on every page, filter, period and export, while a total and its
// parts are perturbed independently, so no subtraction gives a hidden count away.
//
// Counts are published through `publishCount` only; rates and shares are computed from published
// counts. A true 0 stays 0, a count of 1 or more never becomes 0, and a published value of 1 to
// k-1 is shown as "<k" (value null, onderdrukt 'klein').

import { CELL_KEY_MODULUS } from '$contract/cellKey';
import type { Cell } from './suppression';

export { CELL_KEY_MODULUS };

/** D: the largest perturbation, up or down. */
export const MAX_PERTURBATION = 3;

/**
 * The perturbation table: for true counts 1, 2, 3 and >= 4, how many of the N cell keys give each
 * perturbation -3..+3. Every row has mean exactly 0 and keeps count + p >= 1; the rows for 1 to 3
 * are the >= 4 row cut off below (count 1 is never perturbed: a mean of 0 with p >= 0 leaves only
 * 0). Extremes (|p| = D) are rare on purpose: an attacker who knows D can only pin a count by
 * combining cells whose perturbations all sit at the extreme (docs/privacy.md).
 */
const TABLE: Readonly<Record<1 | 2 | 3 | 4, readonly number[]>> = {
	//  p:  -3  -2   -1    0   +1  +2  +3
	1: [0, 0, 0, 256, 0, 0, 0],
	2: [0, 0, 117, 46, 70, 22, 1],
	3: [0, 22, 73, 68, 70, 22, 1],
	4: [1, 22, 70, 70, 70, 22, 1]
};

/** The variance V of the perturbation of counts of 4 and more (334/256). */
export const PERTURBATION_VARIANCE = TABLE[4].reduce((s, n, i) => s + n * (i - MAX_PERTURBATION) ** 2, 0) / CELL_KEY_MODULUS;

/** Cumulative rows, so a key is looked up by its position in [0, N). */
const CUMULATIVE = Object.fromEntries(
	Object.entries(TABLE).map(([c, row]) => {
		let acc = 0;
		return [c, row.map((n) => (acc += n))];
	})
) as Record<string, number[]>;

/** The row of the table for a true count. */
export function perturbationRow(count: number): readonly number[] {
	return TABLE[Math.min(count, 4) as 1 | 2 | 3 | 4];
}

/** A cell key from any sum of record keys (a bigint or a number from SQL). */
export function cellKeyOf(keySum: number | bigint): number {
	const n = typeof keySum === 'bigint' ? Number(keySum % BigInt(CELL_KEY_MODULUS)) : keySum % CELL_KEY_MODULUS;
	return (n + CELL_KEY_MODULUS) % CELL_KEY_MODULUS;
}

/** The perturbation of a cell with this true count and record-key sum. */
export function perturbation(count: number, keySum: number | bigint): number {
	if (count <= 0) return 0;
	const key = cellKeyOf(keySum);
	const cumulative = CUMULATIVE[Math.min(count, 4)];
	let i = 0;
	while (key >= cumulative[i]) i++;
	return i - MAX_PERTURBATION;
}

/** The published count of a cell: perturbed, and "<k" (null, 'klein') when it lands on 1..k-1. */
export function publishCount(count: number | bigint, keySum: number | bigint, k: number): Cell {
	const n = Number(count);
	if (n === 0) return { value: 0, onderdrukt: null };
	const published = n + perturbation(n, keySum);
	return published < k ? { value: null, onderdrukt: 'klein' } : { value: published, onderdrukt: null };
}

/** A true count with its record-key sum: what every referral query returns per cell. */
export interface KeyedCount {
	n: number;
	/** sum of the records' cell keys, modulo N */
	sleutel: number;
}

/** Adds keyed counts (the key of a union of disjoint sets is the sum of their keys). */
export function addKeyed(a: KeyedCount, b: KeyedCount): KeyedCount {
	return { n: a.n + b.n, sleutel: (a.sleutel + b.sleutel) % CELL_KEY_MODULUS };
}

export const NO_RECORDS: KeyedCount = { n: 0, sleutel: 0 };

/** The share of two published cells (0..1), or null when either is hidden or the whole is 0. */
export function publishedShare(part: Cell, whole: Cell): number | null {
	if (part.value === null || whole.value === null || whole.value <= 0) return null;
	return Math.min(1, part.value / whole.value);
}
