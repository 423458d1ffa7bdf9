// A choropleth of wijken as a Plot spec: each wijk's boundary (WGS84) filled with its class colour,
// a hidden small number hatched, with the legend in the same SVG (right of the map when wide,
// below it when narrow), so a downloaded SVG or PNG still says what the colours mean. The
// boundaries are projected here, in px, with a local equirectangular projection (at the scale of
// a gemeente indistinguishable from Mercator, and planar, so ring orientation cannot turn a wijk
// into "the world minus the wijk" as in a spherical projection); Plot draws them with its
// identity projection.
import * as Plot from '@observablehq/plot';
import { HATCH, type Geometry, type Klasse } from '$lib/map/kaart';
import { annotate } from './render';
import { BACKGROUND, LINE, TEXT, textWidth, wrap } from './theme';

export interface MapArea {
	key: string;
	/** the wijk's name, written on a wide map */
	name: string;
	/** spoken with the value: "Centrum: 12,3 per 1.000" */
	label: string;
	geometry: Geometry;
	/** a paint (a token, or a mix of tokens) or HATCH */
	fill: string;
	/** drawn with a heavy outline (the selected wijk) */
	highlight?: boolean;
}

export interface MapOptions {
	width: number;
	legendTitle: string;
	legend: readonly Klasse[];
	/** unique per SVG on the page: the hatch pattern's id */
	patternId: string;
	/** what the wijken are, spoken as the name of their list */
	listLabel: string;
	hooks?: boolean;
}

const PAD = 6;
const SWATCH = 16;
const ROW = 22;
const LEGEND_WIDE = 220;

type Ring = number[][];

function rings(g: Geometry): Ring[][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Bounds [lonMin, latMin, lonMax, latMax] of all areas. */
export function bounds(areas: readonly MapArea[]): [number, number, number, number] {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const a of areas)
		for (const poly of rings(a.geometry))
			for (const ring of poly)
				for (const [x, y] of ring) {
					if (x < x0) x0 = x;
					if (x > x1) x1 = x;
					if (y < y0) y0 = y;
					if (y > y1) y1 = y;
				}
	return [x0, y0, x1, y1];
}

/** A projection of lon/lat into a box of maxWidth x maxHeight px, keeping the shape; and the size it uses. */
export function fitProjection(areas: readonly MapArea[], maxWidth: number, maxHeight: number) {
	const [x0, y0, x1, y1] = bounds(areas);
	const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
	const bw = Math.max((x1 - x0) * kx, 1e-9);
	const bh = Math.max(y1 - y0, 1e-9);
	const s = Math.min(maxWidth / bw, maxHeight / bh);
	const width = bw * s;
	const height = bh * s;
	const dx = (maxWidth - width) / 2;
	const project = ([lon, lat]: number[]): [number, number] => [dx + (lon - x0) * kx * s, (y1 - lat) * s];
	return { project, width, height };
}

function projectGeometry(g: Geometry, project: (p: number[]) => [number, number], ox: number, oy: number): Geometry {
	const move = (ring: Ring) => ring.map((p) => {
		const [x, y] = project(p);
		return [Math.round((x + ox) * 100) / 100, Math.round((y + oy) * 100) / 100];
	});
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: g.coordinates.map(move) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(move)) };
}

const paint = (fill: string, patternId: string) => (fill === HATCH ? `url(#${patternId})` : fill);

/** Wijk names are written on the map when it is wide and holds few enough wijken to leave them room. */
export const MAX_LABELLED = 30;

/** Where a wijk's name goes: the area centroid of its largest ring, in px. */
export function labelPoint(g: Geometry): [number, number] {
	let best: [number, number] = [0, 0];
	let bestArea = -1;
	for (const poly of rings(g)) {
		const ring = poly[0];
		let a = 0;
		let cx = 0;
		let cy = 0;
		for (let i = 0; i + 1 < ring.length; i++) {
			const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
			a += cross;
			cx += (ring[i][0] + ring[i + 1][0]) * cross;
			cy += (ring[i][1] + ring[i + 1][1]) * cross;
		}
		if (Math.abs(a) > bestArea && a !== 0) {
			bestArea = Math.abs(a);
			best = [cx / (3 * a), cy / (3 * a)];
		}
	}
	return best;
}

