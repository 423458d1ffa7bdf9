import { error } from '@sveltejs/kit';
import { minCell } from '$lib/server/db/config';
import { db, DatabaseMissingError } from '$lib/server/db/database';
import { EXPORTS } from '$lib/server/export/registry';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const exporter = Object.hasOwn(EXPORTS, params.name) ? EXPORTS[params.name] : undefined;
	if (!exporter) error(404, `Onbekende export "${params.name}"`);
	try {
		const csv = await exporter({ db: db(), params: url.searchParams, k: minCell() });
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${params.name}.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof DatabaseMissingError) error(503, 'Er is nog geen database geladen.');
		throw e;
	}
};
