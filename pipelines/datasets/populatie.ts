// `populatie`: denominators, in two shapes that share one contract name. Registered patients per
// practice go to populatie_praktijk, inhabitants per wijk to populatie_wijk; the header decides.

import { LEEFTIJDSGROEPEN } from '../../contract/codes';
import { integer, oneOf, text, wijkCode, year } from '../validators/fields';
import { praktijkMustExist, wijkMustExist } from './references';
import { column, type DatasetSpec } from '../validators/spec';

const aantal = () => column('aantal', true, integer({ min: 0 }));
const leeftijdsgroep = () => column('leeftijdsgroep', true, oneOf(LEEFTIJDSGROEPEN));

export const populatiePraktijk: DatasetSpec = {
	id: 'populatie_praktijk',
	family: 'populatie',
	table: 'populatie_praktijk',
	columns: [column('jaar', true, year()), column('praktijk_code', true, text()), leeftijdsgroep(), aantal()],
	key: ['jaar', 'praktijk_code', 'leeftijdsgroep'],
	signature: ['praktijk_code', 'leeftijdsgroep', 'aantal'],
	order: 4,
	references: [praktijkMustExist]
};

export const populatieWijk: DatasetSpec = {
	id: 'populatie_wijk',
	family: 'populatie',
	table: 'populatie_wijk',
	columns: [column('jaar', true, year()), column('wijk_code', true, wijkCode()), leeftijdsgroep(), aantal()],
	key: ['jaar', 'wijk_code', 'leeftijdsgroep'],
	signature: ['wijk_code', 'leeftijdsgroep', 'aantal'],
	order: 4,
	references: [wijkMustExist]
};
