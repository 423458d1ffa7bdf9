// Survey responses in the three shapes of formats.md, recognised by their header like every other
// dataset: the contract's wide file (`respons_id; enquete_id; …; <vraag_code>…`), LimeSurvey's CSV
// export (`id; submitdate; …; G01Q01; G01Q02[SQ001]…`) and Microsoft Forms' XLSX export (`ID;
// Start time; Completion time; Email; Name; <vraag_tekst>…`). The columns below are only each
// shape's own columns; the questions are read and loaded by pipelines/datasets/enquete_responsen/responses.ts.

import { SHAPES, prepareResponses, type Shape } from './responses';
import { text } from '../../validators/fields';
import { column, type DatasetSpec } from '../../validators/spec';

function responses(id: string, shape: Shape, signature: string[]): DatasetSpec {
	return {
		id,
		family: 'enquete_responsen',
		table: 'enquete_responsen',
		columns: shape.own.map((name) => column(name, shape.required.includes(name), text())),
		key: ['enquete_id', 'respons_id'],
		signature,
		synonyms: shape.synonyms,
		order: 13,
		references: [],
		custom: { prepare: (table, errors, options) => prepareResponses(shape, table, errors, options) }
	};
}

export const responsenBreed = responses('enquete_responsen', SHAPES.breed, ['respons_id']);
export const responsenLimesurvey = responses('limesurvey', SHAPES.limesurvey, ['id', 'submitdate']);
export const responsenForms = responses('forms', SHAPES.forms, ['id', 'start_time', 'completion_time']);
