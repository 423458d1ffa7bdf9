// Signing in and out, and who is behind a request: the accounts file, this process's sessions and
// the throttles against password guessing, in one place. hooks.server.ts and /login use it.
import { sessionUser, UserStore, usersPath } from './users';
import { Sessions } from './sessions';
import { Throttle } from './throttle';
import type { SessionUser } from '$lib/auth/types';
import { logActivity } from '$lib/server/edits/activity';

const minutes = (env: string | undefined, fallback: number) => {
	const n = Number(env);
	return (Number.isFinite(n) && n > 0 ? n : fallback) * 60_000;
};

interface AuthState {
	users: UserStore;
	sessions: Sessions;
	perAccount: Throttle;
	perAddress: Throttle;
}

// One state per process; on globalThis so a dev-server reload keeps everyone signed in.
const KEY = Symbol.for('basiszorg-monitor.auth');
type Holder = { [KEY]?: AuthState };

export function auth(): AuthState {
	const holder = globalThis as Holder;
	const p = usersPath();
	if (!holder[KEY] || holder[KEY].users.path !== p) {
		holder[KEY] = {
			users: new UserStore(p),
			sessions: new Sessions({ idleMs: minutes(process.env.MONITOR_SESSION_IDLE_MIN, 30), absoluteMs: minutes(process.env.MONITOR_SESSION_MAX_MIN, 600) }),
			perAccount: new Throttle({ max: 5, windowMs: 15 * 60_000 }),
			perAddress: new Throttle({ max: 30, windowMs: 15 * 60_000 })
		};
	}
	return holder[KEY];
}

/** The signed-in user of a session token, or null (expired, unknown, or the account changed since). */
export function userOfSession(token: string | undefined): SessionUser | null {
	const { sessions, users } = auth();
	const session = sessions.touch(token);
	if (!session) return null;
	const account = users.get(session.gebruikersnaam);
	// Disabled, or reset or given another role (by `npm run users`) after this session began.
	if (!account || !account.actief || (account.sessies_vanaf !== undefined && session.created < Date.parse(account.sessies_vanaf))) {
		sessions.destroy(token);
		return null;
	}
	return sessionUser(account);
}

export type SignIn = { ok: true; token: string; user: SessionUser } | { ok: false; status: 400 | 429; message: string };

const wait = (ms: number) => `Te veel mislukte pogingen. Probeer het over ${Math.max(1, Math.ceil(ms / 60_000))} minuten opnieuw.`;

export async function signIn(gebruikersnaam: string, wachtwoord: string, adres: string): Promise<SignIn> {
	const { users, sessions, perAccount, perAddress } = auth();
	const name = gebruikersnaam.trim().toLowerCase();
	const blocked = Math.max(perAccount.waitMs(name), perAddress.waitMs(adres));
	if (blocked > 0) {
		logActivity({ gebruiker: null, soort: 'aanmelden-mislukt', detail: `${name}: geweigerd, te veel pogingen`, adres });
		return { ok: false, status: 429, message: wait(blocked) };
	}
	const account = await users.verify(name, wachtwoord);
	if (!account) {
		perAccount.fail(name);
		perAddress.fail(adres);
		logActivity({ gebruiker: null, soort: 'aanmelden-mislukt', detail: name, adres });
		return { ok: false, status: 400, message: 'De gebruikersnaam of het wachtwoord klopt niet.' };
	}
	perAccount.clear(name);
	logActivity({ gebruiker: account.gebruikersnaam, soort: 'aanmelden', detail: account.rol, adres });
	return { ok: true, token: sessions.create(account.gebruikersnaam), user: sessionUser(account) };
}

export function signOut(token: string | undefined, user: SessionUser | null, adres: string): void {
	auth().sessions.destroy(token);
	if (user) logActivity({ gebruiker: user.gebruikersnaam, soort: 'afmelden', detail: '', adres });
}
