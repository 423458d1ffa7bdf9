import { fail, redirect } from '@sveltejs/kit';
import { landingPage, mayOpen, routeIdOf } from '$lib/auth/access';
import type { Rol } from '$lib/auth/types';
import { isDemoDatabase } from '$lib/server/db/page';
import { safeReturnPath } from '$lib/server/auth/gate';
import { signIn } from '$lib/server/auth/service';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: the page asked for when the role may open it, else the role's start page. */
function destination(terug: string | null, rol: Rol): string {
	if (terug && mayOpen(rol, routeIdOf(new URL(terug, 'http://monitor.invalid').pathname))) return terug;
	return landingPage(rol);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const terug = safeReturnPath(url.searchParams.get('terug'));
	if (locals.user) redirect(303, destination(terug, locals.user.rol));
	// On the fictitious demo data the page says how to sign in (the accounts are in README).
	return { terug, demo: await isDemoDatabase(), adminFromEnv: Boolean(process.env.MONITOR_ADMIN_PASSWORD) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const gebruikersnaam = String(form.get('gebruikersnaam') ?? '').slice(0, 100);
		const wachtwoord = String(form.get('wachtwoord') ?? '').slice(0, 200);
		const terug = safeReturnPath(String(form.get('terug') ?? '') || url.searchParams.get('terug'));
		if (!gebruikersnaam.trim() || !wachtwoord) {
			return fail(400, { gebruikersnaam, message: 'Vul uw gebruikersnaam en wachtwoord in.' });
		}
		const result = await signIn(gebruikersnaam, wachtwoord, getClientAddress());
		if (!result.ok) return fail(result.status, { gebruikersnaam, message: result.message });
		cookies.set(SESSION_COOKIE, result.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		redirect(303, destination(terug, result.user.rol));
	}
};
