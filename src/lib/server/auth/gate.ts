// The decision for every request, made in hooks.server.ts before any route runs: who is signed in,
// and may they open this route (src/lib/auth/access.ts)? Anonymous requests for a page go to /login
// (with the page to return to); for an export or other endpoint they get 401. A signed-in user
// outside a route's roles gets 403. Scopes (which rows) are enforced below this, in the query layer.
import { EXPORT_ROUTE, mayExport, mayOpen, PUBLIC_ROUTES } from '$lib/auth/access';
import type { SessionUser } from '$lib/auth/types';

export type Decision = { kind: 'allow' } | { kind: 'login'; location: string } | { kind: 'refuse'; status: 401 | 403; message: string };

/** Is this a request for data (an export or endpoint) rather than a page a person navigates to? */
const isEndpoint = (routeId: string | null, url: URL) => url.pathname.startsWith('/export/') || routeId?.endsWith('/voortgang') === true || routeId === '/afmelden';

export function decide(user: SessionUser | null, routeId: string | null, url: URL, params: Partial<Record<string, string>>): Decision {
	if (routeId !== null && PUBLIC_ROUTES.has(routeId)) return { kind: 'allow' };
	if (!user) {
		if (isEndpoint(routeId, url)) return { kind: 'refuse', status: 401, message: 'U bent niet aangemeld.' };
		const back = url.pathname + url.search;
		return { kind: 'login', location: back === '/' ? '/login' : `/login?terug=${encodeURIComponent(back)}` };
	}
	// Unknown paths: the router answers 404 once we let the request through.
	if (routeId === null) return { kind: 'allow' };
	if (!mayOpen(user.rol, routeId)) return { kind: 'refuse', status: 403, message: 'U heeft geen toegang tot deze pagina.' };
	if (routeId === EXPORT_ROUTE && params.name !== undefined && !mayExport(user.rol, params.name)) {
		// An unknown export name falls through to the 404 of the export route.
		return { kind: 'refuse', status: 403, message: 'U heeft geen toegang tot deze export.' };
	}
	return { kind: 'allow' };
}

/** Only a path on this site may be returned to after signing in (no //host or scheme). */
export function safeReturnPath(raw: string | null): string | null {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) return null;
	return raw.slice(0, 2000);
}
