// The study design of the OJG-effect estimate, per placement: the pre and post windows and the
// comparison group. Pure functions of the placements and practices, so that the query layer and
// the suppression cube (which must know every sum the OJG page publishes) agree on them.

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
	const afterSpan = addMonths(post[L - 1], 1);
	const lastDay = new Date(Date.UTC(Number(afterSpan.slice(0, 4)), Number(afterSpan.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
	return { m0, pre, post, spanFrom: `${pre[0]}-01`, spanTo: lastDay };
}

/** True when a placement is in place on any day between from and to (inclusive). */
export function overlaps(p: PlacementRecord, from: string, to: string): boolean {
	return p.start <= to && (p.eind === null || p.eind >= from);
}

/** A stable id of a placement, for URLs and cube keys. */
export function placementId(p: PlacementRecord): string {
	return `${p.praktijk_code}-${p.functie}-${p.start}`;
}

export interface ComparisonGroup {
	codes: string[];
	/** true when no practice of the same gemeente qualified and all qualifying practices are used */
	fallback: boolean;
}

/**
 * Practices with no OJG / POH-jeugd / jeugdconsulent placement overlapping the span: those of the
 * same gemeente ('gemeente', falling back to all when there are none) or all of them ('alle').
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

/** Every design the OJG page can show: each placement × window length × comparison mode. */
export function allDesigns(placements: readonly PlacementRecord[], practices: readonly PracticeRecord[]): Design[] {
	const out: Design[] = [];
	for (const p of placements)
		for (const L of VENSTERS)
			for (const mode of VERGELIJKINGEN) {
				const w = windows(p.start, L);
				out.push({ id: placementId(p), placement: p, L, mode, w, comparison: comparisonGroup(p, w, mode, practices, placements) });
			}
	return out;
}

/** Keys of the sums the OJG page publishes for a design (cube cells). */
export const designKeys = {
	treated: (d: Design, part: 'pre' | 'post') => `T:${d.id}:${d.L}|${part}`,
	comparisonMonth: (d: Design, month: string) => `C:${d.id}:${d.L}:${d.mode}|${month}`,
	comparison: (d: Design, part: 'pre' | 'post') => `C:${d.id}:${d.L}:${d.mode}|${part}`
};

export interface DerivedSum {
	key: string;
	members: string[];
}

/**
 * The sums the OJG page shows, expressed over the cube's practice-month cells (`<praktijk>|<YYYY-MM>`),
 * in dependency order. Designs whose span is not inside `months` publish nothing.
 */
export function publishedSums(designs: readonly Design[], months: ReadonlySet<string>): DerivedSum[] {
	const out: DerivedSum[] = [];
	const seen = new Set<string>();
	const add = (key: string, members: string[]) => {
		if (seen.has(key)) return;
		seen.add(key);
		out.push({ key, members });
	};
	for (const d of designs) {
		const span = [...d.w.pre, d.w.m0, ...d.w.post];
		if (!span.every((m) => months.has(m)) || d.comparison.codes.length === 0) continue;
		const t = d.placement.praktijk_code;
		add(designKeys.treated(d, 'pre'), d.w.pre.map((m) => `${t}|${m}`));
		add(designKeys.treated(d, 'post'), d.w.post.map((m) => `${t}|${m}`));
		for (const m of span) add(designKeys.comparisonMonth(d, m), d.comparison.codes.map((c) => `${c}|${m}`));
		add(designKeys.comparison(d, 'pre'), d.w.pre.map((m) => designKeys.comparisonMonth(d, m)));
		add(designKeys.comparison(d, 'post'), d.w.post.map((m) => designKeys.comparisonMonth(d, m)));
	}
	return out;
}
