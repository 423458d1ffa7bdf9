// CSV exports of the surveys (/export/leerbijeenkomsten.csv, /export/rapportcijfers.csv,
// /export/ja-nee-vragen.csv, /export/werkafspraken.csv), read from the same grouped figures and
// Holm-corrected verdicts as the pages. Registered in ../export/registry.ts.
import { OVERIGE_WIJKEN, type Count } from '$lib/surveys/types';
import type { CsvColumn } from '$lib/server/export/csv';
import { table, countCell, pctCell, type Exporter } from '$lib/server/export/exporter';
import { exportRows, seizoenenVoor, type ExportRow } from './enquetes';
import type { JaNeeScope, JaNeeVraag } from './janee';
import type { CijferGroep, CijferScope, Rapportcijfer } from './rapportcijfers';
import { seizoen as seizoenMet } from './season';
import { werkafspraken, type WerkafspraakRij } from './werkafspraken';
import { matchesWijk, surveyFilters } from './filters';

/** A count cell; empty when not applicable. */
const count = (c: Count | undefined, k: number) => (c === undefined ? null : countCell(c.value, c.onderdrukt, k));

const shown = (r: ExportRow) => r.groep.n.value !== null;
/** "Overige wijken" is written with its wijk codes, comma-separated. */
const wijkCode = (s: { wijk_code: string; wijken: string[] }) => (s.wijk_code === OVERIGE_WIJKEN ? s.wijken.join(',') : s.wijk_code);

const leerbijeenkomsten: Exporter = async ({ db, params, k }) => {
	const rows = await exportRows(db, k, surveyFilters(params));
	const columns: CsvColumn<ExportRow>[] = [
		{ header: 'enquete_id', value: (r) => r.enquete_ids.join(',') },
		{ header: 'seizoen', value: (r) => r.seizoen },
		{ header: 'wijk_code', value: (r) => r.wijk_code },
		{ header: 'wijk_naam', value: (r) => r.wijk_naam },
		{ header: 'thema', value: (r) => r.thema },
		{ header: 'rol', value: (r) => r.groep.rol },
		{ header: 'n', value: (r) => count(r.groep.n, k) },
		{ header: 'gemiddelde', value: (r) => r.groep.gemiddelde, digits: 2 },
		{ header: 'respons_pct', value: (r) => pctCell(r.respons), digits: 1 },
		{ header: 'schaal', value: (r) => r.punten },
		// A hidden group has no distribution at all (not a row of "<k").
		...[1, 2, 3, 4, 5, 6, 7].map((score): CsvColumn<ExportRow> => ({ header: `aantal_${score}`, value: (r) => (shown(r) ? count(r.groep.verdeling[score - 1]?.aantal, k) : null) })),
		{ header: 'aantal_nvt', value: (r) => (shown(r) ? count(r.groep.nvt, k) : null) },
		// The roles of the group ("overige": which ones).
		{ header: 'rollen', value: (r) => r.groep.rollen.join(',') }
	];
	return table(rows, columns);
};

type CijferRow = { seizoen: string; r: Rapportcijfer; s: CijferScope; g: CijferGroep };

/** Per season (or the chosen one), thema, wijk (and all wijken, wijk_code empty) and rol. */
const rapportcijfersExport: Exporter = async ({ db, params, k }) => {
	const f = surveyFilters(params);
	const rows: CijferRow[] = [];
	for (const seizoen of await seizoenenVoor(db, f.seizoen)) {
		for (const r of (await seizoenMet(db, k, seizoen)).cijfers)
			for (const s of r.scopes) if (!f.wijk || matchesWijk(s, f.wijk)) for (const g of s.groepen) rows.push({ seizoen, r, s, g });
	}
	const change = (x: CijferRow) => (x.g.rol === 'alle' ? x.s.verandering : null);
	const columns: CsvColumn<CijferRow>[] = [
		{ header: 'seizoen', value: (x) => x.seizoen },
		{ header: 'thema', value: (x) => x.r.thema },
		{ header: 'vraag_tekst', value: (x) => x.r.vraag_tekst },
		{ header: 'wijk_code', value: (x) => wijkCode(x.s) },
		{ header: 'wijk_naam', value: (x) => x.s.wijk_naam },
		{ header: 'rol', value: (x) => x.g.rol },
		{ header: 'n', value: (x) => count(x.g.n, k) },
		{ header: 'gemiddelde', value: (x) => x.g.gemiddelde, digits: 2 },
		{ header: 'vorig_gemiddelde', value: (x) => (x.g.rol === 'alle' ? x.s.vorig : null), digits: 2 },
		{ header: 'verschil', value: (x) => change(x)?.verschil ?? null, digits: 2 },
		{ header: 'ci_laag', value: (x) => change(x)?.lo ?? null, digits: 2 },
		{ header: 'ci_hoog', value: (x) => change(x)?.hi ?? null, digits: 2 },
		{ header: 'oordeel', value: (x) => change(x)?.oordeel ?? null },
		{ header: 'rollen', value: (x) => x.g.rollen.join(',') }
	];
	return table(rows, columns);
};

