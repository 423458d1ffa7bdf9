// The forest plot as a Plot spec: a row per estimate (a ratio, drawn as the change in percent it
// means) with its 95% interval, a dashed line at "no change", and the pooled estimate as a diamond
// over its interval in the last row. The axis is linear in percent with evenly spaced, signed
// ticks (−50%, −25%, 0%, +25%), because readers compare percentages, not log ratios. An interval
// reaching past +MAX_PCT ends in an arrow at the edge rather than squeezing every other row. An
// estimate without an interval is a point marked "geen interval"; a row without an estimate states
// why. Labels wrap (wide: in a column left of the marks; narrow: above them), never cut off.
import * as Plot from '@observablehq/plot';
import { annotate } from './render';
import { ROW_TEXT, layoutRows, rowLabels, type PlacedRow } from './rows';
import { signedTicks } from './signed';
import { AXIS, GRID, HIGHLIGHT, LINE, TEXT, largest, textWidth, wrap } from './theme';

export interface ForestRow {
	key: string;
	label: string;
	/** ratio (DiD); null when there is no estimate */
	value: number | null;
	low: number | null;
	high: number | null;
	/** spoken text: the estimate or the reason there is none */
	text: string;
	overall?: boolean;
}

export interface ForestOptions {
	width: number;
	/** what the rows are, spoken as the name of their list (the chart title) */
	listLabel: string;
	hooks?: boolean;
}

/** The axis ends here; an interval beyond it ends in an arrow. */
export const MAX_PCT = 300;
const BAND = 18;
const DIAMOND = 8;

/** Ratio to change in percent: 0.64 → −36. */
export const pctOf = (ratio: number) => (ratio - 1) * 100;

/** The axis: from the data (at least −25% to +25%), capped at +MAX_PCT, with evenly spaced ticks. */
export function forestAxis(rows: readonly ForestRow[], plotWidth: number) {
	const xs = rows.flatMap((r) => [r.low, r.high, r.value]).filter((v): v is number => v !== null && v > 0).map(pctOf);
	const lo = -largest(xs.map((x) => -x), 25);
	const hi = Math.min(MAX_PCT, largest(xs, 25));
	return signedTicks(lo, hi, { count: Math.max(3, Math.floor(plotWidth / 75)), unit: '%' });
}

