import { isIsoDate, today } from '$contract/dates';
import { withDatabase } from '$lib/server/db/page';
import { auditTrail, editHistory } from '$lib/server/edits/history';
import { reference } from '$lib/server/reference/units';
import { regiegroepData, swotData } from '$lib/server/regiegroep/queries';
import { meetingView, portfolio, swotChanges, swotView } from '$lib/regiegroep/views';
import type { PageServerLoad } from './$types';

/** End of a day in the Netherlands as a UTC timestamp (edits are stored in UTC). */
function endOfDayUtc(iso: string): string {
	// Amsterdam is UTC+1 or UTC+2; the day ends at 22:00 or 23:00 UTC. Take the later: an edit
	// made at 23:30 Dutch summer time (21:30 UTC) counts for that day either way.
	return `${iso}T22:59:59.999Z`;
}

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db }) => {
		const store = editHistory();
		const [data, swot, ref] = await Promise.all([regiegroepData(db, store), swotData(db, store), reference(db)]);
		const asked = url.searchParams.get('vergadering');
		const vandaag = today();
		const meeting = meetingView(data, asked && isIsoDate(asked) ? asked : null, vandaag);
		const wijken = ref.wijken.filter((w) => swot.some((s) => s.value.wijk_code === w.wijk_code));
		const swotEdits = await auditTrail(store, {
			soort: 'swot',
			na: meeting.vorige ? endOfDayUtc(meeting.vorige) : undefined,
			tot: endOfDayUtc(meeting.vergadering)
		});
		return {
			meeting,
			portfolio: portfolio(data, meeting.vergadering),
			swot: swotChanges(swot, wijken.map((w) => w.wijk_code), meeting.vorige, meeting.vergadering),
			// Each wijk's SWOT itself on the meeting date, as /swot shows it (the same view model).
			swotPerWijk: wijken
				.map((w) => ({ wijk_code: w.wijk_code, wijk_naam: w.wijk_naam, snapshot: swotView(swot, w.wijk_code, meeting.vergadering, null).snapshot }))
				.filter((w) => w.snapshot.datum !== null),
			swotEdits,
			wijken: ref.wijken.map((w) => ({ wijk_code: w.wijk_code, wijk_naam: w.wijk_naam })),
			aantal: data.werkplannen.length
		};
	});
