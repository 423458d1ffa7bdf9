// Horizontal bars as a Plot spec: a row per bar with its label left (wrapped, never cut off) and
// its value written after the bar, optionally under group headings (e.g. per lijn). A hidden value
// draws no bar and says why ("<5"). Rows are laid out here, in px (an identity y scale), so a
// label of two lines gets a taller row.
import * as Plot from '@observablehq/plot';
import type { Bar } from '../types';
import { annotate } from './render';
import { valueTicks } from './ticks';
import { AXIS, GRID, LINE, TEXT, largest, series, textWidth, wrap } from './theme';

export interface BarOptions {
	width: number;
	xLabel: string;
	xTickFormat?: (v: number) => string;
	/** the end of the value axis when the scale has one (a grade: 10); else from the data */
	xMax?: number;
	/** counts: whole-number ticks (default: when every value is a whole number) */
	integer?: boolean;
	/** what the bars are, spoken as the name of their list (the chart title) */
	listLabel?: string;
	hooks?: boolean;
}

interface Row extends Bar {
	top: number;
	height: number;
	lines: string[];
	color: string;
}

const GROUP_GAP = 26;
const MARGIN_TOP = 8;

export function barLayout(bars: readonly Bar[], labelChars: number) {
	const groups = [...new Set(bars.map((b) => b.group ?? ''))];
	let y = MARGIN_TOP;
	const rows: Row[] = [];
	const heads: { name: string; y: number }[] = [];
	groups.forEach((g, gi) => {
		if (g) {
			heads.push({ name: g, y: y + 4 });
			y += GROUP_GAP;
		}
		for (const b of bars.filter((b) => (b.group ?? '') === g)) {
			const lines = wrap(b.label, labelChars);
			const height = Math.max(24, lines.length * LINE + 9);
			rows.push({ ...b, top: y, height, lines, color: series(gi) });
			y += height;
		}
	});
	return { rows, heads, bottom: y };
}

export function barSpec(bars: readonly Bar[], o: BarOptions): Plot.PlotOptions {
	const { width, hooks = true } = o;
	const narrow = width < 480;
	const labelChars = narrow ? 14 : 28;
	// Room for the longest label up to a line of labelChars (longer ones wrap), and for the longest word.
	const longestWord = largest(bars.flatMap((b) => b.label.split(/\s+/).map(textWidth)));
	const marginLeft = Math.max(longestWord, Math.min(textWidth('x'.repeat(labelChars)), largest(bars.map((b) => textWidth(b.label)), 40))) + 12;
	const marginRight = largest(bars.map((b) => textWidth(b.text)), 20) + 10;
	const { rows, heads, bottom } = barLayout(bars, labelChars);
	const marginBottom = 44;
	const height = bottom + marginBottom;
	const max = largest(bars.map((b) => b.value ?? 0));
	const plotWidth = width - marginLeft - marginRight;
	// Whole numbers only (counts of people) when asked, or when every value is whole.
	const integer = o.integer ?? bars.every((b) => b.value === null || Number.isInteger(b.value));
	const ticks = valueTicks(o.xMax ?? max, { count: Math.max(2, Math.min(5, Math.floor(plotWidth / 70))), integer, format: o.xTickFormat, fixedTop: o.xMax });
	const shown = rows.filter((r) => r.value !== null);
	const mid = (r: Row) => r.top + r.height / 2;

	return {
		width,
		height,
		marginLeft,
		marginRight,
		marginTop: MARGIN_TOP,
		marginBottom,
		x: { domain: [0, ticks.top], axis: null },
		y: { type: 'identity', axis: null },
		marks: [
			Plot.ruleX(ticks.values, { y1: MARGIN_TOP, y2: bottom, stroke: GRID }),
			Plot.axisX({ ticks: ticks.values, tickFormat: ticks.format, y: bottom, anchor: 'bottom', label: o.xLabel, labelAnchor: 'center', labelArrow: false, fill: AXIS, stroke: AXIS }),
			Plot.text(heads, { x: 0, y: 'y', text: 'name', frameAnchor: 'left', dx: -marginLeft + 8, textAnchor: 'start', lineAnchor: 'top', fill: TEXT, fontWeight: 700 }),
			Plot.text(rows, { x: 0, y: mid, text: (r: Row) => r.lines.join('\n'), dx: -8, textAnchor: 'end', fill: TEXT, ariaHidden: 'true' } as Plot.TextOptions),
			Plot.rectX(shown, {
				x1: 0,
				x2: 'value',
				y1: (r: Row) => r.top + 4,
				y2: (r: Row) => r.top + r.height - 4,
				fill: 'color',
				render: annotate(shown, (r) => ({ 'aria-hidden': 'true', ...(hooks ? { 'data-bar': r.key } : {}) }), { 'aria-hidden': 'true' })
			}),
			// The value after the bar; it carries the spoken label and the keyboard focus of the row.
			Plot.text(rows, {
				x: (r: Row) => r.value ?? 0,
				y: mid,
				text: 'text',
				dx: 6,
				textAnchor: 'start',
				fill: TEXT,
				render: annotate(
					rows,
					(r) => ({ role: 'listitem', tabindex: 0, 'aria-label': `${r.label}: ${r.text}`, ...(hooks ? { 'data-mark': 'bar', 'data-key': r.key, 'data-value': r.value ?? '' } : {}) }),
					{ role: 'list', 'aria-label': o.listLabel ?? o.xLabel }
				)
			})
		],
		color: { type: 'identity' }
	};
}
