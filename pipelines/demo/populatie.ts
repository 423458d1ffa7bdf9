// Denominators: inhabitants per wijk and registered patients per practice, per year and age group.
// Realistic Dutch age structures by kind of wijk, slow growth and slow ageing.

import { LEEFTIJDSGROEPEN } from '../../contract/codes';
import { lognormalFactor, rngFor } from './random';
import { DEMO_PRAKTIJKEN, DEMO_WIJKEN, type WijkProfiel } from './world';

export const DEMO_JAREN: readonly number[] = Array.from({ length: 10 }, (_, i) => 2016 + i);

/** Shares per age group (order of LEEFTIJDSGROEPEN) in 2016; each row sums to 1. */
const AGE_PROFILES: Record<WijkProfiel, readonly number[]> = {
	gezinnen: [0.055, 0.115, 0.08, 0.045, 0.54, 0.095, 0.07],
	stedelijk: [0.04, 0.065, 0.05, 0.11, 0.6, 0.08, 0.055],
	gemengd: [0.042, 0.085, 0.068, 0.06, 0.535, 0.115, 0.095],
	vergrijsd: [0.032, 0.065, 0.058, 0.05, 0.49, 0.16, 0.145]
};

/** Yearly drift of each age group's share: fewer young children, more 65+ (ageing). */
const AGE_DRIFT = [-0.006, -0.004, 0, 0, -0.003, 0.012, 0.025];

/** aantal[jaarIndex][leeftijdsgroepIndex] */
export type PopulatieTabel = number[][];

export interface DemoPopulatie {
	wijk: Map<string, PopulatieTabel>;
	praktijk: Map<string, PopulatieTabel>;
}

function normalise(shares: number[]): number[] {
	const total = shares.reduce((a, b) => a + b, 0);
	return shares.map((s) => s / total);
}

function project(
	rng: () => number,
	total2016: number,
	groei: number,
	shares2016: readonly number[]
): PopulatieTabel {
	return DEMO_JAREN.map((jaar) => {
		const t = jaar - 2016;
		const total = total2016 * (1 + groei) ** t;
		const shares = normalise(shares2016.map((s, g) => s * (1 + AGE_DRIFT[g]) ** t));
		return shares.map((s) => Math.round(total * s * lognormalFactor(rng, 0.004)));
	});
}

export function generatePopulatie(seed: number): DemoPopulatie {
	const wijk = new Map<string, PopulatieTabel>();
	for (const w of DEMO_WIJKEN) {
		wijk.set(w.code, project(rngFor(seed, 'populatie', w.code), w.inwoners2016, w.groei, AGE_PROFILES[w.profiel]));
	}

	const praktijk = new Map<string, PopulatieTabel>();
	for (const p of DEMO_PRAKTIJKEN) {
		const rng = rngFor(seed, 'populatie', p.code);
		const eigen = DEMO_WIJKEN.find((w) => w.code === p.wijk)!;
		const gemeente = DEMO_WIJKEN.filter((w) => w.gemeente === eigen.gemeente);
		// Patients come mostly from the practice's own wijk, the rest from the whole gemeente.
		const gemiddeld = LEEFTIJDSGROEPEN.map(
			(_, g) =>
				gemeente.reduce((sum, w) => sum + w.inwoners2016 * AGE_PROFILES[w.profiel][g], 0) /
				gemeente.reduce((sum, w) => sum + w.inwoners2016, 0)
		);
		const shares = normalise(
			AGE_PROFILES[eigen.profiel].map((s, g) => (0.6 * s + 0.4 * gemiddeld[g]) * lognormalFactor(rng, 0.06))
		);
		praktijk.set(p.code, project(rng, p.patienten2016, p.groei, shares));
	}
	return { wijk, praktijk };
}
