import { reference } from '$lib/server/queries/reference';
import { withDatabase } from '$lib/server/page';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	const site = await withDatabase(async ({ db, k }) => ({ reference: await reference(db), k }));
	return { site };
};
