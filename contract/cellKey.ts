// The record key of the cell key method (docs/privacy.md "Referral counts: the cell key method"):
// every referral gets an integer in 0..N-1 from HMAC-SHA256(installation secret, verwijzing_id),
// computed by DuckDB at ingest. The secret lives outside the database file (pipelines/cellKeySecret.ts);
// the server only reads the stored keys and never needs it.

/** N: record and cell keys lie in 0..N-1. */
export const CELL_KEY_MODULUS = 256;

/** Length of the installation secret in bytes. */
export const CELL_KEY_SECRET_BYTES = 32;

/**
 * The HMAC pads of a secret (RFC 2104, SHA-256 block of 64 bytes) as hex, bound as the parameters
 * $ipad and $opad of RECORD_KEY_SQL.
 */
export function hmacPads(secret: Uint8Array): { ipad: string; opad: string } {
	if (secret.length > 64) throw new Error('secret longer than one SHA-256 block');
	const block = new Uint8Array(64);
	block.set(secret);
	const hex = (xor: number) => Array.from(block, (b) => (b ^ xor).toString(16).padStart(2, '0')).join('');
	return { ipad: hex(0x36), opad: hex(0x5c) };
}

/**
 * The record key of the value in `column` as a SQL expression: the first 32 bits of
 * HMAC-SHA256($secret, column) modulo N. Needs the parameters $ipad and $opad (hmacPads).
 */
export const RECORD_KEY_SQL = (column: string) =>
	`CAST(('0x' || left(sha256(unhex($opad) || unhex(sha256(unhex($ipad) || encode(${column})))), 8))::UBIGINT % ${CELL_KEY_MODULUS} AS INTEGER)`;
