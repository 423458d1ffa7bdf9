// What the Werkplannen, werkplan, SWOT and report pages show (view models), built from the combined
// records (src/lib/server/regiegroep/queries.ts) with the pure rules beside this file. Pure and
// client-safe, so components can name the shapes they render. Routes stay thin: they parse the URL,
// call one of these and hand the result to components.
import { DRIEHOEK_LABEL, DRIEHOEKEN, KWADRANTEN, type Kwadrant, type Status } from '$contract/regiegroep';
import { countsOverTime, diffSwot, snapshotAt, snapshotDates, type SwotDiff, type SwotRecord } from './swot';
import {
	defaultMeeting,
	latestUpdate,
	meetingChanges,
	meetingDates,
	milestoneState,
	MIJLPAAL_STAAT_LABEL,
	overdueMilestones,
	previousMeeting,
	type MeetingChanges,
	type Mijlpaal,
	type MijlpaalStaat,
	type Voortgang
} from './werkplannen';
import type { TimelineRow } from './timeline';
import { shortDate } from './timeline';
import type { Combined } from './precedence';
import type { CombinedSwot, RegiegroepData, WerkplanRow } from '$lib/regiegroep/types';

/** Where the current version of a record comes from, for display. */
export interface Herkomst {
	bron: 'import' | 'app';
	/** import: file name and load time; app: who and when */
	door: string;
	op: string;
}

export function herkomst<T>(c: Combined<T>): Herkomst {
	return c.bron === 'app'
		? { bron: 'app', door: c.app!.wie, op: c.app!.tijdstip }
		: { bron: 'import', door: c.import!.bestand, op: c.import!.geladen_op };
}

export type VoortgangView = Voortgang & { herkomst: Herkomst };
export type MijlpaalView = Mijlpaal & { herkomst: Herkomst; staat: MijlpaalStaat };

const voortgangViews = (data: RegiegroepData): VoortgangView[] => data.voortgang.map((c) => ({ ...c.value, herkomst: herkomst(c) }));
const mijlpaalViews = (data: RegiegroepData, peildatum: string): MijlpaalView[] =>
	data.mijlpalen.map((c) => ({ ...c.value, herkomst: herkomst(c), staat: milestoneState(c.value, peildatum) }));

export interface PortfolioRow {
	werkplan_id: string;
	titel: string;
	thema: string;
	trekker: string;
	wijk_naam: string | null;
	status: Status | null;
	status_datum: string | null;
	toelichting: string | null;
	herkomst: Herkomst | null;
	mijlpalen_gereed: number;
	mijlpalen_totaal: number;
	mijlpalen_te_laat: number;
}

export interface PortfolioGroup {
	driehoek: string;
	label: string;
	themas: { thema: string; rows: PortfolioRow[] }[];
}

/** The werkplannen per driehoek (ouderen, jeugd, ggz, then none) and thema, with their status on the date. */
export function portfolio(data: RegiegroepData, peildatum: string): PortfolioGroup[] {
	const updates = voortgangViews(data);
	const mijlpalen = mijlpaalViews(data, peildatum);
	const rows = data.werkplannen.map((w): PortfolioRow & { driehoek: string } => {
		const u = latestUpdate(updates, w.werkplan_id, peildatum);
		const own = mijlpalen.filter((m) => m.werkplan_id === w.werkplan_id);
		return {
			werkplan_id: w.werkplan_id,
			titel: w.titel,
			thema: w.thema,
			trekker: w.trekker,
			wijk_naam: w.wijk_naam,
			driehoek: w.driehoek ?? '',
			status: u?.status ?? null,
			status_datum: u?.datum ?? null,
			toelichting: u?.toelichting ?? null,
			herkomst: u?.herkomst ?? null,
			mijlpalen_gereed: own.filter((m) => m.staat === 'gereed').length,
			mijlpalen_totaal: own.length,
			mijlpalen_te_laat: own.filter((m) => m.staat === 'verlopen').length
		};
	});
	return [...DRIEHOEKEN, '' as const]
		.map((d) => {
			const inGroup = rows.filter((r) => r.driehoek === d);
			const themas = [...new Set(inGroup.map((r) => r.thema))].sort((a, b) => a.localeCompare(b, 'nl'));
			return {
				driehoek: d,
				label: DRIEHOEK_LABEL[d],
				themas: themas.map((thema) => ({
					thema,
					rows: inGroup.filter((r) => r.thema === thema).sort((a, b) => a.titel.localeCompare(b.titel, 'nl'))
				}))
			};
		})
		.filter((g) => g.themas.length > 0);
}

