// Read-only access to the analytic database, following atomic swaps.
//
// The pipelines never change the file in place: they build a new version beside it and rename it
// over the old one. Each query first stats the path; when the file behind it is a different one
// (inode, size or mtime changed) a new read-only instance is opened for new queries, while queries
// that are still running finish on the old instance, which is closed when its last one is done.
// On Linux the renamed-over file stays readable through the open handle, so no request fails.

import fs from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SCHEMA_VERSION } from '$contract/schema';
import { FULL_SCOPE, isFullScope, type Scope } from '$lib/auth/types';
import { databaseMemoryMb, databasePath } from './config';
import { applyScope, tableColumns, type TableColumns } from './scope';

export type Row = Record<string, unknown>;
export type Params = Record<string, string | number | boolean | null>;

export class DatabaseMissingError extends Error {
	constructor(readonly path: string) {
		super(`Er is nog geen database op ${path}.`);
		this.name = 'DatabaseMissingError';
	}
}

/** The file is not a monitor database, or one of another schema version than this app reads. */
export class DatabaseVersionError extends Error {
	constructor(
		readonly path: string,
		message: string
	) {
		super(message);
		this.name = 'DatabaseVersionError';
	}
}

/**
 * Refuses a file the app cannot read correctly: one without the pipelines' `meta` table, or with a
 * schema version other than contract/schema.ts names. A file without a recorded version (built by
 * hand, as the tests do) is read as the current version.
 */
async function checkSchemaVersion(instance: DuckDBInstance, path: string): Promise<void> {
	const conn = await instance.connect();
	try {
		const tables = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta' AND schema_name = 'main'`);
		if (Number(tables.getRows()[0][0]) === 0) {
			throw new DatabaseVersionError(path, `${path} is geen database van de Basiszorg Monitor (de tabel meta ontbreekt). Bouw de database met npm run ingest.`);
		}
		const columns = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_columns() WHERE table_name = 'meta' AND schema_name = 'main' AND column_name IN ('key', 'value')`);
		// A meta table without key/value columns holds no version (a hand-made file, as some tests build).
		if (Number(columns.getRows()[0][0]) < 2) return;
		const found = (await conn.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`)).getRows()[0]?.[0];
		if (found === undefined || Number(found) === SCHEMA_VERSION) return;
		throw new DatabaseVersionError(
			path,
			Number(found) > SCHEMA_VERSION
				? `De database ${path} heeft schemaversie ${found}; deze versie van de monitor leest versie ${SCHEMA_VERSION}. Werk de monitor bij.`
				: `De database ${path} heeft schemaversie ${found}, ouder dan versie ${SCHEMA_VERSION} die deze monitor leest. Laad de exports opnieuw met npm run ingest (of bouw de demodatabase met npm run demo-db).`
		);
	} finally {
		conn.closeSync();
	}
}

interface Generation {
	key: string;
	instance: Promise<DuckDBInstance>;
	/** The file's tables and columns, read once, for the scope's views. */
	tables: Promise<TableColumns> | null;
	/**
	 * Idle connections per scope, their views already created: creating them costs ~20 statements,
	 * so a connection is kept for the next query of the same scope (most recently used last).
	 */
	idle: Map<string, DuckDBConnection[]>;
	active: number;
	retired: boolean;
	/**
	 * Results of `memo`, per scope and question, most recently used last. They belong to this
	 * version of the file: a swap starts a new generation with an empty cache.
	 */
	results: Map<string, CachedResult>;
	/** The sum of the weights of `results`. */
	weight: number;
}

interface CachedResult {
	value: Promise<unknown>;
	/** rows held (weightOf), known once the value is there; 1 until then */
	weight: number;
}

/** Results kept per file version, over all scopes (least recently used dropped first). */
const MAX_RESULTS = 400;
/**
 * Rows kept per file version. A count of entries alone let a few national results of 600,000 rows
 * (every practice x month) hold a gigabyte; a row of a result is a few hundred bytes.
 */
export const MAX_RESULT_ROWS = 300_000;

