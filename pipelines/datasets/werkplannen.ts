// The regiegroep's workplans (docs/regiegroep.md "Data model"): `werkplannen` keyed by werkplan_id,
// their `mijlpalen` keyed by (werkplan_id, mijlpaal_id), and `voortgang` (status updates) keyed
// by (werkplan_id, datum). Titles, goals, milestone descriptions and notes are free text: personal
// data in them is masked before storage; `trekker` (a role or team) as well, and a person's name in it.

import { DRIEHOEKEN, STATUSSEN } from '../../contract/regiegroep';
import { checkDate } from '../validators/dates';
import { date, oneOf, text, wijkCode, type FieldType } from '../validators/fields';
import { freeText, nameLike } from '../validators/freeText';
import { fail } from '../validators/result';
import { wijkMustExist } from './references';
import { column, type DatasetSpec, type Reference } from '../validators/spec';

/** Planned dates (deadline, end, meeting) may lie after the day of the import, up to this one. */
export const LATEST_PLANNED_DATE = '2099-12-31';

/** A planned date: the usual date rules, except that it may lie in the future. */
export const plannedDate = (): FieldType => ({
	sqlType: 'DATE',
	check(cell, ctx) {
		const checked = checkDate(cell, { ...ctx, today: LATEST_PLANNED_DATE });
		if (!checked.ok && checked.rule === 'datum-toekomst') {
			return fail('datum-toekomst', `een geplande datum mag niet na ${LATEST_PLANNED_DATE} liggen`);
		}
		return checked;
	}
});

export const werkplanMustExist: Reference = {
	column: 'werkplan_id',
	table: 'werkplannen',
	rule: 'werkplan-onbekend',
	message: () => 'dit werkplan staat niet in de werkplannen; lever het werkplan eerst aan met het bestand werkplannen'
};

export const werkplannen: DatasetSpec = {
	id: 'werkplannen',
	family: 'werkplannen',
	table: 'werkplannen',
	columns: [
		column('werkplan_id', true, text()),
		column('titel', true, freeText()),
		column('thema', true, text()),
		// Empty: the werkplan belongs to none of the driehoeken.
		column('driehoek', false, oneOf(DRIEHOEKEN)),
		// Who leads: a role, team or organisation. Identifying data and a person's name are masked.
		column('trekker', true, nameLike()),
		// Organisations that take part: name-like, like trekker.
		column('partners', false, nameLike()),
		// Empty: the werkplan covers more than one wijk.
		column('wijk_code', false, wijkCode()),
		column('start', false, plannedDate()),
		column('eind', false, plannedDate()),
		column('doel', false, freeText())
	],
	key: ['werkplan_id'],
	signature: ['werkplan_id', 'titel'],
	order: 7,
	references: [wijkMustExist],
	checkRow(row) {
		if (row.eind !== null && row.start !== null && row.eind < row.start) {
			return [{ column: 'eind', rule: 'datum-volgorde', message: `einddatum ${row.eind} ligt voor startdatum ${row.start}` }];
		}
		return [];
	}
};

export const mijlpalen: DatasetSpec = {
	id: 'mijlpalen',
	family: 'mijlpalen',
	table: 'mijlpalen',
	columns: [
		column('werkplan_id', true, text()),
		column('mijlpaal_id', true, text()),
		column('omschrijving', true, freeText()),
		column('deadline', true, plannedDate()),
		// Empty: not reached yet. A milestone cannot be reached in the future.
		column('gereed_op', false, date())
	],
	key: ['werkplan_id', 'mijlpaal_id'],
	signature: ['werkplan_id', 'mijlpaal_id'],
	order: 8,
	references: [werkplanMustExist]
};

export const voortgang: DatasetSpec = {
	id: 'voortgang',
	family: 'voortgang',
	table: 'voortgang',
	columns: [
		column('werkplan_id', true, text()),
		column('datum', true, date()),
		column('status', true, oneOf(STATUSSEN)),
		column('toelichting', false, freeText()),
		// The regiegroep meeting the update is for; may be a meeting still to come.
		column('vergadering', false, plannedDate())
	],
	key: ['werkplan_id', 'datum'],
	signature: ['werkplan_id', 'status'],
	order: 9,
	references: [werkplanMustExist]
};
