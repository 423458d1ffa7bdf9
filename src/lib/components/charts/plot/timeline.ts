// The werkplannen timeline as a Plot spec: a row per werkplan with a bar for its running time and
// a mark per milestone, grouped (e.g. per driehoek), with a vertical line at the reference date.
// Milestones differ in shape as well as colour (WCAG 1.4.1): reached = filled circle, still to
// come = open diamond, overdue = filled triangle. Rows are laid out here in px (identity y), so a
// long werkplan title wraps onto a second line instead of being cut off.
import * as Plot from '@observablehq/plot';
import { MIJLPAAL_STIJL, shortDate, timeTickLabel, type TimelineMilestone, type TimelineRow } from '$lib/regiegroep/timeline';
import type { MijlpaalStaat } from '$lib/regiegroep/werkplannen';
import { annotate } from './render';
import { AXIS, GRID, LINE, TEXT, largest, textWidth, wrap } from './theme';

export interface TimelineOptions {
	width: number;
	/** YYYY-MM-DD: the date milestones are judged against */
	peildatum: string;
	listLabel?: string;
	hooks?: boolean;
}

export const SYMBOL: Record<MijlpaalStaat, string> = { gereed: 'circle', open: 'diamond2', verlopen: 'triangle2' };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fill = (staat: MijlpaalStaat) => `var(--bm-mijlpaal-${staat})`;
const stroke = (staat: MijlpaalStaat) => `var(--bm-mijlpaal-${staat}-stroke)`;

interface Placed extends TimelineRow {
	top: number;
	height: number;
	lines: string[];
}

