import { parseOjgParams } from '$lib/server/ojg/params';
import { withDatabase } from '$lib/server/db/page';
import { ojgEffect } from '$lib/server/ojg/effect';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const params = parseOjgParams(url.searchParams);
		return { params, query: url.searchParams.toString(), effect: await ojgEffect(db, params.venster, params.vergelijking, k) };
	});
