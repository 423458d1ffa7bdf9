import { fail, redirect } from '@sveltejs/kit';
import { isIsoDate } from '$contract/dates';
import { db } from '$lib/server/db/database';
import { addSwotItem, closeSwotItem, EditError, editSwotItem } from '$lib/server/edits/regiegroep';
import { editor, formValues, NAAM_COOKIE, parseForm, rememberName, swotAddForm, swotCloseForm, swotEditForm } from '$lib/server/edits/forms';
import { today } from '$contract/dates';
import { edits } from '$lib/server/edits/store';
import { withDatabase } from '$lib/server/db/page';
import { auditTrail } from '$lib/server/edits/history';
import { reference } from '$lib/server/reference/units';
import { swotData } from '$lib/server/regiegroep/queries';
import { swotView, themaMatrix } from '$lib/regiegroep/views';
import type { Actions, PageServerLoad } from './$types';

const dateParam = (p: URLSearchParams, name: string) => {
	const v = p.get(name);
	return v && isIsoDate(v) ? v : null;
};

/** The page's own query (wijk, datum, van), to return to after an edit; nothing else passes. */
function backTo(raw: FormDataEntryValue | null): string {
	const q = new URLSearchParams(typeof raw === 'string' ? raw : '');
	const out = new URLSearchParams();
	const wijk = q.get('wijk');
	if (wijk && /^WK\d{6}$/.test(wijk)) out.set('wijk', wijk);
	for (const name of ['datum', 'van']) {
		const d = dateParam(q, name);
		if (d) out.set(name, d);
	}
	const s = out.toString();
	return `/swot${s ? `?${s}` : ''}`;
}

export const load: PageServerLoad = async ({ url, cookies }) =>
	withDatabase(async ({ db }) => {
		const store = edits();
		const [ref, records] = await Promise.all([reference(db), swotData(db, store)]);
		const withSwot = ref.wijken.filter((w) => records.some((r) => r.value.wijk_code === w.wijk_code));
		const asked = url.searchParams.get('wijk');
		const wijk = ref.wijken.find((w) => w.wijk_code === asked) ?? withSwot[0] ?? ref.wijken[0] ?? null;
		const vandaag = today();
		const datum = dateParam(url.searchParams, 'datum') ?? vandaag;
		const van = dateParam(url.searchParams, 'van');
		return {
			vandaag,
			datum,
			naam: cookies.get(NAAM_COOKIE) ?? '',
			wijken: ref.wijken,
			wijk,
			view: wijk ? swotView(records, wijk.wijk_code, datum, van) : null,
			matrix: themaMatrix(records, withSwot.map((w) => w.wijk_code), datum),
			audit: wijk ? await auditTrail(store, { wijk_code: wijk.wijk_code, soort: 'swot' }) : []
		};
	});

type Failure = { form: string; errors: Record<string, string>; values: Record<string, string> };

async function run(form: FormData, name: string, edit: () => Promise<unknown>) {
	try {
		await edit();
		return null;
	} catch (e) {
		if (e instanceof EditError) return fail(404, { form: name, errors: { formulier: e.message }, values: formValues(form) } satisfies Failure);
		throw e;
	}
}

export const actions: Actions = {
	toevoegen: async ({ request, locals, cookies, url }) => {
		const form = await request.formData();
		const who = editor(locals, form);
		const parsed = parseForm(swotAddForm, form);
		if (!who.ok || !parsed.ok) {
			return fail(400, { form: 'toevoegen', errors: { ...(parsed.ok ? {} : parsed.errors), ...(who.ok ? {} : who.errors) }, values: formValues(form) } satisfies Failure);
		}
		const ref = await reference(db());
		const failed = await run(form, 'toevoegen', () =>
			addSwotItem(
				{ db: db(), store: edits(), wie: who.wie },
				{ ...parsed.data, thema: parsed.data.thema ?? null },
				new Set(ref.wijken.map((w) => w.wijk_code))
			)
		);
		if (failed) return failed;
		if (!who.fromLogin) rememberName(cookies, url, who.wie);
		redirect(303, `${backTo(form.get('terug'))}#kwadranten`);
	},

	wijzigen: async ({ request, locals, cookies, url }) => {
		const form = await request.formData();
		const who = editor(locals, form);
		const parsed = parseForm(swotEditForm, form);
		const name = `wijzigen:${form.get('item_sleutel')}`;
		if (!who.ok || !parsed.ok) {
			return fail(400, { form: name, errors: { ...(parsed.ok ? {} : parsed.errors), ...(who.ok ? {} : who.errors) }, values: formValues(form) } satisfies Failure);
		}
		const { wijk_code, datum, item_sleutel, kwadrant, omschrijving, thema } = parsed.data;
		const failed = await run(form, name, () =>
			editSwotItem({ db: db(), store: edits(), wie: who.wie }, { wijk_code, datum, item_sleutel }, { kwadrant, omschrijving, thema: thema ?? null })
		);
		if (failed) return failed;
		if (!who.fromLogin) rememberName(cookies, url, who.wie);
		redirect(303, `${backTo(form.get('terug'))}#kwadranten`);
	},

	afsluiten: async ({ request, locals, cookies, url }) => {
		const form = await request.formData();
		const who = editor(locals, form);
		const parsed = parseForm(swotCloseForm, form);
		const name = `afsluiten:${form.get('item_sleutel')}`;
		if (!who.ok || !parsed.ok) {
			return fail(400, { form: name, errors: { ...(parsed.ok ? {} : parsed.errors), ...(who.ok ? {} : who.errors) }, values: formValues(form) } satisfies Failure);
		}
		const { wijk_code, datum, item_sleutel, actie, afgesloten_op } = parsed.data;
		if (actie === 'afsluiten' && afgesloten_op && afgesloten_op < datum) {
			return fail(400, { form: name, errors: { afgesloten_op: 'Een item kan niet worden afgesloten voor de datum van zijn SWOT.' }, values: formValues(form) } satisfies Failure);
		}
		const failed = await run(form, name, () =>
			closeSwotItem({ db: db(), store: edits(), wie: who.wie }, { wijk_code, datum, item_sleutel }, actie === 'afsluiten' ? (afgesloten_op ?? today()) : null)
		);
		if (failed) return failed;
		if (!who.fromLogin) rememberName(cookies, url, who.wie);
		redirect(303, `${backTo(form.get('terug'))}#kwadranten`);
	}
};
