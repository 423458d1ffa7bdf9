// The edit forms of the Werkplannen and SWOT pages: what a submitted form must hold (zod schemas
// with Dutch messages). Used by the form actions (actions.ts); who edits comes from the session.
import { z } from 'zod';
import { dutchToIso, EARLIEST_DATE, isIsoDate, today } from '$contract/dates';
import { KWADRANTEN, STATUSSEN } from '$contract/regiegroep';
import { WIJK_CODE } from '$contract/codes';

const dateField = (what: string, { future = false } = {}) =>
	z
		.string({ error: `Vul ${what} in.` })
		.trim()
		.min(1, { error: `Vul ${what} in.` })
		.transform(dutchToIso)
		.refine(isIsoDate, { error: `${what[0].toUpperCase()}${what.slice(1)} is geen geldige datum (gebruik DD-MM-JJJJ).` })
		.refine((d) => d >= EARLIEST_DATE, { error: `${what[0].toUpperCase()}${what.slice(1)} ligt voor 2000.` })
		.refine((d) => future || d <= today(), { error: `${what[0].toUpperCase()}${what.slice(1)} ligt in de toekomst.` });

const optionalDate = (what: string, opts: { future?: boolean } = {}) =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), dateField(what, opts).optional());

const optionalText = (max: number, what: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z.string().trim().max(max, { error: `${what} is te lang (hoogstens ${max} tekens).` }).optional()
	);

export const statusForm = z.object({
	datum: dateField('de datum'),
	status: z.enum(STATUSSEN, { error: 'Kies een status.' }),
	toelichting: optionalText(2000, 'De toelichting'),
	vergadering: optionalDate('de vergaderdatum', { future: true })
});

export const mijlpaalForm = z.object({
	mijlpaal_id: z.string({ error: 'Kies een mijlpaal.' }).trim().min(1, { error: 'Kies een mijlpaal.' }),
	actie: z.enum(['gereed', 'heropenen'], { error: 'Onbekende actie.' }),
	gereed_op: optionalDate('de datum gereed')
});

const wijkField = z.string({ error: 'Kies een wijk.' }).trim().regex(WIJK_CODE, { error: 'Kies een wijk.' });
const kwadrantField = z.enum(KWADRANTEN, { error: 'Kies een kwadrant.' });
const omschrijvingField = z
	.string({ error: 'Vul een omschrijving in.' })
	.trim()
	.min(3, { error: 'Vul een omschrijving in (minstens 3 tekens).' })
	.max(500, { error: 'De omschrijving is te lang (hoogstens 500 tekens).' });

export const swotAddForm = z.object({
	wijk_code: wijkField,
	datum: dateField('de datum van de SWOT'),
	kwadrant: kwadrantField,
	omschrijving: omschrijvingField,
	thema: optionalText(60, 'Het thema')
});

const swotTarget = {
	wijk_code: wijkField,
	datum: dateField('de datum van de SWOT'),
	item_sleutel: z.string({ error: 'Onbekend item.' }).min(1, { error: 'Onbekend item.' }).max(600)
};

export const swotEditForm = z.object({
	...swotTarget,
	kwadrant: kwadrantField,
	omschrijving: omschrijvingField,
	thema: optionalText(60, 'Het thema')
});

export const swotCloseForm = z.object({
	...swotTarget,
	actie: z.enum(['afsluiten', 'heropenen'], { error: 'Onbekende actie.' }),
	afgesloten_op: optionalDate('de datum van afsluiten')
});

export const undoForm = z.object({
	audit_id: z.coerce.number({ error: 'Onbekende wijziging.' }).int({ error: 'Onbekende wijziging.' }).positive({ error: 'Onbekende wijziging.' })
});

export type FieldErrors = Record<string, string>;

/** Parses a form; on failure, the first Dutch message per field. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
	const raw: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') raw[k] = v;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'formulier');
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}

/** The values a user typed, sent back with errors so the form keeps them (never passwords or files). */
export function formValues(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v.slice(0, 2000);
	return out;
}
