import { mayOpen } from '$lib/auth/access';
import { siteReference } from '$lib/server/reference/units';
import { withDatabase } from '$lib/server/db/page';
import type { LayoutServerLoad } from './$types';

const NAV = [
	{ href: '/', label: 'Overzicht' },
	{ href: '/verwijzingen', label: 'Verwijzingen' },
	{ href: '/werkplannen', label: 'Werkplannen' },
	{ href: '/swot', label: 'SWOT' },
	{ href: '/ojg', label: 'OJG-effect' },
	{ href: '/leerbijeenkomsten', label: 'Leerbijeenkomsten' },
	{ href: '/werkafspraken', label: 'Werkafspraken' },
	{ href: '/bronnen', label: 'Bronnen' },
	{ href: '/beheer', label: 'Beheer' }
];

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	// /login: nobody is signed in yet, and nothing of the data is shown.
	if (!user) return { user: null, nav: [], site: null };
	const site = await withDatabase(locals, async ({ db, k }) => ({ reference: await siteReference(db), k }));
	// The menu shows what the role may open; the server refuses the rest anyway (hooks.server.ts).
	// A menu link's path is its route id.
	return { user: { naam: user.naam, rol: user.rol }, nav: NAV.filter((n) => mayOpen(user.rol, n.href)), site };
};