/** How many rows a result holds: the length of an array, or of the arrays among an object's values. */
export function weightOf(value: unknown): number {
	if (Array.isArray(value)) return Math.max(1, value.length);
	if (value && typeof value === 'object') {
		let rows = 0;
		for (const v of Object.values(value)) if (Array.isArray(v)) rows += v.length;
		return Math.max(1, rows);
	}
	return 1;
}

/** Idle connections kept per file version, over all scopes. */
const MAX_IDLE = 32;

/** Drops the least recently used results until the generation is within both limits; `keep` last. */
function evict(gen: Generation, keep: CachedResult): void {
	for (const [key, entry] of gen.results) {
		if (gen.results.size <= MAX_RESULTS && gen.weight <= MAX_RESULT_ROWS) return;
		if (entry === keep) continue;
		gen.results.delete(key);
		gen.weight -= entry.weight;
	}
	// Only `keep` is left and it is too heavy alone: it serves the requests waiting for it, no more.
	if (gen.weight > MAX_RESULT_ROWS && gen.results.size === 1) {
		gen.results.clear();
		gen.weight = 0;
	}
}

function fileKey(stat: fs.Stats): string {
	return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** Plain JS values: BigInt counts become numbers, DATE/TIMESTAMP become ISO strings. */
function toPlain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (Array.isArray(value)) return value.map(toPlain);
	return value;
}

/**
 * DuckDB refuses named parameters a statement does not use; query modules pass one filter object
 * to several statements, so each gets only the names it mentions.
 */
function usedParams(sql: string, params: Params): Params {
	const out: Params = {};
	for (const [name, value] of Object.entries(params)) if (new RegExp(`\\$${name}\\b`).test(sql)) out[name] = value;
	return out;
}

/** The open versions of one file; shared by every scoped view of it. */
class FileState {
	current: Generation | null = null;
	swaps = 0;
	/** Called (in the background) when a version of the file is opened: the first, and every swap. */
	listeners: ((db: Database) => void)[] = [];
}

export class Database {
	readonly #file: FileState;

	/** `scope`: the rows this handle may read (row-level security, scope.ts); everything by default. */
	constructor(
		readonly path: string,
		readonly scope: Scope = FULL_SCOPE,
		file: FileState = new FileState()
	) {
		this.#file = file;
	}

	/** The same file, seen through a user's scope. */
	scoped(scope: Scope): Database {
		return new Database(this.path, scope, this.#file);
	}

	/**
	 * Runs `listener` in the background whenever a new version of the file is opened (to warm the
	 * results most pages need before the first user asks; see src/lib/server/prewarm.ts).
	 */
	onNewVersion(listener: (db: Database) => void): void {
		this.#file.listeners.push(listener);
	}

	/** How many times a new version of the file was picked up (for /bronnen and the tests). */
	get swaps(): number {
		return this.#file.swaps;
	}

	exists(): boolean {
		return fs.existsSync(this.path);
	}

	/** Which version of the file queries read now (changes with every swap); null without a file. */
	version(): string | null {
		try {
			return this.#generation().key;
		} catch {
			return null;
		}
	}

	#generation(): Generation {
		const state = this.#file;
		let stat: fs.Stats;
		try {
			stat = fs.statSync(this.path);
		} catch {
			throw new DatabaseMissingError(this.path);
		}
		const key = fileKey(stat);
		if (state.current?.key === key) return state.current;
		const previous = state.current;
		if (previous) state.swaps++;
		const next: Generation = {
			key,
			instance: DuckDBInstance.create(this.path, { access_mode: 'READ_ONLY', memory_limit: `${databaseMemoryMb()}MB` }).then(async (instance) => {
				try {
					await checkSchemaVersion(instance, this.path);
					return instance;
				} catch (e) {
					instance.closeSync();
					throw e;
				}
			}),
			tables: null,
			idle: new Map(),
			active: 0,
			retired: false,
			results: new Map(),
			weight: 0
		};
		// A failed open must not stick: the next query tries again.
		next.instance.then(
			() => {
				for (const listener of state.listeners) setTimeout(() => listener(new Database(this.path, FULL_SCOPE, state)), 0);
			},
			() => {
				if (state.current === next) state.current = previous;
			}
		);
		state.current = next;
		if (previous) this.#retire(previous);
		return next;
	}

