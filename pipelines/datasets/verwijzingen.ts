// `verwijzingen`: one row per referral, keyed by verwijzing_id.

import { DOMEINEN, LEEFTIJDSGROEPEN, VERWIJZERS } from '../../contract/codes';
import { date, oneOf, slug, text, wijkCode } from '../validators/fields';
import { pseudonym } from '../validators/freeText';
import { bestemmingMustExist, praktijkMustExist, wijkMustExist } from './references';
import { column, type DatasetSpec } from '../validators/spec';

export const verwijzingen: DatasetSpec = {
	id: 'verwijzingen',
	family: 'verwijzingen',
	table: 'verwijzingen',
	columns: [
		column('verwijzing_id', true, text()),
		column('datum', true, date()),
		// Only when the referrer works in or for a practice.
		column('praktijk_code', false, text()),
		column('wijk_code', true, wijkCode()),
		column('leeftijdsgroep', true, oneOf(LEEFTIJDSGROEPEN)),
		column('verwijzer', true, oneOf(VERWIJZERS)),
		// Checked against the bestemmingen table, which can be extended; the format is checked here.
		column('bestemming', true, slug()),
		column('domein', true, oneOf(DOMEINEN)),
		// A pseudonym: refused when it is a BSN, a date or a name (validators/privacy.ts, freeText.ts).
		column('client_pseudo', false, pseudonym()),
		column('terugkoppeling_datum', false, date())
	],
	key: ['verwijzing_id'],
	signature: ['verwijzing_id'],
	order: 6,
	references: [wijkMustExist, praktijkMustExist, bestemmingMustExist],
	rowColumns: ['datum', 'terugkoppeling_datum'],
	checkRow(row) {
		// Feedback cannot come back before the referral was made.
		if (row.terugkoppeling_datum !== null && row.datum !== null && row.terugkoppeling_datum < row.datum) {
			return [
				{
					column: 'terugkoppeling_datum',
					rule: 'datum-volgorde',
					message: `terugkoppeling op ${row.terugkoppeling_datum} ligt voor de verwijsdatum ${row.datum}`
				}
			];
		}
		return [];
	}
};
