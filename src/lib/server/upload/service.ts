// The three steps of the upload in the browser, each one run of the import pipeline:
//   check     store the files, dry run (`--controleer`): the report, nothing stored
//   load      the same files with the same choices, for real (`--door <user>`): swap
//   rollback  the previous kept version back (`--terugdraaien`)
// Loads and rollbacks go to the activity log (checks too: files arrived on the server).
import type { JsonFileReport, JsonIngestError, JsonProgress, JsonResult } from '$contract/ingestJson';
import { logActivity } from '$lib/server/edits/activity';
import { createPending, getPending, pendingFilePaths, removePending, savePending, type PendingUpload } from './pending';
import { PipelineCrashedError, runPipeline, type RunOptions } from './runner';
import type { ChosenFile } from './form';

export interface Actor {
	gebruikersnaam: string;
	/** The client's address, for the activity log. */
	adres?: string | null;
}

export type StepResult =
	| { ok: true; upload: PendingUpload | null; reports: JsonFileReport[] }
	| { ok: false; upload: PendingUpload | null; errors: JsonIngestError[]; stoppedEarly: string[]; fout: string | null };

const GENERIC = 'Er ging iets mis in de importpijplijn; er is niets geladen en de database is ongewijzigd. De details staan in het serverlog.';

/** The pipeline's own refusal, or a Dutch message for anything that went wrong around it. */
async function run(args: string[], opts: RunOptions): Promise<JsonResult | { crashed: string }> {
	try {
		const { result } = await runPipeline(args, opts);
		if (!result.ok) {
			const unexpected = result.errors.filter((e) => e.rule === 'onverwacht' || e.rule === 'opdrachtregel');
			if (unexpected.length) {
				console.error('importpijplijn:', unexpected.map((e) => e.detail).join('\n'));
				return { crashed: GENERIC };
			}
		}
		return result;
	} catch (e) {
		if (e instanceof PipelineCrashedError) {
			console.error('importpijplijn:', e.message, e.log);
			return { crashed: e.log === '' ? e.message : GENERIC };
		}
		throw e;
	}
}

function enqueteArgs(upload: PendingUpload): string[] {
	return Object.entries(upload.enquetes).flatMap(([name, id]) => ['--enquete', `${name}=${id}`]);
}

function toStep(result: JsonResult | { crashed: string }, upload: PendingUpload | null): StepResult {
	if ('crashed' in result) return { ok: false, upload, errors: [], stoppedEarly: [], fout: result.crashed };
	if (!result.ok) return { ok: false, upload, errors: result.errors, stoppedEarly: result.stoppedEarly, fout: null };
	if (result.action === 'controleren' || result.action === 'laden') return { ok: true, upload, reports: result.reports };
	return { ok: false, upload, errors: [], stoppedEarly: [], fout: GENERIC };
}

const names = (upload: PendingUpload) => upload.files.map((f) => f.name).join(', ');

/** Dry run of the upload's files with its choices; the result is kept with the upload. */
async function dryRun(actor: Actor, upload: PendingUpload, onProgress?: (p: JsonProgress) => void): Promise<StepResult> {
	const result = await run(['--controleer', ...enqueteArgs(upload), '--', ...pendingFilePaths(upload)], { onProgress });
	upload.check = 'crashed' in result ? null : result;
	savePending(upload);
	const step = toStep(result, upload);
	logActivity({
		gebruiker: actor.gebruikersnaam,
		soort: 'upload',
		detail: `gecontroleerd, niets geladen: ${names(upload)}; ${step.ok ? 'geen fouten' : `${step.errors.length || 'onverwachte'} ${step.errors.length === 1 ? 'fout' : 'fouten'}${rules(step.errors)}`}`,
		adres: actor.adres
	});
	return step;
}

const rules = (errors: readonly JsonIngestError[]) => (errors.length ? ` (${[...new Set(errors.map((e) => e.rule))].join(', ')})` : '');

/** Step 1: store the chosen files (replacing the actor's earlier upload) and check them. */
export async function checkNewUpload(actor: Actor, files: readonly ChosenFile[], enquetes: Record<string, string>, onProgress?: (p: JsonProgress) => void): Promise<StepResult> {
	const upload = await createPending(actor.gebruikersnaam, files, enquetes);
	return dryRun(actor, upload, onProgress);
}

/** Step 1 again, on the stored files with new enquete choices. */
export async function recheckUpload(actor: Actor, id: unknown, enquetes: Record<string, string>, onProgress?: (p: JsonProgress) => void): Promise<StepResult | null> {
	const upload = getPending(actor.gebruikersnaam, id);
	if (!upload) return null;
	upload.enquetes = enquetes;
	return dryRun(actor, upload, onProgress);
}

/**
 * Step 2: load the checked files for real. Refused (null) when the upload is gone or its last check
 * failed. On success the files are removed; on failure they stay for another try.
 */
export async function loadUpload(actor: Actor, id: unknown, onProgress?: (p: JsonProgress) => void): Promise<StepResult | null> {
	const upload = getPending(actor.gebruikersnaam, id);
	if (!upload || !upload.check?.ok) return null;
	const result = await run(['--door', actor.gebruikersnaam, ...enqueteArgs(upload), '--', ...pendingFilePaths(upload)], { onProgress });
	const step = toStep(result, upload);
	if (step.ok) {
		removePending(upload.id);
		step.upload = null;
	} else if (!('crashed' in result)) {
		// The page shows why loading failed (the database changed since the check, or is busy);
		// loading again needs a new check.
		upload.check = result;
		savePending(upload);
	}
	logActivity({
		gebruiker: actor.gebruikersnaam,
		soort: 'upload',
		detail: step.ok
			? `geladen: ${step.reports.map((r) => `${r.file} (${r.dataset}, laadnummer ${r.loadId})`).join(', ')}`
			: `laden mislukt, niets geladen: ${names(upload)}${rules(step.errors)}`,
		adres: actor.adres
	});
	return step;
}

export function cancelUpload(actor: Actor, id: unknown): boolean {
	const upload = getPending(actor.gebruikersnaam, id);
	if (upload) removePending(upload.id);
	return upload !== null;
}

export type RollbackResult =
	| { ok: true; restored: { name: string; savedAt: string; lastLoadId: number }; removedLoads: { loadId: number; file: string; dataset: string }[] }
	| { ok: false; errors: JsonIngestError[]; fout: string | null };

/** Puts the newest kept version back (the pipeline refuses while an import runs). */
export async function rollbackDatabase(actor: Actor): Promise<RollbackResult> {
	const result = await run(['--terugdraaien'], {});
	let out: RollbackResult;
	if ('crashed' in result) out = { ok: false, errors: [], fout: result.crashed };
	else if (!result.ok) out = { ok: false, errors: result.errors, fout: null };
	else if (result.action === 'terugdraaien') out = { ok: true, restored: result.restored, removedLoads: result.removedLoads };
	else out = { ok: false, errors: [], fout: GENERIC };
	logActivity({
		gebruiker: actor.gebruikersnaam,
		soort: 'terugdraaien',
		detail: out.ok
			? `teruggezet naar de versie tot en met laadnummer ${out.restored.lastLoadId}${out.removedLoads.length ? `; niet meer in de database: laadnummer ${out.removedLoads.map((l) => l.loadId).join(', ')}` : ''}`
			: `terugzetten mislukt${rules(out.errors)}`,
		adres: actor.adres
	});
	return out;
}
