// Sessions of this server process: a random token in an httpOnly cookie, its hash in memory, with
// an idle and an absolute expiry. A restart signs everyone out, which is the safe default for one
// process; the account behind a session is looked up on every request, so disabling it or changing
// its role takes effect at once.
import crypto from 'node:crypto';

export const SESSION_COOKIE = 'bm_sessie';

export interface SessionOptions {
	/** Signed out after this long without a request (default 30 minutes, MONITOR_SESSION_IDLE_MIN). */
	idleMs: number;
	/** Signed out this long after signing in, whatever happens (default 10 hours). */
	absoluteMs: number;
}

interface Session {
	gebruikersnaam: string;
	created: number;
	lastSeen: number;
}

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export class Sessions {
	readonly #byHash = new Map<string, Session>();

	constructor(readonly options: SessionOptions) {}

	/** A new session; the token goes in the cookie and nowhere else. */
	create(gebruikersnaam: string, now = Date.now()): string {
		this.#sweep(now);
		const token = crypto.randomBytes(32).toString('base64url');
		this.#byHash.set(hash(token), { gebruikersnaam, created: now, lastSeen: now });
		return token;
	}

	/** The user name and start of a live session, which counts as a request (idle time starts again). */
	touch(token: string | undefined, now = Date.now()): { gebruikersnaam: string; created: number } | null {
		if (!token) return null;
		const key = hash(token);
		const s = this.#byHash.get(key);
		if (!s) return null;
		if (now - s.lastSeen > this.options.idleMs || now - s.created > this.options.absoluteMs) {
			this.#byHash.delete(key);
			return null;
		}
		s.lastSeen = now;
		return { gebruikersnaam: s.gebruikersnaam, created: s.created };
	}

	destroy(token: string | undefined): void {
		if (token) this.#byHash.delete(hash(token));
	}

	/** Signs a user out everywhere (password reset, account disabled). */
	destroyAllFor(gebruikersnaam: string): void {
		for (const [k, s] of this.#byHash) if (s.gebruikersnaam === gebruikersnaam) this.#byHash.delete(k);
	}

	get size(): number {
		return this.#byHash.size;
	}

	#sweep(now: number) {
		for (const [k, s] of this.#byHash) if (now - s.lastSeen > this.options.idleMs || now - s.created > this.options.absoluteMs) this.#byHash.delete(k);
	}
}
