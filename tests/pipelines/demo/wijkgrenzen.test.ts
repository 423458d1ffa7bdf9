// The demo's fictitious wijk shapes: one per demo wijk, deterministic, a tiling (neighbours share
// their boundary, no gaps), in RD New within the Netherlands, and equal to the committed file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoWijkShapes, writeWijkgrenzen } from '../../../pipelines/demo/wijkgrenzen';
import { DEMO_SEED } from '../../../pipelines/demo/model';
import { DEMO_WIJKEN } from '../../../pipelines/demo/world';
import { inRange, signedArea2 } from '../../../pipelines/datasets/wijkgrenzen/geo';

describe('demo wijk shapes', () => {
	const shapes = demoWijkShapes(DEMO_SEED);

	it('one closed ring per demo wijk, in RD New', () => {
		expect(shapes.map((s) => s.code).sort()).toEqual(DEMO_WIJKEN.map((w) => w.code).sort());
		for (const s of shapes) {
			expect(s.ring[0]).toEqual(s.ring[s.ring.length - 1]);
			expect(s.ring.length).toBeGreaterThan(50);
			expect(s.ring.every((p) => inRange('EPSG:28992', p))).toBe(true);
		}
	});

	it('tiles each gemeente: a vertex on a shared edge is a vertex of both wijken', () => {
		// In a tiling every edge but the outline is walked by two wijken in opposite directions.
		for (const g of ['GM9901', 'GM9902', 'GM9903']) {
			const edges = new Map<string, number>();
			for (const s of shapes.filter((s) => s.gemeente === g))
				for (let i = 0; i + 1 < s.ring.length; i++) {
					const key = `${s.ring[i].join(',')}>${s.ring[i + 1].join(',')}`;
					edges.set(key, (edges.get(key) ?? 0) + 1);
				}
			let shared = 0;
			for (const key of edges.keys()) {
				const [a, b] = key.split('>');
				if (edges.has(`${b}>${a}`)) shared++;
			}
			expect(shared, g).toBeGreaterThan(20);
		}
	});

	it('the wijken of a gemeente fill most of its box and never more than the box (no large overlap)', () => {
		// Overlapping wijken would sum to more than the box; gaps or slivers to much less.
		for (const g of ['GM9901', 'GM9902', 'GM9903']) {
			const own = shapes.filter((s) => s.gemeente === g);
			const total = own.reduce((s, w) => s + Math.abs(signedArea2(w.ring)) / 2, 0);
			const xs = own.flatMap((w) => w.ring.map((p) => p[0]));
			const ys = own.flatMap((w) => w.ring.map((p) => p[1]));
			const box = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
			expect(total / box, g).toBeGreaterThan(0.8);
			expect(total / box, g).toBeLessThanOrEqual(1);
		}
	});

	it('is what data/demo/wijkgrenzen.geojson holds (regenerate with npm run demo-data)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-wg-'));
		try {
			await writeWijkgrenzen(dir, DEMO_SEED);
			const fresh = fs.readFileSync(path.join(dir, 'wijkgrenzen.geojson'));
			const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/wijkgrenzen.geojson'));
			expect(fresh.equals(committed)).toBe(true);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
