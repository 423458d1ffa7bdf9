// Earlier versions of the database and the rollback to them.
//
// An import that swaps a new file in first hard-links the file it replaces into `<db>.versies/`
// (a new name for the same bytes: no copy, and the web server's open handle is unaffected), then
// keeps only the newest few. A rollback renames the newest kept version over the database, under
// the import lock: as atomic as an import's own swap, and the version is no longer kept (a second
// rollback goes one further back). Naming rules: contract/versions.ts.

import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_VERSION } from '../../contract/schema';
import { DEFAULT_KEEP_VERSIONS, parseVersionFileName, versionFileName, VERSIONS_DIR_SUFFIX, type VersionName } from '../../contract/versions';
import { IngestError, IngestFailedError } from '../errors';
import { acquireLock } from './lock';
import { fsyncDirectory } from './fsync';

export { DEFAULT_KEEP_VERSIONS } from '../../contract/versions';

export interface StoredVersion extends VersionName {
	path: string;
}

export interface RemovedLoad {
	loadId: number;
	file: string;
	dataset: string;
}

export interface RollbackReport {
	/** The version that is now the database. */
	restored: VersionName;
	/** Loads in the database before the rollback that the restored version does not hold. */
	removedLoads: RemovedLoad[];
}

export function versionsDir(dbPath: string): string {
	return `${dbPath}${VERSIONS_DIR_SUFFIX}`;
}

/** The kept versions, oldest first. */
export function listVersions(dbPath: string): StoredVersion[] {
	const dir = versionsDir(dbPath);
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const v = parseVersionFileName(name);
			return v ? [{ ...v, path: path.join(dir, name) }] : [];
		});
}

/**
 * Keeps the current database file as a version (hard link, or a copy where the file system has
 * none), then removes the oldest versions beyond `keep`. Call it only under the import lock,
 * just before a new file is renamed over the database.
 */
export function keepVersion(dbPath: string, lastLoadId: number, keep: number = DEFAULT_KEEP_VERSIONS): StoredVersion | null {
	if (keep <= 0 || !fs.existsSync(dbPath)) return null;
	const dir = versionsDir(dbPath);
	fs.mkdirSync(dir, { recursive: true });
	const now = new Date();
	let name = versionFileName(now, lastLoadId);
	for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = versionFileName(now, lastLoadId, n);
	const target = path.join(dir, name);
	try {
		fs.linkSync(dbPath, target);
	} catch {
		fs.copyFileSync(dbPath, target);
	}
	fsyncDirectory(dir);
	pruneVersions(dbPath, keep);
	return { ...parseVersionFileName(name)!, path: target };
}

/** Removes the oldest versions until at most `keep` are left. */
export function pruneVersions(dbPath: string, keep: number): void {
	const versions = listVersions(dbPath);
	for (const v of versions.slice(0, Math.max(0, versions.length - keep))) fs.rmSync(v.path, { force: true });
}

function fail(dbPath: string, rule: 'versie-ontbreekt' | 'database-onleesbaar' | 'database-versie', message: string): never {
	throw new IngestFailedError([new IngestError({ file: path.basename(dbPath) }, rule, message)]);
}

/**
 * Puts the newest kept version back in place of the database, under the import lock (a running
 * import makes it fail with `database-bezet`). Refuses when there is no version, when a WAL lies
 * beside the database, or when the version is of another schema version than this code.
 */
export async function rollback(dbPath: string): Promise<RollbackReport> {
	const lock = acquireLock(dbPath);
	try {
		const newest = listVersions(dbPath).at(-1);
		if (!newest) fail(dbPath, 'versie-ontbreekt', 'er is geen eerdere versie van de database bewaard om naar terug te gaan');
		if (fs.existsSync(`${dbPath}.wal`)) {
			fail(dbPath, 'database-onleesbaar', `naast de database staat een WAL-bestand (${path.basename(dbPath)}.wal): de database is niet netjes afgesloten. Open haar eenmaal met DuckDB (CHECKPOINT) en probeer opnieuw`);
		}
		const found = await readOnly(newest.path, async (run) => (await run("SELECT value FROM meta WHERE key = 'schema_version'"))[0]?.[0]);
		if (found !== undefined && Number(found) !== SCHEMA_VERSION) {
			fail(dbPath, 'database-versie', `de bewaarde versie ${newest.name} heeft schemaversie ${String(found)}, deze monitor leest versie ${SCHEMA_VERSION}; terugdraaien zou het dashboard onleesbaar maken`);
		}
		const removedLoads = fs.existsSync(dbPath)
			? await readOnly(dbPath, async (run) =>
					(await run(`SELECT load_id, file_name, dataset FROM loads WHERE load_id > ${Number(newest.lastLoadId)} ORDER BY load_id`)).map((r) => ({
						loadId: Number(r[0]),
						file: String(r[1]),
						dataset: String(r[2])
					}))
				)
			: [];
		fs.renameSync(newest.path, dbPath);
		fsyncDirectory(path.dirname(dbPath));
		fsyncDirectory(versionsDir(dbPath));
		const { path: _path, ...restored } = newest;
		return { restored, removedLoads };
	} finally {
		lock.release();
	}
}

type Run = (sql: string) => Promise<unknown[][]>;

async function readOnly<T>(file: string, fn: (run: Run) => Promise<T>): Promise<T> {
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
	} catch (e) {
		fail(file, 'database-onleesbaar', `${path.basename(file)} kan niet worden geopend: ${(e as Error).message}`);
	}
	try {
		const conn = await instance.connect();
		try {
			return await fn(async (sql) => (await conn.runAndReadAll(sql)).getRows() as unknown[][]);
		} finally {
			conn.closeSync();
		}
	} finally {
		instance.closeSync();
	}
}
