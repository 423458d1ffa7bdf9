// Dutch wording of survey figures: scores, differences with their interval and the verdict, for
// pages, the printed report and screen readers alike.
import { formatCount, formatNumber, formatShare } from '$lib/shared/format';
import type { Interval } from './stats';
import type { Count } from './types';

/** A mean score with one decimal: "3,8". */
export const scoreText = (x: number | null) => (x === null ? '–' : formatNumber(x, 1));

/** "+0,78" / "−0,12" / "0,00": differences with two decimals and a real minus sign. */
export function signed(x: number, digits = 2): string {
	const rounded = Number(x.toFixed(digits));
	if (rounded === 0) return formatNumber(0, digits);
	return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), digits)}`;
}

/** "95%-interval −0,14 tot +0,23" */
export function intervalText(iv: Interval): string {
	return `95%-interval ${signed(iv.lo)} tot ${signed(iv.hi)}`;
}

export const GEEN_VERANDERING = 'geen significante verandering';

/** The verdict on a change against last season: beter, slechter, or no significant change. */
export function veranderingOordeel(iv: Interval): string {
	return iv.oordeel === 'hoger' ? 'beter' : iv.oordeel === 'lager' ? 'slechter' : GEEN_VERANDERING;
}

/** The verdict on a change in the share answering ja. */
export function jaNeeOordeel(iv: Interval): string {
	return iv.oordeel === 'hoger' ? 'vaker ja' : iv.oordeel === 'lager' ? 'minder vaak ja' : GEEN_VERANDERING;
}

/** A change in a share in percentage points with its interval: "+12 procentpunt (95%-interval +3 tot +21)". */
export function procentpuntText(iv: Interval): string {
	const pp = (x: number) => signed(x * 100, 0);
	return `${pp(iv.verschil)} procentpunt, 95%-interval ${pp(iv.lo)} tot ${pp(iv.hi)}`;
}

/** The huisarts - buurtteam gap in short: "huisartsen lager: −1,53"; with the interval when `full`. */
export function rolverschilText(iv: Interval | null, full = true): string {
	if (!iv) return 'een van beide groepen is te klein';
	const verdict = iv.oordeel === 'hoger' ? 'huisartsen hoger' : iv.oordeel === 'lager' ? 'huisartsen lager' : 'geen significant verschil';
	return `${verdict}: ${signed(iv.verschil)}${full ? ` (${intervalText(iv)})` : ''}`;
}

/** The change in short: "beter: +0,78", or the reason there is none. */
export function veranderingKort(iv: Interval | null, reason: string): string {
	return iv ? `${veranderingOordeel(iv)}: ${signed(iv.verschil)}` : reason;
}

/** "gem. 3,8 (n = 31)" or why not. */
export function scoreNote(gemiddelde: number | null, n: Count, k: number): string {
	if (n.value === null) return `n ${formatCount(null, n.onderdrukt, k)}: niet getoond`;
	return `gem. ${scoreText(gemiddelde)} (n = ${formatNumber(n.value)})`;
}

/** A count, "<5" or "x". */
export const countText = (c: Count, k: number) => formatCount(c.value, c.onderdrukt, k);

/** A share as "62%", or "–" when hidden. */
export const shareText = (s: number | null) => (s === null ? '–' : formatShare(s, 0));
