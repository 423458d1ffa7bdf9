// The werkplannen logic (src/lib/regiegroep/werkplannen.ts) on the fixture portfolio of
// tests/fixtures/regiegroep/*.csv, written out here. Expected results are worked out by hand.
import { describe, expect, it } from 'vitest';
import {
	defaultMeeting,
	latestUpdate,
	meetingChanges,
	meetingDates,
	milestoneState,
	overdueMilestones,
	previousMeeting,
	type Mijlpaal,
	type Voortgang,
	type Werkplan
} from '$lib/regiegroep/werkplannen';

const wp = (werkplan_id: string, titel: string, start: string | null): Werkplan => ({
	werkplan_id,
	titel,
	thema: 't',
	driehoek: null,
	trekker: 'x',
	partners: null,
	wijk_code: null,
	start,
	eind: null,
	doel: null
});
const WERKPLANNEN = [
	wp('WP01', 'Valpreventie thuiswonende ouderen', '2025-01-06'),
	wp('WP02', 'Ouder-babygroepen', '2025-02-01'),
	wp('WP03', 'GGZ-preventie jongvolwassenen', '2025-03-01'),
	wp('WP04', 'Communicatieplan Gezonde Wijk', '2025-09-15')
];
const m = (werkplan_id: string, mijlpaal_id: string, deadline: string, gereed_op: string | null): Mijlpaal => ({
	werkplan_id,
	mijlpaal_id,
	omschrijving: `${werkplan_id} ${mijlpaal_id}`,
	deadline,
	gereed_op
});
const MIJLPALEN = [
	m('WP01', 'M1', '2025-05-31', '2025-05-28'),
	m('WP01', 'M2', '2025-08-01', '2025-08-11'),
	m('WP01', 'M3', '2025-10-31', null),
	m('WP02', 'M1', '2025-07-31', '2025-08-15'),
	m('WP02', 'M2', '2025-10-01', '2025-09-29'),
	m('WP03', 'M1', '2025-07-01', null),
	m('WP03', 'M2', '2025-09-30', null),
	m('WP04', 'M1', '2025-10-01', '2025-09-30'),
	m('WP04', 'M2', '2026-01-31', null)
];
const v = (werkplan_id: string, datum: string, status: Voortgang['status'], vergadering: string): Voortgang => ({
	werkplan_id,
	datum,
	status,
	toelichting: null,
	vergadering
});
const VOORTGANG = [
	v('WP01', '2025-06-02', 'op_schema', '2025-06-10'),
	v('WP02', '2025-06-03', 'niet_gestart', '2025-06-10'),
	v('WP03', '2025-06-04', 'aandacht', '2025-06-10'),
	v('WP01', '2025-08-20', 'op_schema', '2025-08-26'),
	v('WP02', '2025-08-18', 'op_schema', '2025-08-26'),
	v('WP03', '2025-08-19', 'achter', '2025-08-26'),
	v('WP01', '2025-10-07', 'aandacht', '2025-10-14'),
	v('WP03', '2025-10-08', 'achter', '2025-10-14'),
	v('WP04', '2025-10-06', 'op_schema', '2025-10-14')
];

const ids = (xs: { werkplan: Werkplan }[]) => xs.map((x) => x.werkplan.werkplan_id);
const mids = (xs: { mijlpaal: Mijlpaal }[]) => xs.map((x) => `${x.mijlpaal.werkplan_id}/${x.mijlpaal.mijlpaal_id}`);

describe('milestones and status on a date', () => {
	it('judges a milestone done, due or overdue on the date', () => {
		expect(milestoneState({ deadline: '2025-08-01', gereed_op: '2025-08-11' }, '2025-08-10')).toBe('verlopen');
		expect(milestoneState({ deadline: '2025-08-01', gereed_op: '2025-08-11' }, '2025-08-11')).toBe('gereed');
		expect(milestoneState({ deadline: '2025-08-01', gereed_op: null }, '2025-08-01')).toBe('open');
		expect(milestoneState({ deadline: '2025-08-01', gereed_op: null }, '2025-08-02')).toBe('verlopen');
	});

	it('takes the latest update on or before the date', () => {
		expect(latestUpdate(VOORTGANG, 'WP01', '2025-10-06')?.datum).toBe('2025-08-20');
		expect(latestUpdate(VOORTGANG, 'WP01', '2025-10-07')?.status).toBe('aandacht');
		expect(latestUpdate(VOORTGANG, 'WP04', '2025-10-05')).toBeNull();
	});

	it('lists overdue milestones on a date, oldest deadline first', () => {
		expect(overdueMilestones(MIJLPALEN, '2025-10-14').map((x) => `${x.werkplan_id}/${x.mijlpaal_id}`)).toEqual(['WP03/M1', 'WP03/M2']);
		expect(overdueMilestones(MIJLPALEN, '2025-11-01').map((x) => `${x.werkplan_id}/${x.mijlpaal_id}`)).toEqual(['WP03/M1', 'WP03/M2', 'WP01/M3']);
	});
});

