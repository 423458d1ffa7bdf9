import { isIsoDate, today } from '$contract/dates';
import { editHistory } from '$lib/server/edits/history';
import { withDatabase } from '$lib/server/db/page';
import { regiegroepData } from '$lib/server/regiegroep/queries';
import { meetingView, portfolio, timelineRows } from '$lib/regiegroep/views';
import type { PageServerLoad } from './$types';

const dateParam = (url: URL, name: string) => {
	const v = url.searchParams.get(name);
	return v && isIsoDate(v) ? v : null;
};

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db }) => {
		const data = await regiegroepData(db, editHistory());
		const vandaag = today();
		const peildatum = dateParam(url, 'peildatum') ?? vandaag;
		return {
			vandaag,
			peildatum,
			aantal: data.werkplannen.length,
			portfolio: portfolio(data, peildatum),
			timeline: timelineRows(data, peildatum),
			meeting: meetingView(data, dateParam(url, 'vergadering'), vandaag)
		};
	});
