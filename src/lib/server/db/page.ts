// Shared glue for page loads: the database of this process, k, and the empty state when no
// database has been built yet or the file is of another schema version.
import { minCell } from './config';
import { db, DatabaseMissingError, DatabaseVersionError, type Database } from './database';

export interface PageContext {
	db: Database;
	k: number;
}

export type Loaded<T> =
	| ({ ok: true } & T)
	| { ok: false; reason: 'geen-database'; path: string }
	| { ok: false; reason: 'schemaversie'; path: string; message: string };

/** Runs a page's queries; a missing database becomes an empty state instead of an error page. */
export async function withDatabase<T extends object>(run: (ctx: PageContext) => Promise<T>): Promise<Loaded<T>> {
	const database = db();
	try {
		return { ok: true, ...(await run({ db: database, k: minCell() })) };
	} catch (e) {
		if (e instanceof DatabaseMissingError) return { ok: false, reason: 'geen-database', path: e.path };
		if (e instanceof DatabaseVersionError) return { ok: false, reason: 'schemaversie', path: e.path, message: e.message };
		throw e;
	}
}
