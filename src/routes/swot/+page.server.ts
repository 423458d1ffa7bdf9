import { isIsoDate, today } from '$contract/dates';
import { mayEdit } from '$lib/auth/access';
import { swotView, themaMatrix } from '$lib/regiegroep/views';
import { withDatabase } from '$lib/server/db/page';
import { editAction, undoableEdits, undoAction } from '$lib/server/edits/actions';
import { swotAddForm, swotCloseForm, swotEditForm } from '$lib/server/edits/forms';
import { auditTrail, editHistory } from '$lib/server/edits/history';
import { addSwotItem, closeSwotItem, editSwotItem, type EditContext } from '$lib/server/edits/regiegroep';
import { reference } from '$lib/server/reference/units';
import { swotData } from '$lib/server/regiegroep/queries';
import type { Actions, PageServerLoad } from './$types';

const dateParam = (p: URLSearchParams, name: string) => {
	const v = p.get(name);
	return v && isIsoDate(v) ? v : null;
};

/** The page's own query (wijk, datum, van), to return to after an edit, with what was saved. */
function backTo(raw: FormDataEntryValue | null, opgeslagen?: string): string {
	const q = new URLSearchParams(typeof raw === 'string' ? raw : '');
	const out = new URLSearchParams();
	const wijk = q.get('wijk');
	if (wijk && /^WK\d{6}$/.test(wijk)) out.set('wijk', wijk);
	for (const name of ['datum', 'van']) {
		const d = dateParam(q, name);
		if (d) out.set(name, d);
	}
	if (opgeslagen) out.set('opgeslagen', opgeslagen);
	const s = out.toString();
	return `/swot${s ? `?${s}` : ''}`;
}

export const load: PageServerLoad = async ({ url, locals }) =>
	withDatabase(locals, async ({ db }) => {
		const store = editHistory();
		const [ref, records] = await Promise.all([reference(db), swotData(db, store)]);
		const withSwot = ref.wijken.filter((w) => records.some((r) => r.value.wijk_code === w.wijk_code));
		const asked = url.searchParams.get('wijk');
		const wijk = ref.wijken.find((w) => w.wijk_code === asked) ?? withSwot[0] ?? ref.wijken[0] ?? null;
		const vandaag = today();
		const datum = dateParam(url.searchParams, 'datum') ?? vandaag;
		const van = dateParam(url.searchParams, 'van');
		const audit = wijk ? await auditTrail(store, { wijk_code: wijk.wijk_code, soort: 'swot' }) : [];
		return {
			vandaag,
			datum,
			naam: locals.user?.naam ?? '',
			wijken: ref.wijken,
			wijk,
			view: wijk ? swotView(records, wijk.wijk_code, datum, van) : null,
			matrix: themaMatrix(records, withSwot.map((w) => w.wijk_code), datum),
			audit,
			ongedaanTeMaken: undoableEdits(audit, locals.user),
			magBewerken: locals.user !== null && mayEdit(locals.user.rol)
		};
	});

const wijkCodes = async (ctx: EditContext) => new Set((await reference(ctx.db)).wijken.map((w) => w.wijk_code));
const toQuadrants = (saved: string) => (form: FormData) => `${backTo(form.get('terug'), saved)}#kwadranten`;
const itemForm = (action: string) => (form: FormData) => `${action}:${form.get('item_sleutel')}`;

export const actions: Actions = {
	toevoegen: editAction({
		schema: swotAddForm,
		formName: () => 'toevoegen',
		edit: async (ctx, data) => addSwotItem(ctx, { ...data, thema: data.thema ?? null }, await wijkCodes(ctx)),
		next: toQuadrants('toegevoegd')
	}),

	wijzigen: editAction({
		schema: swotEditForm,
		formName: itemForm('wijzigen'),
		edit: (ctx, { wijk_code, datum, item_sleutel, kwadrant, omschrijving, thema }) =>
			editSwotItem(ctx, { wijk_code, datum, item_sleutel }, { kwadrant, omschrijving, thema: thema ?? null }),
		next: toQuadrants('gewijzigd')
	}),

	afsluiten: editAction({
		schema: swotCloseForm,
		formName: itemForm('afsluiten'),
		check: ({ actie, afgesloten_op, datum }) =>
			actie === 'afsluiten' && afgesloten_op && afgesloten_op < datum ? { afgesloten_op: 'Een item kan niet worden afgesloten voor de datum van zijn SWOT.' } : null,
		edit: (ctx, { wijk_code, datum, item_sleutel, actie, afgesloten_op }) =>
			closeSwotItem(ctx, { wijk_code, datum, item_sleutel }, actie === 'afsluiten' ? (afgesloten_op ?? today()) : null),
		next: (form, data) => toQuadrants(data.actie === 'afsluiten' ? 'afgesloten' : 'heropend')(form)
	}),

	ongedaan: undoAction((form) => `${backTo(form.get('terug'), 'ongedaan')}#geschiedenis`)
};
