// The database is never changed in place. An import works on a copy beside it and, only when
// every file loaded, renames the copy over the original: rename is atomic, so the web server (which
// holds the old file open read-only) sees either the old or the new version, never a half one,
// and a failed import leaves the original byte for byte as it was.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { IngestError, IngestFailedError } from '../errors';
import { fsyncDirectory, fsyncPath } from './fsync';
import { SCHEMA_SQL, SCHEMA_VERSION, SEED_SQL } from '../../contract/schema';

export interface WorkingCopy {
	/** The temporary file being written. */
	path: string;
	connection: DuckDBConnection;
	/** True when there was no database yet. */
	created: boolean;
	/**
	 * Checkpoint, close, fsync and rename over the original. `beforeSwap` runs just before the
	 * rename, while the original is still in place (to keep it as an earlier version).
	 */
	commit(beforeSwap?: () => void): Promise<void>;
	/** Close and delete the copy; the original is untouched. */
	discard(): void;
}

const TEMP_MARK = '.tmp-';

function fail(dbPath: string, rule: 'database-onleesbaar' | 'database-versie', message: string): never {
	throw new IngestFailedError([new IngestError({ file: path.basename(dbPath) }, rule, message)]);
}

export async function openWorkingCopy(dbPath: string): Promise<WorkingCopy> {
	const dir = path.dirname(dbPath);
	fs.mkdirSync(dir, { recursive: true });
	removeAbandonedCopies(dbPath);
	if (fs.existsSync(`${dbPath}.wal`)) {
		// Committed changes may live in that WAL only; a copy of the main file would lose them, and
		// after the swap the old WAL would be replayed onto the new file.
		fail(
			dbPath,
			'database-onleesbaar',
			`naast de database staat een WAL-bestand (${path.basename(dbPath)}.wal): de database is niet netjes afgesloten. Open haar eenmaal met DuckDB (CHECKPOINT) en probeer opnieuw`
		);
	}

	const tempPath = `${dbPath}${TEMP_MARK}${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
	const created = !fs.existsSync(dbPath);
	if (!created) fs.copyFileSync(dbPath, tempPath);

	let instance: DuckDBInstance | null = null;
	let connection: DuckDBConnection | null = null;
	const close = () => {
		connection?.closeSync();
		instance?.closeSync();
		connection = null;
		instance = null;
	};
	const removeTemp = () => {
		for (const f of [tempPath, `${tempPath}.wal`]) fs.rmSync(f, { force: true });
		fs.rmSync(`${tempPath}.tmp`, { recursive: true, force: true });
	};

	try {
		instance = await DuckDBInstance.create(tempPath);
		connection = await instance.connect();
		await prepareSchema(connection, dbPath, created);
	} catch (e) {
		close();
		removeTemp();
		if (e instanceof IngestFailedError) throw e;
		fail(dbPath, 'database-onleesbaar', `de database kan niet worden geopend: ${(e as Error).message}`);
	}
	const conn: DuckDBConnection = connection!;

	return {
		path: tempPath,
		connection: conn,
		created,
		async commit(beforeSwap?: () => void) {
			await conn.run('CHECKPOINT');
			close();
			const wal = `${tempPath}.wal`;
			if (fs.existsSync(wal)) {
				// After CHECKPOINT and close DuckDB has no business keeping a WAL; an empty one is harmless.
				if (fs.statSync(wal).size > 0) throw new Error(`WAL ${wal} is na CHECKPOINT niet leeg`);
				fs.rmSync(wal);
			}
			fsyncPath(tempPath);
			beforeSwap?.();
			fs.renameSync(tempPath, dbPath);
			fsyncDirectory(dir);
		},
		discard() {
			try {
				close();
			} finally {
				removeTemp();
			}
		}
	};
}

async function prepareSchema(conn: DuckDBConnection, dbPath: string, created: boolean): Promise<void> {
	if (!created) {
		const reader = await conn.runAndReadAll(
			"SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
		);
		const hasMeta = Number(reader.getRows()[0][0]) > 0;
		if (hasMeta) {
			const v = await conn.runAndReadAll("SELECT value FROM meta WHERE key = 'schema_version'");
			const found = v.getRows()[0]?.[0];
			if (found !== undefined && Number(found) > SCHEMA_VERSION) {
				fail(dbPath, 'database-versie', `de database heeft schemaversie ${found}, deze pipeline kent versie ${SCHEMA_VERSION}; werk de monitor bij`);
			}
		}
	}
	// CREATE IF NOT EXISTS and INSERT OR IGNORE: harmless on an existing database, and a database
	// from an older version gets the tables it lacks, and with them this version's number (the
	// dashboard refuses a file whose version differs from its own).
	await conn.run(SCHEMA_SQL);
	await conn.run(SEED_SQL);
	await conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
}

/** Copies left by an import that crashed. Only a lock holder creates them, and we hold the lock. */
function removeAbandonedCopies(dbPath: string): void {
	const dir = path.dirname(dbPath);
	const prefix = path.basename(dbPath) + TEMP_MARK;
	for (const name of fs.readdirSync(dir)) {
		if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
	}
}
