// Data and styles of the werkplannen timeline (Timeline.svelte).
import type { MijlpaalStaat } from './werkplannen';

export interface TimelineMilestone {
	key: string;
	label: string;
	/** YYYY-MM-DD where the mark goes: the day it was reached, else its deadline */
	datum: string;
	staat: MijlpaalStaat;
	/** spoken and shown text ("gereed op 28 mei 2025, deadline 31 mei 2025") */
	text: string;
}

export interface TimelineRow {
	key: string;
	label: string;
	/** rows are grouped under this heading (e.g. a driehoek) */
	group?: string;
	start: string | null;
	eind: string | null;
	milestones: TimelineMilestone[];
}

/** Shape, colour and legend text per milestone state; shapes are centred on (0, 0). */
export const MIJLPAAL_STIJL: Record<MijlpaalStaat, { path: string; fill: string; stroke: string; label: string }> = {
	gereed: { path: 'M-6,0a6,6 0 1,0 12,0a6,6 0 1,0 -12,0Z', fill: '#2a7a3b', stroke: '#1b4f26', label: 'mijlpaal gereed' },
	open: { path: 'M0,-7L7,0L0,7L-7,0Z', fill: '#fff', stroke: '#154273', label: 'mijlpaal nog te doen' },
	verlopen: { path: 'M0,-7L7,6L-7,6Z', fill: '#b3441e', stroke: '#7a2d12', label: 'mijlpaal te laat' }
};

const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** '2025-10-14' -> '14 okt 2025' (no Intl: the same text on every machine). */
export function shortDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MAANDEN[m - 1]} ${y}`;
}

/** A tick at a UTC date: 'jan 2025'. */
export function timeTickLabel(t: Date): string {
	return `${MAANDEN[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}
