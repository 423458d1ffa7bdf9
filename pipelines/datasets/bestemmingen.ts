// `bestemmingen`: the classification of referral destinations into lijn 0/1/2. The table is seeded
// with the contract's defaults (schema.ts); this file adds destinations or moves them to another lijn.

import { integer, slug } from '../validators/fields';
import { column, type DatasetSpec } from '../validators/spec';

export const bestemmingen: DatasetSpec = {
	id: 'bestemmingen',
	family: 'bestemmingen',
	table: 'bestemmingen',
	columns: [column('bestemming', true, slug()), column('lijn', true, integer({ min: 0, max: 2 }))],
	key: ['bestemming'],
	signature: ['bestemming', 'lijn'],
	order: 3,
	references: []
};
