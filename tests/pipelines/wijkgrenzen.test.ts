// The optional wijkgrenzen import (GeoJSON): WGS84 and RD New files, the CBS/PDOK shape, the
// reprojection of a known point, simplification that keeps valid rings, and every bad file
// refused with its Dutch rule, leaving the database as it was.
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { crsFromCoordinate, crsFromMember, featureOffsets, jsonErrorOffset, linesAt, rdToWgs84, signedArea2, simplifyGeometry, validRing, vertexCount, type Polygon } from '../../pipelines/datasets/wijkgrenzen/geo';
import { expectError, fixture, query, rejection, sha256, useTempDatabase, writeFile } from './helpers';

let dir = '';
let db = '';
useTempDatabase((d, p) => {
	dir = d;
	db = p;
});

const WIJKEN = fixture('wijken.csv');

/** A closed square ring, counter-clockwise, from (x, y) with side s. */
const square = (x: number, y: number, s: number) => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];

const feature = (props: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties: props, geometry });
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features }, null, 2);

/** Three wijken of the fixture, in WGS84 around Utrecht (lon 5.1, lat 52.09). */
const wgsFile = () =>
	collection([
		feature({ wijkcode: 'WK034401' }, { type: 'Polygon', coordinates: [square(5.1, 52.08, 0.01)] }),
		feature({ WK_CODE: 'WK034402' }, { type: 'Polygon', coordinates: [square(5.12, 52.08, 0.01)] }),
		feature({ statcode: 'WK034403' }, { type: 'MultiPolygon', coordinates: [[square(5.1, 52.1, 0.01)], [square(5.13, 52.1, 0.005)]] })
	]);

describe('reprojection RD New -> WGS84', () => {
	it('puts RD (155000, 463000) at Amersfoort, 52.1552 N 5.3872 E', () => {
		const [lon, lat] = rdToWgs84([155000, 463000]);
		expect(lat).toBeCloseTo(52.1552, 3);
		expect(lon).toBeCloseTo(5.3872, 3);
	});

	it('moves 1 km east in RD by about 1/68 of a degree of longitude at 52 N', () => {
		// 1 km / (111.32 km * cos 52.155°) = 0.01466°; RD's scale factor near the origin is ~1.
		const [a] = rdToWgs84([155000, 463000]);
		const [b] = rdToWgs84([156000, 463000]);
		expect(b - a).toBeCloseTo(0.01466, 4);
	});
});

describe('the coordinate system', () => {
	it('is read from the crs member in its usual spellings', () => {
		expect(crsFromMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } })).toBe('EPSG:28992');
		expect(crsFromMember({ type: 'name', properties: { name: 'EPSG:28992' } })).toBe('EPSG:28992');
		expect(crsFromMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('EPSG:4326');
		expect(crsFromMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } })).toEqual({ other: 'urn:ogc:def:crs:EPSG::3857' });
		expect(crsFromMember(undefined)).toBeNull();
	});

	it('is otherwise told by the range of a coordinate', () => {
		expect(crsFromCoordinate([136500, 456000])).toBe('EPSG:28992');
		expect(crsFromCoordinate([5.1, 52.09])).toBe('EPSG:4326');
		expect(crsFromCoordinate([52.09, 5.1])).toBeNull(); // lat, lon swapped
		expect(crsFromCoordinate([568000, 6830000])).toBeNull(); // Web Mercator metres
	});
});

describe('line numbers of features', () => {
	it('finds the line each element of features starts on', () => {
		const text = '{\n "type": "FeatureCollection",\n "features": [\n  {"type": "Feature"},\n\n  {"type": "Feature", "x": [1, {"a": 2}]}, 3\n ]\n}';
		expect(linesAt(text, featureOffsets(text))).toEqual([4, 6, 6]);
	});
});

describe('JSON syntax errors', () => {
	it('are placed where the text stops being JSON', () => {
		const text = '{ "a": 1,\n  "b": [1, 2,\n  }';
		expect(() => JSON.parse(text)).toThrow();
		expect(linesAt(text, [jsonErrorOffset(text)])).toEqual([3]);
		expect(jsonErrorOffset('{"a": [1, {"b": null}]}')).toBe(-1);
		expect(jsonErrorOffset('{"a" 1}')).toBe(5);
	});
});

