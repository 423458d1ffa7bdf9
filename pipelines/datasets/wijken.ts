// `wijken`: the CBS wijken the monitor reports on, with their gemeente.

import { gemeenteCode, text, wijkCode } from '../validators/fields';
import { column, type DatasetSpec } from '../validators/spec';

export const wijken: DatasetSpec = {
	id: 'wijken',
	family: 'wijken',
	table: 'wijken',
	columns: [
		column('wijk_code', true, wijkCode()),
		column('wijk_naam', true, text()),
		column('gemeente_code', true, gemeenteCode()),
		column('gemeente_naam', true, text())
	],
	key: ['wijk_code'],
	signature: ['wijk_code', 'wijk_naam'],
	order: 1,
	references: []
};
