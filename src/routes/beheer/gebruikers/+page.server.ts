import { auth } from '$lib/server/auth/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	// Never the password hashes: only what the beheerder needs to see.
	accounts: auth()
		.users.list()
		.map(({ gebruikersnaam, naam, rol, gemeenten, wijken, actief, gewijzigd }) => ({ gebruikersnaam, naam, rol, gemeenten, wijken, actief, gewijzigd }))
});
