// Shared glue for page loads: the database of this process seen through the signed-in user's
// scope, k, and the empty state when no database has been built yet or the file is of another
// schema version.
import { error } from '@sveltejs/kit';
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

/** What a version mismatch tells this user: the server path and the remedy are for the beheerder only. */
export function versionMessageFor(locals: App.Locals, e: DatabaseVersionError): string {
	return locals.user?.rol === 'beheerder' ? e.message : 'De gegevens passen niet bij deze versie van de monitor. Meld het de beheerder.';
}

/** The database as this request's user may see it (row-level security, scope.ts). */
export function databaseFor(locals: App.Locals): Database {
	if (!locals.user) error(401, 'U bent niet aangemeld.');
	return db().scoped(locals.user.scope);
}

/** Runs a page's queries; a missing database becomes an empty state instead of an error page. */
export async function withDatabase<T extends object>(locals: App.Locals, run: (ctx: PageContext) => Promise<T>): Promise<Loaded<T>> {
	const database = databaseFor(locals);
	try {
		return { ok: true, ...(await run({ db: database, k: minCell() })) };
	} catch (e) {
		// Where the file lives on the server, and how to build it, is for the beheerder only.
		const beheerder = locals.user?.rol === 'beheerder';
		if (e instanceof DatabaseMissingError) return { ok: false, reason: 'geen-database', path: beheerder ? e.path : '' };
		if (e instanceof DatabaseVersionError) {
			return { ok: false, reason: 'schemaversie', path: beheerder ? e.path : '', message: versionMessageFor(locals, e) };
		}
		throw e;
	}
}

/** Is the database the fictitious demo data (meta `demo`)? False when there is none (yet). */
export async function isDemoDatabase(): Promise<boolean> {
	try {
		const rows = await db().query<{ value: string }>(`SELECT value FROM meta WHERE key = 'demo'`);
		return rows[0]?.value === '1';
	} catch {
		return false;
	}
}
