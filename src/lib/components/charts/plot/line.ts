// The line chart as a Plot spec: values per period for one or more series. Readable by default:
// the selected (or first) series in colour against the others in grey, a labelled rolling mean
// over monthly and quarterly series, ticks that never repeat, labels that wrap instead of being
// cut off, and past MAX_LINES series one panel per series (small multiples), each against the
// others in grey. Periods sit on a linear axis by their index, so bands and markers fall exactly
// on or between periods.
import * as Plot from '@observablehq/plot';
import type { LineSeries } from '../types';
import { annotate, annotateAll } from './render';
import { periodTicks, valueTicks } from './ticks';
import { rollingMean, rollingWindow } from './rolling';
import { AXIS, BAND, BACKGROUND, CONTEXT, GRID, HIGHLIGHT, LINE, REFERENCE, TEXT, TREND, largest, series as seriesColor, textWidth, wrap } from './theme';

/** More series than this become small multiples. */
export const MAX_LINES = 6;
/** In small multiples of more series than this, the others are a grey band, not lines. */
export const MAX_CONTEXT_LINES = 12;

export interface LineOptions {
	width: number;
	height?: number;
	xLabel: string;
	yLabel: string;
	xTickFormat?: (x: string) => string;
	yTickFormat?: (y: number) => string;
	/** the top of the y axis (a shared scale, a percentage) */
	yMax?: number;
	/** counts of people: whole-number ticks only (default: when every value is a whole number) */
	integer?: boolean;
	/** a small panel: no axis titles, no direct labels */
	compact?: boolean;
	/** focusable points with a spoken value (off for long series: use the table) */
	points?: boolean;
	/** shaded period ranges with a label */
	bands?: { from: string; to: string; label: string }[];
	/** vertical lines at a period with a label */
	markers?: { x: string; label: string }[];
	/** the key of the series to highlight; default the first that is not a reference */
	highlight?: string | null;
	/** draw every series in its own colour instead of one against grey (few series that are all equally of interest) */
	colorAll?: boolean;
	/** a rolling mean over monthly and quarterly series (default on) */
	smooth?: boolean;
	/** data-* hooks on marks (one variant of a chart carries them, so tests count each mark once) */
	hooks?: boolean;
}

interface Pt {
	i: number;
	x: string;
	y: number;
	text: string;
	key: string;
	name: string;
	fx?: number;
	fy?: number;
}

const DASH_REFERENCE = '5 4';