describe('simplification', () => {
	it('reduces a dense ring and keeps it valid and counter-clockwise', () => {
		const ring = Array.from({ length: 400 }, (_, i) => {
			const a = (2 * Math.PI * i) / 400;
			return [5.1 + 0.01 * Math.cos(a), 52.1 + 0.01 * Math.sin(a)];
		});
		ring.push(ring[0]);
		const g: Polygon = { type: 'Polygon', coordinates: [ring.slice().reverse()] };
		const { geometry, tolerance } = simplifyGeometry(g);
		expect(tolerance).toBeGreaterThan(0);
		expect(vertexCount(geometry)).toBeLessThan(100);
		expect(vertexCount(geometry)).toBeGreaterThanOrEqual(4);
		const out = (geometry as Polygon).coordinates[0];
		expect(validRing(out)).toBe(true);
		expect(signedArea2(out)).toBeGreaterThan(0);
	});

	it('knows a crossing ring is not valid', () => {
		const bowtie = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]];
		expect(validRing(bowtie)).toBe(false);
		expect(validRing(square(0, 0, 1))).toBe(true);
	});
});

describe('wijkgrenzen import', () => {
	beforeEach(async () => {
		await ingest(db, [WIJKEN]);
	});

	it('loads a WGS84 file, one row per wijk, whatever the code property is called', async () => {
		const file = writeFile(dir, 'wijken_wgs84.geojson', wgsFile());
		const [report] = await ingest(db, [file]);
		expect(report).toMatchObject({ dataset: 'wijkgrenzen', table: 'wijkgrenzen', format: 'geojson', rowsRead: 3, rowsLoaded: 3, rowsReplaced: 0, warnings: [] });
		const rows = await query(db, 'SELECT wijk_code, geometrie, bron_crs FROM wijkgrenzen ORDER BY wijk_code');
		expect(rows.map((r) => r.wijk_code)).toEqual(['WK034401', 'WK034402', 'WK034403']);
		expect(rows.every((r) => r.bron_crs === 'EPSG:4326')).toBe(true);
		// A square has nothing to simplify: stored as delivered.
		const rounded = square(5.1, 52.08, 0.01).map((p) => p.map((v) => Math.round(v * 1e5) / 1e5));
		expect(JSON.parse(String(rows[0].geometrie))).toEqual({ type: 'Polygon', coordinates: [rounded] });
		expect(JSON.parse(String(rows[2].geometrie)).type).toBe('MultiPolygon');
		const [load] = await query(db, "SELECT dataset, rows_loaded FROM loads WHERE dataset = 'wijkgrenzen'");
		expect(load).toEqual({ dataset: 'wijkgrenzen', rows_loaded: 3 });
	});

	it('loads the same file twice without changing anything', async () => {
		const file = writeFile(dir, 'wijken.geojson', wgsFile());
		await ingest(db, [file]);
		const [again] = await ingest(db, [file]);
		expect(again).toMatchObject({ rowsLoaded: 3, rowsReplaced: 3, rowsUnchanged: 3 });
		const loads = await query(db, 'SELECT DISTINCT load_id FROM wijkgrenzen');
		expect(loads).toHaveLength(1);
	});

	it('loads a CBS/PDOK wijkenkaart in RD New: reprojected, simplified, the other gemeente a warning', async () => {
		const [report] = await ingest(db, [fixture('wijkgrenzen_cbs.geojson')]);
		expect(report).toMatchObject({ rowsRead: 4, rowsLoaded: 3 });
		expect(report.warnings).toEqual(['1 wijk uit het bestand staat niet in de wijken en is niet geladen: WK035501 (regel: wijk-onbekend)']);
		expect(report.notes?.[0]).toMatch(/^omgerekend van RD New \(EPSG:28992\) naar WGS84; vereenvoudigd van 825 naar \d+ punten/);
		const rows = await query(db, 'SELECT wijk_code, geometrie, bron_crs, punten_voor, punten_na, bytes_voor, bytes_na FROM wijkgrenzen ORDER BY wijk_code');
		expect(rows.map((r) => r.wijk_code)).toEqual(['WK034401', 'WK034402', 'WK034403']);
		// Vertices as delivered: 241 per ring of 240 points (closed); Oost has a hole of 41 and a second part of 61.
		expect(rows.map((r) => r.punten_voor)).toEqual([241, 241 + 41 + 61, 241]);
		for (const r of rows) {
			expect(r.bron_crs).toBe('EPSG:28992');
			expect(Number(r.punten_na)).toBeLessThan(Number(r.punten_voor));
			expect(Number(r.bytes_na)).toBeLessThan(Number(r.bytes_voor));
			const g = JSON.parse(String(r.geometrie));
			for (const poly of g.coordinates) for (const ring of poly) expect(validRing(ring)).toBe(true);
		}
		// Binnenstad's centre, RD (136500, 456000), lies in Utrecht: about 5.117 E, 52.091 N.
		const binnenstad = JSON.parse(String(rows[0].geometrie)).coordinates[0][0] as number[][];
		const lon = binnenstad.reduce((s, p) => s + p[0], 0) / binnenstad.length;
		const lat = binnenstad.reduce((s, p) => s + p[1], 0) / binnenstad.length;
		const [clon, clat] = rdToWgs84([136500, 456000]);
		expect(lon).toBeCloseTo(clon, 2);
		expect(lat).toBeCloseTo(clat, 2);
		expect(clon).toBeCloseTo(5.117, 2);
		expect(clat).toBeCloseTo(52.091, 2);
		// Oost keeps its hole (a second ring, opposite orientation) and its second part.
		const oost = JSON.parse(String(rows[1].geometrie));
		expect(oost.coordinates).toHaveLength(2);
		expect(oost.coordinates[0]).toHaveLength(2);
		expect(signedArea2(oost.coordinates[0][0])).toBeGreaterThan(0);
		expect(signedArea2(oost.coordinates[0][1])).toBeLessThan(0);
	});

	it('detects RD New without a crs member from the coordinates', async () => {
		const cbs = JSON.parse(fs.readFileSync(fixture('wijkgrenzen_cbs.geojson'), 'utf8'));
		delete cbs.crs;
		const file = writeFile(dir, 'zonder_crs.json', JSON.stringify(cbs));
		await ingest(db, [file]);
		const rows = await query(db, "SELECT DISTINCT bron_crs FROM wijkgrenzen");
		expect(rows).toEqual([{ bron_crs: 'EPSG:28992' }]);
	});

	it('refuses a file whose wijken are none of the loaded ones', async () => {
		const file = writeFile(dir, 'ander.geojson', collection([feature({ wijkcode: 'WK999901' }, { type: 'Polygon', coordinates: [square(5.1, 52.08, 0.01)] })]));
		const err = await rejection(() => ingest(db, [file]));
		expectError(err.errors, { file: 'ander.geojson', column: 'wijkcode', rule: 'wijk-onbekend' });
	});
});

