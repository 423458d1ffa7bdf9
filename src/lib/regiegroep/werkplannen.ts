// The regiegroep's view of its werkplannen, as pure functions of the records: the status on a
// date, the state of a milestone on a date, the meeting dates, and what changed between two
// meetings. The query layer supplies the records (imports and edits combined); pages and the
// report only render what these return.

import type { Driehoek, Status } from '$contract/regiegroep';

export interface Werkplan {
	werkplan_id: string;
	titel: string;
	thema: string;
	driehoek: Driehoek | null;
	trekker: string;
	partners: string | null;
	wijk_code: string | null;
	start: string | null;
	eind: string | null;
	doel: string | null;
}

export interface Mijlpaal {
	werkplan_id: string;
	mijlpaal_id: string;
	omschrijving: string;
	deadline: string;
	gereed_op: string | null;
}

export interface Voortgang {
	werkplan_id: string;
	datum: string;
	status: Status;
	toelichting: string | null;
	vergadering: string | null;
}

/** A milestone on a date: reached by then, still to come, or past its deadline without being reached. */
export type MijlpaalStaat = 'gereed' | 'open' | 'verlopen';

export const MIJLPAAL_STAAT_LABEL: Record<MijlpaalStaat, string> = {
	gereed: 'Gereed',
	open: 'Nog te doen',
	verlopen: 'Te laat'
};

export function milestoneState(m: Pick<Mijlpaal, 'deadline' | 'gereed_op'>, peildatum: string): MijlpaalStaat {
	if (m.gereed_op !== null && m.gereed_op <= peildatum) return 'gereed';
	return m.deadline < peildatum ? 'verlopen' : 'open';
}

/** The latest status update of a werkplan dated on or before `opOf`. */
export function latestUpdate<V extends Voortgang>(updates: readonly V[], werkplanId: string, opOf: string): V | null {
	let best: V | null = null;
	for (const u of updates) {
		if (u.werkplan_id !== werkplanId || u.datum > opOf) continue;
		if (best === null || u.datum > best.datum) best = u;
	}
	return best;
}

/** The regiegroep's meetings: every `vergadering` date a status update names, oldest first. */
export function meetingDates(updates: readonly Pick<Voortgang, 'vergadering'>[]): string[] {
	return [...new Set(updates.map((u) => u.vergadering).filter((d): d is string => d !== null))].sort();
}

/** The meeting before `meeting`, or null when it is the first. */
export function previousMeeting(dates: readonly string[], meeting: string): string | null {
	let prev: string | null = null;
	for (const d of dates) if (d < meeting && (prev === null || d > prev)) prev = d;
	return prev;
}

/** The meeting to show by default: the next one from today, or else the last one. */
export function defaultMeeting(dates: readonly string[], today: string): string | null {
	const next = dates.find((d) => d >= today);
	return next ?? dates.at(-1) ?? null;
}

export interface StatusChange<W, V> {
	werkplan: W;
	/** The status at the previous meeting (null: no update yet). */
	voor: V | null;
	na: V;
}

export interface MeetingChanges<W, M, V> {
	vorige: string | null;
	huidige: string;
	/** Werkplannen whose status at this meeting differs from the one at the previous meeting. */
	statuswijzigingen: StatusChange<W, V>[];
	/** Status updates in the period that kept the status (still worth reading out). */
	updatesZonderWijziging: StatusChange<W, V>[];
	/** Milestones reached in the period; `teLaat` when after their deadline. */
	bereikt: { werkplan: W; mijlpaal: M; teLaat: boolean }[];
	/** Milestones whose deadline fell in the period and that were not reached by this meeting. */
	gemist: { werkplan: W; mijlpaal: M }[];
	/** Werkplannen that started in the period. */
	nieuw: W[];
}

/**
 * What changed between the previous meeting (exclusive) and this one (inclusive). Without a
 * previous meeting, the period runs from the beginning.
 */
export function meetingChanges<W extends Werkplan, M extends Mijlpaal, V extends Voortgang>(
	werkplannen: readonly W[],
	mijlpalen: readonly M[],
	voortgang: readonly V[],
	vorige: string | null,
	huidige: string
): MeetingChanges<W, M, V> {
	const inPeriod = (d: string | null): d is string => d !== null && (vorige === null || d > vorige) && d <= huidige;
	const byId = new Map(werkplannen.map((w) => [w.werkplan_id, w]));
	const statuswijzigingen: StatusChange<W, V>[] = [];
	const updatesZonderWijziging: StatusChange<W, V>[] = [];
	const nieuw: W[] = [];

	for (const w of werkplannen) {
		const na = latestUpdate(voortgang, w.werkplan_id, huidige);
		const voor = vorige === null ? null : latestUpdate(voortgang, w.werkplan_id, vorige);
		if (na && (voor === null || voor.status !== na.status)) statuswijzigingen.push({ werkplan: w, voor, na });
		else if (na && voor && inPeriod(na.datum)) updatesZonderWijziging.push({ werkplan: w, voor, na });

		const begin = w.start ?? voortgang.filter((u) => u.werkplan_id === w.werkplan_id).map((u) => u.datum).sort()[0] ?? null;
		if (inPeriod(begin)) nieuw.push(w);
	}

	const bereikt: MeetingChanges<W, M, V>['bereikt'] = [];
	const gemist: MeetingChanges<W, M, V>['gemist'] = [];
	for (const m of mijlpalen) {
		const werkplan = byId.get(m.werkplan_id);
		if (!werkplan) continue;
		if (inPeriod(m.gereed_op)) bereikt.push({ werkplan, mijlpaal: m, teLaat: m.gereed_op > m.deadline });
		if (inPeriod(m.deadline) && (m.gereed_op === null || m.gereed_op > huidige)) gemist.push({ werkplan, mijlpaal: m });
	}

	const byTitle = (a: { werkplan: W }, b: { werkplan: W }) => a.werkplan.titel.localeCompare(b.werkplan.titel, 'nl');
	return {
		vorige,
		huidige,
		statuswijzigingen: statuswijzigingen.sort(byTitle),
		updatesZonderWijziging: updatesZonderWijziging.sort(byTitle),
		bereikt: bereikt.sort(byTitle),
		gemist: gemist.sort(byTitle),
		nieuw: nieuw.sort((a, b) => a.titel.localeCompare(b.titel, 'nl'))
	};
}

/** Milestones past their deadline and not reached on `peildatum`, oldest deadline first. */
export function overdueMilestones<M extends Mijlpaal>(mijlpalen: readonly M[], peildatum: string): M[] {
	return mijlpalen.filter((m) => milestoneState(m, peildatum) === 'verlopen').sort((a, b) => a.deadline.localeCompare(b.deadline));
}