export function lineSpec(all: readonly LineSeries[], o: LineOptions): Plot.PlotOptions {
	const { width, xTickFormat = (x) => x, compact = false, points = true, bands = [], markers = [], smooth = true, hooks = true } = o;
	const xs = [...new Set(all.flatMap((s) => s.points.map((p) => p.x)))].sort();
	const index = new Map(xs.map((x, i) => [x, i]));
	const own = all.filter((s) => !s.reference);
	const highlight = o.colorAll ? null : (own.find((s) => s.key === o.highlight) ?? own[0])?.key ?? null;
	const max = largest(all.flatMap((s) => s.points.map((p) => p.y ?? 0)));
	// Whole-number ticks for counts: when asked, or when every value is a whole number.
	const integer = o.integer ?? all.every((s) => s.points.every((p) => p.y === null || Number.isInteger(p.y)));
	const y = valueTicks(o.yMax ?? max * 1.05, { count: compact ? 3 : 5, integer, format: o.yTickFormat, fixedTop: o.yMax });
	const multiples = !compact && own.length > MAX_LINES;
	// No rolling mean across an intervention (bands, markers): it would blend the windows compared.
	const window = smooth && bands.length === 0 && markers.length === 0 ? rollingWindow(xs) : null;
	const trendEnds: number[] = [];

	// Layout: one panel, or a grid of panels with the same scales (2 columns on a phone, 3 on a wide screen).
	const cols = multiples ? Math.max(2, Math.floor(width / 230)) : 1;
	const rows = multiples ? Math.ceil(own.length / cols) : 1;
	const labelled = !compact && !multiples;
	const labelChars = width < 480 ? 12 : 20;
	const marginRight = labelled ? Math.min(textWidth('x'.repeat(labelChars)) + 12, Math.round(width * 0.3)) : compact ? 12 : 16;
	const marginLeft = compact ? 36 : largest(y.values.map((v) => textWidth(y.format(v)))) + 22;
	const marginBottom = compact ? 24 : 50;
	const plotWidth = (width - marginLeft - marginRight - (cols - 1) * 16) / cols;
	// Small multiples: a title of one or two lines above each panel, a legend above them all.
	const titleChars = Math.max(8, Math.floor(plotWidth / 7));
	const titleLines = multiples ? largest(own.map((s) => Math.min(2, wrap(s.name, titleChars).length))) : 0;
	const gap = titleLines * LINE + 14;
	const aligned = (s: LineSeries) => xs.map((x) => ({ x, y: s.points.find((p) => p.x === x)?.y ?? null }));
	const trendOf = (s: LineSeries) => (window ? rollingMean(aligned(s), window.k) : []);
	const hasTrend = multiples && own.some((s) => trendOf(s).length >= 2);
	const asBand = multiples && own.length > MAX_CONTEXT_LINES;
	const legend = multiples ? multiplesLegend(width < 480, hasTrend ? window!.label : null, asBand) : [];
	const legendHeight = legend.length ? largest(legend.map((l) => l.line)) * LINE + LINE + 8 : 0;
	const marginTop = multiples ? legendHeight + gap : bands.length || markers.length ? 40 : compact ? 10 : 32;
	const panelHeight = multiples ? (width < 480 ? 110 : 140) : (o.height ?? (width < 480 ? 260 : 340));
	const height = multiples ? marginTop + marginBottom + rows * (panelHeight + gap) - gap : panelHeight;
	const xTicks = periodTicks(xs, plotWidth, largest(xs.map((x) => textWidth(xTickFormat(x)))) + 14).map((x) => index.get(x)!);

	const facetOf = new Map(own.map((s, n) => [s.key, { fx: n % cols, fy: Math.floor(n / cols) }]));
	const pts = (s: LineSeries, facet?: { fx: number; fy: number }): Pt[] =>
		s.points.filter((p) => p.y !== null).map((p) => ({ i: index.get(p.x)!, x: p.x, y: p.y as number, text: p.text, key: s.key, name: s.name, ...facet }));
	// A line breaks where a value is hidden: the point is there, with y undefined.
	const linePts = (s: LineSeries, facet?: { fx: number; fy: number }) =>
		s.points.map((p) => ({ i: index.get(p.x)!, y: p.y ?? undefined, key: s.key, ...facet }));
	const facetChannels = multiples ? { fx: 'fx', fy: 'fy' } : {};

	const marks: Plot.Markish[] = [];
	// Shaded periods and their labels.
	for (const b of bands) {
		marks.push(
			Plot.rectX([b], { x1: () => index.get(b.from)! - 0.5, x2: () => index.get(b.to)! + 0.5, fill: BAND, ...(hooks ? { render: annotate([b], () => ({ 'data-band': b.label })) } : {}) }),
			// Inside the band at its top: above the plot is the marker's label.
			Plot.text([b], { x: () => index.get(b.from)! - 0.5, frameAnchor: 'top', dy: 4, dx: 4, lineAnchor: 'top', textAnchor: 'start', text: () => b.label, fill: AXIS })
		);
	}
	marks.push(
		Plot.ruleY(y.values.filter((v) => v > 0), { stroke: GRID }),
		Plot.axisY({ className: 'bm-axis-y', ticks: y.values, tickFormat: y.format, tickSize: 0, label: compact || multiples ? null : o.yLabel, labelAnchor: 'top', labelArrow: false, fill: AXIS, ...(compact ? {} : { marginLeft }) }),
		Plot.axisX({ ticks: xTicks, tickFormat: (i: number) => xTickFormat(xs[i]), label: compact ? null : o.xLabel, labelAnchor: 'center', labelArrow: false, fill: AXIS, stroke: AXIS, ...(multiples ? {} : {}) }),
		Plot.ruleY([0], { stroke: AXIS })
	);
	for (const m of markers) {
		marks.push(
			Plot.ruleX([m], { x: () => index.get(m.x)!, stroke: TEXT, strokeWidth: 1.5, strokeDasharray: '2 2', ...(hooks ? { render: annotate([m], () => ({ 'data-marker': m.label })) } : {}) }),
			Plot.text([m], { x: () => index.get(m.x)!, frameAnchor: 'top', dy: -4, dx: 4, textAnchor: 'start', lineAnchor: 'bottom', text: () => m.label, fill: TEXT, fontWeight: 600 })
		);
	}

	const styleOf = (s: LineSeries, n: number) =>
		s.reference
			? { stroke: REFERENCE, strokeWidth: 1.75, strokeDasharray: DASH_REFERENCE }
			: highlight === null
				? { stroke: seriesColor(n), strokeWidth: 2.25 }
				: s.key === highlight || multiples
					? { stroke: HIGHLIGHT, strokeWidth: 2.5 }
					: { stroke: CONTEXT, strokeWidth: 1.25 };

	if (multiples && !asBand) {
		// Each panel: the other series in grey, then the references, then its own series on top.
		for (const [panel, f] of facetOf) {
			const others = own.filter((s) => s.key !== panel).flatMap((s) => linePts(s, f));
			marks.push(Plot.lineY(others, { x: 'i', y: 'y', z: 'key', stroke: CONTEXT, strokeWidth: 1, ...facetChannels, render: annotateAll({}, { 'data-context': 'lines' }) }));
		}
	} else if (asBand) {
		// Past MAX_CONTEXT_LINES series their lines would be a grey blur (and N x N paths): a band from
		// the lowest to the highest value of all series per period, the same in every panel.
		const spans = new Map<number, { i: number; lo: number; hi: number }>();
		for (const p of own.flatMap((s) => s.points)) {
			if (p.y === null) continue;
			const i = index.get(p.x)!;
			const r = spans.get(i);
			if (r) [r.lo, r.hi] = [Math.min(r.lo, p.y), Math.max(r.hi, p.y)];
			else spans.set(i, { i, lo: p.y, hi: p.y });
		}
		const band = [...spans.values()].sort((a, b) => a.i - b.i);
		marks.push(Plot.areaY(band, { x: 'i', y1: 'lo', y2: 'hi', fill: CONTEXT, fillOpacity: 0.35, render: annotateAll({}, { 'data-context': 'band', 'aria-hidden': 'true' }) }));
	}
	// Lines: context first, so the highlighted series and references are drawn over them.
	const ordered = [...all].sort((a, b) => rank(a) - rank(b));
	function rank(s: LineSeries) {
		return s.reference ? 1 : highlight !== null && s.key !== highlight && !multiples ? 0 : 2;
	}
	for (const s of ordered) {
		const n = own.indexOf(s);
		const facets = multiples ? (s.reference ? [...facetOf.values()] : [facetOf.get(s.key)!]) : [undefined];
		const data = facets.flatMap((f) => linePts(s, f));
		marks.push(
			Plot.lineY(data, {
				x: 'i',
				y: 'y',
				...styleOf(s, n),
				...facetChannels,
				render: annotateAll(hooks ? { 'data-mark': 'line' } : {}, { 'data-series': hooks ? s.key : undefined, 'aria-hidden': 'true' })
			})
		);
	}

	// The rolling mean over the highlighted series (or each panel's own), labelled at its end.
	if (window && !compact) {
		const smoothed = own.filter((s) => multiples || s.key === highlight || (highlight === null && own.length === 1));
		for (const s of smoothed) {
			const mean = trendOf(s);
			if (mean.length < 2) continue;
			const f = multiples ? facetOf.get(s.key) : undefined;
			const data = mean.map((p) => ({ i: index.get(p.x)!, y: p.y, ...f }));
			marks.push(Plot.lineY(data, { x: 'i', y: 'y', stroke: TREND, strokeWidth: 2, strokeDasharray: '6 3', ...facetChannels, render: annotateAll({}, { 'data-trend': hooks ? s.key : undefined, 'aria-hidden': 'true' }) }));
			if (!multiples) trendEnds.push(data[data.length - 1].y);
		}
	}

	// Focusable points with a spoken value, one list per series.
	if (points) {
		for (const s of ordered) {
			const facet = multiples ? (s.reference ? undefined : facetOf.get(s.key)) : undefined;
			if (multiples && !facet) continue;
			const data = pts(s, facet);
			if (data.length === 0) continue;
			const n = own.indexOf(s);
			const color = styleOf(s, n).stroke;
			marks.push(
				Plot.dot(data, {
					x: 'i',
					y: 'y',
					r: compact ? 2.5 : 3.5,
					fill: BACKGROUND,
					stroke: color,
					strokeWidth: 1.75,
					...facetChannels,
					title: (p: Pt) => `${p.name}, ${xTickFormat(p.x)}: ${p.text}`,
					render: annotate(
						data,
						(p) => ({ role: 'listitem', tabindex: 0, 'aria-label': `${p.name}, ${xTickFormat(p.x)}: ${p.text}`, ...(hooks ? { 'data-mark': 'point', 'data-x': p.x, 'data-value': p.y } : {}) }),
						{ role: 'list', 'aria-label': s.name, 'aria-hidden': undefined }
					)
				})
			);
		}
	}

	// Direct labels at the last known value, spread so they do not overlap, wrapped, never cut off.
	if (labelled) {
		const innerTop = marginTop;
		const innerBottom = height - marginBottom;
		const px = (v: number) => innerTop + (1 - v / y.top) * (innerBottom - innerTop);
		const items = [
			...ordered.map((s) => {
				const last = [...s.points].reverse().find((p) => p.y !== null);
				// Text needs 4.5:1: a grey line's label is in the axis colour, not the line's lighter grey.
				const stroke = styleOf(s, own.indexOf(s)).stroke;
				return { lines: wrap(s.name, labelChars), at: last ? px(last.y as number) : innerBottom, color: stroke === CONTEXT ? AXIS : stroke };
			}),
			// The rolling mean is labelled like a series, so its label takes its turn among theirs.
			...trendEnds.map((end) => ({ lines: wrap(window!.label, labelChars), at: px(end), color: TREND }))
		];
		const placed = spread(items.map((it) => ({ at: it.at, size: it.lines.length * LINE })), innerTop, innerBottom + marginBottom - 8);
		const value = (top: number) => y.top * (1 - (top - innerTop) / (innerBottom - innerTop));
		const labels = items.map((it, j) => ({ text: it.lines.join('\n'), y: value(placed[j]), color: it.color }));
		marks.push(
			Plot.text(labels, {
				x: () => xs.length - 0.5,
				y: 'y',
				dx: 8,
				text: 'text',
				textAnchor: 'start',
				lineAnchor: 'top',
				fill: 'color',
				fontWeight: 600,
				ariaHidden: 'true'
			} as Plot.TextOptions)
		);
	}

	// Panel titles in the small multiples, wrapped to the panel.
	if (multiples) {
		// A name too long for two lines is written out in the table and the spoken labels; here it wraps.
		const titles = own.map((s) => ({ ...facetOf.get(s.key)!, text: wrap(s.name, titleChars).join('\n') }));
		marks.push(Plot.text(titles, { fx: 'fx', fy: 'fy', frameAnchor: 'top-left', dy: -(titleLines * LINE + 4), lineAnchor: 'top', textAnchor: 'start', text: 'text', fill: TEXT, fontWeight: 700 }));
		for (const l of legend) {
			marks.push(
				Plot.text([l], { facet: 'super', frameAnchor: 'top-left', dx: l.dx, dy: -marginTop + 2 + l.line * LINE, lineAnchor: 'top', textAnchor: 'start', text: () => l.text, fill: l.color, fontWeight: 600, ariaHidden: 'true' } as Plot.TextOptions)
			);
		}
	}

	return {
		width,
		height,
		marginLeft,
		marginRight,
		marginTop,
		marginBottom,
		x: { type: 'linear', domain: [-0.5, Math.max(0.5, xs.length - 0.5)], axis: null },
		y: { domain: [0, y.top], axis: null },
		...(multiples
			? {
					fx: { axis: null, domain: range(cols), paddingInner: 16 / (plotWidth + 16), paddingOuter: 0 },
					fy: { axis: null, domain: range(rows), paddingInner: gap / (panelHeight + gap), paddingOuter: 0 }
				}
			: {}),
		marks
	};
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The key above small multiples: what the coloured, grey and dashed lines are. */
function multiplesLegend(narrow: boolean, trend: string | null, band: boolean) {
	const items = [
		{ text: '━ de reeks van het paneel', color: HIGHLIGHT },
		{ text: band ? '▮ laagste tot hoogste van alle reeksen' : '━ de andere reeksen', color: AXIS },
		...(trend ? [{ text: `╍ ${trend}`, color: TREND }] : [])
	];
	let dx = 0;
	return items.map((it, i) => {
		const placed = { ...it, line: narrow ? i : 0, dx: narrow ? 0 : dx };
		dx += textWidth(it.text) + 24;
		return placed;
	});
}

/** Positions (top edges, px) for labels wanting to start at `at`, each `size` high, not overlapping. */
export function spread(items: { at: number; size: number }[], min: number, max: number): number[] {
	const order = items.map((it, i) => ({ ...it, i, at: it.at - it.size / 2 })).sort((a, b) => a.at - b.at);
	const out = new Array<number>(items.length);
	let next = min;
	for (const it of order) {
		out[it.i] = Math.max(it.at, next);
		next = out[it.i] + it.size;
	}
	// Past the bottom: move the last ones up, as far as the ones above allow.
	let bottom = max;
	for (let j = order.length - 1; j >= 0; j--) {
		const it = order[j];
		if (out[it.i] + it.size > bottom) out[it.i] = Math.max(min, bottom - it.size);
		bottom = out[it.i];
	}
	return out;
}
