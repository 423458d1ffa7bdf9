// Seeded randomness for the demo data. Every part of the generator draws from its own stream,
// derived from the seed and a label, so that changing one part (say, the buurtteam rates) does not
// reshuffle all the others. No Math.random anywhere.

import { createHash } from 'node:crypto';
import { randomLcg } from 'd3';

export type Rng = () => number;

/** 32-bit FNV-1a of a string: turns (seed, label) into an integer seed for d3.randomLcg. */
function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** An independent stream for one part of the generator. */
export function rngFor(seed: number, ...labels: (string | number)[]): Rng {
	return randomLcg(fnv1a(`${seed}|${labels.join('|')}`) || 1);
}

/** Standard normal draw (Box-Muller). */
export function normal(rng: Rng): number {
	const u = 1 - rng(); // (0, 1]
	const v = rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Multiplicative noise with mean 1 and (approximately) the given coefficient of variation. */
export function lognormalFactor(rng: Rng, sd: number): number {
	return Math.exp(sd * normal(rng) - (sd * sd) / 2);
}

/**
 * Turns expected counts into whole counts, per key (say, a practice and bestemming), month after
 * month: randomised rounding that carries the remainder to the next month, so that the sum over any
 * run of months stays within one of the sum of the expectations. Used instead of Poisson draws so
 * that a planted effect is visible in one practice's counts over a year instead of drowning in
 * noise; the variation between months comes from a lognormalFactor on the expectation instead.
 */
export class CarryRounder {
	private carry = new Map<string, number>();
	constructor(private rng: Rng) {}

	round(key: string, x: number): number {
		const c = (this.carry.get(key) ?? 0) + x;
		const n = Math.max(0, Math.floor(c + this.rng()));
		this.carry.set(key, c - n);
		return n;
	}
}

/** Index drawn with probability proportional to weights (which need not sum to 1). */
export function pickIndex(rng: Rng, weights: readonly number[]): number {
	let total = 0;
	for (const w of weights) total += w;
	let r = rng() * total;
	for (let i = 0; i < weights.length; i++) {
		r -= weights[i];
		if (r < 0) return i;
	}
	// Floating-point leftovers: the last item with a positive weight.
	for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
	return 0;
}

export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
	return items[pickIndex(rng, items.map(([, w]) => w))][0];
}

/** Client pseudonym: 12 hex digits of a seeded SHA-256, never something that looks like a BSN. */
export function pseudonym(seed: number, source: string, n: number): string {
	return createHash('sha256').update(`demo|${seed}|${source}|${n}`).digest('hex').slice(0, 12);
}
