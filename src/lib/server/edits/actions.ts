// The one shape of every edit form action (Werkplannen, SWOT): the signed-in user must have an
// editing role; validate the form with its zod schema, make the edit on the database as that user
// may see it (a record outside their scope does not exist for them), record it in the activity log,
// and redirect back (303, so a reload does not post again). A failure returns the form's name, its
// Dutch errors per field and the values typed, so the page shows them next to the right form.
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { mayEdit } from '$lib/auth/access';
import { databaseFor } from '$lib/server/db/page';
import { logActivity } from './activity';
import { ROL_LABEL, type SessionUser } from '$lib/auth/types';
import type { AuditEntry } from '$lib/regiegroep/types';
import { formValues, parseForm, undoForm, type FieldErrors } from './forms';
import { keyText } from './history';
import { EditError, undoEdit, type EditContext } from './regiegroep';
import { edits } from './store';

export interface EditFailure {
	/** Which form on the page failed (a page can hold one form per item). */
	form: string;
	errors: FieldErrors;
	values: Record<string, string>;
}

export interface EditActionSpec<S extends z.ZodType, E extends RequestEvent> {
	schema: S;
	/** The form's name in a failure (a page can hold one form per item). */
	formName: (form: FormData) => string;
	/** Checks across fields after the schema passed: field -> Dutch message, or null. */
	check?: (data: z.output<S>) => FieldErrors | null;
	/** The edit itself. An EditError becomes a failure on the form, with the error's status. */
	edit: (ctx: EditContext, data: z.output<S>, event: E) => Promise<unknown>;
	/** Where to go after the edit. */
	next: (form: FormData, data: z.output<S>, event: E) => string;
}

export function editAction<S extends z.ZodType, E extends RequestEvent>(spec: EditActionSpec<S, E>): (event: E) => Promise<ActionFailure<EditFailure>> {
	return async (event) => {
		const form = await event.request.formData();
		const name = spec.formName(form);
		const refuse = (status: number, errors: FieldErrors) => fail(status, { form: name, errors, values: formValues(form) } satisfies EditFailure);
		const user = event.locals.user;
		if (!user || !mayEdit(user.rol)) {
			const rol = user ? ROL_LABEL[user.rol].toLowerCase() : 'niet aangemeld';
			return refuse(403, { formulier: `U kunt hier niets wijzigen (${rol}); vraag de regiegroep of de beheerder.` });
		}
		const parsed = parseForm(spec.schema, form);
		if (!parsed.ok) return refuse(400, parsed.errors);
		const problems = spec.check?.(parsed.data);
		if (problems) return refuse(400, problems);
		try {
			await spec.edit({ db: databaseFor(event.locals), store: edits(), wie: user.naam, door: user.gebruikersnaam }, parsed.data, event);
		} catch (e) {
			if (e instanceof EditError) return refuse(e.status, { formulier: e.message });
			throw e;
		}
		logActivity({ gebruiker: user.gebruikersnaam, soort: 'bewerking', detail: `${event.url.pathname} ${name}`, adres: event.getClientAddress() });
		redirect(303, spec.next(form, parsed.data, event));
	};
}

/** The edits in `trail` that `user` may undo: the latest of each record, their own or any for a beheerder. */
export function undoableEdits(trail: readonly AuditEntry[], user: SessionUser | null): number[] {
	if (!user || !mayEdit(user.rol)) return [];
	const latest = new Map<string, AuditEntry>();
	for (const e of trail) {
		const key = `${e.soort}:${keyText(e.sleutel)}`;
		if ((latest.get(key)?.audit_id ?? -1) < e.audit_id) latest.set(key, e);
	}
	return [...latest.values()].filter((e) => user.rol === 'beheerder' || e.door === user.gebruikersnaam).map((e) => e.audit_id);
}

/** The form action that undoes one edit (undoEdit), for the pages that show an audit trail. */
export function undoAction<E extends RequestEvent>(next: (form: FormData, event: E) => string) {
	return editAction({
		schema: undoForm,
		formName: () => 'ongedaan',
		edit: (ctx, { audit_id }, event: E) =>
			undoEdit(ctx, audit_id, { gebruikersnaam: event.locals.user!.gebruikersnaam, beheerder: event.locals.user!.rol === 'beheerder' }),
		next: (form, _data, event) => next(form, event)
	});
}
