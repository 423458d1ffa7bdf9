// Record keys of the cell key method (docs/privacy.md "Referral counts: the cell key method").
// The installation secret is generated once and kept in a file beside, not inside, the database
// (`<db>.celsleutel`, or MONITOR_CELSLEUTEL_BESTAND), readable by its owner only. The keys are
// computed by DuckDB (HMAC-SHA256, contract/cellKey.ts) for every referral that has none yet, so a
// re-delivered referral gets the same key again and existing keys never change.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IngestError, IngestFailedError } from './errors';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CELL_KEY_SECRET_BYTES, RECORD_KEY_SQL, hmacPads } from '../contract/cellKey';

export function secretPath(dbPath: string): string {
	return process.env.MONITOR_CELSLEUTEL_BESTAND || `${dbPath}.celsleutel`;
}

/**
 * The installation secret; created (mode 0600) when missing unless `create` is false, in which
 * case a throw-away secret is returned (a dry run stores nothing, so its keys are never seen).
 */
export function cellKeySecret(dbPath: string, create = true): Uint8Array {
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
	const secret = crypto.randomBytes(CELL_KEY_SECRET_BYTES);
	if (create) fs.writeFileSync(file, secret.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
	return Uint8Array.from(secret);
}

/** Gives every referral without a record key its key. Runs on the working copy, before the swap. */
export async function fillRecordKeys(conn: DuckDBConnection, secret: Uint8Array): Promise<void> {
	const { ipad, opad } = hmacPads(secret);
	await conn.run(`UPDATE verwijzingen SET celsleutel = ${RECORD_KEY_SQL('verwijzing_id')} WHERE celsleutel IS NULL`, { ipad, opad });
}
