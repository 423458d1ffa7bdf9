// `praktijken`: GP practices and the wijk they are located in.

import { text, wijkCode } from '../validators/fields';
import { wijkMustExist } from './references';
import { column, type DatasetSpec } from '../validators/spec';

export const praktijken: DatasetSpec = {
	id: 'praktijken',
	family: 'praktijken',
	table: 'praktijken',
	columns: [
		column('praktijk_code', true, text()),
		column('praktijk_naam', true, text()),
		column('wijk_code', true, wijkCode())
	],
	key: ['praktijk_code'],
	signature: ['praktijk_code', 'praktijk_naam'],
	order: 2,
	references: [wijkMustExist]
};
