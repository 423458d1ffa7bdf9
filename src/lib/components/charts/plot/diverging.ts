// Diverging stacked bars of Likert answers as a Plot spec: disagreement left of the centre line,
// agreement right of it, the neutral answer split over both, each segment wide enough carrying its
// percentage. Answers in a hidden category (a small count) are one hatched segment in a column of
// their own, never among the bars. The mean and n sit in a column right of that (wide) or on a
// line under the bar (narrow), so the two never overlap. The scale is fixed at 100% each way, so
// rows and charts compare; it needs no numeric axis (the segments say their share, the table has
// every number), only the centre line and which side is which.
import * as Plot from '@observablehq/plot';
import type { DivergingRow } from '$lib/surveys/types';
import { likertColors, type LikertColor } from '../likert';
import { annotate } from './render';
import { ROW_TEXT, layoutRows, rowLabels, type PlacedRow } from './rows';
import { AXIS, GRID, LINE, TEXT, largest, textWidth } from './theme';

export interface DivergingOptions {
	width: number;
	/** the scale's labels, lowest first (odd count: the middle one is neutral) */
	categories: readonly string[];
	/** id of the hatch pattern of hidden answers: unique in the page (each variant has its own) */
	patternId: string;
	listLabel: string;
	/** "12%" */
	shareFormat?: (share: number) => string;
	hooks?: boolean;
}

export interface Segment {
	/** 1-based answer score */
	score: number;
	label: string;
	/** ends on the scale, -1 (all disagree) to 1 (all agree) */
	x0: number;
	x1: number;
	share: number;
	color: LikertColor;
}

const BAND = 20;
/** The hidden share: a hatched bar of at most HIDDEN_MAX px, its percentage after it. */
const HIDDEN_MAX = 50;
const SWATCH = 14;

/** Segments from the centre outwards: the neutral half each way, then the next, up to the extreme answers. */
export function segments(shares: readonly (number | null)[], categories: readonly string[]): Segment[] {
	const colors = likertColors(categories.length);
	const mid = (categories.length - 1) / 2;
	const out: Segment[] = [];
	let left = 0;
	let right = 0;
	const neutral = categories.length % 2 === 1 ? shares[mid] : null;
	if (neutral !== null && neutral !== undefined && neutral > 0) {
		out.push({ score: mid + 1, label: categories[mid], x0: -neutral / 2, x1: neutral / 2, share: neutral, color: colors[mid] });
		left = right = neutral / 2;
	}
	for (let i = Math.ceil(mid) - 1; i >= 0; i--) {
		const s = shares[i];
		if (s === null || s <= 0) continue;
		out.push({ score: i + 1, label: categories[i], x0: -left - s, x1: -left, share: s, color: colors[i] });
		left += s;
	}
	for (let i = Math.floor(mid) + 1; i < categories.length; i++) {
		const s = shares[i];
		if (s === null || s <= 0) continue;
		out.push({ score: i + 1, label: categories[i], x0: right, x1: right + s, share: s, color: colors[i] });
		right += s;
	}
	return out;
}

/** Legend items placed in lines that fit `width` px (starting at `x0`). */
export function legendLayout(items: readonly { label: string }[], x0: number, width: number): { x: number; line: number }[] {
	let x = x0;
	let line = 0;
	return items.map((it) => {
		const w = SWATCH + 6 + textWidth(it.label) + 16;
		if (x > x0 && x + w > width) {
			x = x0;
			line++;
		}
		const placed = { x, line };
		x += w;
		return placed;
	});
}

