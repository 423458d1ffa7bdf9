// The HTTP side of /export/<name>.<csv|xlsx|arrow>: find the exporter, run it on the database as the
// signed-in user may see it (their scope: the same scoped database for every format) with the page's
// query string, record who exported what with which filters (never the data), and answer as a
// streamed download named after its filters (or 404 / 413 / 503 in Dutch).
import { error } from '@sveltejs/kit';
import { minCell } from '$lib/server/db/config';
import { DatabaseMissingError, DatabaseVersionError } from '$lib/server/db/database';
import { databaseFor, versionMessageFor } from '$lib/server/db/page';
import { logActivity } from '$lib/server/edits/activity';
import { describeExport } from './describe';
import { exporterOf } from './registry';
import { CONTENT_TYPE, FORMATS, isFormat, renderExport, TooManyRowsError } from './render';
import { XLSX_MAX_ROWS } from './xlsx';

export async function exportResponse(name: string, format: string, params: URLSearchParams, locals: App.Locals, adres: string): Promise<Response> {
	const exporter = exporterOf(name);
	if (!exporter) error(404, `Onbekende export "${name}"`);
	if (!isFormat(format)) error(404, `Onbekend bestandsformaat ".${format}": kies ${FORMATS.map((f) => `.${f}`).join(', ')}`);
	const db = databaseFor(locals);
	const k = minCell();
	try {
		const [t, d] = await Promise.all([exporter({ db, params, k }), describeExport(db, name, params)]);
		const body = renderExport(t, d, k, format);
		const query = params.toString();
		logActivity({ gebruiker: locals.user?.gebruikersnaam ?? null, soort: 'export', detail: `${name}.${format}${query ? `?${query}` : ''}`, adres });
		return new Response(body, {
			headers: {
				'content-type': CONTENT_TYPE[format],
				'content-disposition': `attachment; filename="${d.bestand}.${format}"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof DatabaseMissingError) error(503, 'Er is nog geen database geladen.');
		if (e instanceof DatabaseVersionError) error(503, versionMessageFor(locals, e));
		if (e instanceof TooManyRowsError)
			error(413, `Deze export heeft ${e.rows.toLocaleString('nl-NL')} rijen, meer dan Excel aankan (${XLSX_MAX_ROWS.toLocaleString('nl-NL')}). Kies een kleinere selectie, of download CSV of Arrow.`);
		throw e;
	}
}
