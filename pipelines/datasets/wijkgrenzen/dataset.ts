// `wijkgrenzen` (optional): the boundary of each wijk, for the maps. A GeoJSON FeatureCollection as
// CBS and PDOK publish the wijk- en buurtkaart, one (Multi)Polygon per wijk with its code in
// `wijkcode`, `WK_CODE` or `statcode`, in RD New (EPSG:28992) or WGS84. It is not a table, so it
// skips the header, privacy and row checks of the other datasets: only the code and the geometry
// of a feature are read (no other property is stored), checked here, reprojected to WGS84 and
// simplified, and loaded like any other file (one transaction, the working copy, the swap).

import crypto from 'node:crypto';
import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { WIJK_CODE } from '../../../contract/codes';
import type { ErrorCollector } from '../../errors';
import { formatSize } from '../../readers/limits';
import { quote } from '../../validators/result';
import { wijkCode } from '../../validators/fields';
import { column, type CustomPlan, type CustomRows, type DatasetSpec } from '../../validators/spec';
import {
	crsFromCoordinate,
	crsFromMember,
	featureOffsets,
	inRange,
	jsonErrorOffset,
	linesAt,
	looksSwapped,
	polygonsOf,
	reproject,
	simplifyGeometry,
	vertexCount,
	type Crs,
	type MultiPolygon,
	type Polygon,
	type Position
} from './geo';

export const wijkgrenzen: DatasetSpec = {
	id: 'wijkgrenzen',
	family: 'wijkgrenzen',
	table: 'wijkgrenzen',
	columns: [column('wijk_code', true, wijkCode())],
	key: ['wijk_code'],
	// Not recognised by a header (a GeoJSON file has none): by its extension or its first character.
	signature: [],
	order: 3,
	references: []
};

/** The properties that may hold the wijk code, in this order (CBS/PDOK spellings; case-insensitive). */
export const CODE_PROPERTIES = ['wijkcode', 'wk_code', 'statcode', 'wijk_code'] as const;

/**
 * A GeoJSON file is parsed whole in memory (JSON.parse needs several times its size in heap); the
 * national wijk- en buurtkaart of CBS with only wijken is well under this.
 */
export const MAX_GEOJSON_BYTES = 256 * 1024 * 1024;

