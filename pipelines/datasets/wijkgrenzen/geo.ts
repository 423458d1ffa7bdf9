// The geometry of a wijkgrenzen file, without the database: parse the GeoJSON, find where each
// feature starts (so a message can name its line), decide the coordinate system (the `crs` member,
// else the coordinate ranges), reproject RD New (EPSG:28992) to WGS84, and simplify each wijk to
// what a map of a gemeente can show, keeping every ring a valid ring.

import proj4 from 'proj4';
import simplify from '@turf/simplify';

/** GeoJSON's shapes as this dataset reads them (RFC 7946). */
export type Position = number[];
export interface Polygon {
	type: 'Polygon';
	coordinates: Position[][];
}
export interface MultiPolygon {
	type: 'MultiPolygon';
	coordinates: Position[][][];
}

export type Crs = 'EPSG:28992' | 'EPSG:4326';

/**
 * RD New with the datum shift to WGS84 (EPSG:28992 as the EPSG registry and PROJ publish it: the
 * 7-parameter transformation, good to about a metre, far below what a wijk map shows).
 */
const RD_NEW =
	'+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
	'+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const toWgs84 = proj4(RD_NEW, 'WGS84');

/** RD (x, y) in metres to WGS84 [lon, lat]. */
export function rdToWgs84([x, y]: Position): Position {
	const [lon, lat] = toWgs84.forward([x, y]);
	return [lon, lat];
}

/**
 * Where coordinates of each system can lie. RD New is defined for the Netherlands: x from -7 to
 * 300 km, y from 289 to 629 km (EPSG's area of use, rounded out). WGS84 is checked on the
 * Netherlands and its surroundings (lon 2..8, lat 50..54), so a file in RD with a wrong `crs` or
 * with lat/lon swapped is caught, not drawn in the sea.
 */
const RANGES: Record<Crs, { x: [number, number]; y: [number, number] }> = {
	'EPSG:28992': { x: [-7000, 300000], y: [289000, 629000] },
	'EPSG:4326': { x: [2, 8], y: [50, 54] }
};

export function inRange(crs: Crs, [x, y]: Position): boolean {
	const r = RANGES[crs];
	return x >= r.x[0] && x <= r.x[1] && y >= r.y[0] && y <= r.y[1];
}

/** The system a `crs` member names: RD New, WGS84, another (its name), or none given. */
export function crsFromMember(crs: unknown): Crs | { other: string } | null {
	if (crs === undefined || crs === null) return null;
	const name = (crs as { properties?: { name?: unknown } })?.properties?.name;
	if (typeof name !== 'string') return { other: JSON.stringify(crs).slice(0, 60) };
	const n = name.toUpperCase().replace(/\s+/g, '');
	if (/EPSG:{1,2}28992$/.test(n) || n.endsWith('EPSG/0/28992')) return 'EPSG:28992';
	if (/EPSG:{1,2}4326$/.test(n) || n.endsWith('EPSG/0/4326') || n.endsWith('CRS84') || n.endsWith('OGC:1.3:CRS84')) return 'EPSG:4326';
	return { other: name };
}

/** The system a first coordinate fits, when the file does not say. */
export function crsFromCoordinate(p: Position): Crs | null {
	if (inRange('EPSG:28992', p)) return 'EPSG:28992';
	if (inRange('EPSG:4326', p)) return 'EPSG:4326';
	return null;
}

/** True when a coordinate looks like WGS84 with latitude first (a common export mistake). */
export function looksSwapped([x, y]: Position): boolean {
	return inRange('EPSG:4326', [y, x]);
}

/**
 * The offset in `text` at which each element of the top-level `features` array starts, found by
 * walking the JSON once (strings and nesting only; the text already parsed). Used only for line
 * numbers in messages.
 */
export function featureOffsets(text: string): number[] {
	const out: number[] = [];
	let depth = 0;
	let i = 0;
	let lastKey: string | null = null;
	let inFeatures = false;
	let expectElement = false;
	const n = text.length;
	while (i < n) {
		const c = text[i];
		if (c === '"') {
			const start = i + 1;
			i++;
			while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
			if (depth === 1) lastKey = text.slice(start, i);
			if (inFeatures && depth === 2 && expectElement) {
				out.push(start - 1);
				expectElement = false;
			}
			i++;
			continue;
		}
		if (c === '{' || c === '[') {
			if (inFeatures && depth === 2 && expectElement) {
				out.push(i);
				expectElement = false;
			}
			if (c === '[' && depth === 1 && lastKey === 'features') {
				inFeatures = true;
				expectElement = true;
			}
			depth++;
		} else if (c === '}' || c === ']') {
			depth--;
			if (inFeatures && depth === 1) inFeatures = false;
		} else if (c === ',' && inFeatures && depth === 2) {
			expectElement = true;
		} else if (c === ':' && depth === 1) {
			// a value follows the key; the key stays lastKey until the next string at depth 1
		} else if (!/\s/.test(c) && inFeatures && depth === 2 && expectElement) {
			// a number, true, false or null as an element
			out.push(i);
			expectElement = false;
		}
		i++;
	}
	return out;
}