function milestoneText(m: MijlpaalView): string {
	const deadline = `deadline ${shortDate(m.deadline)}`;
	if (m.staat === 'gereed') return `gereed op ${shortDate(m.gereed_op!)}, ${deadline}`;
	return `${MIJLPAAL_STAAT_LABEL[m.staat].toLowerCase()}, ${deadline}`;
}

/** Rows of the timeline chart: werkplannen grouped per driehoek, milestones judged on the date. */
export function timelineRows(data: RegiegroepData, peildatum: string): TimelineRow[] {
	const mijlpalen = mijlpaalViews(data, peildatum);
	const order = (w: WerkplanRow) => {
		const i = DRIEHOEKEN.indexOf(w.driehoek as (typeof DRIEHOEKEN)[number]);
		return i < 0 ? DRIEHOEKEN.length : i;
	};
	return [...data.werkplannen]
		.sort((a, b) => order(a) - order(b) || a.titel.localeCompare(b.titel, 'nl'))
		.map((w) => ({
			key: w.werkplan_id,
			label: w.titel,
			group: DRIEHOEK_LABEL[w.driehoek ?? ''],
			start: w.start,
			eind: w.eind,
			milestones: mijlpalen
				.filter((m) => m.werkplan_id === w.werkplan_id)
				.map((m) => ({
					key: `${m.werkplan_id}/${m.mijlpaal_id}`,
					label: m.omschrijving,
					datum: m.staat === 'gereed' ? m.gereed_op! : m.deadline,
					staat: m.staat,
					text: milestoneText(m)
				}))
		}));
}

export interface MeetingView {
	/** All known meeting dates, oldest first. */
	vergaderingen: string[];
	vergadering: string;
	vorige: string | null;
	changes: MeetingChanges<WerkplanRow, MijlpaalView, VoortgangView>;
	/** Milestones past their deadline and not reached on the meeting date. */
	teLaat: { werkplan: WerkplanRow; mijlpaal: MijlpaalView }[];
}

/** The meeting chosen (or the default one) and what changed since the one before. */
export function meetingView(data: RegiegroepData, gekozen: string | null, vandaag: string): MeetingView {
	const updates = voortgangViews(data);
	const vergaderingen = meetingDates(updates);
	const vergadering = gekozen ?? defaultMeeting(vergaderingen, vandaag) ?? vandaag;
	const vorige = previousMeeting(vergaderingen, vergadering);
	const mijlpalen = mijlpaalViews(data, vergadering);
	const byId = new Map(data.werkplannen.map((w) => [w.werkplan_id, w]));
	return {
		vergaderingen,
		vergadering,
		vorige,
		changes: meetingChanges(data.werkplannen, mijlpalen, updates, vorige, vergadering),
		teLaat: overdueMilestones(mijlpalen, vergadering)
			.filter((m) => byId.has(m.werkplan_id))
			.map((m) => ({ werkplan: byId.get(m.werkplan_id)!, mijlpaal: m }))
	};
}

export type SwotItemView = SwotRecord & { herkomst: Herkomst; bewerkt: boolean };

const swotViews = (records: readonly CombinedSwot[]): SwotItemView[] =>
	records.map((c) => ({ ...c.value, herkomst: herkomst(c), bewerkt: c.app !== null }));

