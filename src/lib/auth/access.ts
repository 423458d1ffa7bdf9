// Which role may open which page, use which export and make edits: one table, read by
// hooks.server.ts for every request (default: refused) and by the layout for the menu. A route that
// is not in PAGE_ACCESS is refused to everyone, so a new page cannot be forgotten
// (tests/auth/routes.test.ts lists every route and export and checks each has an entry).
import type { Rol } from './types';

const ALLE: readonly Rol[] = ['beheerder', 'beleid', 'gez', 'regiegroep', 'lezer'];
const VERWIJZINGEN: readonly Rol[] = ['beheerder', 'beleid', 'gez', 'lezer'];
const OJG: readonly Rol[] = ['beheerder', 'beleid', 'lezer'];
const ENQUETES: readonly Rol[] = ['beheerder', 'beleid', 'gez', 'lezer'];
const REGIEGROEP: readonly Rol[] = ['beheerder', 'beleid', 'regiegroep', 'lezer'];
const BEHEER: readonly Rol[] = ['beheerder'];

/** Pages and endpoints by SvelteKit route id. */
export const PAGE_ACCESS: Readonly<Record<string, readonly Rol[]>> = {
	'/': VERWIJZINGEN,
	'/verwijzingen': VERWIJZINGEN,
	'/wijk/[code]': VERWIJZINGEN,
	'/ojg': OJG,
	'/werkplannen': REGIEGROEP,
	'/werkplannen/[id]': REGIEGROEP,
	'/werkplannen/rapport': REGIEGROEP,
	'/swot': REGIEGROEP,
	'/leerbijeenkomsten': ENQUETES,
	'/leerbijeenkomsten/rapport': ENQUETES,
	'/werkafspraken': ENQUETES,
	'/bronnen': BEHEER,
	'/beheer': BEHEER,
	'/beheer/audit': BEHEER,
	'/beheer/gebruikers': BEHEER,
	'/beheer/upload': BEHEER,
	'/beheer/upload/voortgang': BEHEER,
	'/afmelden': ALLE,
	// Exports (.csv, .xlsx, .arrow) are checked per name below; the route itself is open to every role.
	'/export/[name].[format]': ALLE
};

/** The route id of /export/<name>.<csv|xlsx|arrow>: every format, one access rule per name. */
export const EXPORT_ROUTE = '/export/[name].[format]';

/** Open without signing in. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['/login']);

/** /export/<name>.<format> by name: the roles of the page the export belongs to. */
export const EXPORT_ACCESS: Readonly<Record<string, readonly Rol[]>> = {
	verwijzingen: VERWIJZINGEN,
	bestemmingen: VERWIJZINGEN,
	kerncijfers: VERWIJZINGEN,
	bronnen: BEHEER,
	'ojg-effect': OJG,
	'ojg-reeks': OJG,
	werkplannen: REGIEGROEP,
	mijlpalen: REGIEGROEP,
	swot: REGIEGROEP,
	leerbijeenkomsten: ENQUETES,
	rapportcijfers: ENQUETES,
	'ja-nee-vragen': ENQUETES,
	werkafspraken: ENQUETES
};

/** Who may change werkplannen and SWOT items (within their scope). */
export const EDIT_ROLES: readonly Rol[] = ['beheerder', 'regiegroep'];

export const mayOpen = (rol: Rol, routeId: string | null): boolean => routeId !== null && (PAGE_ACCESS[routeId]?.includes(rol) ?? false);

/** An unknown export name is not refused here: the export route answers it with a 404. */
export const mayExport = (rol: Rol, name: string): boolean => (Object.hasOwn(EXPORT_ACCESS, name) ? EXPORT_ACCESS[name].includes(rol) : true);

export const mayEdit = (rol: Rol): boolean => EDIT_ROLES.includes(rol);

/** Where a user lands after signing in when no page was asked for. */
export function landingPage(rol: Rol): string {
	if (mayOpen(rol, '/')) return '/';
	return rol === 'regiegroep' ? '/werkplannen' : '/beheer';
}

/** Route ids as patterns: `/wijk/[code]` matches `/wijk/WK990101`; fixed paths win over parameters, as in SvelteKit. */
const ROUTE_PATTERNS = Object.keys(PAGE_ACCESS)
	.sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))
	.map((id) => ({
	id,
	re: new RegExp(`^${id.replace(/\./g, '\\.').replace(/\[[^\]]+\]/g, '[^/]+')}$`)
}));

/** The route id a path belongs to, or null (an unknown path). */
export function routeIdOf(pathname: string): string | null {
	return ROUTE_PATTERNS.find((p) => p.re.test(pathname))?.id ?? null;
}
