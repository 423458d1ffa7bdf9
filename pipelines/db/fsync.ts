// Durability for the swaps: fsync a file before it is renamed into place, and the directory after.

import fs from 'node:fs';

export function fsyncPath(file: string): void {
	const fd = fs.openSync(file, 'r+');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

/** Makes a rename itself durable. Not every platform can fsync a directory; that is not fatal. */
export function fsyncDirectory(dir: string): void {
	try {
		const fd = fs.openSync(dir, 'r');
		try {
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		// Windows: directories cannot be opened for fsync.
	}
}