export interface SwotView {
	wijk: string;
	datum: string;
	/** The snapshot in force on the date, and its open items per quadrant. */
	snapshot: { datum: string | null; items: Record<Kwadrant, SwotItemView[]>; gesloten: SwotItemView[] };
	snapshots: string[];
	van: string | null;
	vergelijking: { datum: string | null; diff: SwotDiff<SwotItemView> } | null;
	overTijd: { datum: string; aantallen: Record<Kwadrant, number> }[];
}

/** One wijk's SWOT on a date, compared with an earlier date, and its counts over time. */
export function swotView(records: readonly CombinedSwot[], wijk: string, datum: string, van: string | null): SwotView {
	const items = swotViews(records);
	const now = snapshotAt(items, wijk, datum);
	const snapshots = snapshotDates(items, wijk);
	// By default, compare with the snapshot before the one in force.
	const vergelijkMet = van ?? (now.datum ? (snapshots.filter((d) => d < now.datum!).at(-1) ?? null) : null);
	const before = vergelijkMet ? snapshotAt(items, wijk, vergelijkMet) : null;
	const perKwadrant = {} as Record<Kwadrant, SwotItemView[]>;
	for (const k of KWADRANTEN) perKwadrant[k] = now.items.filter((i) => i.kwadrant === k);
	return {
		wijk,
		datum,
		snapshot: {
			datum: now.datum,
			items: perKwadrant,
			gesloten: items.filter((i) => i.wijk_code === wijk && i.datum === now.datum && i.afgesloten_op !== null && i.afgesloten_op <= datum)
		},
		snapshots,
		van: vergelijkMet,
		vergelijking: before ? { datum: before.datum, diff: diffSwot(before.items, now.items) } : null,
		overTijd: countsOverTime(items, wijk)
	};
}

export interface ThemaMatrix {
	themas: string[];
	wijken: { wijk_code: string; datum: string | null }[];
	/** thema -> wijk -> items */
	cellen: Record<string, Record<string, SwotItemView[]>>;
}

/** Every wijk's SWOT on a date, the items of each theme side by side. */
export function themaMatrix(records: readonly CombinedSwot[], wijkCodes: readonly string[], datum: string): ThemaMatrix {
	const items = swotViews(records);
	const wijken = wijkCodes.map((w) => ({ wijk_code: w, snap: snapshotAt(items, w, datum) })).filter((w) => w.snap.datum !== null);
	const cellen: ThemaMatrix['cellen'] = {};
	for (const w of wijken) {
		for (const item of w.snap.items) {
			const thema = item.thema ?? 'zonder thema';
			cellen[thema] ??= {};
			(cellen[thema][w.wijk_code] ??= []).push(item);
		}
	}
	return {
		themas: Object.keys(cellen).sort((a, b) => a.localeCompare(b, 'nl')),
		wijken: wijken.map((w) => ({ wijk_code: w.wijk_code, datum: w.snap.datum })),
		cellen
	};
}

export interface SwotChangeRow {
	wijk_code: string;
	van: string | null;
	tot: string | null;
	diff: SwotDiff<SwotItemView>;
	aantal: number;
}

/** Per wijk, how its SWOT changed between two dates (only wijken where something changed). */
export function swotChanges(records: readonly CombinedSwot[], wijkCodes: readonly string[], van: string | null, tot: string): SwotChangeRow[] {
	const items = swotViews(records);
	const out: SwotChangeRow[] = [];
	for (const w of wijkCodes) {
		const before = van ? snapshotAt(items, w, van) : { datum: null, items: [] };
		const after = snapshotAt(items, w, tot);
		const diff = diffSwot(before.items, after.items);
		const aantal = KWADRANTEN.reduce(
			(n, k) => n + diff[k].nieuw.length + diff[k].opgelost.length + diff[k].verplaatst.length + diff[k].gebleven.filter((g) => g.tekstGewijzigd).length,
			0
		);
		if (aantal > 0) out.push({ wijk_code: w, van: before.datum, tot: after.datum, diff, aantal });
	}
	return out;
}