export function divergingSpec(rows: readonly DivergingRow[], o: DivergingOptions): Plot.PlotOptions {
	const { width, categories, hooks = true, shareFormat = (s: number) => `${Math.round(s * 100)}%` } = o;
	const narrow = width < 480;
	const colors = likertColors(categories.length);
	const anyHidden = rows.some((r) => !r.empty && (r.hidden > 0 || r.shares.some((s) => s === null)));
	const hidden = (r: DivergingRow) => (!r.empty && r.hidden > 0 ? r.hidden : 0);
	const hiddenText = (r: DivergingRow) => `afgeschermd ${shareFormat(hidden(r))}`;
	// Narrow: the note line under the bar also says what is hidden.
	const note = (r: DivergingRow) => (narrow ? [r.note, hidden(r) ? hiddenText(r) : undefined].filter(Boolean).join(' · ') || undefined : r.note);

	const labelChars = narrow ? Math.floor((width - 16) / 6.8) : 22;
	const longestWord = largest(rows.flatMap((r) => r.label.split(/\s+/).map(textWidth)));
	const marginLeft = narrow ? 12 : Math.max(longestWord, Math.min(textWidth('x'.repeat(labelChars)), largest(rows.map((r) => textWidth(r.label)), 40))) + 18;
	// Wide, right of the bars: the hidden column (bar and percentage), then the note column.
	const hiddenColumn = !narrow && rows.some((r) => hidden(r) > 0) ? HIDDEN_MAX + 6 + textWidth('100%') + 12 : 0;
	const noteWidth = narrow ? 0 : largest(rows.map((r) => textWidth(r.note ?? '')));
	const marginRight = narrow ? 12 : 16 + hiddenColumn + noteWidth + 8;
	const plotWidth = width - marginLeft - marginRight;

	// The legend at the top: colours with their labels, and the hatching when some answers are hidden.
	const legendItems = [
		...categories.map((label, i) => ({ label, fill: colors[i].fill })),
		...(anyHidden ? [{ label: 'afgeschermd (klein aantal)', fill: `url(#${o.patternId})` }] : [])
	];
	const legendX0 = narrow ? 4 : marginLeft;
	const legendPlaces = legendLayout(legendItems, legendX0, width - 8);
	const legendLines = largest(legendPlaces.map((p) => p.line)) + 1;
	const legend = legendItems.map((it, i) => ({ ...it, ...legendPlaces[i], y: 8 + legendPlaces[i].line * 20 + SWATCH / 2 }));
	const marginTop = 8 + legendLines * 20 + 6;

	const layout = layoutRows(rows, { top: marginTop, narrow, labelChars, band: BAND, note, noteChars: labelChars });
	const placed = layout.rows;
	const bottom = layout.bottom;
	const marginBottom = 8 + LINE + 8;
	const height = bottom + marginBottom;
	const halfPx = plotWidth / 2;

	type P = PlacedRow<DivergingRow>;
	const drawn = placed.filter((p) => !p.row.empty);
	const segs = drawn.flatMap((p) => segments(p.row.shares, categories).map((s) => ({ ...s, p })));
	type S = (typeof segs)[number];
	const labelled = segs.filter((s) => (s.x1 - s.x0) * halfPx >= textWidth(shareFormat(s.share)) + 8);
	const empties = placed.filter((p) => p.row.empty);
	const withHidden = narrow ? [] : drawn.filter((p) => hidden(p.row) > 0);
	const hiddenPx = (p: P) => Math.min(HIDDEN_MAX, Math.max(1, hidden(p.row) * halfPx));
	// Marks right of the bars sit in the right margin: px converted to the scale (1 px = `unit`).
	const unit = 2 / plotWidth;
	const toX = (px: number) => -1 + (px - marginLeft) * unit;
	const hiddenX = 1 + 16 * unit;
	const noteDx = 16 + hiddenColumn;
	const top = (p: P) => p.mid - BAND / 2;

	function spoken(r: DivergingRow): string {
		if (r.empty) return `${r.label}: ${r.empty}`;
		const parts = categories.map((c, i) => `${c} ${r.shares[i] === null ? 'afgeschermd' : shareFormat(r.shares[i]!)}`);
		if (r.hidden > 0) parts.push(`afgeschermd samen ${shareFormat(r.hidden)}`);
		return `${r.label}: ${parts.join(', ')}${r.note ? `; ${r.note}` : ''}`;
	}

	// The hatch pattern of hidden answers, in the theme's colours (a mark that draws only <defs>).
	const hatch: Plot.RenderFunction = (_index, _scales, _values, _dimensions, context) => {
		const ns = 'http://www.w3.org/2000/svg';
		const doc = context.document;
		const defs = doc.createElementNS(ns, 'defs');
		const pattern = doc.createElementNS(ns, 'pattern');
		for (const [k, v] of Object.entries({ id: o.patternId, patternUnits: 'userSpaceOnUse', width: '6', height: '6', patternTransform: 'rotate(45)' })) pattern.setAttribute(k, v);
		const rect = doc.createElementNS(ns, 'rect');
		for (const [k, v] of Object.entries({ width: '6', height: '6', fill: 'var(--bm-chart-hidden)' })) rect.setAttribute(k, v);
		const line = doc.createElementNS(ns, 'line');
		for (const [k, v] of Object.entries({ x1: '0', y1: '0', x2: '0', y2: '6', stroke: 'var(--bm-chart-muted)', 'stroke-width': '2' })) line.setAttribute(k, v);
		pattern.append(rect, line);
		defs.append(pattern);
		return defs as unknown as SVGElement;
	};

	return {
		width,
		height,
		marginLeft,
		marginRight,
		marginTop,
		marginBottom,
		x: { domain: [-1, 1], axis: null },
		y: { type: 'identity', axis: null },
		color: { type: 'identity' },
		marks: [
			...(anyHidden ? [hatch] : []),
			Plot.dot(legend, { x: (d: { x: number }) => toX(d.x + SWATCH / 2), y: 'y', symbol: 'square', r: SWATCH / 2, fill: 'fill', stroke: 'var(--bm-chart-reference)', strokeWidth: 0.5, ariaHidden: 'true' } as Plot.DotOptions),
			Plot.text(legend, { x: (d: { x: number }) => toX(d.x + SWATCH + 6), y: 'y', text: 'label', textAnchor: 'start', fill: TEXT, ariaHidden: 'true' } as Plot.TextOptions),
			Plot.ruleX([-1, -0.5, 0.5, 1], { y1: marginTop - 4, y2: bottom, stroke: GRID }),
			Plot.ruleX([0], { y1: marginTop - 4, y2: bottom, stroke: TEXT, strokeWidth: 1.5 }),
			Plot.text(['← oneens'], { x: 0, y: bottom + 8, dx: -6, text: (d: string) => d, textAnchor: 'end', lineAnchor: 'top', fill: AXIS }),
			Plot.text(['eens →'], { x: 0, y: bottom + 8, dx: 6, text: (d: string) => d, textAnchor: 'start', lineAnchor: 'top', fill: AXIS }),
			Plot.text(layout.heads, { frameAnchor: 'left', y: 'y', dx: -(marginLeft - 4), text: 'name', textAnchor: 'start', lineAnchor: 'top', fill: TEXT, fontWeight: 700 } as Plot.TextOptions),
			Plot.rect(empties, { x1: -1, x2: 1, y1: top, y2: (p: P) => top(p) + BAND, fill: 'var(--bm-chart-empty)' }),
			Plot.text(empties, { x: -1, y: 'mid', dx: 6, text: (p: P) => p.row.empty, textAnchor: 'start', fill: AXIS, fontStyle: 'italic', ariaHidden: 'true' } as Plot.TextOptions),
			Plot.rect(segs, {
				x1: 'x0',
				x2: 'x1',
				y1: (s: S) => top(s.p),
				y2: (s: S) => top(s.p) + BAND,
				fill: (s: S) => s.color.fill,
				stroke: 'var(--bm-chart-background)',
				strokeWidth: 1,
				render: annotate(segs, (s) => ({ 'aria-hidden': 'true', ...(hooks ? { 'data-mark': 'segment', 'data-row': s.p.row.key, 'data-score': s.score, 'data-share': s.share } : {}) }), { 'aria-hidden': 'true' })
			}),
			Plot.text(labelled, { x: (s: S) => (s.x0 + s.x1) / 2, y: (s: S) => s.p.mid, text: (s: S) => shareFormat(s.share), fill: (s: S) => s.color.text, ariaHidden: 'true' } as Plot.TextOptions),
			// The hidden share in its own column right of the bars (wide only: narrow says it in words).
			Plot.rect(withHidden, {
				x1: hiddenX,
				x2: (p: P) => hiddenX + hiddenPx(p) * unit,
				y1: top,
				y2: (p: P) => top(p) + BAND,
				fill: `url(#${o.patternId})`,
				stroke: 'var(--bm-chart-muted)',
				strokeWidth: 0.5,
				render: annotate(withHidden, (p) => ({ 'aria-hidden': 'true', ...(hooks ? { 'data-mark': 'hidden', 'data-row': p.row.key, 'data-share': hidden(p.row) } : {}) }), { 'aria-hidden': 'true' })
			}),
			Plot.text(withHidden, { x: (p: P) => hiddenX + (hiddenPx(p) + 4) * unit, y: 'mid', text: (p: P) => shareFormat(hidden(p.row)), textAnchor: 'start', fill: AXIS, ariaHidden: 'true' } as Plot.TextOptions),
			Plot.text(placed, {
				frameAnchor: narrow ? 'left' : 'right',
				y: 'noteY',
				dx: narrow ? -(marginLeft - 4) : noteDx,
				text: (p: P) => p.note.join('\n'),
				...ROW_TEXT,
				textAnchor: 'start',
				lineAnchor: narrow ? 'top' : 'middle',
				fill: TEXT,
				ariaHidden: 'true'
			} as Plot.TextOptions),
			rowLabels(placed, {
				narrow,
				marginLeft,
				listLabel: o.listLabel,
				attributes: (p) => ({ 'aria-label': spoken(p.row), ...(hooks ? { 'data-mark': 'row', 'data-key': p.row.key } : {}) })
			})
		]
	};
}
