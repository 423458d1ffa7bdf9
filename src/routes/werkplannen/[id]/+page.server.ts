import { error } from '@sveltejs/kit';
import { today } from '$contract/dates';
import { mayEdit } from '$lib/auth/access';
import { herkomst } from '$lib/regiegroep/views';
import { milestoneState } from '$lib/regiegroep/werkplannen';
import { withDatabase } from '$lib/server/db/page';
import { editAction, undoableEdits, undoAction } from '$lib/server/edits/actions';
import { mijlpaalForm, statusForm } from '$lib/server/edits/forms';
import { auditTrail, editHistory } from '$lib/server/edits/history';
import { addStatusUpdate, setMilestone } from '$lib/server/edits/regiegroep';
import { regiegroepData, regiegroepLoads } from '$lib/server/regiegroep/queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) =>
	withDatabase(locals, async ({ db }) => {
		const store = editHistory();
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
			naam: locals.user?.naam ?? '',
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
			ongedaanTeMaken: undoableEdits(audit, locals.user),
			magBewerken: locals.user !== null && mayEdit(locals.user.rol),
			imports: loads.filter((l) => loadIds.has(l.load_id))
		};
	});

export const actions: Actions = {
	status: editAction({
		schema: statusForm,
		formName: () => 'status',
		edit: (ctx, data, { params }) =>
			addStatusUpdate(ctx, {
				werkplan_id: params.id,
				datum: data.datum,
				status: data.status,
				toelichting: data.toelichting ?? null,
				vergadering: data.vergadering ?? null
			}),
		next: (_form, _data, { params }) => `/werkplannen/${encodeURIComponent(params.id)}?opgeslagen=status#voortgang`
	}),

	mijlpaal: editAction({
		schema: mijlpaalForm,
		formName: (form) => `mijlpaal-${form.get('mijlpaal_id')}`,
		edit: (ctx, data, { params }) =>
			setMilestone(ctx, { werkplan_id: params.id, mijlpaal_id: data.mijlpaal_id, gereed_op: data.actie === 'gereed' ? (data.gereed_op ?? today()) : null }),
		next: (_form, _data, { params }) => `/werkplannen/${encodeURIComponent(params.id)}?opgeslagen=mijlpaal#mijlpalen`
	}),

	ongedaan: undoAction((_form, { params }) => `/werkplannen/${encodeURIComponent(params.id)}?opgeslagen=ongedaan#geschiedenis`)
};
