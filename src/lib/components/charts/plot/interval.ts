// Differences with their 95% interval as a Plot spec: a row each around a line at 0, a bar with end
// caps for the interval and a dot for the estimate, the verdict in words beside it (wide) or under
// it (narrow). An interval that includes 0 (verdict "geen") is grey with an open dot, so the
// verdict does not depend on colour alone. The axis is symmetric around 0 with evenly spaced,
// signed ticks; `extent` gives several charts one common axis (the wijken of a report).
import * as Plot from '@observablehq/plot';
import type { IntervalRow } from '../interval';
import { annotate } from './render';
import { ROW_TEXT, layoutRows, rowLabels, type PlacedRow } from './rows';
import { signedTicks } from './signed';
import { AXIS, BACKGROUND, GRID, HIGHLIGHT, LINE, REFERENCE, TEXT, largest, textWidth, wrap } from './theme';

export interface IntervalOptions {
	width: number;
	/** axis title, e.g. "Verschil in gemiddelde score (punten)" */
	xLabel: string;
	/** what a negative and a positive difference mean, at the two ends of the axis */
	ends?: [string, string];
	/** the axis reaches at least ±extent: the same axis for charts that are compared */
	extent?: number;
	listLabel: string;
	hooks?: boolean;
}

const BAND = 16;
const MUTED = 'var(--bm-chart-muted)';

/** The largest distance from 0 of any interval end: what an axis must show. */
export function intervalExtent(rows: readonly Pick<IntervalRow, 'interval'>[]): number {
	return largest(rows.flatMap((r) => (r.interval ? [Math.abs(r.interval.lo), Math.abs(r.interval.hi)] : [])));
}

/**
 * A symmetric axis around 0 that holds ±extent (at least ±0,5 points), with evenly spaced ticks.
 * The tick count depends on the variant only, never on the labels beside the plot: charts given
 * the same extent then get the very same axis.
 */
export function intervalAxis(extent: number, narrow: boolean) {
	const e = Math.max(0.5, extent);
	return signedTicks(-e, e, { count: narrow ? 4 : 6 });
}

