// Signing in for the browser suite: every page and export needs a session now. The test server gets
// MONITOR_ADMIN_PASSWORD, so `beheerder` always exists; other accounts are written to the suite's
// accounts file before the server starts.
import type { Browser, BrowserContext } from 'playwright-core';

export const ADMIN = { gebruikersnaam: 'beheerder', wachtwoord: 'test-beheerder-wachtwoord' };

export interface Session {
	url: string;
	token: string;
}

/** Signs in through the login form (as a browser would post it) and returns the session. */
export async function signIn(url: string, account: { gebruikersnaam: string; wachtwoord: string } = ADMIN): Promise<Session> {
	const res = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, accept: 'text/html' },
		body: new URLSearchParams(account).toString()
	});
	const token = /bm_sessie=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
	if (res.status !== 303 || !token) throw new Error(`sign-in as ${account.gebruikersnaam} failed: ${res.status} ${await res.text()}`);
	return { url, token };
}

/** fetch with the session's cookie. */
export function sessionFetch(session: Session, path: string, init: RequestInit = {}): Promise<Response> {
	return fetch(session.url + path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: `bm_sessie=${session.token}` } });
}

const byBrowser = new WeakMap<Browser, Session>();

/** Pages opened with openPage(browser) are signed in with this session. */
export function useSession(browser: Browser, session: Session): void {
	byBrowser.set(browser, session);
}

export async function addSessionCookie(browser: Browser, context: BrowserContext): Promise<void> {
	const s = byBrowser.get(browser);
	if (s) await context.addCookies([{ name: 'bm_sessie', value: s.token, url: s.url, httpOnly: true, sameSite: 'Lax' }]);
}
