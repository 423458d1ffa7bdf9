// The earlier versions of the database that imports keep beside it (`<db>.versies/`, named by
// contract/versions.ts), for the rollback on the upload page. Only listed here; the rollback itself
// runs in the pipeline, under its lock.
import fs from 'node:fs';
import path from 'node:path';
import { parseVersionFileName, VERSIONS_DIR_SUFFIX } from '$contract/versions';
import { databasePath } from '$lib/server/db/config';

export interface KeptVersion {
	name: string;
	/** When the next import replaced it (ISO, UTC). */
	savedAt: string;
	/** When it became the database itself (ISO, UTC; the file's mtime). */
	madeAt: string;
	lastLoadId: number;
}

/** The kept versions, newest first. */
export function keptVersions(dbPath: string = databasePath()): KeptVersion[] {
	const dir = `${dbPath}${VERSIONS_DIR_SUFFIX}`;
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.flatMap((name) => {
			const v = parseVersionFileName(name);
			if (!v) return [];
			try {
				return [{ ...v, madeAt: fs.statSync(path.join(dir, name)).mtime.toISOString() }];
			} catch {
				return []; // removed meanwhile by an import that pruned it
			}
		})
		.sort((a, b) => b.name.localeCompare(a.name));
}
