import { describe, expect, it } from 'vitest';
import { changeParts, overallSentence, placementSentence } from '$lib/ojg/text';

describe('OJG sentences', () => {
	it('states a significant drop with the interval as reductions', () => {
		expect(overallSentence({ effect_pct: -32.2, ci_low_pct: -44.1, ci_high_pct: -16.8, n: 7 })).toBe(
			'Na de start van een OJG, POH-jeugd of jeugdconsulent daalden de verwijzingen van kinderen naar de tweede lijn met 32% (95%-BI 17-44%) ten opzichte van vergelijkbare praktijken, gemiddeld over 7 plaatsingen.'
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
});
