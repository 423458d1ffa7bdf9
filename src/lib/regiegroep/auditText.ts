// How an audit row reads on a page: which fields an edit changed, from what to what, in Dutch.
import { KWADRANT_ENKELVOUD, statusLabel, type Kwadrant } from '$contract/regiegroep';

const VELD: Record<string, string> = {
	status: 'status',
	toelichting: 'toelichting',
	vergadering: 'vergadering',
	datum: 'datum',
	gereed_op: 'gereed op',
	omschrijving: 'omschrijving',
	kwadrant: 'kwadrant',
	thema: 'thema',
	afgesloten_op: 'afgesloten op',
	deadline: 'deadline'
};

/** Fields that identify a record rather than describe it. */
const IDENTITY = new Set(['werkplan_id', 'mijlpaal_id', 'wijk_code', 'item_sleutel', 'item_id']);

function show(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return '(leeg)';
	if (field === 'status') return statusLabel(String(value));
	if (field === 'kwadrant') return KWADRANT_ENKELVOUD[value as Kwadrant] ?? String(value);
	return String(value);
}

export interface FieldChange {
	veld: string;
	oud: string;
	nieuw: string;
}

/** The fields whose value differs between old (null: a new record) and new. */
export function fieldChanges(oud: Record<string, unknown> | null, nieuw: Record<string, unknown>): FieldChange[] {
	// An undo of a creation removes the record (undoEdit): one line, not a field per field.
	if (nieuw.verwijderd === true) return [{ veld: 'item', oud: oud ? 'aanwezig' : '', nieuw: 'verwijderd' }];
	const out: FieldChange[] = [];
	for (const [field, value] of Object.entries(nieuw)) {
		if (IDENTITY.has(field)) continue;
		const before = oud ? oud[field] : null;
		if (oud && (before ?? null) === (value ?? null)) continue;
		if (!oud && (value === null || value === '')) continue;
		out.push({ veld: VELD[field] ?? field, oud: oud ? show(field, before) : '', nieuw: show(field, value) });
	}
	return out;
}

export const ACTIE_LABEL: Record<string, string> = {
	toegevoegd: 'toegevoegd',
	gewijzigd: 'gewijzigd',
	gereed: 'gereed gemeld',
	heropend: 'heropend',
	afgesloten: 'afgesloten',
	ongedaan: 'ongedaan gemaakt'
};

export const SOORT_LABEL: Record<string, string> = {
	voortgang: 'Statusupdate',
	mijlpaal: 'Mijlpaal',
	swot: 'SWOT-item'
};

/** 'import:3' -> 'import (lading 3)', 'app:12' -> 'eerdere bewerking (nr. 12)'. */
export function sourceText(bron: string | null): string {
	if (!bron) return 'nieuw';
	const [kind, id] = bron.split(':');
	return kind === 'import' ? `import (lading ${id})` : `eerdere bewerking (nr. ${id})`;
}
