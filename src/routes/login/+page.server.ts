import { fail, redirect } from '@sveltejs/kit';
import { landingPage } from '$lib/auth/access';
import { safeReturnPath } from '$lib/server/auth/gate';
import { signIn } from '$lib/server/auth/service';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const terug = safeReturnPath(url.searchParams.get('terug'));
	if (locals.user) redirect(303, terug ?? landingPage(locals.user.rol));
	return { terug };
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
		redirect(303, terug ?? landingPage(result.user.rol));
	}
};
