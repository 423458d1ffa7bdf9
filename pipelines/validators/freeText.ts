// Free text (werkplan notes, SWOT items, milestone descriptions) is stored, but never with personal
// data in it: e-mail addresses, phone numbers, BSNs and full postcodes are masked before storage
// (docs/formats.md "Privacy: what is never loaded"). The same masking runs on edits made in the app (src/lib/server/edits).

import { maskPersonalData } from '../../contract/privacy';
import { cellText } from './codes';
import type { FieldType } from './fields';
import { ok } from './result';

/** A free-text column: trimmed, with personal data masked. */
export const freeText = (): FieldType => ({
	sqlType: 'VARCHAR',
	freeText: true,
	check: (cell) => ok(maskPersonalData(cellText(cell)).text)
});
