// Placebo-calibrated intervals for the OJG difference-in-differences, see
// docs/ojg-effect.md "Uncertainty". The Wald standard error of `did()` assumes Poisson counts;
// referral counts of GP practices vary more than that (overdispersion), so its 95% interval is too
// narrow. Calibration:
//   - placebos: every comparison practice j of a comparison group C (with at least 2 practices) is
//     treated as if it had had the placement, against C minus j, with the same windows; a placebo
//     with a zero count is skipped. z_j = ln DiD_j / se_j. No placement happened there, so the z_j
//     show how far estimates stray by chance;
//   - dispersion phi = max(1, mean of z_j^2 over all placebos of the view), nu = placebos - 1;
//   - a placement's interval exp(ln DiD -/+ t(0.975, nu) * sqrt(phi) * se); the pooled estimate
//     keeps its inverse-variance weights, with se = sqrt(phi / sum(1/se^2)).
// With fewer than MIN_PLACEBOS placebos there is no interval at all.

import jStat from 'jstat';
import { did, type Cells, type PersonTime } from './did';

/** Fewer placebos than this: no interval. */
export const MIN_PLACEBOS = 5;

export const NO_CALIBRATION_REASON = 'te weinig vergelijkingspraktijken om de toevalsspreiding te schatten';

/** Student's t quantile (jstat). */
export function tQuantile(p: number, nu: number): number {
	return jStat.studentt.inv(p, nu);
}

export interface Calibration {
	/** the dispersion factor phi (>= 1) */
	phi: number;
	/** degrees of freedom: placebos - 1 */
	nu: number;
	/** t(0.975, nu) */
	t: number;
	placebos: number;
}

/** phi, nu and t from the placebos' z values; null with fewer than MIN_PLACEBOS. */
export function calibrate(z: readonly number[]): Calibration | null {
	if (z.length < MIN_PLACEBOS) return null;
	const meanSquare = z.reduce((s, v) => s + v * v, 0) / z.length;
	const nu = z.length - 1;
	return { phi: Math.max(1, meanSquare), nu, t: tQuantile(0.975, nu), placebos: z.length };
}

/** The calibrated 95% interval of a ratio estimated as exp(lnDid) with Wald se. */
export function calibratedInterval(lnDid: number, se: number, c: Calibration): { low: number; high: number } {
	const half = c.t * Math.sqrt(c.phi) * se;
	return { low: Math.exp(lnDid - half), high: Math.exp(lnDid + half) };
}

/** A practice's counts and person-years before and after, for placebos. */
export interface PlaceboUnit {
	pre: number;
	post: number;
	pyPre: number;
	pyPost: number;
}

/**
 * The placebos of one comparison group: each practice against the others pooled. Empty when the
 * group has fewer than 2 practices; a placebo with a zero count (or no person-time) is skipped.
 */
export function placeboZ(group: readonly PlaceboUnit[]): number[] {
	if (group.length < 2) return [];
	const total = group.reduce((s, u) => ({ pre: s.pre + u.pre, post: s.post + u.post, pyPre: s.pyPre + u.pyPre, pyPost: s.pyPost + u.pyPost }), { pre: 0, post: 0, pyPre: 0, pyPost: 0 });
	const out: number[] = [];
	for (const j of group) {
		const cells: Cells = { aPre: j.pre, aPost: j.post, cPre: total.pre - j.pre, cPost: total.post - j.post };
		const py: PersonTime = { aPre: j.pyPre, aPost: j.pyPost, cPre: total.pyPre - j.pyPre, cPost: total.pyPost - j.pyPost };
		if (Object.values(cells).some((n) => n <= 0) || Object.values(py).some((p) => !(p > 0))) continue;
		const e = did(cells, py);
		out.push(e.lnDid / e.se);
	}
	return out;
}

export interface CalibratedPool {
	did: number;
	lnDid: number;
	se: number;
	/** null without calibration */
	low: number | null;
	high: number | null;
	n: number;
}

/** Fixed-effect pooled estimate (weights 1/se^2) with se = sqrt(phi / sum(1/se^2)); null when empty. */
export function poolCalibrated(estimates: ReadonlyArray<{ lnDid: number; se: number }>, c: Calibration | null): CalibratedPool | null {
	if (estimates.length === 0) return null;
	let sw = 0;
	let swx = 0;
	for (const e of estimates) {
		const w = 1 / (e.se * e.se);
		sw += w;
		swx += w * e.lnDid;
	}
	const lnDid = swx / sw;
	const se = Math.sqrt((c?.phi ?? 1) / sw);
	const half = c ? c.t * se : null;
	return {
		did: Math.exp(lnDid),
		lnDid,
		se,
		low: half === null ? null : Math.exp(lnDid - half),
		high: half === null ? null : Math.exp(lnDid + half),
		n: estimates.length
	};
}
