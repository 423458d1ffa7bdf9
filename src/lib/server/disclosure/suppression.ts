// What a published count is, and the two rules every publication shares: a count of 1 to k-1 is
// never shown (isSmall), and no rate is built on a hidden count or a missing denominator. Referral
// counts are published by the cell key method (cellKey.ts), survey figures by groups of at least k
// respondents (src/lib/server/surveys/groepering.ts); docs/privacy.md "Small numbers".

export type Onderdrukt = 'klein' | 'aanvullend' | null;

export interface Cell {
	/** The count, or null when hidden. */
	value: number | null;
	/** 'klein': "<k"; 'aanvullend': hidden because showing it would give a smaller group away ("x") */
	onderdrukt: Onderdrukt;
}

/** True when a count must not be shown on its own. */
export function isSmall(n: number, k: number): boolean {
	return n >= 1 && n < k;
}

/** Rate per 1,000 person-years, or null when the count is hidden or there is no denominator. */
export function suppressedRate(count: Cell, personYears: number | null): number | null {
	if (count.value === null || personYears === null || !(personYears > 0)) return null;
	return (count.value / personYears) * 1000;
}
