// The CSV exports behind every chart: /export/<name>.csv takes the query string of its page and
// returns the same numbers the page shows. /export/verwijzingen.csv is also the monitor's data
// interface for Excel and Power BI; its columns are a contract (docs/export.md).

import { BESTEMMING_LABEL, LIJN_LABEL, label } from '$lib/referrals/labels';
import type { Onderdrukt } from '$lib/shared/format';
import { formatCount } from '$lib/shared/format';
import { toCsv, type CsvColumn } from './csv';
import { ojgEffectCsv, ojgSeriesCsv } from '$lib/server/ojg/exports';
import type { Database } from '$lib/server/db/database';
import { parseFilters } from '$lib/server/referrals/filters';
import { destinations, type DestinationRow } from '$lib/server/referrals/bestemmingen';
import { loads, type LoadRecord } from '$lib/server/bronnen/queries';
import { kerncijfers, type Kerncijfers, type YearFigures } from '$lib/server/referrals/kerncijfers';
import { referralRates, type RateRow } from '$lib/server/referrals/verwijzingen';
import { REGIEGROEP_EXPORTS } from '$lib/server/regiegroep/exports';
import { SURVEY_EXPORTS } from '$lib/server/surveys/exports';

export interface ExportContext {
	db: Database;
	params: URLSearchParams;
	k: number;
}

type Exporter = (ctx: ExportContext) => Promise<string>;

/** A hidden count is written as "<k" (small) or "x" (hidden to protect another cell). */
const count = (value: number | null, onderdrukt: Onderdrukt, k: number) => (onderdrukt ? formatCount(value, onderdrukt, k) : value);
const pct = (share: number | null) => (share === null ? null : share * 100);

const verwijzingen: Exporter = async ({ db, params, k }) => {
	const f = parseFilters(params);
	const rows = await referralRates(db, f, k);
	const columns: CsvColumn<RateRow>[] = [
		{ header: 'periode', value: (r) => r.periode },
		{ header: 'niveau', value: (r) => r.niveau },
		{ header: 'niveau_code', value: (r) => r.niveau_code },
		{ header: 'niveau_naam', value: (r) => r.niveau_naam },
		{ header: 'gemeente_code', value: (r) => r.gemeente_code },
		{ header: 'gemeente_naam', value: (r) => r.gemeente_naam },
		{ header: 'lijn', value: () => (f.lijn === null ? 'alle' : String(f.lijn)) },
		{ header: 'leeftijd', value: () => f.leeftijd },
		{ header: 'verwijzingen', value: (r) => count(r.verwijzingen, r.onderdrukt, k) },
		{ header: 'populatie', value: (r) => r.populatie },
		{ header: 'per_1000', value: (r) => r.per_1000, digits: 2 }
	];
	return toCsv(rows, columns);
};

const bestemmingen: Exporter = async ({ db, params, k }) => {
	const { rows } = await destinations(db, parseFilters(params), k);
	const columns: CsvColumn<DestinationRow>[] = [
		{ header: 'lijn', value: (r) => r.lijn },
		{ header: 'lijn_naam', value: (r) => label(LIJN_LABEL, r.lijn) },
		{ header: 'bestemming', value: (r) => r.bestemming },
		{ header: 'bestemming_naam', value: (r) => label(BESTEMMING_LABEL, r.bestemming) },
		{ header: 'verwijzingen', value: (r) => count(r.verwijzingen, r.onderdrukt, k) },
		{ header: 'aandeel_pct', value: (r) => pct(r.aandeel), digits: 1 }
	];
	return toCsv(rows, columns);
};

const kerncijfersExport: Exporter = async ({ db, params, k }) => {
	const gemeente = parseFilters(params).gemeente;
	const result = await kerncijfers(db, k, { perWijk: params.get('niveau') === 'wijk', gemeente });
	const rows = result.eenheden.flatMap((e) => [e.vorig, e.huidig].map((y) => ({ e, y })));
	const columns: CsvColumn<{ e: Kerncijfers; y: YearFigures }>[] = [
		{ header: 'niveau_code', value: ({ e }) => e.code },
		{ header: 'niveau_naam', value: ({ e }) => e.naam },
		{ header: 'gemeente_code', value: ({ e }) => e.gemeente_code },
		{ header: 'jaar', value: ({ y }) => y.jaar },
		{ header: 'tweede_lijn_per_1000', value: ({ y }) => y.tweedeLijnPer1000, digits: 2 },
		{ header: 'basiszorg_pct', value: ({ y }) => pct(y.basiszorgAandeel), digits: 1 },
		{ header: 'terugkoppeling_4wk_pct', value: ({ y }) => pct(y.terugkoppelingAandeel), digits: 1 }
	];
	return toCsv(rows, columns);
};

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
		{ header: 'pipeline_versie', value: (r) => r.pipeline_version }
	];
	return toCsv(await loads(db, k), columns);
};

export const EXPORTS: Record<string, Exporter> = {
	verwijzingen,
	bestemmingen,
	kerncijfers: kerncijfersExport,
	bronnen,
	'ojg-effect': ojgEffectCsv,
	'ojg-reeks': ojgSeriesCsv,
	...REGIEGROEP_EXPORTS,
	...SURVEY_EXPORTS
};
