// CSV exports of the regiegroep's data (/export/werkplannen.csv, mijlpalen.csv, swot.csv): the
// records as the pages show them, imports and edits combined, with where each version came from.
// Registered in ../export/registry.ts. No counts of people here, so nothing to suppress.
import { isIsoDate, today } from '$contract/dates';
import { statusLabel } from '$contract/regiegroep';
import { latestUpdate, milestoneState } from '$lib/regiegroep/werkplannen';
import type { CsvColumn } from '$lib/server/export/csv';
import { table, type Exporter } from '$lib/server/export/exporter';
import { editHistory } from '$lib/server/edits/history';
import { reference } from '$lib/server/reference/units';
import { regiegroepData, swotData } from './queries';
import type { WerkplanRow } from '$lib/regiegroep/types';
import { herkomst, type Herkomst } from '$lib/regiegroep/views';


const peildatum = (params: URLSearchParams) => {
	const v = params.get('peildatum');
	return v && isIsoDate(v) ? v : today();
};

const bron = (h: Herkomst | null) => (h ? h.bron : null);
const bronDetail = (h: Herkomst | null) => (h ? `${h.door} (${h.op})` : null);

const werkplannen: Exporter = async ({ db, params }) => {
	const data = await regiegroepData(db, editHistory());
	const op = peildatum(params);
	const updates = data.voortgang.map((c) => ({ ...c.value, herkomst: herkomst(c) }));
	const rows = data.werkplannen.map((w) => ({ w, u: latestUpdate(updates, w.werkplan_id, op) }));
	const columns: CsvColumn<{ w: WerkplanRow; u: (typeof updates)[number] | null }>[] = [
		{ header: 'werkplan_id', value: ({ w }) => w.werkplan_id },
		{ header: 'titel', value: ({ w }) => w.titel },
		{ header: 'thema', value: ({ w }) => w.thema },
		{ header: 'driehoek', value: ({ w }) => w.driehoek },
		{ header: 'trekker', value: ({ w }) => w.trekker },
		{ header: 'partners', value: ({ w }) => w.partners },
		{ header: 'wijk_code', value: ({ w }) => w.wijk_code },
		{ header: 'wijk_naam', value: ({ w }) => w.wijk_naam },
		{ header: 'start', value: ({ w }) => w.start },
		{ header: 'eind', value: ({ w }) => w.eind },
		{ header: 'doel', value: ({ w }) => w.doel },
		{ header: 'peildatum', value: () => op },
		{ header: 'status', value: ({ u }) => u?.status ?? null },
		{ header: 'status_naam', value: ({ u }) => statusLabel(u?.status) },
		{ header: 'status_datum', value: ({ u }) => u?.datum ?? null },
		{ header: 'toelichting', value: ({ u }) => u?.toelichting ?? null },
		{ header: 'status_bron', value: ({ u }) => bron(u?.herkomst ?? null) },
		{ header: 'status_bron_detail', value: ({ u }) => bronDetail(u?.herkomst ?? null) }
	];
	return table(rows, columns);
};

const mijlpalen: Exporter = async ({ db, params }) => {
	const data = await regiegroepData(db, editHistory());
	const op = peildatum(params);
	const titel = new Map(data.werkplannen.map((w) => [w.werkplan_id, w.titel]));
	const rows = data.mijlpalen.map((c) => ({ ...c.value, staat: milestoneState(c.value, op), herkomst: herkomst(c) }));
	const columns: CsvColumn<(typeof rows)[number]>[] = [
		{ header: 'werkplan_id', value: (r) => r.werkplan_id },
		{ header: 'werkplan_titel', value: (r) => titel.get(r.werkplan_id) ?? null },
		{ header: 'mijlpaal_id', value: (r) => r.mijlpaal_id },
		{ header: 'omschrijving', value: (r) => r.omschrijving },
		{ header: 'deadline', value: (r) => r.deadline },
		{ header: 'gereed_op', value: (r) => r.gereed_op },
		{ header: 'peildatum', value: () => op },
		{ header: 'stand', value: (r) => r.staat },
		{ header: 'bron', value: (r) => r.herkomst.bron },
		{ header: 'bron_detail', value: (r) => bronDetail(r.herkomst) }
	];
	return table(rows, columns);
};

const swot: Exporter = async ({ db, params }) => {
	const [records, ref] = await Promise.all([swotData(db, editHistory()), reference(db)]);
	const naam = new Map(ref.wijken.map((w) => [w.wijk_code, w.wijk_naam]));
	const wijk = params.get('wijk');
	const rows = records
		.filter((c) => !wijk || c.value.wijk_code === wijk)
		.map((c) => ({ ...c.value, herkomst: herkomst(c) }));
	const columns: CsvColumn<(typeof rows)[number]>[] = [
		{ header: 'wijk_code', value: (r) => r.wijk_code },
		{ header: 'wijk_naam', value: (r) => naam.get(r.wijk_code) ?? null },
		{ header: 'datum', value: (r) => r.datum },
		{ header: 'kwadrant', value: (r) => r.kwadrant },
		{ header: 'item_id', value: (r) => r.item_id },
		{ header: 'omschrijving', value: (r) => r.omschrijving },
		{ header: 'thema', value: (r) => r.thema },
		{ header: 'afgesloten_op', value: (r) => r.afgesloten_op },
		{ header: 'bron', value: (r) => r.herkomst.bron },
		{ header: 'bron_detail', value: (r) => bronDetail(r.herkomst) }
	];
	return table(rows, columns);
};

export const REGIEGROEP_EXPORTS: Record<string, Exporter> = { werkplannen, mijlpalen, swot };