export function mapSpec(areas: readonly MapArea[], o: MapOptions): Plot.PlotOptions {
	const { width, hooks = true } = o;
	const narrow = width < 480;
	const mapWidth = narrow ? width : width - LEGEND_WIDE - 16;
	const { project, height: mapHeight } = fitProjection(areas, mapWidth - 2 * PAD, narrow ? 300 : 440);
	const projected = areas.map((a) => ({ ...a, shape: projectGeometry(a.geometry, project, PAD, PAD) }));

	const titleLines = wrap(o.legendTitle, narrow ? 40 : 30);
	const legendHeight = titleLines.length * LINE + 6 + o.legend.length * ROW;
	const legendX = narrow ? PAD : mapWidth + 16;
	const legendY = narrow ? mapHeight + 2 * PAD + 12 : PAD;
	const height = Math.ceil(narrow ? legendY + legendHeight + PAD : Math.max(mapHeight + 2 * PAD, legendY + legendHeight + PAD));

	// The hatch of hidden values and the legend: drawn directly, in px, by a function mark.
	const legend: Plot.RenderFunction = (_index, _scales, _values, _dimensions, context) => {
		const doc = context.document;
		const svg = (tag: string, attrs: Record<string, string | number>) => {
			const el = doc.createElementNS('http://www.w3.org/2000/svg', tag);
			for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
			return el;
		};
		const g = svg('g', { 'aria-hidden': 'true' });
		const defs = svg('defs', {});
		const pattern = svg('pattern', { id: o.patternId, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' });
		pattern.append(svg('rect', { width: 6, height: 6, style: 'fill: var(--bm-chart-hidden)' }));
		pattern.append(svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, style: 'stroke: var(--bm-chart-muted); stroke-width: 2.5' }));
		defs.append(pattern);
		g.append(defs);
		titleLines.forEach((line, i) => {
			const t = svg('text', { x: legendX, y: legendY + (i + 1) * LINE - 3, 'text-anchor': 'start', style: `fill: ${TEXT}; font-weight: 600` });
			t.textContent = line;
			g.append(t);
		});
		const top = legendY + titleLines.length * LINE + 6;
		o.legend.forEach((k, i) => {
			const y = top + i * ROW;
			g.append(svg('rect', { x: legendX, y, width: SWATCH, height: SWATCH, style: `fill: ${paint(k.fill, o.patternId)}; stroke: var(--bm-chart-reference); stroke-width: 0.75` }));
			const t = svg('text', { x: legendX + SWATCH + 8, y: y + SWATCH / 2, dy: '0.35em', 'text-anchor': 'start', style: `fill: ${TEXT}` });
			t.textContent = k.label;
			g.append(t);
		});
		return g as unknown as SVGElement;
	};

	// Names on the map (a halo of the background keeps them legible on any class colour); the legend
	// and the ranked list name every wijk anyway, and the spoken labels do.
	const labelled = !narrow && areas.length <= MAX_LABELLED;
	const names: Plot.RenderFunction = (_index, _scales, _values, _dimensions, context) => {
		const doc = context.document;
		const g = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
		g.setAttribute('aria-hidden', 'true');
		for (const a of projected) {
			const [x, y] = labelPoint(a.shape);
			const t = doc.createElementNS('http://www.w3.org/2000/svg', 'text');
			t.setAttribute('x', String(Math.round(x * 100) / 100));
			t.setAttribute('y', String(Math.round(y * 100) / 100));
			t.setAttribute('dy', '0.35em');
			t.setAttribute('style', `fill: ${TEXT}; stroke: ${BACKGROUND}; stroke-width: 3; paint-order: stroke; stroke-linejoin: round`);
			t.textContent = a.name;
			g.append(t);
		}
		return g as unknown as SVGElement;
	};

	return {
		width,
		height,
		margin: 0,
		projection: 'identity',
		marks: [
			legend,
			Plot.geo(projected, {
				geometry: (a: (typeof projected)[number]) => a.shape,
				fill: BACKGROUND,
				stroke: BACKGROUND,
				strokeWidth: 1.25,
				render: annotate(
					projected,
					(a) => ({
						style: `fill: ${paint(a.fill, o.patternId)}`,
						role: 'listitem',
						tabindex: 0,
						'aria-label': a.label,
						...(hooks ? { 'data-mark': 'wijk', 'data-key': a.key, 'data-fill': a.fill } : {})
					}),
					{ role: 'list', 'aria-label': o.listLabel }
				)
			} as Plot.GeoOptions),
			Plot.geo(
				projected.filter((a) => a.highlight),
				{ geometry: (a: (typeof projected)[number]) => a.shape, fill: 'none', stroke: TEXT, strokeWidth: 2.5, ariaHidden: 'true' } as Plot.GeoOptions
			),
			...(labelled ? [names] : [])
		]
	};
}

/** Width of the widest legend label, for tests and layout checks. */
export function legendWidth(legend: readonly Klasse[]): number {
	let m = 0;
	for (const k of legend) m = Math.max(m, SWATCH + 8 + textWidth(k.label));
	return m;
}
