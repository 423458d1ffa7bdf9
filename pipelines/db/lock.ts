// One import at a time per database: `<db>.lock`, created with O_EXCL so that two processes can
// never both believe they hold it. The lock holds the pid, host, start time and a random token, for
// the message a second import gets and to tell a stale lock from a live one.
//
// A lock whose process is gone (an import killed with `kill -9`, a power cut) is taken over: on the
// same host, when its pid no longer runs, the next import removes it and takes the lock itself,
// with a warning. Taking over happens under a second, short-lived lock (`<db>.lock.overname`,
// O_EXCL as well): whoever holds it re-reads the lock, and only if it is still the same stale lock
// renames it away and creates a new one with O_EXCL. So of two imports that find the same stale
// lock, one takes it over and the other is refused, and a live lock is never removed.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IngestError, IngestFailedError } from '../errors';

export interface Lock {
	path: string;
	/** Set when a stale lock was taken over: whose it was, and the Dutch warning. */
	takenOver?: { pid: number | undefined; startedAt: string | undefined; message: string };
	release(): void;
}

export interface LockOptions {
	/**
	 * Where the takeover warning goes. Default: stderr, as `Waarschuwing: …`, so that it reaches the
	 * terminal of `npm run ingest` and the log of a server, whoever called the import.
	 */
	onWarning?: (message: string) => void;
}

interface LockInfo {
	pid?: number;
	host?: string;
	started_at?: string;
	token?: string;
}

/** An unreadable lock file older than this is a leftover of a crash between create and write. */
const UNREADABLE_STALE_MS = 10_000;

export function lockPath(dbPath: string): string {
	return `${dbPath}.lock`;
}

function takeoverPath(dbPath: string): string {
	return `${lockPath(dbPath)}.overname`;
}

export function acquireLock(dbPath: string, options: LockOptions = {}): Lock {
	const file = lockPath(dbPath);
	const token = crypto.randomBytes(12).toString('hex');
	const info: LockInfo = { pid: process.pid, host: os.hostname(), started_at: new Date().toISOString(), token };

	let takenOver: Lock['takenOver'];
	if (!tryCreate(file, info)) {
		const stale = staleHolder(file);
		if (!stale) throw busy(dbPath, file);
		takenOver = takeOver(dbPath, file, stale, info);
		if (!takenOver) throw busy(dbPath, file);
		(options.onWarning ?? ((m) => process.stderr.write(`Waarschuwing: ${m}\n`)))(takenOver.message);
	}

	let released = false;
	return {
		path: file,
		takenOver,
		release() {
			if (released) return;
			released = true;
			// Only our own lock: should it ever have been taken over, the new holder's stays.
			if (readLock(file)?.token === token) fs.rmSync(file, { force: true });
		}
	};
}

/** O_EXCL create with our info; false when the file already exists. */
function tryCreate(file: string, info: LockInfo): boolean {
	let fd: number;
	try {
		fd = fs.openSync(file, 'wx');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw e;
	}
	try {
		fs.writeSync(fd, JSON.stringify(info));
	} finally {
		fs.closeSync(fd);
	}
	return true;
}

interface StaleLock {
	/** The file's contents when judged stale; the takeover only proceeds if they are unchanged. */
	text: string;
	info: LockInfo | null;
}

/** The lock as it is now, if its holder is certainly gone; null when it may still run. */
function staleHolder(file: string): StaleLock | null {
	let text: string;
	let mtimeMs: number;
	try {
		text = fs.readFileSync(file, 'utf8');
		mtimeMs = fs.statSync(file).mtimeMs;
	} catch {
		return null; // released in the meantime, or unreadable: the caller reports "bezet"
	}
	const info = parseLock(text);
	if (!info) {
		// Half-written (a crash between create and write): stale once it is clearly not being written.
		return Date.now() - mtimeMs > UNREADABLE_STALE_MS ? { text, info: null } : null;
	}
	// Another machine's pid says nothing about this one (a database on a network share).
	if (info.host !== undefined && info.host !== os.hostname()) return null;
	if (isRunning(info.pid)) return null;
	return { text, info };
}

function takeOver(dbPath: string, file: string, stale: StaleLock, info: LockInfo): Lock['takenOver'] | undefined {
	const guard = takeoverPath(dbPath);
	if (!tryCreate(guard, info)) {
		// Another import is taking over right now (or died within these few lines; then its guard is
		// as stale as the lock was, and is removed the same way by the next import).
		const staleGuard = staleHolder(guard);
		if (!staleGuard || !removeIfUnchanged(guard, staleGuard.text) || !tryCreate(guard, info)) return undefined;
	}
	try {
		if (!removeIfUnchanged(file, stale.text)) return undefined;
		if (!tryCreate(file, info)) return undefined;
	} finally {
		fs.rmSync(guard, { force: true });
	}
	const who = stale.info?.pid !== undefined ? `proces ${stale.info.pid}` : 'een onbekend proces';
	const since = stale.info?.started_at ? `, gestart ${stale.info.started_at},` : '';
	return {
		pid: stale.info?.pid,
		startedAt: stale.info?.started_at,
		message: `${path.basename(dbPath)}: vergrendeling van ${who}${since} overgenomen; dat proces draaide niet meer (${file})`
	};
}

/**
 * Renames `file` away to a unique name and deletes it, if it still holds `text`. For the lock itself
 * this runs with the takeover guard held, so nobody else removes or replaces the lock meanwhile.
 * For a dead guard it does not; then the renamed file is checked again, and should it be another
 * import's fresh guard after all, that is put back (link fails rather than overwrite).
 */
function removeIfUnchanged(file: string, text: string): boolean {
	let now: string;
	try {
		now = fs.readFileSync(file, 'utf8');
	} catch {
		return false;
	}
	if (now !== text) return false;
	const aside = `${file}.oud-${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
	try {
		fs.renameSync(file, aside);
	} catch {
		return false;
	}
	let moved = '';
	try {
		moved = fs.readFileSync(aside, 'utf8');
	} catch {
		// gone already: nothing to put back
	}
	if (moved !== text) {
		try {
			fs.linkSync(aside, file);
		} catch {
			// someone created a new one meanwhile; theirs stands
		}
		fs.rmSync(aside, { force: true });
		return false;
	}
	fs.rmSync(aside, { force: true });
	return true;
}

function busy(dbPath: string, file: string): IngestFailedError {
	return new IngestFailedError([new IngestError({ file: path.basename(dbPath) }, 'database-bezet', heldMessage(file))]);
}

function heldMessage(file: string): string {
	const info = readLock(file);
	let holder = '';
	if (info) {
		const elsewhere = info.host !== undefined && info.host !== os.hostname() ? ` op ${info.host}` : '';
		holder = ` (proces ${info.pid ?? '?'}${elsewhere}, gestart ${info.started_at ?? '?'})`;
	}
	return (
		`er loopt al een import op deze database${holder}. ` +
		`Wacht tot die klaar is. Draait er zeker geen import meer, verwijder dan het vergrendelbestand ${file}`
	);
}

function readLock(file: string): LockInfo | null {
	try {
		return parseLock(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

/** The lock's contents, or null when they are not a lock with a pid (half-written, foreign). */
function parseLock(text: string): LockInfo | null {
	try {
		const info = JSON.parse(text) as LockInfo | null;
		if (typeof info !== 'object' || info === null) return null;
		if (typeof info.pid !== 'number' || !Number.isInteger(info.pid) || info.pid <= 0) return null;
		return info;
	} catch {
		return null;
	}
}

function isRunning(pid: number | undefined): boolean {
	if (pid === undefined) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}
