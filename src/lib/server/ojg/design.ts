// The study design of the OJG-effect estimate, per placement: the pre and post windows, the
// comparison group, and an earlier placement in the same practice that makes the pre window
// unusable. Pure functions of the placements and practices.

import { addMonths } from '$lib/shared/periods';

export const VENSTERS = [6, 12, 24] as const;
export type Venster = (typeof VENSTERS)[number];
export const VERGELIJKINGEN = ['gemeente', 'alle'] as const;
export type Vergelijking = (typeof VERGELIJKINGEN)[number];

export interface PlacementRecord {
	praktijk_code: string;
	functie: string;
	/** YYYY-MM-DD */
	start: string;
	eind: string | null;
}

export interface PracticeRecord {
	code: string;
	gemeente_code: string;
}

export interface Windows {
	/** the start month: a transition month, in neither window */
	m0: string;
	pre: string[];
	post: string[];
	/** first day of the first pre month, last day of the last post month (YYYY-MM-DD) */
	spanFrom: string;
	spanTo: string;
}

/** m0 = calendar month of start; pre = the L months before it, post = the L months after it. */
export function windows(start: string, L: number): Windows {
	const m0 = start.slice(0, 7);
	const pre = Array.from({ length: L }, (_, i) => addMonths(m0, i - L));
	const post = Array.from({ length: L }, (_, i) => addMonths(m0, i + 1));
	return { m0, pre, post, spanFrom: `${pre[0]}-01`, spanTo: lastDayOf(post[L - 1]) };
}

/** True when a placement is in place on any day between from and to (inclusive). */
export function overlaps(p: PlacementRecord, from: string, to: string): boolean {
	return p.start <= to && (p.eind === null || p.eind >= from);
}

/** A stable id of a placement, for URLs. */
export function placementId(p: PlacementRecord): string {
	return `${p.praktijk_code}-${p.functie}-${p.start}`;
}

export interface ComparisonGroup {
	codes: string[];
	/** true when no practice of the same gemeente qualified and all qualifying practices are used */
	fallback: boolean;
}

/**
 * Practices with no OJG / POH-jeugd / jeugdconsulent placement in place on any day of the span
 * (pre window, start month and post window): those of the same gemeente ('gemeente', falling back
 * to all such practices when there are none) or all of them ('alle').
 */
export function comparisonGroup(
	placement: PlacementRecord,
	w: Windows,
	mode: Vergelijking,
	practices: readonly PracticeRecord[],
	placements: readonly PlacementRecord[]
): ComparisonGroup {
	const busy = new Set(placements.filter((p) => overlaps(p, w.spanFrom, w.spanTo)).map((p) => p.praktijk_code));
	busy.add(placement.praktijk_code);
	const free = practices.filter((p) => !busy.has(p.code));
	if (mode === 'alle') return { codes: free.map((p) => p.code).sort(), fallback: false };
	const gemeente = practices.find((p) => p.code === placement.praktijk_code)?.gemeente_code;
	const local = free.filter((p) => p.gemeente_code === gemeente);
	if (local.length > 0) return { codes: local.map((p) => p.code).sort(), fallback: false };
	return { codes: free.map((p) => p.code).sort(), fallback: true };
}

export interface Design {
	id: string;
	placement: PlacementRecord;
	L: number;
	mode: Vergelijking;
	w: Windows;
	comparison: ComparisonGroup;
}

/** The designs of one view: every placement with the window length and comparison choice. */
export function viewDesigns(placements: readonly PlacementRecord[], practices: readonly PracticeRecord[], L: number, mode: Vergelijking): Design[] {
	return placements.map((p) => {
		const w = windows(p.start, L);
		return { id: placementId(p), placement: p, L, mode, w, comparison: comparisonGroup(p, w, mode, practices, placements) };
	});
}

/** Last day (YYYY-MM-DD) of a month YYYY-MM. */
export function lastDayOf(month: string): string {
	const next = addMonths(month, 1);
	return new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
}

/**
 * An earlier placement in the same practice (started before this one) that is in place on any day
 * of the pre window: then "before" is not a period without support, and the placement cannot be
 * estimated. The latest such placement, or null.
 */
export function earlierPlacementInPre(placement: PlacementRecord, w: Windows, placements: readonly PlacementRecord[]): PlacementRecord | null {
	const preTo = lastDayOf(w.pre[w.pre.length - 1]);
	const earlier = placements.filter((p) => p.praktijk_code === placement.praktijk_code && p.start < placement.start && overlaps(p, w.spanFrom, preTo));
	return earlier.sort((a, b) => (a.start < b.start ? 1 : -1))[0] ?? null;
}
