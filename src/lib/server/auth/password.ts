// Password hashing with scrypt from Node's crypto (OpenSSL): a memory-hard KDF, salted per user.
// The stored form names its parameters, so they can be raised later without breaking old hashes.
import crypto from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
// scrypt needs 128·N·r bytes; give it room.
const MAXMEM = 256 * N * R;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number, keylen: number): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		crypto.scrypt(password.normalize('NFC'), salt, keylen, { N: n, r, p, maxmem: Math.max(MAXMEM, 256 * n * r) }, (err, key) => (err ? reject(err) : resolve(key)))
	);
}

/** `scrypt:N:r:p:salt:hash` (base64). */
export async function hashPassword(password: string): Promise<string> {
	const salt = crypto.randomBytes(16);
	const key = await scrypt(password, salt, N, R, P, KEY_BYTES);
	return `scrypt:${N}:${R}:${P}:${salt.toString('base64')}:${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split(':');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [n, r, p] = parts.slice(1, 4).map(Number);
	const salt = Buffer.from(parts[4], 'base64');
	const expected = Buffer.from(parts[5], 'base64');
	if (!Number.isInteger(n) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length === 0) return false;
	const key = await scrypt(password, salt, n, r, p, expected.length);
	return crypto.timingSafeEqual(key, expected);
}

/** A stored hash to compare against when the account does not exist, so both take as long. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
	dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
	return dummy;
}

/** A readable random password (for a first start without MONITOR_ADMIN_PASSWORD). */
export function generatePassword(): string {
	return crypto.randomBytes(15).toString('base64url');
}

export const MIN_PASSWORD_LENGTH = 10;

/** Dutch reason a new password is refused, or null. */
export function passwordProblem(password: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) return `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens.`;
	if (password.length > 200) return 'Een wachtwoord heeft hoogstens 200 tekens.';
	return null;
}
