import { describe, expect, it } from 'vitest';
import { changeParts, leftOutSentence, overallSentence, placementSentence } from '$lib/ojg/text';

describe('OJG sentences', () => {
	it('states a significant drop with the interval as reductions', () => {
		expect(overallSentence({ effect_pct: -32.2, ci_low_pct: -44.1, ci_high_pct: -16.8, n: 7 })).toBe(
			'Na de start van een OJG, POH-jeugd of jeugdconsulent daalden de verwijzingen van kinderen naar de tweede lijn met 32% (95%-BI 17-44%) ten opzichte van vergelijkbare praktijken: gewogen gemiddelde over deze 7 plaatsingen.'
		);
	});
	it('says so when the interval includes no change', () => {
		expect(changeParts(-10, -30, 15)).toEqual({ verb: 'daalden', amount: 'met 10% (95%-BI van 30% daling tot 15% stijging)' });
		expect(placementSentence({ effect_pct: -10, ci_low_pct: -30, ci_high_pct: 15 })).toContain('Niet statistisch significant');
		expect(overallSentence({ effect_pct: 0.2, ci_low_pct: -30, ci_high_pct: 40, n: 1 })).toContain('bleven de verwijzingen van kinderen naar de tweede lijn gelijk');
	});
	it('states a rise', () => {
		expect(changeParts(20, 5, 40)).toEqual({ verb: 'stegen', amount: 'met 20% (95%-BI 5-40%)' });
	});
	it('states an estimate without an interval, with the reason, and no verdict', () => {
		const reden = 'te weinig vergelijkingspraktijken om de toevalsspreiding te schatten';
		const s = placementSentence({ effect_pct: -45.6, ci_low_pct: null, ci_high_pct: null, interval_reden: reden });
		expect(s).toBe(
			'In deze praktijk daalden de verwijzingen van kinderen naar de tweede lijn met 46% ten opzichte van de vergelijkingsgroep. Er is geen betrouwbaarheidsinterval: te weinig vergelijkingspraktijken om de toevalsspreiding te schatten, dus of dit verschil meer is dan toeval is niet te zeggen.'
		);
		expect(s).not.toContain('significant');
		expect(overallSentence({ effect_pct: -45.6, ci_low_pct: null, ci_high_pct: null, n: 1, interval_reden: reden })).toContain('gewogen gemiddelde over deze 1 plaatsing.');
	});
	it('says how many placements are left out, why, and that it pulls the average toward 0', () => {
		expect(leftOutSentence([])).toBeNull();
		const s = leftOutSentence([
			{ weglating: 'recent', reden: 'te recent', aantal: 2 },
			{ weglating: 'klein_aantal', reden: 'met een klein aantal verwijzingen', aantal: 1 }
		])!;
		expect(s).toMatch(/^3 plaatsingen tellen niet mee in het gemiddelde: 2 te recent en 1 met een klein aantal verwijzingen\. Dat trekt het gemiddelde naar 0%/);
		// Left out for the period only: the pull toward 0 is not claimed as a fact.
		expect(leftOutSentence([{ weglating: 'recent', reden: 'te recent', aantal: 1 }])).toMatch(/^1 plaatsing telt niet mee .* hoeft dat niet zo te zijn\.$/);
	});
});
