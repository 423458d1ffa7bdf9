// The one shape of every edit form action (Werkplannen, SWOT): read the form, find out who edits,
// validate with the form's zod schema, make the edit on this process's databases, remember the
// typed name, and redirect back (303, so a reload does not post again). A failure returns the form's
// name, its Dutch errors per field and the values typed, so the page shows them on the right form.
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { db } from '$lib/server/db/database';
import { editor, formValues, parseForm, rememberName, type FieldErrors } from './forms';
import { EditError, type EditContext } from './regiegroep';
import { edits } from './store';

export interface EditFailure {
	/** Which form on the page failed (a page can hold one form per item). */
	form: string;
	errors: FieldErrors;
	values: Record<string, string>;
}

export interface EditActionSpec<S extends z.ZodType, E extends RequestEvent> {
	schema: S;
	/** The form's name in a failure; by default the action's own. */
	formName: (form: FormData) => string;
	/** Checks across fields after the schema passed: field -> Dutch message, or null. */
	check?: (data: z.output<S>) => FieldErrors | null;
	/** The edit itself. An EditError becomes a 404 failure on the form. */
	edit: (ctx: EditContext, data: z.output<S>, event: E) => Promise<unknown>;
	/** Where to go after the edit. */
	next: (form: FormData, data: z.output<S>, event: E) => string;
}

const failure = (status: number, f: EditFailure) => fail(status, f);

export function editAction<S extends z.ZodType, E extends RequestEvent>(spec: EditActionSpec<S, E>): (event: E) => Promise<ActionFailure<EditFailure>> {
	return async (event) => {
		const form = await event.request.formData();
		const name = spec.formName(form);
		const who = editor(event.locals, form);
		const parsed = parseForm(spec.schema, form);
		if (!who.ok || !parsed.ok) {
			return failure(400, { form: name, errors: { ...(parsed.ok ? {} : parsed.errors), ...(who.ok ? {} : who.errors) }, values: formValues(form) });
		}
		const problems = spec.check?.(parsed.data);
		if (problems) return failure(400, { form: name, errors: problems, values: formValues(form) });
		try {
			await spec.edit({ db: db(), store: edits(), wie: who.wie }, parsed.data, event);
		} catch (e) {
			if (e instanceof EditError) return failure(404, { form: name, errors: { formulier: e.message }, values: formValues(form) });
			throw e;
		}
		if (!who.fromLogin) rememberName(event.cookies, event.url, who.wie);
		redirect(303, spec.next(form, parsed.data, event));
	};
}