export function intervalSpec(rows: readonly IntervalRow[], o: IntervalOptions): Plot.PlotOptions {
	const { width, hooks = true } = o;
	const narrow = width < 480;
	const labelChars = narrow ? Math.floor((width - 16) / 6.8) : 24;
	const noteChars = narrow ? labelChars : 34;
	const longestWord = largest(rows.flatMap((r) => r.label.split(/\s+/).map(textWidth)));
	const labelColumn = narrow ? 0 : Math.max(longestWord, Math.min(textWidth('x'.repeat(labelChars)), largest(rows.map((r) => textWidth(r.label)), 40))) + 18;
	const noteColumn = narrow ? 0 : largest(rows.flatMap((r) => wrap(r.text, noteChars).map(textWidth)), 40) + 24;
	const axis = intervalAxis(o.extent ?? intervalExtent(rows), narrow);
	// The first and last tick labels are centred on the axis ends: room for their halves.
	const edge = (v: number) => Math.ceil(textWidth(axis.format(v)) / 2) + 4;
	const marginLeft = Math.max(labelColumn, 12, edge(axis.domain[0]));
	const marginRight = Math.max(noteColumn, 12, edge(axis.domain[1]));
	const plotWidth = width - marginLeft - marginRight;
	// The ends of the axis above the rows: on one line when both fit, else on two.
	const ends = o.ends ? [`← ${o.ends[0]}`, `${o.ends[1]} →`] : [];
	const endLines = ends.length === 0 ? 0 : textWidth(ends.join('')) + 24 <= plotWidth ? 1 : 2;
	const marginTop = 8 + endLines * LINE + 6;
	const layout = layoutRows(rows, { top: marginTop, narrow, labelChars, band: BAND, note: (r) => r.text, noteChars });
	const placed = layout.rows;
	const bottom = layout.bottom;
	const titleLines = wrap(o.xLabel, Math.floor(plotWidth / 6.8));
	const marginBottom = 30 + titleLines.length * LINE + 6;
	const height = bottom + marginBottom;
	const [x0, x1] = axis.domain;

	type P = PlacedRow<IntervalRow>;
	const significant = (p: P) => p.row.interval !== null && p.row.interval.oordeel !== 'geen';
	const ink = (p: P) => (significant(p) ? HIGHLIGHT : MUTED);
	const drawn = placed.filter((p) => p.row.interval !== null);
	const iv = (p: P) => p.row.interval!;

	return {
		width,
		height,
		marginLeft,
		marginRight,
		marginTop,
		marginBottom,
		x: { domain: axis.domain, axis: null },
		y: { type: 'identity', axis: null },
		color: { type: 'identity' },
		marks: [
			Plot.ruleX(axis.values.filter((v) => v !== 0), { y1: marginTop - 4, y2: bottom, stroke: GRID }),
			Plot.ruleX([0], { y1: marginTop - 4, y2: bottom, stroke: TEXT, strokeWidth: 1.5 }),
			Plot.axisX({ ticks: axis.values, tickFormat: axis.format, y: bottom, anchor: 'bottom', label: null, fill: AXIS, stroke: AXIS }),
			Plot.text([titleLines.join('\n')], { x: (x0 + x1) / 2, y: bottom + 30, text: (d: string) => d, lineAnchor: 'top', fill: AXIS }),
			...(ends.length
				? [
						Plot.text([ends[0]], { x: x0, y: 8, text: (d: string) => d, textAnchor: 'start', lineAnchor: 'top', fill: AXIS }),
						Plot.text([ends[1]], { x: x1, y: 8 + (endLines - 1) * LINE, text: (d: string) => d, textAnchor: 'end', lineAnchor: 'top', fill: AXIS })
					]
				: []),
			// The interval: a bar with a cap at each end; grey when it includes 0.
			Plot.ruleY(drawn, { y: 'mid', x1: (p: P) => iv(p).lo, x2: (p: P) => iv(p).hi, stroke: ink, strokeWidth: 4 }),
			Plot.ruleX(drawn, { x: (p: P) => iv(p).lo, y1: (p: P) => p.mid - 6, y2: (p: P) => p.mid + 6, stroke: ink, strokeWidth: 2 }),
			Plot.ruleX(drawn, { x: (p: P) => iv(p).hi, y1: (p: P) => p.mid - 6, y2: (p: P) => p.mid + 6, stroke: ink, strokeWidth: 2 }),
			Plot.dot(drawn, { x: (p: P) => iv(p).verschil, y: 'mid', r: 5.5, fill: (p: P) => (significant(p) ? HIGHLIGHT : BACKGROUND), stroke: (p: P) => (significant(p) ? HIGHLIGHT : REFERENCE), strokeWidth: 2 }),
			// The verdict in words: beside the marks (wide) or under them (narrow); bold when significant.
			Plot.text(placed, {
				frameAnchor: narrow ? 'left' : 'right',
				y: 'noteY',
				dx: narrow ? -(marginLeft - 4) : 10,
				text: (p: P) => p.note.join('\n'),
				...ROW_TEXT,
				textAnchor: 'start',
				lineAnchor: narrow ? 'top' : 'middle',
				fill: TEXT,
				render: annotate(placed, (p) => ({ 'aria-hidden': 'true', 'font-weight': significant(p) ? 700 : undefined }))
			} as Plot.TextOptions),
			rowLabels(placed, {
				narrow,
				marginLeft,
				listLabel: o.listLabel,
				fontWeight: narrow ? 600 : undefined,
				attributes: (p) => ({
					'aria-label': `${p.row.label}: ${p.row.text}${p.row.detail ? ` (${p.row.detail})` : ''}`,
					...(hooks ? { 'data-mark': 'interval', 'data-key': p.row.key, 'data-oordeel': p.row.interval?.oordeel ?? 'onbekend' } : {})
				})
			})
		]
	};
}
