// The surveys themselves (docs/formats.md "Datasets"): `enquetes`, keyed by enquete_id, and their
// `enquete_vragen`, keyed by (enquete_id, vraag_code). The responses, in three shapes, are in
// enquete_responsen.ts.

import { ENQUETE_SOORTEN, parseSeizoen, SCALE, VRAAG_TYPES, type VraagType } from '../../contract/surveys';
import { cellText } from '../validators/codes';
import { date, integer, oneOf, text, wijkCode, type FieldType } from '../validators/fields';
import { fail, ok, quote } from '../validators/result';
import { wijkMustExist } from './references';
import { column, type DatasetSpec, type Reference } from '../validators/spec';

/** `voorjaar-2025`: a season and a year (case is normalised). */
export const seizoen = (): FieldType => ({
	sqlType: 'VARCHAR',
	check(cell) {
		const s = parseSeizoen(cellText(cell));
		if (!s) {
			return fail('seizoen-formaat', `${quote(cellText(cell))} is geen seizoen: verwacht voorjaar, zomer, najaar of winter, een streepje en het jaar (bijvoorbeeld voorjaar-2025)`);
		}
		return ok(`${s.naam}-${s.jaar}`);
	}
});

const FLAG: Record<string, number> = { '1': 1, '0': 0, ja: 1, nee: 0, j: 1, n: 0, true: 1, false: 0, waar: 1, onwaar: 0 };

/** 1 or 0 (also ja/nee, true/false). */
export const flag = (): FieldType => ({
	sqlType: 'INTEGER',
	check(cell) {
		const v = FLAG[cellText(cell).toLowerCase()];
		return v === undefined ? fail('waarde-lijst', `${quote(cellText(cell))} is geen 1 of 0 (ja of nee)`) : ok(v);
	}
});

export const enqueteMustExist: Reference = {
	column: 'enquete_id',
	table: 'enquetes',
	rule: 'enquete-onbekend',
	message: (v) => `enquete "${v}" staat niet in de enquetes; lever de enquete eerst aan met het bestand enquetes`
};

export const enquetes: DatasetSpec = {
	id: 'enquetes',
	family: 'enquetes',
	table: 'enquetes',
	columns: [
		column('enquete_id', true, text()),
		column('naam', true, text()),
		column('soort', true, oneOf(ENQUETE_SOORTEN)),
		column('seizoen', true, seizoen()),
		// Empty: the survey covers more than one wijk (the responses may then name theirs).
		column('wijk_code', false, wijkCode()),
		column('datum', true, date()),
		column('genodigden', false, integer({ min: 1 }))
	],
	key: ['enquete_id'],
	signature: ['enquete_id', 'soort'],
	order: 11,
	references: [wijkMustExist],
	checkRow(row) {
		// A winter starts in December, so winter-2024 may be held in January 2025.
		const s = parseSeizoen(String(row.seizoen));
		const jaar = Number(String(row.datum).slice(0, 4));
		if (s && s.jaar !== jaar && !(s.naam === 'winter' && s.jaar === jaar - 1)) {
			return [{ column: 'seizoen', rule: 'seizoen-formaat', message: `seizoen ${row.seizoen} past niet bij de datum ${row.datum}` }];
		}
		return [];
	}
};

export const enqueteVragen: DatasetSpec = {
	id: 'enquete_vragen',
	family: 'enquete_vragen',
	table: 'enquete_vragen',
	columns: [
		column('enquete_id', true, text()),
		column('vraag_code', true, text()),
		column('vraag_tekst', true, text()),
		column('thema', false, text()),
		column('type', true, oneOf(VRAAG_TYPES)),
		// Empty: 0.
		column('omgekeerd', false, flag())
	],
	key: ['enquete_id', 'vraag_code'],
	signature: ['enquete_id', 'vraag_code', 'type'],
	order: 12,
	references: [enqueteMustExist],
	checkRow(row) {
		if (row.omgekeerd === 1 && !SCALE[row.type as VraagType]) {
			return [{ column: 'omgekeerd', rule: 'waarde-lijst', message: `alleen een vraag met een score (${Object.keys(SCALE).join(', ')}) kan omgekeerd worden; dit is een vraag van het type ${row.type}` }];
		}
		return [];
	}
};
