// Plain-Dutch sentences about an OJG effect, for the page and the council memo.
import { formatNumber } from '$lib/shared/format';

const pct = (v: number) => `${formatNumber(Math.abs(v), 0)}%`;

/** Verb and amount of a change: effect -32% with interval -44..-17% → daalden / met 32% (95%-BI 17-44%). */
export function changeParts(effect: number, low: number, high: number): { verb: string; amount: string } {
	if (effect < 0 && high < 0) return { verb: 'daalden', amount: `met ${pct(effect)} (95%-BI ${formatNumber(-high, 0)}-${formatNumber(-low, 0)}%)` };
	if (effect > 0 && low > 0) return { verb: 'stegen', amount: `met ${pct(effect)} (95%-BI ${formatNumber(low, 0)}-${formatNumber(high, 0)}%)` };
	const range = `(95%-BI van ${pct(low)} ${low < 0 ? 'daling' : 'stijging'} tot ${pct(high)} ${high < 0 ? 'daling' : 'stijging'})`;
	if (Math.round(effect) === 0) return { verb: 'bleven', amount: `gelijk ${range}` };
	return { verb: effect < 0 ? 'daalden' : 'stegen', amount: `met ${pct(effect)} ${range}` };
}

/** Whether the interval excludes "no change". */
export function significant(low: number, high: number): boolean {
	return high < 0 || low > 0;
}

export function overallSentence(o: { effect_pct: number; ci_low_pct: number; ci_high_pct: number; n: number }): string {
	const { verb, amount } = changeParts(o.effect_pct, o.ci_low_pct, o.ci_high_pct);
	const s = `Na de start van een OJG, POH-jeugd of jeugdconsulent ${verb} de verwijzingen van kinderen naar de tweede lijn ${amount} ten opzichte van vergelijkbare praktijken, gemiddeld over ${o.n} ${o.n === 1 ? 'plaatsing' : 'plaatsingen'}.`;
	return significant(o.ci_low_pct, o.ci_high_pct) ? s : `${s} Dat verschil is niet statistisch significant: het interval omvat 0%.`;
}

/** The same for one placement: "In deze praktijk daalden de verwijzingen ... met 36% (...)". */
export function placementSentence(p: { effect_pct: number; ci_low_pct: number; ci_high_pct: number }): string {
	const { verb, amount } = changeParts(p.effect_pct, p.ci_low_pct, p.ci_high_pct);
	const s = `In deze praktijk ${verb} de verwijzingen van kinderen naar de tweede lijn ${amount} ten opzichte van de vergelijkingsgroep.`;
	return significant(p.ci_low_pct, p.ci_high_pct) ? s : `${s} Niet statistisch significant.`;
}
