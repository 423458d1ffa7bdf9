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

/** Verb and amount of a change without an interval. */
function pointParts(effect: number): { verb: string; amount: string } {
	if (Math.round(effect) === 0) return { verb: 'bleven', amount: 'gelijk' };
	return { verb: effect < 0 ? 'daalden' : 'stegen', amount: `met ${pct(effect)}` };
}

/** Whether the interval excludes "no change". */
export function significant(low: number, high: number): boolean {
	return high < 0 || low > 0;
}

interface Effect {
	effect_pct: number;
	ci_low_pct: number | null;
	ci_high_pct: number | null;
	/** why there is no interval */
	interval_reden?: string | null;
}

const noInterval = (e: Effect) => ` Er is geen betrouwbaarheidsinterval: ${e.interval_reden ?? 'te weinig vergelijkingspraktijken om de toevalsspreiding te schatten'}, dus of dit verschil meer is dan toeval is niet te zeggen.`;

export function overallSentence(o: Effect & { n: number }): string {
	const hasInterval = o.ci_low_pct !== null && o.ci_high_pct !== null;
	const { verb, amount } = hasInterval ? changeParts(o.effect_pct, o.ci_low_pct!, o.ci_high_pct!) : pointParts(o.effect_pct);
	const s = `Na de start van een OJG, POH-jeugd of jeugdconsulent ${verb} de verwijzingen van kinderen naar de tweede lijn ${amount} ten opzichte van vergelijkbare praktijken: gewogen gemiddelde over deze ${o.n} ${o.n === 1 ? 'plaatsing' : 'plaatsingen'}.`;
	if (!hasInterval) return s + noInterval(o);
	return significant(o.ci_low_pct!, o.ci_high_pct!) ? s : `${s} Dat verschil is niet statistisch significant: het interval omvat 0%.`;
}

/** The same for one placement: "In deze praktijk daalden de verwijzingen ... met 36% (...)". */
export function placementSentence(p: Effect): string {
	const hasInterval = p.ci_low_pct !== null && p.ci_high_pct !== null;
	const { verb, amount } = hasInterval ? changeParts(p.effect_pct, p.ci_low_pct!, p.ci_high_pct!) : pointParts(p.effect_pct);
	const s = `In deze praktijk ${verb} de verwijzingen van kinderen naar de tweede lijn ${amount} ten opzichte van de vergelijkingsgroep.`;
	if (!hasInterval) return s + noInterval(p);
	return significant(p.ci_low_pct!, p.ci_high_pct!) ? s : `${s} Niet statistisch significant.`;
}

/** Reasons for leaving a placement out that depend on its referral counts (see server/ojg/estimate.ts). */
const COUNT_REASONS = new Set(['klein_aantal', 'nul', 'kleine_populatie']);

/**
 * How many placements the pooled estimate leaves out and why, and what that does to it: a
 * placement drops out on a zero or small count mostly when referrals fell most, so the pooled
 * effect is pulled toward 0.
 */
export function leftOutSentence(weggelaten: ReadonlyArray<{ weglating: string; reden: string; aantal: number }>): string | null {
	const total = weggelaten.reduce((s, w) => s + w.aantal, 0);
	if (total === 0) return null;
	const parts = weggelaten.map((w) => `${w.aantal} ${w.reden}`);
	const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
	const head = `${total} ${total === 1 ? 'plaatsing telt' : 'plaatsingen tellen'} niet mee in het gemiddelde: ${list}.`;
	const pull = weggelaten.some((w) => COUNT_REASONS.has(w.weglating))
		? ' Dat trekt het gemiddelde naar 0%: een plaatsing valt door een 0 of een klein aantal verwijzingen vooral weg als de verwijzingen sterk daalden, dus het werkelijke effect is eerder groter dan dit gemiddelde.'
		: ' Weglaten trekt het gemiddelde naar 0% wanneer juist plaatsingen met een grote daling wegvallen; bij deze redenen (de periode, niet de aantallen) hoeft dat niet zo te zijn.';
	return head + pull;
}
