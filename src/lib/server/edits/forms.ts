// The edit forms of the Werkplannen and SWOT pages: what a submitted form must hold (zod schemas
// with Dutch messages) and who makes the edit. Used by the form actions.
import type { Cookies } from '@sveltejs/kit';
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

export const wieField = z
	.string({ error: 'Vul uw naam in.' })
	.trim()
	.min(2, { error: 'Vul uw naam in (minstens 2 tekens), zodat te zien is wie de wijziging deed.' })
	.max(80, { error: 'Uw naam is te lang (hoogstens 80 tekens).' });

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

/** The cookie that remembers the name typed in an edit form, so it need not be typed again. */
export const NAAM_COOKIE = 'bm_naam';

/**
 * Who makes an edit. A later login puts the signed-in user in `locals.user` (hooks.server.ts); until
 * then it is the name typed in the form.
 */
export function editor(locals: App.Locals, form: FormData): { ok: true; wie: string; fromLogin: boolean } | { ok: false; errors: FieldErrors } {
	const user = locals.user;
	if (user?.naam) return { ok: true, wie: user.naam, fromLogin: true };
	const parsed = wieField.safeParse(form.get('wie') ?? '');
	return parsed.success ? { ok: true, wie: parsed.data, fromLogin: false } : { ok: false, errors: { wie: parsed.error.issues[0].message } };
}

export function rememberName(cookies: Cookies, url: URL, wie: string): void {
	cookies.set(NAAM_COOKIE, wie, { path: '/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:', maxAge: 60 * 60 * 24 * 365 });
}

/** The values a user typed, sent back with errors so the form keeps them (never passwords or files). */
export function formValues(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v.slice(0, 2000);
	return out;
}