/** True when a file is to be read as GeoJSON: by its name, by --dataset, or by its first character. */
export function isGeoJsonFile(file: string, name: string, forced?: string): boolean {
	if (/\.(geo)?json$/i.test(name)) return true;
	if (forced?.trim().toLowerCase() === wijkgrenzen.id) return true;
	try {
		const fd = fs.openSync(file, 'r');
		try {
			const buf = Buffer.alloc(64);
			const n = fs.readSync(fd, buf, 0, 64, 0);
			const head = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
			return head.startsWith('{');
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		return false;
	}
}

interface Feature {
	/** 1-based position in `features` */
	index: number;
	line: number;
	code: string;
	geometry: Polygon | MultiPolygon;
}

export interface CheckedGeoJson {
	sha256: string;
	rowsRead: number;
	plan: CustomPlan;
}

const nl = new Intl.NumberFormat('nl-NL');

/** Step 2 (no database): read and check the whole file; null when it cannot load (the errors say why). */
export function checkGeoJson(file: string, forced: string | undefined, errors: ErrorCollector): CheckedGeoJson | null {
	if (forced !== undefined && forced.trim().toLowerCase() !== wijkgrenzen.id) {
		errors.add(undefined, undefined, 'dataset-onbekend', `dit is een GeoJSON-bestand; als GeoJSON wordt alleen de gegevensset wijkgrenzen gelezen, niet ${forced}`);
		return null;
	}
	const size = fs.statSync(file).size;
	if (size > MAX_GEOJSON_BYTES) {
		errors.add(undefined, undefined, 'bestand-te-groot', `een GeoJSON-bestand wordt in het geheugen gelezen en mag hoogstens ${formatSize(MAX_GEOJSON_BYTES)} zijn; dit is ${formatSize(size)}. Lever alleen de wijken (niet de buurten) aan`);
		return null;
	}
	const bytes = fs.readFileSync(file);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		errors.add(undefined, undefined, 'bestand-onleesbaar', 'het bestand is geen UTF-8-tekst; GeoJSON is altijd UTF-8 (RFC 7946)');
		return null;
	}
	let root: unknown;
	try {
		root = JSON.parse(text);
	} catch (e) {
		const at = jsonErrorOffset(text);
		const line = at >= 0 ? linesAt(text, [at])[0] : undefined;
		errors.add(line, undefined, 'geojson-ongeldig', 'het bestand is geen geldige JSON (bijvoorbeeld een ontbrekende komma of haak, of een afgebroken bestand); sla het opnieuw op als GeoJSON');
		return null;
	}
	const r = root as { type?: unknown; features?: unknown; crs?: unknown };
	if (typeof r !== 'object' || r === null || r.type !== 'FeatureCollection' || !Array.isArray(r.features)) {
		const what = typeof r === 'object' && r !== null && typeof r.type === 'string' ? `een ${r.type}` : 'geen GeoJSON-object';
		errors.add(1, 'type', 'geojson-soort', `het bestand is ${what}; verwacht wordt een FeatureCollection met per wijk een Feature (zoals de wijk- en buurtkaart van CBS/PDOK)`);
		return null;
	}
	const features = r.features as unknown[];
	if (features.length === 0) {
		errors.add(undefined, 'features', 'bestand-leeg', 'de FeatureCollection heeft geen features');
		return null;
	}
	const lines = linesAt(text, featureOffsets(text));
	const lineOf = (i: number) => lines[i] ?? undefined;

	let crs: Crs | null = null;
	let crsSource = '';
	const member = crsFromMember(r.crs);
	if (member && typeof member === 'object') {
		errors.add(undefined, 'crs', 'crs-onbekend', `het coördinatenstelsel "${member.other}" wordt niet gelezen; lever de wijken aan in RD New (EPSG:28992) of WGS84 (EPSG:4326, lengte en breedte in graden)`);
		return null;
	}
	if (member) {
		crs = member;
		crsSource = `volgens het crs-lid van het bestand`;
	}

	const out: Feature[] = [];
	const seen = new Map<string, number>();
	features.forEach((raw, i) => {
		if (errors.full) return;
		const line = lineOf(i);
		const where = `object ${i + 1} van features`;
		const f = raw as { type?: unknown; properties?: unknown; geometry?: unknown };
		if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
			errors.add(line, 'type', 'geojson-soort', `${where} is geen Feature`);
			return;
		}
		// The code
		const props = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
		const keys = Object.keys(props);
		const key = CODE_PROPERTIES.map((c) => keys.find((k) => k.toLowerCase() === c)).find((k) => k !== undefined);
		const rawCode = key === undefined ? '' : String(props[key] ?? '').trim();
		if (rawCode === '') {
			errors.add(line, key ?? 'wijkcode', 'waarde-verplicht', `${where} heeft geen wijkcode; verwacht in de eigenschap wijkcode, WK_CODE of statcode`);
			return;
		}
		const code = rawCode.toUpperCase();
		if (!WIJK_CODE.test(code)) {
			errors.add(line, key, 'wijk-code', `${where}: ${quote(rawCode)} is geen wijkcode; een wijkcode is WK gevolgd door 6 cijfers (WK034401). Een GM- of BU-code hoort bij de gemeente- of buurtkaart`);
			return;
		}
		const first = seen.get(code);
		if (first !== undefined) {
			errors.add(line, key, 'sleutel-dubbel', `${where}: wijk ${code} staat al in het bestand (object ${first + 1}${lineOf(first) !== undefined ? `, regel ${lineOf(first)}` : ''}); lever per wijk één feature, met een MultiPolygon als de wijk uit meer delen bestaat`);
			return;
		}
		seen.set(code, i);

		// The geometry
		const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
		if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
			const what = !g ? 'geen geometrie' : `een ${String(g.type)}`;
			errors.add(line, 'geometry', 'geometrie-soort', `${where} (wijk ${code}) heeft ${what}; een wijk is een Polygon of MultiPolygon`);
			return;
		}
		const problem = shapeProblem(g as Polygon | MultiPolygon);
		if (problem) {
			errors.add(line, 'geometry', 'geometrie-ongeldig', `${where} (wijk ${code}): ${problem}`);
			return;
		}
		const geometry = g as Polygon | MultiPolygon;
		const firstPoint = polygonsOf(geometry)[0][0][0];
		if (crs === null) {
			crs = crsFromCoordinate(firstPoint);
			crsSource = `afgeleid uit de coördinaten (het bestand noemt geen crs)`;
			if (crs === null) {
				errors.add(line, 'geometry', 'crs-onbekend', `${where} (wijk ${code}): het coördinatenstelsel is niet te herkennen aan het eerste punt (${formatPoint(firstPoint)}): dat ligt niet in Nederland in RD New (EPSG:28992, meters) of in WGS84 (lengte, breedte in graden)${looksSwapped(firstPoint) ? '; het lijkt breedte, lengte te zijn: GeoJSON vraagt eerst de lengte (ongeveer 3 tot 7), dan de breedte (ongeveer 51 tot 53)' : ''}`);
				return;
			}
		}
		const outside = firstOutside(geometry, crs);
		if (outside) {
			errors.add(line, 'geometry', 'coordinaten-bereik', `${where} (wijk ${code}): het punt ${formatPoint(outside)} ligt niet in Nederland in ${crs === 'EPSG:28992' ? 'RD New (EPSG:28992)' : 'WGS84'}, het stelsel ${crsSource}${crs === 'EPSG:4326' && looksSwapped(outside) ? '; het lijkt breedte, lengte te zijn: GeoJSON vraagt eerst de lengte, dan de breedte' : ''}`);
			return;
		}
		out.push({ index: i + 1, line: line ?? 1, code, geometry });
	});
	if (!errors.empty) return null;

	const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
	const sourceCrs = crs!;
	return {
		sha256,
		rowsRead: features.length,
		plan: { check: (conn, errs) => planLoad(conn, errs, out, sourceCrs) }
	};
}

