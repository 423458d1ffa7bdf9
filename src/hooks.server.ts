// The single entry point of every request (pages and exports alike): who is signed in, and may
// they open this route (src/lib/server/auth/gate.ts)? No route can forget the check. Scopes are
// enforced below, in the query layer (src/lib/server/db/scope.ts).
import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { bootstrapAccounts } from '$lib/server/auth/bootstrap';
import { decide } from '$lib/server/auth/gate';
import { auth, userOfSession } from '$lib/server/auth/service';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { isDemoDatabase } from '$lib/server/db/page';
import { db } from '$lib/server/db/database';
import { databaseMemoryMb, minCell } from '$lib/server/db/config';
import { prewarm } from '$lib/server/prewarm';
import { withSecurityHeaders } from '$lib/server/http/security';
import { PageCache, pageKey } from '$lib/server/http/pageCache';

export const init: ServerInit = async () => {
	// A bad setting stops the server at start-up with its Dutch sentence, not every request later.
	minCell();
	databaseMemoryMb();
	const { announcement } = await bootstrapAccounts(auth().users, {
		adminPassword: process.env.MONITOR_ADMIN_PASSWORD || undefined,
		demo: await isDemoDatabase()
	});
	if (announcement) console.log(announcement);
	// The default views are computed for every new version of the database before anyone asks.
	// Opening the file (a trivial query) is a new version too, so the listener runs once for it.
	const database = db();
	database.onNewVersion((d) => void prewarm(d));
	if (database.exists()) void database.query('SELECT 1').catch(() => undefined);
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	event.locals.user = userOfSession(event.cookies.get(SESSION_COOKIE));
	const decision = decide(event.locals.user, event.route.id, event.url, event.params);
	if (decision.kind === 'login') redirect(303, decision.location);
	if (decision.kind === 'refuse') error(decision.status, decision.message);
	// Only after the gate: a kept page is served to the same user on the same version of the data.
	const key = pageKey(event.request, event.route.id, event.locals.user, currentVersion);
	if (key === null) return withSecurityHeaders(await resolve(event));
	const kept = pages.get(key);
	return withSecurityHeaders(kept ?? (await pages.put(key, await resolve(event))));
};

const pages = new PageCache();
let keptFor: string | null = null;

/** The database file's version; a new one empties the page cache (its pages would never be asked for again). */
function currentVersion(): string | null {
	const version = db().version();
	if (version !== keptFor) {
		pages.clear();
		keptFor = version;
	}
	return version;
}

const CLIENT_ERRORS: Record<number, string> = {
	400: 'Dit verzoek kan de monitor niet lezen.',
	405: 'Deze pagina neemt geen formulier aan.',
	413: 'Het verzoek is te groot.',
	415: 'Dit soort verzoek neemt de monitor niet aan.'
};

/** Unexpected errors: logged with the request id, shown in Dutch without internals (no stack, no SQL). */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: `Er is geen pagina op ${event.url.pathname}.` };
	// The client's mistake (a POST to a page without a form, ...): a Dutch sentence, nothing logged.
	if (status < 500) return { message: CLIENT_ERRORS[status] ?? 'Dit verzoek kan de monitor niet uitvoeren.' };
	console.error(`[${event.locals.requestId ?? '-'}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: `Er ging iets mis bij het ophalen van de gegevens (foutcode ${event.locals.requestId ?? 'onbekend'}).`, errorId: event.locals.requestId };
};
