// Role checks for routes and actions. hooks.server.ts already refused anonymous requests; these
// refuse a signed-in user whose role does not allow the page or action (403, in Dutch).
import { error } from '@sveltejs/kit';
import { ROL_LABEL, type Rol, type SessionUser } from '$lib/auth/types';

/** The signed-in user, if their role is one of `roles`; otherwise a 403. */
export function requireRole(locals: App.Locals, ...roles: Rol[]): SessionUser {
	const user = locals.user;
	if (!user) error(401, 'U bent niet aangemeld.');
	if (!roles.includes(user.rol)) {
		error(403, `Deze pagina is er voor ${roles.map((r) => ROL_LABEL[r].toLowerCase()).join(' of ')}; u bent aangemeld als ${ROL_LABEL[user.rol].toLowerCase()}.`);
	}
	return user;
}
