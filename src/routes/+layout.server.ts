import { mayOpen } from '$lib/auth/access';
import { reference } from '$lib/server/reference/units';
import { withDatabase } from '$lib/server/db/page';
import type { LayoutServerLoad } from './$types';

const NAV = [
	{ href: '/', route: '/', label: 'Overzicht' },
	{ href: '/verwijzingen', route: '/verwijzingen', label: 'Verwijzingen' },
	{ href: '/werkplannen', route: '/werkplannen', label: 'Werkplannen' },
	{ href: '/swot', route: '/swot', label: 'SWOT' },
	{ href: '/ojg', route: '/ojg', label: 'OJG-effect' },
	{ href: '/leerbijeenkomsten', route: '/leerbijeenkomsten', label: 'Leerbijeenkomsten' },
	{ href: '/werkafspraken', route: '/werkafspraken', label: 'Werkafspraken' },
	{ href: '/bronnen', route: '/bronnen', label: 'Bronnen' },
	{ href: '/beheer', route: '/beheer', label: 'Beheer' }
];

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	// /login: nobody is signed in yet, and nothing of the data is shown.
	if (!user) return { user: null, nav: [], site: null };
	const site = await withDatabase(locals, async ({ db, k }) => ({ reference: await reference(db), k }));
	// The menu shows what the role may open; the server refuses the rest anyway (hooks.server.ts).
	return { user: { naam: user.naam, rol: user.rol }, nav: NAV.filter((n) => mayOpen(user.rol, n.route)).map(({ href, label }) => ({ href, label })), site };
};