export function forestSpec(all: readonly ForestRow[], o: ForestOptions): Plot.PlotOptions {
	const { width, hooks = true } = o;
	const narrow = width < 480;
	const labelChars = narrow ? Math.floor((width - 16) / 6.8) : 36;
	const longestWord = largest(all.flatMap((r) => r.label.split(/\s+/).map(textWidth)));
	const labelColumn = narrow ? 0 : Math.max(longestWord, Math.min(textWidth('x'.repeat(labelChars)), largest(all.map((r) => textWidth(r.label)), 60))) + 18;
	// The first and last tick labels are centred on the axis ends: room for their halves.
	const edge = (v: number) => Math.ceil(textWidth(axis.format(v)) / 2) + 4;
	const axis = forestAxis(all, width - labelColumn - 24);
	const marginLeft = Math.max(labelColumn, 12, edge(axis.domain[0]));
	const marginRight = Math.max(narrow ? 12 : 24, edge(axis.domain[1]));
	const plotWidth = width - marginLeft - marginRight;
	const marginTop = 10;
	const layout = layoutRows(all, { top: marginTop, narrow, labelChars, band: BAND });
	const rows = layout.rows;
	const bottom = layout.bottom;
	const [x0, x1] = axis.domain;
	// "← minder" and "meer →" under the axis: on one line when both fit, else on two.
	const ends = ['← minder verwijzingen', 'meer verwijzingen →'];
	const endLines = textWidth(ends.join('')) + 24 <= plotWidth ? 1 : 2;
	const marginBottom = 30 + endLines * LINE + 8;
	const height = bottom + marginBottom;
	const clip = (pct: number) => Math.max(x0, Math.min(x1, pct));

	type P = PlacedRow<ForestRow>;
	const has = (r: ForestRow) => r.value !== null && r.value > 0;
	const withInterval = rows.filter((p) => has(p.row) && p.row.low !== null && p.row.high !== null);
	const lines = withInterval.filter((p) => !p.row.overall);
	const diamonds = withInterval.filter((p) => p.row.overall);
	// A point: every estimate but a pooled one drawn as a diamond.
	const points = rows.filter((p) => has(p.row) && !diamonds.includes(p));
	const bare = rows.filter((p) => has(p.row) && !withInterval.includes(p));
	const reasons = rows.filter((p) => !has(p.row));
	const beyond = lines.filter((p) => pctOf(p.row.high!) > x1);
	const reasonChars = Math.max(12, Math.floor((plotWidth - 8) / 6.8));
	const overallTop = rows.find((p) => p.row.overall)?.top;

	const diamondPoints = diamonds.flatMap((p) => {
		const [lo, v, hi] = [pctOf(p.row.low!), pctOf(p.row.value!), pctOf(p.row.high!)].map(clip);
		return [
			{ key: p.row.key, x: lo, y1: p.mid, y2: p.mid },
			{ key: p.row.key, x: v, y1: p.mid - DIAMOND, y2: p.mid + DIAMOND },
			{ key: p.row.key, x: hi, y1: p.mid, y2: p.mid }
		];
	});

	return {
		width,
		height,
		marginLeft,
		marginRight,
		marginTop,
		marginBottom,
		x: { domain: axis.domain, axis: null },
		y: { type: 'identity', axis: null },
		marks: [
			Plot.ruleX(axis.values.filter((v) => v !== 0), { y1: marginTop, y2: bottom, stroke: GRID }),
			Plot.ruleX([0], { y1: marginTop, y2: bottom, stroke: AXIS, strokeDasharray: '4 3' }),
			Plot.axisX({ ticks: axis.values, tickFormat: axis.format, y: bottom, anchor: 'bottom', label: null, fill: AXIS, stroke: AXIS }),
			Plot.text([ends[0]], { x: x0, y: bottom + 30, text: (d: string) => d, textAnchor: 'start', lineAnchor: 'top', fill: AXIS }),
			Plot.text([ends[1]], { x: x1, y: bottom + 30 + (endLines - 1) * LINE, text: (d: string) => d, textAnchor: 'end', lineAnchor: 'top', fill: AXIS }),
			// The pooled estimate is set apart by a line across the whole chart.
			...(overallTop !== undefined ? [Plot.ruleY([overallTop], { x1: x0, x2: x1, insetLeft: -(marginLeft - 8), stroke: AXIS })] : []),
			Plot.ruleY(lines, { y: 'mid', x1: (p: P) => clip(pctOf(p.row.low!)), x2: (p: P) => clip(pctOf(p.row.high!)), stroke: TEXT, strokeWidth: 1.5 }),
			Plot.dot(beyond, { x: x1, y: 'mid', symbol: 'triangle2', rotate: 90, r: 4, fill: TEXT }),
			Plot.areaY(diamondPoints, { x: 'x', y1: 'y1', y2: 'y2', z: 'key', fill: HIGHLIGHT, stroke: TEXT, curve: 'linear' }),
			Plot.dot(points, {
				x: (p: P) => pctOf(p.row.value!),
				y: 'mid',
				symbol: 'square',
				r: 5,
				fill: HIGHLIGHT,
				...(hooks ? { render: annotate(points, (p) => (withInterval.includes(p) ? {} : { 'data-no-interval': 'true' })) } : {})
			}),
			Plot.text(bare, { x: (p: P) => pctOf(p.row.value!), y: 'mid', dx: 10, text: () => 'geen interval', textAnchor: 'start', fill: AXIS, fontStyle: 'italic', ...ROW_TEXT }),
			Plot.text(reasons, { x: x0, y: 'mid', dx: 6, text: (p: P) => wrap(p.row.text, reasonChars).join('\n'), textAnchor: 'start', fill: AXIS, fontStyle: 'italic', ...ROW_TEXT }),
			rowLabels(rows, {
				narrow,
				marginLeft,
				listLabel: o.listLabel,
				attributes: (p) => ({
					'aria-label': `${p.row.label}: ${p.row.text}`,
					'font-weight': p.row.overall ? 700 : undefined,
					...(hooks ? { 'data-mark': 'forest-row', 'data-key': p.row.key, 'data-value': p.row.value ?? '', 'data-overall': p.row.overall ? 'true' : undefined } : {})
				})
			})
		]
	};
}
