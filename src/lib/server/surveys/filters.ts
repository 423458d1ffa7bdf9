// The filters of the survey pages and exports (?seizoen=voorjaar-2025&wijk=WK990101), checked
// against their patterns; values only ever reach SQL as parameters or as keys of computed data.
import { WIJK_CODE } from '$contract/codes';
import { parseSeizoen } from '$contract/surveys';
import { OVERIGE_WIJKEN, ZONDER_WIJK } from '$lib/surveys/types';

/** True when a scope (a wijk group) is the one a wijk filter asks for: itself, or the group holding it. */
export const matchesWijk = (s: { wijk_code: string; wijken: readonly string[] }, wijk: string) => s.wijk_code === wijk || s.wijken.includes(wijk);

export interface SurveyFilters {
	seizoen: string | null;
	wijk: string | null;
}

export function surveyFilters(params: URLSearchParams): SurveyFilters {
	const seizoen = parseSeizoen(params.get('seizoen') ?? '');
	const wijk = params.get('wijk')?.trim().toUpperCase() ?? '';
	return {
		seizoen: seizoen ? `${seizoen.naam}-${seizoen.jaar}` : null,
		// ZONDER_WIJK: the responses of an enquete for several wijken that name none;
		// OVERIGE_WIJKEN: the wijken merged because they have fewer than k respondents.
		wijk: WIJK_CODE.test(wijk) || wijk === ZONDER_WIJK || wijk === OVERIGE_WIJKEN ? wijk : null
	};
}
