import { error, fail, redirect } from '@sveltejs/kit';
import { milestoneState } from '$lib/regiegroep/werkplannen';
import { addStatusUpdate, EditError, setMilestone } from '$lib/server/edits/regiegroep';
import { editor, formValues, mijlpaalForm, NAAM_COOKIE, parseForm, rememberName, statusForm } from '$lib/server/edits/forms';
import { today } from '$contract/dates';
import { edits } from '$lib/server/edits/store';
import { db } from '$lib/server/db/database';
import { withDatabase } from '$lib/server/db/page';
import { auditTrail } from '$lib/server/edits/history';
import { regiegroepData, regiegroepLoads } from '$lib/server/regiegroep/queries';
import { herkomst } from '$lib/regiegroep/views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies }) =>
	withDatabase(async ({ db }) => {
		const store = edits();
		const [data, audit, loads] = await Promise.all([regiegroepData(db, store), auditTrail(store, { werkplan_id: params.id }), regiegroepLoads(db)]);
		const werkplan = data.werkplannen.find((w) => w.werkplan_id === params.id);
		if (!werkplan) error(404, `Werkplan ${params.id} komt niet voor in de geladen gegevens.`);
		const vandaag = today();
		const own = <T extends { werkplan_id: string }>(c: { value: T }) => c.value.werkplan_id === params.id;
		const voortgang = data.voortgang.filter(own).reverse();
		const mijlpalen = data.mijlpalen.filter(own);
		// The loads that delivered (the current version of) this werkplan's rows.
		const loadIds = new Set([werkplan.load_id, ...[...voortgang, ...mijlpalen].flatMap((c) => (c.import ? [c.import.load_id] : []))]);
		return {
			werkplan,
			vandaag,
			naam: cookies.get(NAAM_COOKIE) ?? '',
			voortgang: voortgang.map((c) => ({
				...c.value,
				herkomst: herkomst(c),
				overschreven: c.overschreven,
				andere: c.overschreven ? (c.bron === 'app' ? { ...c.import!.value, herkomst: { bron: 'import' as const, door: c.import!.bestand, op: c.import!.geladen_op } } : { ...c.app!.merged, herkomst: { bron: 'app' as const, door: c.app!.wie, op: c.app!.tijdstip } }) : null
			})),
			mijlpalen: mijlpalen.map((c) => ({
				...c.value,
				staat: milestoneState(c.value, vandaag),
				herkomst: herkomst(c),
				overschreven: c.overschreven,
				andere: c.overschreven ? (c.bron === 'app' ? { gereed_op: c.import!.value.gereed_op, door: c.import!.bestand, op: c.import!.geladen_op } : { gereed_op: c.app!.merged.gereed_op, door: c.app!.wie, op: c.app!.tijdstip }) : null
			})),
			audit,
			imports: loads.filter((l) => loadIds.has(l.load_id))
		};
	});

export const actions: Actions = {
	status: async ({ request, params, locals, cookies, url }) => {
		const form = await request.formData();
		const who = editor(locals, form);
		const parsed = parseForm(statusForm, form);
		if (!who.ok || !parsed.ok) {
			return fail(400, { form: 'status', errors: { ...(parsed.ok ? {} : parsed.errors), ...(who.ok ? {} : who.errors) }, values: formValues(form) });
		}
		try {
			await addStatusUpdate(
				{ db: db(), store: edits(), wie: who.wie },
				{
					werkplan_id: params.id,
					datum: parsed.data.datum,
					status: parsed.data.status,
					toelichting: parsed.data.toelichting ?? null,
					vergadering: parsed.data.vergadering ?? null
				}
			);
		} catch (e) {
			if (e instanceof EditError) return fail(404, { form: 'status', errors: { formulier: e.message }, values: formValues(form) });
			throw e;
		}
		if (!who.fromLogin) rememberName(cookies, url, who.wie);
		redirect(303, `/werkplannen/${encodeURIComponent(params.id)}?opgeslagen=status#voortgang`);
	},

	mijlpaal: async ({ request, params, locals, cookies, url }) => {
		const form = await request.formData();
		const who = editor(locals, form);
		const parsed = parseForm(mijlpaalForm, form);
		if (!who.ok || !parsed.ok) {
			return fail(400, { form: `mijlpaal-${form.get('mijlpaal_id')}`, errors: { ...(parsed.ok ? {} : parsed.errors), ...(who.ok ? {} : who.errors) }, values: formValues(form) });
		}
		const gereed_op = parsed.data.actie === 'gereed' ? (parsed.data.gereed_op ?? today()) : null;
		try {
			await setMilestone({ db: db(), store: edits(), wie: who.wie }, { werkplan_id: params.id, mijlpaal_id: parsed.data.mijlpaal_id, gereed_op });
		} catch (e) {
			if (e instanceof EditError) return fail(404, { form: `mijlpaal-${parsed.data.mijlpaal_id}`, errors: { formulier: e.message }, values: formValues(form) });
			throw e;
		}
		if (!who.fromLogin) rememberName(cookies, url, who.wie);
		redirect(303, `/werkplannen/${encodeURIComponent(params.id)}?opgeslagen=mijlpaal#mijlpalen`);
	}
};
