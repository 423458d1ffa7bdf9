// `npm run ingest -- --json`: the shapes of contract/ingestJson.ts built from the pipeline's own
// results and errors, for a program (the web server) that runs the import as a child process.

import type { JsonIngestError, JsonProgress, JsonResult, JsonVersion } from '../contract/ingestJson';
import { IngestFailedError, type IngestError } from './errors';
import type { IngestProgress } from './ingest';
import type { StoredVersion } from './db/versions';

export function jsonError(e: IngestError): JsonIngestError {
	return { file: e.file, line: e.line ?? null, column: e.column ?? null, rule: e.rule, detail: e.detail, message: e.message };
}

export function jsonVersion(v: Omit<StoredVersion, 'path'>): JsonVersion {
	return { name: v.name, savedAt: v.savedAt, lastLoadId: v.lastLoadId };
}

export function jsonProgress(p: IngestProgress): JsonProgress {
	return { type: 'voortgang', file: p.file, dataset: p.dataset, phase: p.phase, done: p.done, total: p.total };
}

type Action = Extract<JsonResult, { ok: false }>['action'];

/** A failed run as JSON: the Dutch errors, or one `onverwacht` error for anything else. */
export function jsonFailure(action: Action, db: string | null, e: unknown): JsonResult {
	if (e instanceof IngestFailedError) return { ok: false, action, db, errors: e.errors.map(jsonError), stoppedEarly: [...e.stoppedEarly] };
	const detail = `onverwachte fout in de import: ${(e as Error)?.message ?? String(e)}`;
	return { ok: false, action, db, errors: [{ file: '', line: null, column: null, rule: 'onverwacht', detail, message: detail }], stoppedEarly: [] };
}

/** A wrong command line as JSON (exit code 2). */
export function jsonUsage(message: string): JsonResult {
	return { ok: false, action: 'opdracht', db: null, errors: [{ file: '', line: null, column: null, rule: 'opdrachtregel', detail: message, message }], stoppedEarly: [] };
}
