// CSV exports of the OJG-effect page: one row per placement plus the pooled estimate (ALLE), and
// the monthly series of one placement. Counts are the published (cell key) counts the page shows.
import type { CsvColumn } from '$lib/server/export/csv';
import { table, countCell, type ExportContext, type Exporter } from '$lib/server/export/exporter';
import type { Cell } from '$lib/server/disclosure/suppression';
import { parseOjgParams } from './params';
import { ojgEffect, type OjgEffect, type PlacementEffect } from './effect';

const count = (c: Cell | null | undefined, k: number) => (c ? countCell(c.value, c.onderdrukt, k) : null);

/** The reason on the ALLE row: what the pooled estimate is, what was left out and why. */
export function overallReason(e: OjgEffect): string {
	if (!e.overall) return 'geen plaatsing te schatten';
	const left = e.weggelaten.map((w) => `${w.aantal} ${w.reden}`).join(', ');
	const parts = [`gewogen gemiddelde over deze plaatsingen (${e.overall.n} van ${e.plaatsingen.length})`];
	if (left) parts.push(`weggelaten: ${left}, wat het gemiddelde naar 0 kan trekken`);
	if (e.overall.interval_reden) parts.push(`geen interval: ${e.overall.interval_reden}`);
	return parts.join('. ');
}

export async function ojgEffectTable({ db, params, k }: ExportContext): ReturnType<Exporter> {
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
			reden: overallReason(e)
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
		{ header: 'verwijzingen_pre', value: (r) => count(r.aantallen?.pre, k) },
		{ header: 'verwijzingen_post', value: (r) => count(r.aantallen?.post, k) },
		{ header: 'verwijzingen_c_pre', value: (r) => count(r.aantallen?.c_pre, k) },
		{ header: 'verwijzingen_c_post', value: (r) => count(r.aantallen?.c_post, k) },
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
		{ header: 'spreidingsfactor', value: () => e.kalibratie?.spreidingsfactor ?? null, digits: 3 },
		{ header: 'vrijheidsgraden', value: () => e.kalibratie?.vrijheidsgraden ?? null },
		{ header: 'reden', value: (r) => r.reden ?? r.interval_reden }
	];
	return table(rows, columns);
}

export async function ojgSeriesTable({ db, params, k }: ExportContext): ReturnType<Exporter> {
	const p = parseOjgParams(params);
	const e = await ojgEffect(db, p.venster, p.vergelijking, k);
	const placement = e.plaatsingen.find((x) => x.id === params.get('plaatsing'));
	const rows = placement?.series ?? [];
	return table(rows, [
		{ header: 'praktijk_code', value: () => placement?.praktijk_code },
		{ header: 'maand', value: (s) => s.maand },
		{ header: 'periode', value: (s) => (placement && s.maand < placement.m0 ? 'voor' : placement && s.maand > placement.m0 ? 'na' : 'start') },
		{ header: 'praktijk_per_1000', value: (s) => s.praktijk, digits: 2 },
		{ header: 'vergelijking_per_1000', value: (s) => s.vergelijking, digits: 2 },
		{ header: 'praktijk_3m_per_1000', value: (s) => s.praktijk3, digits: 2 },
		{ header: 'vergelijking_3m_per_1000', value: (s) => s.vergelijking3, digits: 2 },
		{ header: 'naar_tweede_lijn', value: (s) => countCell(s.tweedeLijn, s.tweedeLijnOnderdrukt, k) },
		{ header: 'naar_tweede_lijn_3m', value: (s) => countCell(s.tweedeLijn3, s.tweedeLijn3Onderdrukt, k) },
		{ header: 'vergelijking_naar_tweede_lijn', value: (s) => countCell(s.vergelijkingAantal, s.vergelijkingAantalOnderdrukt, k) },
		{ header: 'vergelijking_naar_tweede_lijn_3m', value: (s) => countCell(s.vergelijkingAantal3, s.vergelijkingAantal3Onderdrukt, k) },
		{ header: 'naar_ojg', value: (s) => countCell(s.naarOjg, s.naarOjgOnderdrukt, k) },
		{ header: 'naar_ojg_3m', value: (s) => countCell(s.naarOjg3, s.naarOjg3Onderdrukt, k) }
	]);
}

export const OJG_EXPORTS: Record<string, Exporter> = { 'ojg-effect': ojgEffectTable, 'ojg-reeks': ojgSeriesTable };
