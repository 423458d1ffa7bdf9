// CSV exports of the OJG-effect page: one row per placement plus the pooled estimate (ALLE), and
// the monthly series of one placement.
import { toCsv, type CsvColumn } from '$lib/server/export/csv';
import { countCell, type ExportContext, type Exporter } from '$lib/server/export/exporter';
import { parseOjgParams } from './params';
import { ojgEffect, type PlacementEffect } from './effect';

export async function ojgEffectCsv({ db, params, k }: ExportContext): Promise<string> {
	const p = parseOjgParams(params);
	const e = await ojgEffect(db, p.venster, p.vergelijking, k);
	type Row = Partial<PlacementEffect> & { praktijk_code: string };
	const rows: Row[] = [
		...e.plaatsingen,
		{
			praktijk_code: 'ALLE',
			status: e.overall ? 'geschat' : 'niet_te_schatten',
			did: e.overall?.did ?? null,
			effect_pct: e.overall?.effect_pct ?? null,
			ci_low_pct: e.overall?.ci_low_pct ?? null,
			ci_high_pct: e.overall?.ci_high_pct ?? null,
			reden: e.overall ? `gewogen gemiddelde van ${e.overall.n} plaatsingen` : 'geen plaatsing te schatten'
		}
	];
	const columns: CsvColumn<Row>[] = [
		{ header: 'praktijk_code', value: (r) => r.praktijk_code },
		{ header: 'praktijk_naam', value: (r) => r.praktijk_naam },
		{ header: 'functie', value: (r) => r.functie },
		{ header: 'start', value: (r) => r.start },
		{ header: 'eind', value: (r) => r.eind },
		{ header: 'venster_maanden', value: () => p.venster },
		{ header: 'vergelijking', value: () => p.vergelijking },
		{ header: 'vergelijkingspraktijken', value: (r) => r.vergelijking?.praktijken },
		{ header: 'estimable', value: (r) => (r.status === 'geschat' ? 'ja' : 'nee') },
		{ header: 'status', value: (r) => r.status },
		{ header: 'rate_pre', value: (r) => r.rate_pre, digits: 2 },
		{ header: 'rate_post', value: (r) => r.rate_post, digits: 2 },
		{ header: 'rate_c_pre', value: (r) => r.rate_c_pre, digits: 2 },
		{ header: 'rate_c_post', value: (r) => r.rate_c_post, digits: 2 },
		{ header: 'rr', value: (r) => r.rr, digits: 4 },
		{ header: 'rr_c', value: (r) => r.rr_c, digits: 4 },
		{ header: 'did', value: (r) => r.did, digits: 4 },
		{ header: 'effect_pct', value: (r) => r.effect_pct, digits: 1 },
		{ header: 'ci_low_pct', value: (r) => r.ci_low_pct, digits: 1 },
		{ header: 'ci_high_pct', value: (r) => r.ci_high_pct, digits: 1 },
		{ header: 'reden', value: (r) => r.reden }
	];
	return toCsv(rows, columns);
}

export async function ojgSeriesCsv({ db, params, k }: ExportContext): Promise<string> {
	const p = parseOjgParams(params);
	const e = await ojgEffect(db, p.venster, p.vergelijking, k);
	const placement = e.plaatsingen.find((x) => x.id === params.get('plaatsing'));
	const rows = placement?.series ?? [];
	return toCsv(rows, [
		{ header: 'praktijk_code', value: () => placement?.praktijk_code },
		{ header: 'maand', value: (s) => s.maand },
		{ header: 'periode', value: (s) => (placement && s.maand < placement.m0 ? 'voor' : placement && s.maand > placement.m0 ? 'na' : 'start') },
		{ header: 'praktijk_per_1000', value: (s) => s.praktijk, digits: 2 },
		{ header: 'vergelijking_per_1000', value: (s) => s.vergelijking, digits: 2 },
		{ header: 'praktijk_3m_per_1000', value: (s) => s.praktijk3, digits: 2 },
		{ header: 'vergelijking_3m_per_1000', value: (s) => s.vergelijking3, digits: 2 },
		{ header: 'naar_tweede_lijn', value: (s) => countCell(s.tweedeLijn, s.tweedeLijnOnderdrukt, k) },
		{ header: 'naar_ojg', value: (s) => countCell(s.naarOjg, s.naarOjgOnderdrukt, k) }
	]);
}

export const OJG_EXPORTS: Record<string, Exporter> = { 'ojg-effect': ojgEffectCsv, 'ojg-reeks': ojgSeriesCsv };
