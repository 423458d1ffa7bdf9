// Colours and line styles of the charts: CSS custom properties of src/app.css (--bm-chart-*), so a
// gemeente's theme recolours pages and charts alike. Plot writes them into the SVG as var(…).
export const TEXT = 'var(--bm-chart-text)';
export const AXIS = 'var(--bm-chart-axis)';
export const GRID = 'var(--bm-chart-grid)';
export const BACKGROUND = 'var(--bm-chart-background)';
export const BAND = 'var(--bm-chart-band)';
export const REFERENCE = 'var(--bm-chart-reference)';
/** the series that are not highlighted, drawn in grey behind the one that is */
export const CONTEXT = 'var(--bm-chart-context)';
/** the highlighted series; also every single-colour mark */
export const HIGHLIGHT = 'var(--bm-chart-series-1)';
/** a second highlighted line, e.g. the rolling mean over the highlighted series */
export const TREND = 'var(--bm-chart-trend)';

export const series = (i: number) => `var(--bm-chart-series-${(i % 8) + 1})`;

/** Line height of chart text in px (FONT_SIZE 12 plus leading). */
export const LINE = 15;

/** Rough width of a text in px at 12 px system-ui: for margins and wrapping, never for clipping. */
export function textWidth(text: string): number {
	return Math.ceil(text.length * 6.8);
}

/** Splits a label into lines of at most `chars` characters at spaces (a long word keeps its line). */
export function wrap(text: string, chars: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/)) {
		const last = lines.length - 1;
		if (last >= 0 && lines[last].length + 1 + word.length <= chars) lines[last] += ` ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** The largest of `values`, or `floor` (never a spread into Math.max: a series can be long). */
export function largest(values: Iterable<number>, floor = 0): number {
	let m = floor;
	for (const v of values) if (v > m) m = v;
	return m;
}
