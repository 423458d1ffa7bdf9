// CSV exports of the referral pages: /export/verwijzingen.csv (rates; also the monitor's data
// interface for Excel and Power BI, its columns a contract in docs/export.md), bestemmingen.csv and
// kerncijfers.csv.
import { BESTEMMING_LABEL, LIJN_LABEL, label } from '$lib/referrals/labels';
import type { CsvColumn } from '$lib/server/export/csv';
import { table, countCell, pctCell, type Exporter } from '$lib/server/export/exporter';
import { destinations, type DestinationRow } from './bestemmingen';
import { parseFilters } from './filters';
import { kerncijfers, type Kerncijfers, type YearFigures } from './kerncijfers';
import { referralRates, type RateRow } from './verwijzingen';

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
		{ header: 'verwijzingen', value: (r) => countCell(r.verwijzingen, r.onderdrukt, k) },
		{ header: 'populatie', value: (r) => r.populatie },
		{ header: 'per_1000', value: (r) => r.per_1000, digits: 2 },
		{ header: 'noemer', value: (r) => r.noemer }
	];
	return table(rows, columns);
};

const bestemmingen: Exporter = async ({ db, params, k }) => {
	const { rows } = await destinations(db, parseFilters(params), k);
	const columns: CsvColumn<DestinationRow>[] = [
		{ header: 'lijn', value: (r) => r.lijn },
		{ header: 'lijn_naam', value: (r) => label(LIJN_LABEL, r.lijn) },
		{ header: 'bestemming', value: (r) => r.bestemming },
		{ header: 'bestemming_naam', value: (r) => label(BESTEMMING_LABEL, r.bestemming) },
		{ header: 'verwijzingen', value: (r) => countCell(r.verwijzingen, r.onderdrukt, k) },
		{ header: 'aandeel_pct', value: (r) => pctCell(r.aandeel), digits: 1 }
	];
	return table(rows, columns);
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
		{ header: 'basiszorg_pct', value: ({ y }) => pctCell(y.basiszorgAandeel), digits: 1 },
		{ header: 'terugkoppeling_4wk_pct', value: ({ y }) => pctCell(y.terugkoppelingAandeel), digits: 1 }
	];
	return table(rows, columns);
};

export const REFERRAL_EXPORTS: Record<string, Exporter> = { verwijzingen, bestemmingen, kerncijfers: kerncijfersExport };
