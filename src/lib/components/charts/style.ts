// Series styles: colour AND dash pattern, so that lines can be told apart without colour
// (WCAG 1.4.1). Colours are the --bm-chart-* design tokens of src/app.css (at least 3:1 contrast
// against white, WCAG 1.4.11), so that a gemeente's theme recolours the charts. Marks use them
// through `style` (an SVG presentation attribute does not take var()).

/** var(--bm-chart-series-1) … var(--bm-chart-series-8) */
export const COLORS = Array.from({ length: 8 }, (_, i) => `var(--bm-chart-series-${i + 1})`);
export const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '12 4', '1 4', '6 2 2 2'];

export function seriesStyle(index: number) {
	return { color: COLORS[index % COLORS.length], dash: DASHES[index % DASHES.length] };
}

/** The style of a reference line (e.g. the gemeente average beside a wijk). */
export const REFERENCE_STYLE = { color: 'var(--bm-chart-reference)', dash: '5 4' };

/** Tick values: about `count` nice numbers from 0 up to max. */
export function niceMax(max: number): number {
	if (!(max > 0)) return 1;
	const exp = 10 ** Math.floor(Math.log10(max));
	for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * exp >= max) return step * exp;
	return 10 * exp;
}

/** Spreads label positions (sorted by y) so that they are at least `gap` apart. */
export function spreadLabels(ys: number[], gap: number, min: number, max: number): number[] {
	const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
	const out = new Array<number>(ys.length);
	let prev = -Infinity;
	for (const { y, i } of order) {
		const pos = Math.max(y, prev + gap, min);
		out[i] = pos;
		prev = pos;
	}
	// Shift back up where the last labels ran past the bottom.
	let overflow = prev - max;
	for (let j = order.length - 1; j >= 0 && overflow > 0; j--) {
		const i = order[j].i;
		out[i] -= overflow;
		const next = j > 0 ? out[order[j - 1].i] : -Infinity;
		overflow = next + gap - out[i];
	}
	return out;
}
