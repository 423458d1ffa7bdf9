// Settings of the upload in the browser, read from the environment in one place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MB = 1024 * 1024;

/**
 * The largest upload (all files of one request together) in bytes: MONITOR_UPLOAD_MAX_MB, default
 * 100. adapter-node refuses bodies over BODY_SIZE_LIMIT (default 512K) before this code sees them,
 * with a bare "Invalid request body"; set BODY_SIZE_LIMIT above this limit (README) so that a too
 * large upload gets the Dutch message instead.
 */
export function maxUploadBytes(): number {
	const raw = process.env.MONITOR_UPLOAD_MAX_MB;
	if (raw === undefined || raw === '') return 100 * MB;
	const mb = Number(raw);
	if (!Number.isFinite(mb) || mb <= 0) throw new Error(`MONITOR_UPLOAD_MAX_MB moet een positief getal zijn, niet "${raw}"`);
	return Math.floor(mb * MB);
}

/** How long checked files wait for the confirmation before they are removed. */
export const PENDING_TTL_MS = 30 * 60 * 1000;

/** The longest a pipeline run may take before it is stopped. */
export const RUN_TIMEOUT_MS = 30 * 60 * 1000;

/** Where uploaded files wait: MONITOR_UPLOAD_DIR, default a folder in the system's temp directory. */
export function uploadRoot(): string {
	const dir = path.resolve(process.env.MONITOR_UPLOAD_DIR ?? path.join(os.tmpdir(), 'basiszorg-monitor-upload'));
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	return dir;
}

/**
 * The checkout the server runs from, which holds pipelines/cli.ts and node_modules/tsx:
 * MONITOR_ROOT, default the working directory (npm start and the build run from the repo root).
 */
export function pipelineRoot(): string {
	return path.resolve(process.env.MONITOR_ROOT ?? process.cwd());
}
