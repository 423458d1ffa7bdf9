import { withDatabase } from '$lib/server/db/page';
import { loads, tableCounts } from '$lib/server/bronnen/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const [records, counts] = await Promise.all([loads(db, k), tableCounts(db, k)]);
		return { records, counts, swaps: db.swaps };
	});
