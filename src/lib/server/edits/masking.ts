// What an edit stores, and what the pages read back, goes through the contract's detectors of
// identifying data (docs/privacy.md "Identifying data"): the text fields of a record, and the
// editor's display name (contact details only: a person's own name is what it is). Used when an
// edit is written (regiegroep.ts) and when the trail is read (history.ts), so edits stored before
// the detectors are shown masked as well.
import { CONTACT_KINDS, maskPersonalData } from '$contract/privacy';

/** The text fields of the records an edit stores (in `oud` and `nieuw`). */
export const TEXT_FIELDS = ['toelichting', 'omschrijving', 'thema', 'titel', 'doel', 'trekker', 'partners'] as const;

/** A record with its text fields masked. */
export function maskRecord<T extends object>(value: T): T {
	const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
	for (const k of TEXT_FIELDS) if (typeof out[k] === 'string') out[k] = maskPersonalData(out[k] as string).text;
	return out as T;
}

/** The editor's display name with contact details masked. */
export function maskEditorName(wie: string): string {
	return maskPersonalData(wie, CONTACT_KINDS).text;
}
