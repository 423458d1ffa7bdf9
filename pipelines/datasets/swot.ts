// `swot`: the SWOT of the collaboration per wijk (docs/regiegroep.md "SWOT snapshots and matching"). All rows with one
// wijk_code and datum form one snapshot. An item is identified within its snapshot by its item_id,
// or, without one, by its quadrant and normalised text (the derived column `item_sleutel`), so a
// re-delivered snapshot replaces its items instead of duplicating them.

import { itemKey, KWADRANTEN, type Kwadrant } from '../../contract/regiegroep';
import { cellText } from '../validators/codes';
import { date, text, wijkCode, type FieldType } from '../validators/fields';
import { freeText } from '../validators/freeText';
import { fail, ok, quote } from '../validators/result';
import { wijkMustExist } from './references';
import { column, type DatasetSpec } from '../validators/spec';

/** Plurals and capitals as people write them in a SWOT table (beyond the contract). */
const KWADRANT_SPELLINGEN: Record<string, Kwadrant> = {
	sterkte: 'sterkte',
	sterktes: 'sterkte',
	sterke_punten: 'sterkte',
	zwakte: 'zwakte',
	zwaktes: 'zwakte',
	zwakke_punten: 'zwakte',
	kans: 'kans',
	kansen: 'kans',
	bedreiging: 'bedreiging',
	bedreigingen: 'bedreiging'
};

const kwadrant = (): FieldType => ({
	sqlType: 'VARCHAR',
	check(cell) {
		const raw = cellText(cell);
		const found = KWADRANT_SPELLINGEN[raw.toLowerCase().replace(/[\s-]+/g, '_')];
		return found ? ok(found) : fail('waarde-lijst', `${quote(raw)} is geen toegestane waarde; kies uit: ${KWADRANTEN.join(', ')}`);
	}
});

export const swot: DatasetSpec = {
	id: 'swot',
	family: 'swot',
	table: 'swot',
	columns: [
		column('wijk_code', true, wijkCode()),
		column('datum', true, date()),
		column('kwadrant', true, kwadrant()),
		column('item_id', false, text()),
		column('omschrijving', true, freeText()),
		column('thema', false, text()),
		{ ...column('item_sleutel', false, text()), derived: true }
	],
	key: ['wijk_code', 'datum', 'item_sleutel'],
	signature: ['wijk_code', 'kwadrant'],
	order: 10,
	references: [wijkMustExist],
	derive: (row) => ({
		item_sleutel: itemKey({ item_id: row.item_id as string | null, kwadrant: String(row.kwadrant), omschrijving: String(row.omschrijving) })
	})
};
