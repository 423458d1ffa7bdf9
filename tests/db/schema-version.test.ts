// The dashboard refuses a database file it cannot read correctly, with a Dutch message instead of
// SQL errors on every page: a newer or older schema version than contract/schema.ts, or a DuckDB
// file that is no monitor database at all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_SQL, SCHEMA_VERSION } from '$contract/schema';
import { Database, DatabaseVersionError } from '$lib/server/db/database';
import { withDatabase } from '$lib/server/db/page';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-schema-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function databaseFile(name: string, sql: string): Promise<string> {
	const file = path.join(dir, name);
	const instance = await DuckDBInstance.create(file);
	const conn = await instance.connect();
	await conn.run(sql);
	conn.closeSync();
	instance.closeSync();
	return file;
}

const withVersion = (v: string) => `${SCHEMA_SQL}; INSERT INTO meta VALUES ('schema_version', '${v}')`;

describe('schema version of the analytic database', () => {
	it('reads a database of its own version', async () => {
		const file = await databaseFile('current.duckdb', withVersion(String(SCHEMA_VERSION)));
		const db = new Database(file);
		expect(await db.query(`SELECT count(*)::INTEGER AS n FROM wijken`)).toEqual([{ n: 0 }]);
		db.close();
	});

	it('refuses a newer database and says to update the monitor', async () => {
		const file = await databaseFile('newer.duckdb', withVersion(String(SCHEMA_VERSION + 1)));
		const db = new Database(file);
		const failure = db.query('SELECT 1');
		await expect(failure).rejects.toBeInstanceOf(DatabaseVersionError);
		await expect(failure).rejects.toThrow(`heeft schemaversie ${SCHEMA_VERSION + 1}; deze versie van de monitor leest versie ${SCHEMA_VERSION}. Werk de monitor bij.`);
		db.close();
	});

	it('refuses an older database and says to load the exports again', async () => {
		const file = await databaseFile('older.duckdb', withVersion(String(SCHEMA_VERSION - 1)));
		const db = new Database(file);
		await expect(db.query('SELECT 1')).rejects.toThrow(/ouder dan versie \d+ die deze monitor leest\. Laad de exports opnieuw met npm run ingest/);
		db.close();
	});

	it('refuses a DuckDB file that is not a monitor database', async () => {
		const file = await databaseFile('other.duckdb', 'CREATE TABLE iets (x INTEGER)');
		const db = new Database(file);
		await expect(db.query('SELECT 1')).rejects.toThrow('is geen database van de Basiszorg Monitor (de tabel meta ontbreekt)');
		db.close();
	});

	it('gives the pages an empty state with the message instead of an error', async () => {
		const file = await databaseFile('newer-page.duckdb', withVersion(String(SCHEMA_VERSION + 1)));
		const before = process.env.MONITOR_DB;
		process.env.MONITOR_DB = file;
		try {
			const locals = { requestId: 't', user: { gebruikersnaam: 'b', naam: 'B', rol: 'beheerder' as const, scope: { gemeenten: null, wijken: null } } };
			const loaded = await withDatabase(locals, async ({ db }) => ({ rows: await db.query('SELECT 1 AS x') }));
			expect(loaded).toMatchObject({ ok: false, reason: 'schemaversie', path: file });
			expect(loaded.ok === false && loaded.reason === 'schemaversie' && loaded.message).toContain('Werk de monitor bij');
			// Anyone else learns nothing about the server's files.
			const lezer = { ...locals, user: { ...locals.user, rol: 'lezer' as const } };
			const hidden = await withDatabase(lezer, async ({ db }) => ({ rows: await db.query('SELECT 1') }));
			expect(hidden).toEqual({ ok: false, reason: 'schemaversie', path: '', message: 'De gegevens passen niet bij deze versie van de monitor. Meld het de beheerder.' });
		} finally {
			if (before === undefined) delete process.env.MONITOR_DB;
			else process.env.MONITOR_DB = before;
		}
	});
});
