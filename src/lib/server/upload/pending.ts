// Uploaded files between the check and the confirmation. Each upload gets a folder under the upload
// root, named by a random id, with the files as they came and `upload.json` (owner, when, the
// enquete per file, the last check's result). Only its owner can see, check, load or cancel it; it
// is removed after loading, on cancel, when the owner uploads again, or PENDING_TTL_MS after the
// upload, whichever comes first.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JsonResult } from '$contract/ingestJson';
import { PENDING_TTL_MS, uploadRoot } from './config';

export interface PendingFile {
	name: string;
	size: number;
}

export interface PendingUpload {
	id: string;
	owner: string;
	/** ISO, UTC. */
	createdAt: string;
	files: PendingFile[];
	/** enquete_id per file name, for the survey tool exports (LimeSurvey, Forms). */
	enquetes: Record<string, string>;
	/** The last dry run of these files with these choices; null before the first. */
	check: JsonResult | null;
}

const ID = /^[A-Za-z0-9_-]{22}$/;
const META = 'upload.json';
const FILES = 'bestanden';

export const isPendingId = (id: unknown): id is string => typeof id === 'string' && ID.test(id);

function folder(id: string): string {
	if (!isPendingId(id)) throw new Error('ongeldig upload-id');
	return path.join(uploadRoot(), id);
}

/** The paths of the upload's files, in the order they were chosen. */
export function pendingFilePaths(upload: PendingUpload): string[] {
	return upload.files.map((f) => path.join(folder(upload.id), FILES, f.name));
}

/** Removes uploads older than the time to live (of every owner). */
export function sweepExpired(now = Date.now()): void {
	const root = uploadRoot();
	for (const name of fs.readdirSync(root)) {
		if (!isPendingId(name)) continue;
		const dir = path.join(root, name);
		let created: number;
		try {
			created = Date.parse((JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as PendingUpload).createdAt);
		} catch {
			created = fs.statSync(dir).mtimeMs;
		}
		if (!(now - created < PENDING_TTL_MS)) fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Stores the files of a new upload; the owner's earlier uploads are removed. */
export async function createPending(owner: string, files: readonly { name: string; file: Blob }[], enquetes: Record<string, string>): Promise<PendingUpload> {
	sweepExpired();
	for (const old of listPending(owner)) removePending(old.id);
	const id = crypto.randomBytes(16).toString('base64url');
	const dir = folder(id);
	fs.mkdirSync(path.join(dir, FILES), { recursive: true, mode: 0o700 });
	try {
		for (const f of files) fs.writeFileSync(path.join(dir, FILES, f.name), new Uint8Array(await f.file.arrayBuffer()), { mode: 0o600 });
	} catch (e) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	const upload: PendingUpload = { id, owner, createdAt: new Date().toISOString(), files: files.map((f) => ({ name: f.name, size: f.file.size })), enquetes, check: null };
	savePending(upload);
	return upload;
}

export function savePending(upload: PendingUpload): void {
	const file = path.join(folder(upload.id), META);
	fs.writeFileSync(`${file}.tmp`, JSON.stringify(upload), { mode: 0o600 });
	fs.renameSync(`${file}.tmp`, file);
}

/** The owner's upload with this id, if it is still there. */
export function getPending(owner: string, id: unknown): PendingUpload | null {
	if (!isPendingId(id)) return null;
	sweepExpired();
	const upload = readPending(id);
	return upload?.owner === owner ? upload : null;
}

/** The owner's waiting uploads, newest first. */
export function listPending(owner: string): PendingUpload[] {
	sweepExpired();
	return fs
		.readdirSync(uploadRoot())
		.flatMap((name) => {
			const u = readPending(name);
			return u && u.owner === owner ? [u] : [];
		})
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function readPending(id: string): PendingUpload | null {
	if (!isPendingId(id)) return null;
	try {
		return JSON.parse(fs.readFileSync(path.join(folder(id), META), 'utf8')) as PendingUpload;
	} catch {
		return null;
	}
}

export function removePending(id: string): void {
	if (isPendingId(id)) fs.rmSync(folder(id), { recursive: true, force: true });
}

/** When the upload expires (ISO, UTC). */
export const expiresAt = (upload: PendingUpload) => new Date(Date.parse(upload.createdAt) + PENDING_TTL_MS).toISOString();