describe('meetings', () => {
	it('finds the meetings, the previous one and the default one', () => {
		const dates = meetingDates(VOORTGANG);
		expect(dates).toEqual(['2025-06-10', '2025-08-26', '2025-10-14']);
		expect(previousMeeting(dates, '2025-10-14')).toBe('2025-08-26');
		expect(previousMeeting(dates, '2025-09-01')).toBe('2025-08-26');
		expect(previousMeeting(dates, '2025-06-10')).toBeNull();
		expect(defaultMeeting(dates, '2025-08-01')).toBe('2025-08-26');
		expect(defaultMeeting(dates, '2026-01-01')).toBe('2025-10-14');
		expect(defaultMeeting([], '2026-01-01')).toBeNull();
	});

	it('reports what changed between 26 August and 14 October 2025', () => {
		const c = meetingChanges(WERKPLANNEN, MIJLPALEN, VOORTGANG, '2025-08-26', '2025-10-14');
		// WP01 op_schema -> aandacht; WP04 had no update -> op_schema. WP03 stayed 'achter' with a new note.
		expect(c.statuswijzigingen.map((s) => [s.werkplan.werkplan_id, s.voor?.status ?? null, s.na.status])).toEqual([
			['WP04', null, 'op_schema'],
			['WP01', 'op_schema', 'aandacht']
		]);
		expect(ids(c.updatesZonderWijziging)).toEqual(['WP03']);
		// Reached in (26-08, 14-10]: WP02/M2 on 29-09 and WP04/M1 on 30-09, both before their deadline.
		expect(mids(c.bereikt)).toEqual(['WP04/M1', 'WP02/M2']);
		expect(c.bereikt.map((b) => b.teLaat)).toEqual([false, false]);
		// Deadline in the period and not reached by 14-10: WP03/M2 (30-09).
		expect(mids(c.gemist)).toEqual(['WP03/M2']);
		expect(c.nieuw.map((w) => w.werkplan_id)).toEqual(['WP04']);
	});

	it('reports what changed between 10 June and 26 August 2025', () => {
		const c = meetingChanges(WERKPLANNEN, MIJLPALEN, VOORTGANG, '2025-06-10', '2025-08-26');
		expect(c.statuswijzigingen.map((s) => [s.werkplan.werkplan_id, s.voor?.status, s.na.status])).toEqual([
			['WP03', 'aandacht', 'achter'],
			['WP02', 'niet_gestart', 'op_schema']
		]);
		expect(ids(c.updatesZonderWijziging)).toEqual(['WP01']);
		// WP01/M2 (deadline 01-08, done 11-08) and WP02/M1 (deadline 31-07, done 15-08): reached late.
		expect(mids(c.bereikt)).toEqual(['WP02/M1', 'WP01/M2']);
		expect(c.bereikt.every((b) => b.teLaat)).toBe(true);
		// Deadlines in the period: WP03/M1 (01-07) never reached; the two above were reached by 26-08.
		expect(mids(c.gemist)).toEqual(['WP03/M1']);
		expect(c.nieuw).toEqual([]);
	});

	it('counts everything up to the first meeting as new when there is no previous one', () => {
		const c = meetingChanges(WERKPLANNEN, MIJLPALEN, VOORTGANG, null, '2025-06-10');
		expect(c.statuswijzigingen.map((s) => s.werkplan.werkplan_id).sort()).toEqual(['WP01', 'WP02', 'WP03']);
		expect(c.nieuw.map((w) => w.werkplan_id).sort()).toEqual(['WP01', 'WP02', 'WP03']);
		expect(mids(c.bereikt)).toEqual(['WP01/M1']);
		expect(mids(c.gemist)).toEqual([]);
	});
});