	#retire(gen: Generation) {
		gen.retired = true;
		if (gen.active === 0) closeGeneration(gen);
	}

	async query<T extends object = Row>(sql: string, params: Params = {}): Promise<T[]> {
		return this.#run<T>(sql, params, this.scope);
	}

	/**
	 * The result of `compute` for this version of the file, this scope, `name` and `args` (JSON):
	 * computed once, then served from memory until the file is swapped. Concurrent requests for the
	 * same result share one computation. The result is shared: callers must not change it.
	 */
	memo<T>(name: string, args: unknown, compute: () => Promise<T>): Promise<T> {
		const gen = this.#generation();
		const key = `${isFullScope(this.scope) ? '' : JSON.stringify(this.scope)}|${name}|${JSON.stringify(args)}`;
		const hit = gen.results.get(key);
		if (hit) {
			gen.results.delete(key);
			gen.results.set(key, hit);
			return hit.value as Promise<T>;
		}
		const result = compute();
		const entry: CachedResult = { value: result, weight: 1 };
		gen.results.set(key, entry);
		gen.weight += 1;
		const forget = () => {
			if (gen.results.get(key) !== entry) return;
			gen.results.delete(key);
			gen.weight -= entry.weight;
		};
		result.then(
			(value) => {
				if (gen.results.get(key) !== entry) return;
				const weight = weightOf(value);
				gen.weight += weight - entry.weight;
				entry.weight = weight;
				evict(gen, entry);
			},
			// A failure is not kept: the next request tries again.
			forget
		);
		evict(gen, entry);
		return result;
	}

	/**
	 * A fact about the delivery as a whole, the same for every user: the period the referral data
	 * covers. Rates count the months of that period, so a user who sees one gemeente must get the
	 * same rate as one who sees all. Never for rows or counts (those always go through the scope).
	 */
	deliveryPeriod<T extends object = Row>(sql: string): Promise<T[]> {
		return this.#run<T>(sql, {}, FULL_SCOPE);
	}

	async #run<T extends object>(sql: string, params: Params, scope: Scope): Promise<T[]> {
		const gen = this.#generation();
		gen.active++;
		const key = isFullScope(scope) ? '' : JSON.stringify(scope);
		let connection: DuckDBConnection | undefined;
		try {
			const instance = await gen.instance;
			connection = gen.idle.get(key)?.pop();
			if (!connection) {
				connection = await instance.connect();
				if (key) {
					gen.tables ??= tableColumns(connection);
					await applyScope(connection, scope, await gen.tables);
				}
			}
			const reader = await connection.runAndReadAll(sql, usedParams(sql, params));
			const rows = reader.getRowObjectsJS().map((row) => {
				const out: Row = {};
				for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
				return out as T;
			});
			keepIdle(gen, key, connection);
			connection = undefined;
			return rows;
		} finally {
			// A failed query's connection is not reused.
			connection?.closeSync();
			gen.active--;
			if (gen.retired && gen.active === 0) closeGeneration(gen);
		}
	}

	close() {
		if (this.#file.current) this.#retire(this.#file.current);
		this.#file.current = null;
	}
}

function keepIdle(gen: Generation, key: string, connection: DuckDBConnection): void {
	if (gen.retired) return connection.closeSync();
	const list = gen.idle.get(key) ?? [];
	gen.idle.delete(key);
	gen.idle.set(key, [...list, connection]);
	let total = 0;
	for (const l of gen.idle.values()) total += l.length;
	// Over the limit: close the least recently used scope's connections first.
	for (const [k, l] of gen.idle) {
		if (total <= MAX_IDLE) break;
		while (l.length && total > MAX_IDLE) {
			l.shift()!.closeSync();
			total--;
		}
		if (!l.length) gen.idle.delete(k);
	}
}

function closeGeneration(gen: Generation): void {
	for (const l of gen.idle.values()) for (const c of l) c.closeSync();
	gen.idle.clear();
	gen.results.clear();
	gen.weight = 0;
	void gen.instance.then((i) => i.closeSync()).catch(() => {});
}

let shared: Database | null = null;

/** The database of this server process (MONITOR_DB, default data/monitor.duckdb). */
export function db(): Database {
	const p = databasePath();
	if (!shared || shared.path !== p) shared = new Database(p);
	return shared;
}
