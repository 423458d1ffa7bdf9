import { withDatabase } from '$lib/server/db/page';
import { werkafspraken } from '$lib/server/surveys/werkafspraken';
import { surveyFilters } from '$lib/server/surveys/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db, k }) => {
		const f = surveyFilters(url.searchParams);
		const data = await werkafspraken(db, k, f.wijk);
		const wijk = f.wijk && data.wijken.some((w) => w.wijk_code === f.wijk) ? f.wijk : null;
		return { wijk, werkafspraken: wijk === f.wijk ? data : await werkafspraken(db, k, null) };
	});
