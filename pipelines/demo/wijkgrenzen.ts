// Fictitious wijk boundaries for the demo (data/demo/wijkgrenzen.geojson): each demo gemeente is a
// made-up block of land in RD New (somewhere on the Veluwe, where no wijk of these names lies),
// cut into its wijken by a Voronoi tiling of seeded points. Edges are densified with collinear
// points and then bent by one smooth displacement field, so neighbouring wijken share their
// boundary exactly while it looks drawn by hand, and the import has something to simplify. Written
// in RD New with a `crs` member, as PDOK delivers it, so the demo exercises the reprojection.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Delaunay } from 'd3';
import { rngFor } from './random';
import { DEMO_GEMEENTEN, DEMO_WIJKEN } from './world';
import type { DemoFile } from './write';

type Point = [number, number];

/** Each gemeente's land: a box in RD metres [x0, y0, x1, y1], side by side with gaps between. */
const GEMEENTE_BOX: Record<string, [number, number, number, number]> = {
	GM9901: [180000, 462000, 187000, 467500],
	GM9902: [188500, 463000, 193000, 467000],
	GM9903: [181000, 456000, 187500, 460500]
};

/** Densify edges to this step (m) before bending them. */
const STEP = 40;
/** Amplitude of the bend (m). */
const BEND = 90;

/** A smooth displacement the same for every wijk, so shared edges stay shared. */
function bend([x, y]: Point): Point {
	return [x + BEND * Math.sin(y / 520) * Math.cos(x / 830), y + BEND * Math.cos(x / 610) * Math.sin(y / 940)];
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Densifies an edge: the same points whichever way round it is walked (t from each end). */
function densify(a: Point, b: Point): Point[] {
	const n = Math.max(1, Math.round(Math.hypot(b[0] - a[0], b[1] - a[1]) / STEP));
	const out: Point[] = [];
	for (let i = 0; i < n; i++) {
		const t = i / n;
		// Interpolate from the nearer end so a shared edge gives bit-identical points both ways.
		const p: Point = t <= 0.5 ? [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] : [b[0] + (a[0] - b[0]) * (1 - t), b[1] + (a[1] - b[1]) * (1 - t)];
		out.push(p);
	}
	return out;
}

/** Rounds a vertex of the Voronoi diagram to the centimetre, so both cells meeting there agree. */
const snap = ([x, y]: Point): Point => [round(x), round(y)];

export interface DemoShape {
	code: string;
	naam: string;
	gemeente: string;
	ring: Point[];
}

/** The wijk shapes, deterministic for a seed. */
export function demoWijkShapes(seed: number): DemoShape[] {
	const out: DemoShape[] = [];
	for (const g of DEMO_GEMEENTEN) {
		const [x0, y0, x1, y1] = GEMEENTE_BOX[g.code];
		const wijken = DEMO_WIJKEN.filter((w) => w.gemeente === g.code);
		const rng = rngFor(seed, 'wijkgrenzen', g.code);
		// Seeds on a jittered grid, so no wijk is a sliver.
		const cols = Math.ceil(Math.sqrt(wijken.length * ((x1 - x0) / (y1 - y0))));
		const rows = Math.ceil(wijken.length / cols);
		const seeds: Point[] = wijken.map((_, i) => {
			const c = i % cols;
			const r = Math.floor(i / cols);
			const rowCount = r === rows - 1 ? wijken.length - r * cols : cols;
			const cw = (x1 - x0) / rowCount;
			const rh = (y1 - y0) / rows;
			return [x0 + cw * (c + 0.3 + 0.4 * rng()), y1 - rh * (r + 0.3 + 0.4 * rng())];
		});
		const voronoi = Delaunay.from(seeds).voronoi([x0, y0, x1, y1]);
		wijken.forEach((w, i) => {
			const cell = (voronoi.cellPolygon(i) as Point[]).map(snap);
			const ring: Point[] = [];
			// bounded: an edge of a demo wijk (a few km) densified at STEP m is at most ~150 points
			for (let k = 0; k + 1 < cell.length; k++) ring.push(...densify(cell[k], cell[k + 1]));
			const bent = ring.map((p) => bend(p)).map(([x, y]) => [round(x), round(y)] as Point);
			bent.push(bent[0]);
			out.push({ code: w.code, naam: w.naam, gemeente: g.code, ring: bent });
		});
	}
	return out;
}

/** Writes data/demo/wijkgrenzen.geojson: CBS-like properties, RD New, one MultiPolygon per wijk. */
export async function writeWijkgrenzen(outDir: string, seed: number): Promise<DemoFile> {
	const shapes = demoWijkShapes(seed);
	const gemeente = new Map(DEMO_GEMEENTEN.map((g) => [g.code, g.naam]));
	const fc = {
		type: 'FeatureCollection',
		name: 'wijkgrenzen (fictief)',
		crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
		features: shapes.map((s) => ({
			type: 'Feature',
			properties: { wijkcode: s.code, wijknaam: s.naam, gemeentecode: s.gemeente, gemeentenaam: gemeente.get(s.gemeente) },
			geometry: { type: 'MultiPolygon', coordinates: [[s.ring]] }
		}))
	};
	// One feature per line: readable, and an error names a line that points at one wijk.
	const text = `{"type":"FeatureCollection","name":${JSON.stringify(fc.name)},"crs":${JSON.stringify(fc.crs)},"features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
	const file = 'wijkgrenzen.geojson';
	await writeFile(join(outDir, file), text);
	return { file, dataset: 'wijkgrenzen', rows: shapes.length, bytes: Buffer.byteLength(text), variant: 'GeoJSON, RD New (EPSG:28992) met crs-lid, zoals PDOK levert' };
}
