// The edit store: what people change in the app (status updates, milestones ticked off, SWOT items),
// kept apart from the analytic database, which the web server only ever reads and the pipelines
// swap atomically. This is a small DuckDB file of its own (MONITOR_EDITS_DB, default edits.duckdb
// beside MONITOR_DB), opened read-write by the web server process alone.
//
// Its one data table, `audit`, is append-only: every edit is a new row (who, when, what, old, new)
// and no row is ever updated or deleted. The current state of an edited record is its latest row.
// The query modules combine these rows with the imported ones at query time (docs/regiegroep.md).

import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { databasePath } from '$lib/server/db/config';
import type { Params, Row } from '$lib/server/db/database';

/** Bumped when the audit table changes shape; the store refuses a newer file than it knows. */
export const EDITS_SCHEMA_VERSION = 2;

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- Append-only: one row per edit, never updated or deleted.
CREATE TABLE IF NOT EXISTS audit (
  audit_id BIGINT PRIMARY KEY,
  tijdstip TIMESTAMP NOT NULL,          -- UTC
  wie VARCHAR NOT NULL,                 -- the editor's name as shown (before version 2: typed in the form)
  door VARCHAR,                         -- version 2: the signed-in user's user name
  soort VARCHAR NOT NULL,               -- voortgang | mijlpaal | swot
  actie VARCHAR NOT NULL,               -- toegevoegd | gewijzigd | gereed | heropend | afgesloten
  sleutel VARCHAR NOT NULL,             -- the record's key, as a JSON array
  werkplan_id VARCHAR,                  -- context, for the history of one werkplan ...
  wijk_code VARCHAR,                    -- ... or of one wijk's SWOT
  oud VARCHAR,                          -- the record as the app showed it before the edit (JSON); NULL: new
  oud_bron VARCHAR,                     -- where that came from: import:<load_id> or app:<audit_id>
  nieuw VARCHAR NOT NULL                -- the edited fields after the edit (JSON)
);

ALTER TABLE audit ADD COLUMN IF NOT EXISTS door VARCHAR;

-- Version 2: what people did, for the beheerder (/beheer/audit): sign-ins, failed sign-ins,
-- exports (which, with which filters; never the data), uploads, rollbacks, edits, user changes.
-- Append-only like audit.
CREATE SEQUENCE IF NOT EXISTS activity_id;
CREATE TABLE IF NOT EXISTS activity (
  activity_id BIGINT PRIMARY KEY DEFAULT nextval('activity_id'),
  tijdstip TIMESTAMP NOT NULL,          -- UTC
  gebruiker VARCHAR,                    -- user name; NULL when nobody is signed in (a failed sign-in)
  soort VARCHAR NOT NULL,               -- aanmelden | aanmelden-mislukt | afmelden | export | upload | terugdraaien | bewerking | gebruiker
  detail VARCHAR NOT NULL,              -- what, in Dutch (export name and filters, file names, ...)
  adres VARCHAR                         -- the client's address
);
`;

/** MONITOR_EDITS_DB, or edits.duckdb in the directory of the analytic database. */
export function editsPath(): string {
	const configured = process.env.MONITOR_EDITS_DB;
	if (configured) return path.resolve(configured);
	return path.join(path.dirname(databasePath()), 'edits.duckdb');
}

/** An ISO time (UTC, `…Z`) as the TIMESTAMP text the store's columns take: they hold UTC without a zone. */
export function utcTimestamp(iso: string): string {
	return iso.replace('T', ' ').replace(/Z$/, '');
}

function toPlain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString();
	return value;
}

export class EditStore {
	#instance: Promise<DuckDBInstance> | null = null;
	#writes: Promise<unknown> = Promise.resolve();

	constructor(readonly path: string) {}

	#open(): Promise<DuckDBInstance> {
		if (!this.#instance) {
			const opening = (async () => {
				fs.mkdirSync(path.dirname(this.path), { recursive: true });
				const instance = await DuckDBInstance.create(this.path);
				const conn = await instance.connect();
				try {
					await conn.run(SCHEMA_SQL);
					const found = await conn.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`);
					const version = found.getRows()[0]?.[0];
					if (version !== undefined && Number(version) > EDITS_SCHEMA_VERSION) {
						throw new Error(`Het bewerkingenbestand ${this.path} heeft schemaversie ${version}; deze monitor kent versie ${EDITS_SCHEMA_VERSION}.`);
					}
					// CREATE IF NOT EXISTS brought an older file up to this version.
					await conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', '${EDITS_SCHEMA_VERSION}')`);
				} finally {
					conn.closeSync();
				}
				return instance;
			})();
			// A failed open must not stick: the next call tries again.
			opening.catch(() => {
				if (this.#instance === opening) this.#instance = null;
			});
			this.#instance = opening;
		}
		return this.#instance;
	}

	async query<T extends object = Row>(sql: string, params: Params = {}): Promise<T[]> {
		const conn = await (await this.#open()).connect();
		try {
			const reader = await conn.runAndReadAll(sql, params);
			return reader.getRowObjectsJS().map((row) => {
				const out: Row = {};
				for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
				return out as T;
			});
		} finally {
			conn.closeSync();
		}
	}

	/**
	 * Runs `fn` in a transaction, one write at a time, and checkpoints afterwards so that the file
	 * on disk is complete after every edit.
	 */
	write<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
		const run = async () => {
			const conn = await (await this.#open()).connect();
			try {
				await conn.run('BEGIN TRANSACTION');
				let result: T;
				try {
					result = await fn(conn);
					await conn.run('COMMIT');
				} catch (e) {
					await conn.run('ROLLBACK').catch(() => undefined);
					throw e;
				}
				await conn.run('CHECKPOINT');
				return result;
			} finally {
				conn.closeSync();
			}
		};
		const next = this.#writes.then(run, run);
		this.#writes = next.catch(() => undefined);
		return next;
	}

	async close(): Promise<void> {
		await this.#writes;
		const opening = this.#instance;
		this.#instance = null;
		if (opening) (await opening.catch(() => null))?.closeSync();
	}
}

// One store per process; kept on globalThis so that a dev-server reload does not open the file twice.
const KEY = Symbol.for('basiszorg-monitor.edits');
type Holder = { [KEY]?: EditStore };

/** The edit store of this server process. */
export function edits(): EditStore {
	const holder = globalThis as Holder;
	const p = editsPath();
	if (!holder[KEY] || holder[KEY].path !== p) holder[KEY] = new EditStore(p);
	return holder[KEY];
}