/**
 * The offset of the first syntax error in a text JSON.parse refused (V8 names a position for some
 * errors only). A plain recursive descent over the grammar of RFC 8259, without building values.
 */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const fail = (): never => {
		throw i;
	};
	const str = () => {
		if (text[i] !== '"') fail();
		i++;
		while (i < text.length && text[i] !== '"') {
			if (text.charCodeAt(i) < 0x20) fail();
			i += text[i] === '\\' ? 2 : 1;
		}
		if (i >= text.length) fail();
		i++;
	};
	const value = (): void => {
		ws();
		const c = text[i];
		if (c === '{') {
			i++;
			ws();
			if (text[i] === '}') return void i++;
			for (;;) {
				ws();
				str();
				ws();
				if (text[i] !== ':') fail();
				i++;
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === '}') return void i++;
				else fail();
			}
		}
		if (c === '[') {
			i++;
			ws();
			if (text[i] === ']') return void i++;
			for (;;) {
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === ']') return void i++;
				else fail();
			}
		}
		if (c === '"') return str();
		const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
		if (!m) fail();
		i += m![0].length;
	};
	try {
		value();
		ws();
		return i < text.length ? i : -1;
	} catch (at) {
		return Math.min(at as number, text.length);
	}
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** Lines of many offsets in one pass (offsets ascending). */
export function linesAt(text: string, offsets: readonly number[]): number[] {
	const out: number[] = [];
	let line = 1;
	let i = 0;
	for (const off of offsets) {
		for (; i < off && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
		out.push(line);
	}
	return out;
}

export type Rings = Position[][];

/** A (Multi)Polygon as a list of polygons, each a list of rings. */
export function polygonsOf(g: Polygon | MultiPolygon): Rings[] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Twice the signed area of a ring (positive: counter-clockwise with y up). */
export function signedArea2(ring: readonly Position[]): number {
	let s = 0;
	for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return s;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
	const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
	const o1 = o(a, b, c);
	const o2 = o(a, b, d);
	const o3 = o(c, d, a);
	const o4 = o(c, d, b);
	return o1 * o2 < 0 && o3 * o4 < 0;
}

/**
 * A ring a map can fill: closed, at least 4 positions, an area, and no edge crossing another
 * (checked on simplified rings, which are short; quadratic in the ring's length).
 */
export function validRing(ring: readonly Position[]): boolean {
	if (ring.length < 4) return false;
	const [f, l] = [ring[0], ring[ring.length - 1]];
	if (f[0] !== l[0] || f[1] !== l[1]) return false;
	if (signedArea2(ring) === 0) return false;
	const m = ring.length - 1;
	if (m > 3000) return true;
	for (let i = 0; i < m; i++) {
		for (let j = i + 2; j < m; j++) {
			if (i === 0 && j === m - 1) continue; // adjacent through the closing point
			if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return false;
		}
	}
	return true;
}

export function vertexCount(g: Polygon | MultiPolygon): number {
	let n = 0;
	for (const poly of polygonsOf(g)) for (const ring of poly) n += ring.length;
	return n;
}

/** Degrees to 5 decimals (about 1 m): more is noise at any scale a wijk map is drawn at. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** Rounds, drops positions that became equal, and orients rings as RFC 7946 asks (outer counter-clockwise). */
function tidy(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const polys = polygonsOf(g).map((poly) =>
		poly.map((ring, r) => {
			const out: Position[] = [];
			for (const p of ring) {
				const q = [round(p[0]), round(p[1])];
				const last = out[out.length - 1];
				if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
			}
			const ccw = signedArea2(out) > 0;
			return (r === 0) === ccw ? out : out.reverse();
		})
	);
	return g.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Simplification tolerance in degrees: about 7 m east-west and 11 m north-south at 52° N. */
export const SIMPLIFY_TOLERANCE = 0.0001;

export interface Simplified {
	geometry: Polygon | MultiPolygon;
	/** the tolerance that gave valid rings (0: none did, kept as delivered, rounded) */
	tolerance: number;
}

/**
 * Douglas-Peucker (turf, high quality) at SIMPLIFY_TOLERANCE; when a ring comes out invalid (too
 * few points, crossing itself) the tolerance is halved, up to four times, and after that the
 * geometry is kept as delivered. Then rounded to 5 decimals and oriented.
 */
export function simplifyGeometry(g: Polygon | MultiPolygon): Simplified {
	for (let tolerance = SIMPLIFY_TOLERANCE, tries = 0; tries < 5; tries++, tolerance /= 2) {
		const s = tidy(simplify(g as Parameters<typeof simplify>[0], { tolerance, highQuality: true, mutate: false }) as unknown as Polygon | MultiPolygon);
		if (polygonsOf(s).every((poly) => poly.every(validRing))) return { geometry: s, tolerance };
	}
	return { geometry: tidy(g), tolerance: 0 };
}

export function reproject(g: Polygon | MultiPolygon, crs: Crs): Polygon | MultiPolygon {
	if (crs === 'EPSG:4326') return g;
	const polys = polygonsOf(g).map((poly) => poly.map((ring) => ring.map(rdToWgs84)));
	return g.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}
