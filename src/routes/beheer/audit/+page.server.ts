import { ACTIVITY_SOORTEN, readActivity, type ActivitySoort } from '$lib/server/edits/activity';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const soort = url.searchParams.get('soort');
	const gebruiker = url.searchParams.get('gebruiker')?.trim().toLowerCase() || undefined;
	const chosen = (ACTIVITY_SOORTEN as readonly string[]).includes(soort ?? '') ? (soort as ActivitySoort) : undefined;
	return { soort: chosen ?? null, gebruiker: gebruiker ?? '', soorten: ACTIVITY_SOORTEN, rows: await readActivity({ soort: chosen, gebruiker, limit: 500 }) };
};
