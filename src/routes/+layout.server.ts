import { reference } from '$lib/server/reference/units';
import { withDatabase } from '$lib/server/db/page';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	const site = await withDatabase(async ({ db, k }) => ({ reference: await reference(db), k }));
	return { site };
};
