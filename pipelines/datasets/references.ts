// References shared by several datasets.

import { quote } from '../validators/result';
import type { Reference } from '../validators/spec';

export const wijkMustExist: Reference = {
	column: 'wijk_code',
	table: 'wijken',
	rule: 'wijk-onbekend',
	message: (v) => `wijk ${quote(v)} staat niet in de wijken; lever de wijk eerst aan met het bestand wijken`
};

export const praktijkMustExist: Reference = {
	column: 'praktijk_code',
	table: 'praktijken',
	rule: 'praktijk-onbekend',
	message: (v) => `praktijk ${quote(v)} staat niet in de praktijken; lever de praktijk eerst aan met het bestand praktijken`
};

export const bestemmingMustExist: Reference = {
	column: 'bestemming',
	table: 'bestemmingen',
	rule: 'bestemming-onbekend',
	message: (v) =>
		`bestemming ${quote(v)} is onbekend; gebruik een bestemming uit de lijst in docs/formats.md, of voeg haar eerst toe met het bestand bestemmingen (bestemming; lijn)`
};
