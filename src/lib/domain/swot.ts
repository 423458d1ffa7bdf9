// SWOT items across snapshots: which items of an earlier SWOT are still there in a later one, which
// are new and which were resolved, per quadrant. Items are matched on `item_id` when both have one,
// otherwise on their normalised text within the same quadrant (formats.md "SWOT per wijk").
// Pure functions, shared by the pipelines (the key of an item without id) and the pages.

import { KWADRANTEN, type Kwadrant } from './regiegroep';

/** The fields matching looks at; callers pass richer items and get the same objects back. */
export interface SwotItemLike {
	item_id: string | null;
	kwadrant: Kwadrant;
	omschrijving: string;
}

/**
 * Text as compared between snapshots: without accents, case, punctuation or extra spaces, so that
 * "Kennis en ervaring van de liaisons." and "kennis en ervaring van de Liaisons" are the same item.
 */
export function normaliseText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** An item's identity within one snapshot: its id, or else its quadrant and normalised text. */
export function itemKey(item: { item_id: string | null; kwadrant: string; omschrijving: string }): string {
	return item.item_id ? `id:${item.item_id}` : `tekst:${item.kwadrant}:${normaliseText(item.omschrijving)}`;
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
