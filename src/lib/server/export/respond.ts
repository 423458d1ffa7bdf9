// The HTTP side of /export/<name>.csv: find the exporter, run it on the database as the signed-in
// user may see it (their scope) with the page's query string, record who exported what with which
// filters (never the data), and answer as a CSV download (or 404 / 503 in Dutch).
import { error } from '@sveltejs/kit';
import { minCell } from '$lib/server/db/config';
import { DatabaseMissingError, DatabaseVersionError } from '$lib/server/db/database';
import { databaseFor, versionMessageFor } from '$lib/server/db/page';
import { logActivity } from '$lib/server/edits/activity';
import { EXPORTS } from './registry';

export async function exportResponse(name: string, params: URLSearchParams, locals: App.Locals, adres: string): Promise<Response> {
	const exporter = Object.hasOwn(EXPORTS, name) ? EXPORTS[name] : undefined;
	if (!exporter) error(404, `Onbekende export "${name}"`);
	const db = databaseFor(locals);
	try {
		const csv = await exporter({ db, params, k: minCell() });
		const query = params.toString();
		logActivity({ gebruiker: locals.user?.gebruikersnaam ?? null, soort: 'export', detail: `${name}.csv${query ? `?${query}` : ''}`, adres });
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof DatabaseMissingError) error(503, 'Er is nog geen database geladen.');
		if (e instanceof DatabaseVersionError) error(503, versionMessageFor(locals, e));
		throw e;
	}
}