function formatPoint(p: Position): string {
	return `${p[0]}, ${p[1]}`;
}

/** What is wrong with the coordinate arrays of a (Multi)Polygon, in Dutch, or null. */
function shapeProblem(g: Polygon | MultiPolygon): string | null {
	const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
	const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	if (!Array.isArray(polys) || polys.length === 0 || !polys.every((p) => Array.isArray(p) && p.length > 0)) {
		return `de coordinates van de ${g.type} zijn leeg of geen lijst van ringen`;
	}
	for (const [pi, poly] of polys.entries()) {
		for (const [ri, ring] of (poly as unknown[]).entries()) {
			const which = `${ri === 0 ? 'de buitenring' : `gat ${ri}`}${polys.length > 1 ? ` van vlak ${pi + 1}` : ''}`;
			if (!Array.isArray(ring) || !ring.every(isPosition)) return `${which} bevat een punt dat geen paar getallen is`;
			if (ring.length < 4) return `${which} heeft ${ring.length} punten; een ring heeft er minstens 4, met het eerste punt ook als laatste`;
			const [a, b] = [ring[0] as number[], ring[ring.length - 1] as number[]];
			if (a[0] !== b[0] || a[1] !== b[1]) return `${which} is niet gesloten: het laatste punt moet gelijk zijn aan het eerste`;
		}
	}
	return null;
}

function firstOutside(g: Polygon | MultiPolygon, crs: Crs): Position | null {
	for (const poly of polygonsOf(g)) for (const ring of poly) for (const p of ring) if (!inRange(crs, p)) return p;
	return null;
}

interface Row {
	wijk_code: string;
	geometrie: string;
	bron_crs: Crs;
	punten_voor: number;
	punten_na: number;
	bytes_voor: number;
	bytes_na: number;
}

