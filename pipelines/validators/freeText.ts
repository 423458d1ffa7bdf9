// Free text (werkplan notes, SWOT items, milestone descriptions) is stored, but never with
// identifying data in it: e-mail addresses, phone numbers, BSNs, full postcodes, dates of birth,
// street + house number and names after a title or initials are masked before storage
// (docs/formats.md "Privacy: what is never loaded"). The same masking runs on edits made in the app (src/lib/server/edits).
// Name-like fields (werkplannen.trekker: a role or team) are masked the same way, and a person's
// name in them as well. A pseudonym (client_pseudo) that is a BSN, a date or a name is refused.

import { maskNameLike, maskPersonalData, pseudonymProblem } from '../../contract/privacy';
import { cellText } from './codes';
import type { FieldType } from './fields';
import { REJECTED } from './privacy';
import { fail, ok } from './result';

/** A free-text column: trimmed, with identifying data masked. */
export const freeText = (): FieldType => ({
	sqlType: 'VARCHAR',
	freeText: true,
	check: (cell) => ok(maskPersonalData(cellText(cell)).text)
});

/**
 * A name-like column (who leads: a role, team or organisation): masked like free text, and a
 * person's name (Jan de Vries, J. Jansen) is masked too. Not refused: `freeText` tells the
 * privacy check that this column is masked, not checked.
 */
export const nameLike = (): FieldType => ({
	sqlType: 'VARCHAR',
	freeText: true,
	check: (cell) => ok(maskNameLike(cellText(cell)).text)
});

const PSEUDONYM_PROBLEM = {
	bsn: 'een getal dat de elfproef doorstaat (een BSN?)',
	datum: 'een datum (een geboortedatum?)',
	naam: 'iets dat op een naam lijkt'
} as const;

/**
 * A pseudonym of a client: text, refused when it is a BSN, a date or a name (the privacy check
 * refuses the file before this; this keeps the rule on every value however the rows are fed).
 */
export const pseudonym = (): FieldType => ({
	sqlType: 'VARCHAR',
	pseudonym: true,
	check(cell) {
		const problem = pseudonymProblem(typeof cell === 'string' ? cell.trim() : cell);
		if (problem) {
			return fail(problem === 'bsn' ? 'privacy-bsn' : 'privacy-pseudoniem', `een pseudoniem mag niet herleidbaar zijn, maar deze waarde is ${PSEUDONYM_PROBLEM[problem]}; ${REJECTED}`);
		}
		return ok(cellText(cell));
	}
});