type JaNeeRow = { seizoen: string; q: JaNeeVraag; s: JaNeeScope };

/** Per season (or the chosen one), ja/nee question and wijk (and all wijken, wijk_code empty). */
const jaNeeExport: Exporter = async ({ db, params, k }) => {
	const f = surveyFilters(params);
	const rows: JaNeeRow[] = [];
	for (const seizoen of await seizoenenVoor(db, f.seizoen)) {
		for (const q of (await seizoenMet(db, k, seizoen)).janee) for (const s of q.scopes) if (!f.wijk || matchesWijk(s, f.wijk)) rows.push({ seizoen, q, s });
	}
	const columns: CsvColumn<JaNeeRow>[] = [
		{ header: 'seizoen', value: (x) => x.seizoen },
		{ header: 'thema', value: (x) => x.q.thema },
		{ header: 'vraag_tekst', value: (x) => x.q.vraag_tekst },
		{ header: 'wijk_code', value: (x) => wijkCode(x.s) },
		{ header: 'wijk_naam', value: (x) => x.s.wijk_naam },
		{ header: 'n', value: (x) => count(x.s.n, k) },
		{ header: 'ja', value: (x) => count(x.s.ja, k) },
		{ header: 'ja_pct', value: (x) => pctCell(x.s.aandeel), digits: 1 },
		{ header: 'vorig_ja_pct', value: (x) => pctCell(x.s.vorig), digits: 1 },
		{ header: 'verschil_pctpt', value: (x) => pctCell(x.s.verandering?.verschil ?? null), digits: 1 },
		{ header: 'ci_laag_pctpt', value: (x) => pctCell(x.s.verandering?.lo ?? null), digits: 1 },
		{ header: 'ci_hoog_pctpt', value: (x) => pctCell(x.s.verandering?.hi ?? null), digits: 1 },
		{ header: 'oordeel', value: (x) => x.s.verandering?.oordeel ?? null }
	];
	return table(rows, columns);
};

const werkafsprakenExport: Exporter = async ({ db, params, k }) => {
	const data = await werkafspraken(db, k, surveyFilters(params).wijk);
	const columns: CsvColumn<WerkafspraakRij>[] = [
		{ header: 'enquete_id', value: (r) => r.enquete_ids.join(',') },
		{ header: 'ronde', value: (r) => r.ronde },
		{ header: 'datum', value: (r) => r.datum },
		{ header: 'wijk_code', value: (r) => wijkCode(r) },
		{ header: 'wijk_naam', value: (r) => r.wijk_naam },
		{ header: 'vraag_code', value: (r) => r.vraag_code },
		{ header: 'vraag_tekst', value: (r) => r.vraag_tekst },
		{ header: 'thema', value: (r) => r.thema },
		{ header: 'n', value: (r) => count(r.n, k) },
		{ header: 'eens', value: (r) => count(r.eens, k) },
		{ header: 'eens_pct', value: (r) => pctCell(r.aandeel), digits: 1 },
		{ header: 'gedrag', value: (r) => r.gedrag?.maat ?? null },
		{ header: 'gedrag_noemer', value: (r) => count(r.gedrag?.noemer, k) },
		{ header: 'gedrag_pct', value: (r) => pctCell(r.gedrag?.aandeel ?? null), digits: 1 },
		// Referral counts: cell key method, slightly perturbed (docs/privacy.md).
		{ header: 'gedrag_teller', value: (r) => count(r.gedrag?.teller, k) }
	];
	return table(data.rijen, columns);
};

export const SURVEY_EXPORTS: Record<string, Exporter> = {
	leerbijeenkomsten,
	rapportcijfers: rapportcijfersExport,
	'ja-nee-vragen': jaNeeExport,
	werkafspraken: werkafsprakenExport
};