/** Step 3, on the working copy: keep the wijken that are loaded, reproject and simplify them. */
async function planLoad(conn: DuckDBConnection, errors: ErrorCollector, features: readonly Feature[], crs: Crs): Promise<CustomRows | null> {
	const known = new Set((await conn.runAndReadAll('SELECT wijk_code FROM wijken')).getRows().map((r) => String(r[0])));
	const kept = features.filter((f) => known.has(f.code));
	const unknown = features.filter((f) => !known.has(f.code));
	if (kept.length === 0) {
		errors.add(
			undefined,
			'wijkcode',
			'wijk-onbekend',
			`geen van de ${nl.format(features.length)} wijken in het bestand staat in de wijken (bijvoorbeeld ${features[0].code}); lever de wijken eerst aan met het bestand wijken, of kies de wijkenkaart van het juiste jaar`
		);
		return null;
	}
	const rows: Row[] = kept.map((f) => {
		const wgs = reproject(f.geometry, crs);
		const { geometry } = simplifyGeometry(wgs);
		const geometrie = JSON.stringify(geometry);
		return {
			wijk_code: f.code,
			geometrie,
			bron_crs: crs,
			punten_voor: vertexCount(f.geometry),
			punten_na: vertexCount(geometry),
			bytes_voor: Buffer.byteLength(JSON.stringify(f.geometry)),
			bytes_na: Buffer.byteLength(geometrie)
		};
	});
	const warnings: string[] = [];
	if (unknown.length > 0) {
		const shown = unknown.slice(0, 5).map((f) => f.code);
		warnings.push(
			`${nl.format(unknown.length)} ${unknown.length === 1 ? 'wijk' : 'wijken'} uit het bestand ${unknown.length === 1 ? 'staat' : 'staan'} niet in de wijken en ${unknown.length === 1 ? 'is' : 'zijn'} niet geladen: ${shown.join(', ')}${unknown.length > shown.length ? ` en ${nl.format(unknown.length - shown.length)} meer` : ''} (regel: wijk-onbekend)`
		);
	}
	const sum = (k: 'punten_voor' | 'punten_na' | 'bytes_voor' | 'bytes_na') => rows.reduce((s, r) => s + r[k], 0);
	const notes = [
		`${crs === 'EPSG:28992' ? 'omgerekend van RD New (EPSG:28992) naar WGS84; ' : ''}vereenvoudigd van ${nl.format(sum('punten_voor'))} naar ${nl.format(sum('punten_na'))} punten, ${formatSize(sum('bytes_voor'))} naar ${formatSize(sum('bytes_na'))}`
	];
	return {
		rows: rows.length,
		warnings,
		notes,
		write: (c, loadId) => writeRows(c, rows, loadId)
	};
}

async function writeRows(conn: DuckDBConnection, rows: readonly Row[], loadId: number): Promise<{ replaced: number; unchanged: number }> {
	await conn.run('DROP TABLE IF EXISTS temp.wijkgrenzen_stage');
	await conn.run(
		`CREATE TEMP TABLE wijkgrenzen_stage (wijk_code VARCHAR, geometrie VARCHAR, bron_crs VARCHAR, punten_voor INTEGER, punten_na INTEGER, bytes_voor INTEGER, bytes_na INTEGER)`
	);
	const appender = await conn.createAppender('wijkgrenzen_stage', 'main', 'temp');
	try {
		for (const r of rows) {
			appender.appendVarchar(r.wijk_code);
			appender.appendVarchar(r.geometrie);
			appender.appendVarchar(r.bron_crs);
			appender.appendInteger(r.punten_voor);
			appender.appendInteger(r.punten_na);
			appender.appendInteger(r.bytes_voor);
			appender.appendInteger(r.bytes_na);
			appender.endRow();
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
	const counts = await conn.runAndReadAll(
		`SELECT count(*), count(*) FILTER (WHERE s.geometrie = t.geometrie AND s.bron_crs = t.bron_crs)
		 FROM temp.wijkgrenzen_stage s JOIN wijkgrenzen t USING (wijk_code)`
	);
	const [replaced, unchanged] = counts.getRows()[0].map(Number);
	// Identical geometry keeps its row (and load_id): loading the same file twice changes nothing.
	await conn.run(
		`DELETE FROM temp.wijkgrenzen_stage s WHERE EXISTS (SELECT 1 FROM wijkgrenzen t WHERE t.wijk_code = s.wijk_code AND t.geometrie = s.geometrie AND t.bron_crs = s.bron_crs)`
	);
	await conn.run(
		`INSERT OR REPLACE INTO wijkgrenzen (wijk_code, geometrie, bron_crs, punten_voor, punten_na, bytes_voor, bytes_na, load_id)
		 SELECT wijk_code, geometrie, bron_crs, punten_voor, punten_na, bytes_voor, bytes_na, $load_id FROM temp.wijkgrenzen_stage`,
		{ load_id: loadId }
	);
	await conn.run('DROP TABLE temp.wijkgrenzen_stage');
	return { replaced, unchanged };
}
