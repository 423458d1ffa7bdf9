// The survey pages' URL filters: only a season, a wijk code or "zonder wijk" get through.
import { describe, expect, it } from 'vitest';
import { surveyFilters } from '$lib/server/surveys/filters';

describe('surveyFilters', () => {
	it('reads a season and a wijk code in any case', () => {
		expect(surveyFilters(new URLSearchParams('seizoen=Voorjaar-2025&wijk=wk990101'))).toEqual({ seizoen: 'voorjaar-2025', wijk: 'WK990101' });
	});

	it('accepts "-" (zonder wijk), the scope of responses that name no wijk', () => {
		expect(surveyFilters(new URLSearchParams('wijk=-')).wijk).toBe('-');
	});

	it('accepts "+" (overige wijken), the group of the wijken with fewer than k respondents', () => {
		// As a URL writes it (a bare + in a query string is a space).
		expect(surveyFilters(new URLSearchParams('wijk=%2B')).wijk).toBe('+');
		expect(surveyFilters(new URLSearchParams('wijk=+')).wijk).toBeNull();
	});

	it('drops anything else', () => {
		expect(surveyFilters(new URLSearchParams("seizoen=lente-2025&wijk=WK1' OR 1=1"))).toEqual({ seizoen: null, wijk: null });
	});
});
