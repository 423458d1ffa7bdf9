// The HTTP side of /export/<name>.csv: find the exporter, run it on this process's database with
// the page's query string, and answer as a CSV download (or 404 / 503 in Dutch).
import { error } from '@sveltejs/kit';
import { minCell } from '$lib/server/db/config';
import { db, DatabaseMissingError, DatabaseVersionError } from '$lib/server/db/database';
import { EXPORTS } from './registry';

export async function exportResponse(name: string, params: URLSearchParams): Promise<Response> {
	const exporter = Object.hasOwn(EXPORTS, name) ? EXPORTS[name] : undefined;
	if (!exporter) error(404, `Onbekende export "${name}"`);
	try {
		const csv = await exporter({ db: db(), params, k: minCell() });
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof DatabaseMissingError) error(503, 'Er is nog geen database geladen.');
		if (e instanceof DatabaseVersionError) error(503, e.message);
		throw e;
	}
}
