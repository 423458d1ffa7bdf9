// Record keys of the cell key method (docs/privacy.md "Referral counts: the cell key method").
// The installation secret is generated once and kept in a file beside, not inside, the database
// (`<db>.celsleutel`, or MONITOR_CELSLEUTEL_BESTAND), readable by its owner only. The keys are
// computed by DuckDB (HMAC-SHA256, contract/cellKey.ts) as each referral is written (recordKeyFor),
// so a re-delivered referral gets the same key again and existing keys never change; rows of an
// older database that have none yet get theirs afterwards (fillRecordKeys).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IngestError, IngestFailedError } from './errors';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ComputedColumn } from './loader';
import { CELL_KEY_SECRET_BYTES, RECORD_KEY_SQL, hmacPads } from '../contract/cellKey';

export function secretPath(dbPath: string): string {
	return process.env.MONITOR_CELSLEUTEL_BESTAND || `${dbPath}.celsleutel`;
}

/**
 * The installation secret; created (mode 0600) when missing unless `create` is false, in which
 * case a throw-away secret is returned (a dry run stores nothing, so its keys are never seen).
 */
export function cellKeySecret(dbPath: string, create = true): Uint8Array {
	const known = readCellKeySecret(dbPath);
	if (known) return known;
	const secret = newCellKeySecret();
	if (create) saveCellKeySecret(dbPath, secret);
	return secret;
}

/** A new random secret (not stored: saveCellKeySecret stores it once the import succeeds). */
export function newCellKeySecret(): Uint8Array {
	return Uint8Array.from(crypto.randomBytes(CELL_KEY_SECRET_BYTES));
}

export function saveCellKeySecret(dbPath: string, secret: Uint8Array): void {
	fs.writeFileSync(secretPath(dbPath), Buffer.from(secret).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
}

/** The stored secret, or null when there is none yet; a damaged one is an error. */
export function readCellKeySecret(dbPath: string): Uint8Array | null {
	const file = secretPath(dbPath);
	try {
		const hex = fs.readFileSync(file, 'utf8').trim();
		if (!new RegExp(`^[0-9a-f]{${CELL_KEY_SECRET_BYTES * 2}}$`).test(hex)) {
			throw new IngestFailedError([
				new IngestError(
					{ file: path.basename(file) },
					'celsleutel',
					`het sleutelbestand ${file} is beschadigd (verwacht ${CELL_KEY_SECRET_BYTES * 2} hexadecimale tekens); zet het bewaarde bestand terug, want met een nieuwe sleutel krijgen opnieuw geleverde verwijzingen andere verstoringen`
				)
			]);
		}
		return Uint8Array.from(Buffer.from(hex, 'hex'));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	return null;
}

/**
 * The record key as a column computed while a dataset's rows are written (loader.ts), for the
 * table that has one (verwijzingen): the keys cost two SHA-256 per row either way, but computed in
 * the insert they need no second pass over the table (an UPDATE rewrites every row).
 */
export function recordKeyFor(table: string, secret: Uint8Array): ComputedColumn | undefined {
	if (table !== 'verwijzingen') return undefined;
	return { column: 'celsleutel', sql: RECORD_KEY_SQL('s.verwijzing_id'), params: hmacPads(secret) };
}

/**
 * Gives every referral without a record key its key (rows of a database from before the keys, or
 * loaded without them). Runs on the working copy, before the swap; finds nothing to do after an
 * import whose rows got their keys as they were written.
 */
export async function fillRecordKeys(conn: DuckDBConnection, secret: Uint8Array): Promise<void> {
	const { ipad, opad } = hmacPads(secret);
	await conn.run(`UPDATE verwijzingen SET celsleutel = ${RECORD_KEY_SQL('verwijzing_id')} WHERE celsleutel IS NULL`, { ipad, opad });
}
