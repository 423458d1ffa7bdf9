// SWOT items across snapshots: which items of an earlier SWOT are still there in a later one, which
// are new and which were resolved, per quadrant. Items are matched on `item_id` when both have one,
// otherwise on their normalised text within the same quadrant (docs/regiegroep.md "SWOT snapshots and matching").
// Pure functions for the pages; the key of an item without id (itemKey) is the contract's.

import { KWADRANTEN, normaliseText, type Kwadrant } from '$contract/regiegroep';

/** The fields matching looks at; callers pass richer items and get the same objects back. */
export interface SwotItemLike {
	item_id: string | null;
	kwadrant: Kwadrant;
	omschrijving: string;
}

export interface SwotMatch<T> {
	voor: T;
	na: T;
	via: 'item_id' | 'tekst';
	/** Matched on id, but the wording changed. */
	tekstGewijzigd: boolean;
}

export interface QuadrantDiff<T> {
	kwadrant: Kwadrant;
	/** In the later snapshot only. */
	nieuw: T[];
	/** In both; listed under the quadrant of the later snapshot. */
	gebleven: SwotMatch<T>[];
	/** In the earlier snapshot only: resolved (or dropped). */
	opgelost: T[];
	/** Was in this quadrant, is still there but in another quadrant now (matched on id). */
	verplaatst: SwotMatch<T>[];
}

export type SwotDiff<T> = Record<Kwadrant, QuadrantDiff<T>>;

/** Pairs the items of two snapshots: first on item_id, then the rest on quadrant and normalised text. */
export function matchItems<T extends SwotItemLike>(voor: readonly T[], na: readonly T[]): { matches: SwotMatch<T>[]; nieuw: T[]; opgelost: T[] } {
	const matches: SwotMatch<T>[] = [];
	const usedNa = new Set<number>();
	const usedVoor = new Set<number>();

	const naById = new Map<string, number>();
	na.forEach((item, j) => {
		if (item.item_id && !naById.has(item.item_id)) naById.set(item.item_id, j);
	});
	voor.forEach((item, i) => {
		if (!item.item_id) return;
		const j = naById.get(item.item_id);
		if (j === undefined || usedNa.has(j)) return;
		usedVoor.add(i);
		usedNa.add(j);
		matches.push({ voor: item, na: na[j], via: 'item_id', tekstGewijzigd: normaliseText(item.omschrijving) !== normaliseText(na[j].omschrijving) });
	});

	// The same text twice in one quadrant pairs up in order.
	const naByText = new Map<string, number[]>();
	na.forEach((item, j) => {
		if (usedNa.has(j)) return;
		const key = `${item.kwadrant}:${normaliseText(item.omschrijving)}`;
		naByText.set(key, [...(naByText.get(key) ?? []), j]);
	});
	voor.forEach((item, i) => {
		if (usedVoor.has(i)) return;
		const queue = naByText.get(`${item.kwadrant}:${normaliseText(item.omschrijving)}`);
		const j = queue?.shift();
		if (j === undefined) return;
		usedVoor.add(i);
		usedNa.add(j);
		matches.push({ voor: item, na: na[j], via: 'tekst', tekstGewijzigd: false });
	});

	return {
		matches,
		nieuw: na.filter((_, j) => !usedNa.has(j)),
		opgelost: voor.filter((_, i) => !usedVoor.has(i))
	};
}

/** What is new, what stayed and what was resolved between two snapshots, per quadrant. */
export function diffSwot<T extends SwotItemLike>(voor: readonly T[], na: readonly T[]): SwotDiff<T> {
	const { matches, nieuw, opgelost } = matchItems(voor, na);
	const byNa = new Map(na.map((item, j) => [item, j]));
	const order = (m: SwotMatch<T>) => byNa.get(m.na) ?? 0;
	const out = {} as SwotDiff<T>;
	for (const k of KWADRANTEN) {
		out[k] = {
			kwadrant: k,
			nieuw: nieuw.filter((x) => x.kwadrant === k),
			gebleven: matches.filter((m) => m.na.kwadrant === k).sort((a, b) => order(a) - order(b)),
			opgelost: opgelost.filter((x) => x.kwadrant === k),
			verplaatst: matches.filter((m) => m.voor.kwadrant === k && m.na.kwadrant !== k)
		};
	}
	return out;
}

/** Open items per quadrant. */
export function countPerQuadrant(items: readonly { kwadrant: Kwadrant }[]): Record<Kwadrant, number> {
	const out = { sterkte: 0, zwakte: 0, kans: 0, bedreiging: 0 } as Record<Kwadrant, number>;
	for (const item of items) out[item.kwadrant]++;
	return out;
}

/** One SWOT item as the pages see it: imported or added in the app, possibly closed. */
export interface SwotRecord extends SwotItemLike {
	wijk_code: string;
	/** The snapshot (SWOT round) it belongs to. */
	datum: string;
	item_sleutel: string;
	thema: string | null;
	/** Closed (resolved) on this date; null: open. */
	afgesloten_op: string | null;
}

/** The dates of a wijk's snapshots, oldest first. */
export function snapshotDates(records: readonly SwotRecord[], wijk: string): string[] {
	return [...new Set(records.filter((r) => r.wijk_code === wijk).map((r) => r.datum))].sort();
}

export interface Snapshot<R> {
	/** The snapshot in force on the date: the latest on or before it; null when there is none. */
	datum: string | null;
	/** Its items that were open on the date. */
	items: R[];
}

/** A wijk's SWOT as it stood on a date. */
export function snapshotAt<R extends SwotRecord>(records: readonly R[], wijk: string, opDatum: string): Snapshot<R> {
	const datum = snapshotDates(records, wijk).filter((d) => d <= opDatum).at(-1) ?? null;
	if (datum === null) return { datum, items: [] };
	const items = records.filter(
		(r) => r.wijk_code === wijk && r.datum === datum && (r.afgesloten_op === null || r.afgesloten_op > opDatum)
	);
	return { datum, items };
}

/**
 * Open items per quadrant over time: at every snapshot date and every date an item was closed,
 * the SWOT as it stood then.
 */
export function countsOverTime(records: readonly SwotRecord[], wijk: string): { datum: string; aantallen: Record<Kwadrant, number> }[] {
	const own = records.filter((r) => r.wijk_code === wijk);
	const dates = [...new Set([...own.map((r) => r.datum), ...own.map((r) => r.afgesloten_op).filter((d): d is string => d !== null)])].sort();
	return dates.map((datum) => ({ datum, aantallen: countPerQuadrant(snapshotAt(own, wijk, datum).items) }));
}
