// `ojg_inzet`: OJG / POH-jeugd placements per practice. The contract gives no id; a placement is
// identified by practice, function and start date (the table's primary key).

import { OJG_FUNCTIES } from '../../contract/codes';
import { date, decimal, oneOf, text } from '../validators/fields';
import { praktijkMustExist } from './references';
import { column, type DatasetSpec } from '../validators/spec';

/** More hours than this in a week is a typing error (a full-time week is 36-40). */
export const MAX_UREN_PER_WEEK = 80;

export const ojgInzet: DatasetSpec = {
	id: 'ojg_inzet',
	family: 'ojg_inzet',
	table: 'ojg_inzet',
	columns: [
		column('praktijk_code', true, text()),
		column('functie', true, oneOf(OJG_FUNCTIES)),
		column('start', true, date()),
		// Empty: still in place.
		column('eind', false, date()),
		column('uren_per_week', false, decimal({ min: 0, max: MAX_UREN_PER_WEEK }))
	],
	key: ['praktijk_code', 'functie', 'start'],
	signature: ['praktijk_code', 'functie', 'start'],
	order: 5,
	references: [praktijkMustExist],
	rowColumns: ['start', 'eind'],
	checkRow(row) {
		if (row.eind !== null && row.start !== null && row.eind < row.start) {
			return [{ column: 'eind', rule: 'datum-volgorde', message: `einddatum ${row.eind} ligt voor startdatum ${row.start}` }];
		}
		return [];
	}
};
