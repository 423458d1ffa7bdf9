// Shared chart helpers that are not Plot specs. Colours are the --bm-chart-* design tokens of
// src/app.css (at least 3:1 against white, WCAG 1.4.11), so that a gemeente's theme recolours the
// charts; the Plot charts name them in plot/theme.ts.

/** var(--bm-chart-series-1) … var(--bm-chart-series-8) */
export const COLORS = Array.from({ length: 8 }, (_, i) => `var(--bm-chart-series-${i + 1})`);

/** A round top for an axis: the smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (x a power of 10) at or above max. */
export function niceMax(max: number): number {
	if (!(max > 0)) return 1;
	const exp = 10 ** Math.floor(Math.log10(max));
	for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * exp >= max) return step * exp;
	return 10 * exp;
}