export function timelineSpec(rows: readonly TimelineRow[], o: TimelineOptions): Plot.PlotOptions {
	const { width, peildatum, hooks = true } = o;
	const narrow = width < 480;
	const labelChars = narrow ? 14 : 34;
	// Room for a line of labelChars, or for the longest word where that is longer (it cannot wrap).
	const marginLeft = largest(rows.flatMap((r) => r.label.split(/\s+/).map(textWidth)), textWidth('x'.repeat(labelChars))) + 14;
	const marginRight = narrow ? 16 : 40;
	const marginTop = 34;
	const groups = [...new Set(rows.map((r) => r.group ?? ''))];
	let y = marginTop;
	const placed: Placed[] = [];
	const heads: { name: string; y: number }[] = [];
	for (const g of groups) {
		if (g) {
			heads.push({ name: g, y: y + 6 });
			y += 28;
		}
		for (const r of rows.filter((r) => (r.group ?? '') === g)) {
			const lines = wrap(r.label, labelChars);
			const height = Math.max(30, lines.length * LINE + 12);
			placed.push({ ...r, top: y, height, lines });
			y += height;
		}
	}
	const bottom = y;
	const legend = Object.entries(MIJLPAAL_STIJL) as [MijlpaalStaat, (typeof MIJLPAAL_STIJL)[MijlpaalStaat]][];
	const legendRows = narrow ? legend.length : 1;
	const marginBottom = 40 + legendRows * 20;
	const height = bottom + marginBottom;

	const dates = [peildatum, ...rows.flatMap((r) => [r.start, r.eind, ...r.milestones.map((m) => m.datum)])].filter((d): d is string => d !== null).sort();
	const mid = (r: Placed) => r.top + r.height / 2;
	const milestones = placed.flatMap((r) => r.milestones.map((m) => ({ ...m, row: r })));
	const legendItems = legend.map(([staat, s], i) => ({ staat, label: s.label, col: narrow ? 0 : i, line: narrow ? i : 0 }));
	const legendY = (d: { line: number }) => bottom + 44 + d.line * 20;
	const legendX = (d: { col: number }) => d.col * 170 + (narrow ? 0 : marginLeft - 14);
	const tickCount = Math.max(2, Math.floor((width - marginLeft - marginRight) / 90));

	return {
		width,
		height,
		marginLeft,
		marginRight,
		marginTop,
		marginBottom,
		x: { type: 'utc', domain: [day(dates[0]), day(dates[dates.length - 1])], nice: true, axis: null },
		y: { type: 'identity', axis: null },
		color: { type: 'identity' },
		marks: [
			Plot.gridX({ ticks: tickCount, y1: marginTop - 6, y2: bottom, stroke: GRID, strokeOpacity: 1 }),
			Plot.axisX({ ticks: tickCount, tickFormat: timeTickLabel, y: bottom, anchor: 'bottom', tickSize: 0, label: null, fill: AXIS }),
			Plot.ruleX([peildatum], { x: day, y1: marginTop - 14, y2: bottom, stroke: TEXT, strokeWidth: 1.5, strokeDasharray: '4 3', render: hooks ? annotate([peildatum], (d) => ({ 'data-peildatum': d })) : undefined }),
			Plot.text([peildatum], { x: day, y: marginTop - 18, text: (d: string) => `peildatum ${shortDate(d)}`, fill: TEXT, fontWeight: 600, textAnchor: narrow ? 'end' : 'middle' }),
			Plot.text(heads, { y: 'y', frameAnchor: 'left', dx: -marginLeft + 8, text: 'name', textAnchor: 'start', lineAnchor: 'top', fill: TEXT, fontWeight: 700 } as Plot.TextOptions),
			Plot.text(placed, { frameAnchor: 'left', y: mid, dx: -10, text: (r: Placed) => r.lines.join('\n'), textAnchor: 'end', fill: TEXT, ariaHidden: 'true' } as Plot.TextOptions),
			Plot.rectX(placed, {
				x1: (r: Placed) => (r.start ? day(r.start) : day(dates[0])),
				x2: (r: Placed) => (r.eind ? day(r.eind) : day(dates[dates.length - 1])),
				y1: (r: Placed) => mid(r) - 6,
				y2: (r: Placed) => mid(r) + 6,
				fill: 'var(--bm-timeline-bar)',
				stroke: 'var(--bm-timeline-bar-stroke)',
				render: annotate(placed, (r) => ({
					role: 'listitem',
					tabindex: 0,
					'aria-label': `${r.label}: looptijd ${r.start ? shortDate(r.start) : 'onbekend'} tot ${r.eind ? shortDate(r.eind) : 'onbekend'}`,
					...(hooks ? { 'data-mark': 'looptijd', 'data-row': r.key } : {})
				}), { role: 'list', 'aria-label': `${o.listLabel ?? 'Werkplannen'}: looptijden` })
			}),
			Plot.dot(milestones, {
				x: (m: TimelineMilestone) => day(m.datum),
				y: (m: { row: Placed }) => mid(m.row),
				symbol: (m: TimelineMilestone) => SYMBOL[m.staat],
				r: 6,
				fill: (m: TimelineMilestone) => fill(m.staat),
				stroke: (m: TimelineMilestone) => stroke(m.staat),
				strokeWidth: 1.5,
				render: annotate(milestones, (m) => ({
					role: 'listitem',
					tabindex: 0,
					'aria-label': `${m.row.label}, mijlpaal ${m.label}: ${m.text}`,
					...(hooks ? { 'data-mark': 'mijlpaal', 'data-staat': m.staat, 'data-key': m.key } : {})
				}), { role: 'list', 'aria-label': `${o.listLabel ?? 'Werkplannen'}: mijlpalen` })
			}),
			// The legend: shape and colour per state, under the axis (one line each on a narrow screen).
			...legendItems.flatMap((d) => [
				Plot.dot([d], { frameAnchor: 'left', y: legendY, dx: legendX(d) - marginLeft + 14, symbol: () => SYMBOL[d.staat], r: 6, fill: () => fill(d.staat), stroke: () => stroke(d.staat), strokeWidth: 1.5, ariaHidden: 'true' } as Plot.DotOptions),
				Plot.text([d], { frameAnchor: 'left', y: legendY, dx: legendX(d) - marginLeft + 26, text: 'label', textAnchor: 'start', fill: TEXT, ariaHidden: 'true' } as Plot.TextOptions)
			])
		],
		symbol: { type: 'identity' }
	};
}
