// What the upload page shows of a waiting upload: per file its report or its errors and whether it
// needs an enquete chosen; errors of the run as a whole (the database is busy) apart.
import type { JsonFileReport, JsonIngestError } from '$contract/ingestJson';
import { expiresAt, type PendingUpload } from './pending';

/** Datasets that carry no enquete_id: the user names the enquete (`--enquete`). */
const TOOL_EXPORTS = new Set(['limesurvey', 'forms']);

export interface FileView {
	name: string;
	size: number;
	/** The chosen enquete, if any. */
	enquete: string | null;
	/** Show the enquete choice for this file. */
	needsEnquete: boolean;
	report: JsonFileReport | null;
	errors: JsonIngestError[];
	/** Checking stopped at the error limit: there may be more. */
	stoppedEarly: boolean;
}

export interface UploadView {
	id: string;
	expiresAt: string;
	/** 'in-orde': the last run found nothing wrong (a check: ready to load). */
	state: 'niet-gecontroleerd' | 'in-orde' | 'fouten';
	/** The run that gave the report: a check, or a load that failed. */
	action: 'controleren' | 'laden' | null;
	files: FileView[];
	/** Errors that belong to no file of the upload (the database is busy or unreadable). */
	general: JsonIngestError[];
}

export function uploadView(upload: PendingUpload): UploadView {
	const check = upload.check;
	const reports = check?.ok && (check.action === 'controleren' || check.action === 'laden') ? check.reports : [];
	const errors = check && !check.ok ? check.errors : [];
	const stopped = new Set(check && !check.ok ? check.stoppedEarly : []);
	const names = new Set(upload.files.map((f) => f.name));
	const files = upload.files.map((f): FileView => {
		const report = reports.find((r) => r.file === f.name) ?? null;
		const own = errors.filter((e) => e.file === f.name);
		const enquete = upload.enquetes[f.name] ?? null;
		return {
			name: f.name,
			size: f.size,
			enquete,
			needsEnquete: enquete !== null || (report !== null && TOOL_EXPORTS.has(report.dataset)) || own.some((e) => e.rule === 'enquete-onbekend'),
			report,
			errors: own,
			stoppedEarly: stopped.has(f.name)
		};
	});
	return {
		id: upload.id,
		expiresAt: expiresAt(upload),
		state: check === null ? 'niet-gecontroleerd' : check.ok ? 'in-orde' : 'fouten',
		action: check && (check.action === 'controleren' || check.action === 'laden') ? check.action : null,
		files,
		general: errors.filter((e) => !names.has(e.file))
	};
}
