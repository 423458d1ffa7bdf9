// /export/bronnen.csv: what was loaded, when, with which warnings; small row counts hidden like
// the page hides them.
import type { CsvColumn } from '$lib/server/export/csv';
import { table, type Exporter } from '$lib/server/export/exporter';
import { loads, type LoadRecord } from './queries';

const bronnen: Exporter = async ({ db, k }) => {
	const columns: CsvColumn<LoadRecord>[] = [
		{ header: 'load_id', value: (r) => r.load_id },
		{ header: 'bestand', value: (r) => r.file_name },
		{ header: 'sha256', value: (r) => r.sha256 },
		{ header: 'dataset', value: (r) => r.dataset },
		{ header: 'rijen_gelezen', value: (r) => (r.counts_hidden ? null : (r.rows_read ?? `<${k}`)) },
		{ header: 'rijen_geladen', value: (r) => (r.counts_hidden ? null : (r.rows_loaded ?? `<${k}`)) },
		{ header: 'rijen_vervangen', value: (r) => (r.counts_hidden ? null : (r.rows_replaced ?? `<${k}`)) },
		{ header: 'rijen_afgewezen', value: (r) => (r.counts_hidden ? null : (r.rows_rejected ?? `<${k}`)) },
		{ header: 'waarschuwingen', value: (r) => r.warnings.join(' | ') },
		{ header: 'start', value: (r) => r.started_at },
		{ header: 'einde', value: (r) => r.finished_at },
		{ header: 'pipeline_versie', value: (r) => r.pipeline_version },
		{ header: 'geladen_door', value: (r) => r.geladen_door }
	];
	return table(await loads(db, k), columns);
};

export const BRONNEN_EXPORTS: Record<string, Exporter> = { bronnen };