describe('bad wijkgrenzen files: a Dutch error at the right place, nothing loaded', () => {
	let before = '';
	beforeEach(async () => {
		await ingest(db, [WIJKEN]);
		before = sha256(db);
	});

	/** A valid first feature (line 4 of the pretty-printed file), then `bad` as the second. */
	const withSecond = (bad: unknown, extra: Record<string, unknown> = {}) =>
		collection([feature({ wijkcode: 'WK034401' }, { type: 'Polygon', coordinates: [square(5.1, 52.08, 0.01)] }), bad], extra);

	/** Line of the second feature in `withSecond`: the first takes lines 4-38 of the pretty print. */
	const secondLine = (text: string) => linesAt(text, featureOffsets(text))[1];

	const cases: { name: string; text: string; rule: string; column?: string; line?: 'second' | number; says: RegExp }[] = [
		{ name: 'not JSON', text: '{ "type": "FeatureCollection",\n  "features": [\n  }', rule: 'geojson-ongeldig', line: 3, says: /geen geldige JSON/ },
		{ name: 'a single Feature', text: JSON.stringify(feature({ wijkcode: 'WK034401' }, null)), rule: 'geojson-soort', column: 'type', line: 1, says: /een Feature; verwacht wordt een FeatureCollection/ },
		{ name: 'no features', text: collection([]), rule: 'bestand-leeg', column: 'features', says: /geen features/ },
		{ name: 'no code', text: withSecond(feature({ naam: 'x' }, { type: 'Polygon', coordinates: [square(5.1, 52.1, 0.01)] })), rule: 'waarde-verplicht', column: 'wijkcode', line: 'second', says: /object 2 van features heeft geen wijkcode/ },
		{ name: 'a buurt code', text: withSecond(feature({ WK_CODE: 'BU03440101' }, { type: 'Polygon', coordinates: [square(5.1, 52.1, 0.01)] })), rule: 'wijk-code', column: 'WK_CODE', line: 'second', says: /"BU03440101" is geen wijkcode/ },
		{ name: 'a wijk twice', text: withSecond(feature({ wijkcode: 'WK034401' }, { type: 'Polygon', coordinates: [square(5.1, 52.1, 0.01)] })), rule: 'sleutel-dubbel', column: 'wijkcode', line: 'second', says: /wijk WK034401 staat al in het bestand \(object 1, regel 4\)/ },
		{ name: 'a point', text: withSecond(feature({ wijkcode: 'WK034402' }, { type: 'Point', coordinates: [5.1, 52.1] })), rule: 'geometrie-soort', column: 'geometry', line: 'second', says: /heeft een Point; een wijk is een Polygon of MultiPolygon/ },
		{ name: 'an open ring', text: withSecond(feature({ wijkcode: 'WK034402' }, { type: 'Polygon', coordinates: [square(5.1, 52.1, 0.01).slice(0, 4)] })), rule: 'geometrie-ongeldig', column: 'geometry', line: 'second', says: /de buitenring is niet gesloten/ },
		{ name: 'a ring of three points', text: withSecond(feature({ wijkcode: 'WK034402' }, { type: 'Polygon', coordinates: [[[5.1, 52.1], [5.2, 52.1], [5.1, 52.1]]] })), rule: 'geometrie-ongeldig', column: 'geometry', line: 'second', says: /heeft 3 punten; een ring heeft er minstens 4/ },
		{ name: 'text as a coordinate', text: withSecond(feature({ wijkcode: 'WK034402' }, { type: 'Polygon', coordinates: [[[5.1, '52.1'], [5.2, 52.1], [5.2, 52.2], [5.1, 52.1]]] })), rule: 'geometrie-ongeldig', column: 'geometry', line: 'second', says: /een punt dat geen paar getallen is/ },
		{ name: 'a point in the sea (RD after WGS84)', text: withSecond(feature({ wijkcode: 'WK034402' }, { type: 'Polygon', coordinates: [square(136500, 456000, 100)] })), rule: 'coordinaten-bereik', column: 'geometry', line: 'second', says: /het punt 136500, 456000 ligt niet in Nederland in WGS84, het stelsel afgeleid uit de coördinaten/ },
		{ name: 'lat and lon swapped', text: collection([feature({ wijkcode: 'WK034401' }, { type: 'Polygon', coordinates: [square(52.08, 5.1, 0.01)] })]), rule: 'crs-onbekend', column: 'geometry', line: 4, says: /het lijkt breedte, lengte te zijn/ },
		{ name: 'Web Mercator', text: withSecond(feature({ wijkcode: 'WK034402' }, { type: 'Polygon', coordinates: [square(5.1, 52.1, 0.01)] }), { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } }), rule: 'crs-onbekend', column: 'crs', says: /"urn:ogc:def:crs:EPSG::3857" wordt niet gelezen; lever de wijken aan in RD New/ }
	];

	for (const c of cases) {
		it(`${c.name}: ${c.rule}`, async () => {
			const file = writeFile(dir, 'wijkgrenzen.geojson', c.text);
			const err = await rejection(() => ingest(db, [file]));
			const line = c.line === 'second' ? secondLine(c.text) : c.line;
			const e = expectError(err.errors, { file: 'wijkgrenzen.geojson', line, column: c.column, rule: c.rule });
			expect(e.detail).toMatch(c.says);
			expect(err.message).toContain('Er is niets geladen');
			expect(sha256(db)).toBe(before);
		});
	}

	it('a good file beside a bad one: neither is loaded', async () => {
		const good = writeFile(dir, 'goed.geojson', wgsFile());
		const bad = writeFile(dir, 'fout.geojson', withSecond(feature({ wijkcode: 'WK034402' }, { type: 'Point', coordinates: [5.1, 52.1] })));
		await rejection(() => ingest(db, [good, bad]));
		expect(sha256(db)).toBe(before);
	});

	it('--dataset of another dataset on a GeoJSON file', async () => {
		const file = writeFile(dir, 'w.geojson', wgsFile());
		const err = await rejection(() => ingest(db, [file], { dataset: 'wijken' }));
		expectError(err.errors, { file: 'w.geojson', rule: 'dataset-onbekend' });
		expect(sha256(db)).toBe(before);
	});
});
