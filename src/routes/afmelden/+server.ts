import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/service';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, locals, getClientAddress }) => {
	signOut(cookies.get(SESSION_COOKIE), locals.user, getClientAddress());
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/login');
};
