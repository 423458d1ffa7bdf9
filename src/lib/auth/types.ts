// Who is signed in and what they may see: the roles and scopes of docs/access.md. Client-safe, so
// pages can show the user's name and hide what they cannot use; the server enforces the same
// rules in the query layer (src/lib/server/auth/scope.ts), never by hiding links alone.

export const ROLLEN = ['beheerder', 'beleid', 'gez', 'regiegroep', 'lezer'] as const;
export type Rol = (typeof ROLLEN)[number];

export const ROL_LABEL: Record<Rol, string> = {
	beheerder: 'Beheerder',
	beleid: 'Beleidsadviseur gemeente',
	gez: 'GEZ (eerstelijnszorg wijk)',
	regiegroep: 'Regiegroep',
	lezer: 'Lezer'
};

/**
 * What a user may see: null means everything of that kind. `beleid` users get gemeenten (all their
 * wijken and practices); `gez`, `regiegroep` and `lezer` users get wijken.
 */
export interface Scope {
	gemeenten: string[] | null;
	wijken: string[] | null;
}

export const FULL_SCOPE: Scope = { gemeenten: null, wijken: null };

export interface SessionUser {
	gebruikersnaam: string;
	/** Shown in the header and recorded with edits. */
	naam: string;
	rol: Rol;
	scope: Scope;
}

export const isFullScope = (s: Scope) => s.gemeenten === null && s.wijken === null;
