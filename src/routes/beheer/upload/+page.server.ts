import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { withDatabase } from '$lib/server/db/page';
import { maxUploadBytes } from '$lib/server/upload/config';
import { readEnquetes, readFiles, tooLarge } from '$lib/server/upload/form';
import { getPending, listPending } from '$lib/server/upload/pending';
import { trackProgress } from '$lib/server/upload/progress';
import { enqueteChoices, recentLoads } from '$lib/server/upload/queries';
import { cancelUpload, checkNewUpload, loadUpload, recheckUpload, rollbackDatabase } from '$lib/server/upload/service';
import { keptVersions } from '$lib/server/upload/versions';
import { uploadView } from '$lib/server/upload/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'beheerder');
	const database = await withDatabase(locals, async ({ db }) => ({ enquetes: await enqueteChoices(db), recent: await recentLoads(db) }));
	const pending = listPending(user.gebruikersnaam)[0];
	const versions = keptVersions();
	return {
		maxUploadMb: Math.floor(maxUploadBytes() / (1024 * 1024)),
		enquetes: database.ok ? database.enquetes : [],
		recent: database.ok ? database.recent : [],
		upload: pending ? uploadView(pending) : null,
		versions,
		confirmRollback: url.searchParams.get('terugdraaien') === 'bevestigen' && versions.length > 0
	};
};

/** The enquete ids a form may choose from. */
async function knownEnquetes(locals: App.Locals): Promise<Set<string>> {
	const r = await withDatabase(locals, async ({ db }) => ({ ids: (await enqueteChoices(db)).map((e) => e.enquete_id) }));
	return new Set(r.ok ? r.ids : []);
}

export const actions: Actions = {
	/** Step 1: new files (or the waiting ones with other enquete choices) through a dry run. */
	controleren: async ({ request, locals, getClientAddress }) => {
		const user = requireRole(locals, 'beheerder');
		const big = tooLarge(request.headers.get('content-length'));
		if (big) return fail(413, { fout: big });
		const form = await request.formData();
		const actor = { gebruikersnaam: user.gebruikersnaam, adres: getClientAddress() };
		const known = await knownEnquetes(locals);
		const progress = trackProgress(form.get('voortgang'), user.gebruikersnaam, 'controleren');
		try {
			const waiting = getPending(user.gebruikersnaam, form.get('upload'));
			if (waiting && form.getAll('bestanden').every((f) => typeof f !== 'object' || f.size === 0)) {
				const choice = readEnquetes(form, waiting.files.map((f) => f.name), known, waiting.enquetes);
				if (!choice.ok) return fail(400, { fout: choice.fout });
				await recheckUpload(actor, waiting.id, choice.enquetes, progress.update);
				return { gecontroleerd: true };
			}
			const files = readFiles(form);
			if (!files.ok) return fail(400, { fout: files.fout });
			const choice = readEnquetes(form, files.files.map((f) => f.name), known);
			if (!choice.ok) return fail(400, { fout: choice.fout });
			await checkNewUpload(actor, files.files, choice.enquetes, progress.update);
			return { gecontroleerd: true };
		} finally {
			progress.finish();
		}
	},

	/** Step 2: the checked files for real. */
	laden: async ({ request, locals, getClientAddress }) => {
		const user = requireRole(locals, 'beheerder');
		const form = await request.formData();
		const progress = trackProgress(form.get('voortgang'), user.gebruikersnaam, 'laden');
		try {
			const step = await loadUpload({ gebruikersnaam: user.gebruikersnaam, adres: getClientAddress() }, form.get('upload'), progress.update);
			if (!step) return fail(409, { fout: 'Deze upload is er niet meer of is nog niet zonder fouten gecontroleerd. Kies de bestanden opnieuw.' });
			if (!step.ok) return fail(409, { fout: step.fout ?? 'Het laden is afgebroken; er is niets geladen. Zie de meldingen bij de bestanden.' });
			return { geladen: step.reports };
		} finally {
			progress.finish();
		}
	},

	annuleren: async ({ request, locals }) => {
		const user = requireRole(locals, 'beheerder');
		const form = await request.formData();
		cancelUpload({ gebruikersnaam: user.gebruikersnaam }, form.get('upload'));
		return { geannuleerd: true };
	},

	/** The previous kept version back, after the confirmation step (?terugdraaien=bevestigen). */
	terugdraaien: async ({ request, locals, getClientAddress }) => {
		const user = requireRole(locals, 'beheerder');
		const form = await request.formData();
		if (form.get('bevestigd') !== 'ja') return fail(400, { fout: 'Bevestig eerst dat u de vorige versie wilt terugzetten.' });
		const result = await rollbackDatabase({ gebruikersnaam: user.gebruikersnaam, adres: getClientAddress() });
		if (!result.ok) {
			return fail(409, { fout: result.fout ?? `De vorige versie is niet teruggezet: ${result.errors.map((e) => e.detail).join('; ')}.` });
		}
		return { teruggezet: result };
	}
};
