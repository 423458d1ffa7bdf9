// One import at a time per database: `<db>.lock`, created with O_EXCL so that two processes can
// never both believe they hold it. The lock holds the pid and start time, for the message a
// second import gets.

import fs from 'node:fs';
import path from 'node:path';
import { IngestError, IngestFailedError } from '../errors';

export interface Lock {
	path: string;
	release(): void;
}

export function lockPath(dbPath: string): string {
	return `${dbPath}.lock`;
}

export function acquireLock(dbPath: string): Lock {
	const file = lockPath(dbPath);
	let fd: number;
	try {
		fd = fs.openSync(file, 'wx');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		throw new IngestFailedError([
			new IngestError({ file: path.basename(dbPath) }, 'database-bezet', heldMessage(file))
		]);
	}
	try {
		fs.writeSync(fd, JSON.stringify({ pid: process.pid, started_at: new Date().toISOString() }));
	} finally {
		fs.closeSync(fd);
	}
	let released = false;
	return {
		path: file,
		release() {
			if (released) return;
			released = true;
			fs.rmSync(file, { force: true });
		}
	};
}

function heldMessage(file: string): string {
	let holder = '';
	try {
		const info = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number; started_at?: string };
		holder = ` (proces ${info.pid ?? '?'}, gestart ${info.started_at ?? '?'}${isRunning(info.pid) ? '' : '; dat proces draait niet meer'})`;
	} catch {
		// Unreadable or half-written lock: the plain message is still right.
	}
	return (
		`er loopt al een import op deze database${holder}. ` +
		`Wacht tot die klaar is. Draait er zeker geen import meer, verwijder dan het vergrendelbestand ${file}`
	);
}

function isRunning(pid: number | undefined): boolean {
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}
