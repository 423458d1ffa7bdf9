// The regiegroep's records: werkplannen, mijlpalen and voortgang (status updates) as imported into
// the analytic database, combined at query time with the edits made in the app (edit store), by
// the precedence rule of src/lib/regiegroep/precedence.ts. Also the SWOT items, combined the same way.
import { combine, type AppVersion, type Combined, type ImportVersion } from '$lib/regiegroep/precedence';
import type { Kwadrant, Status } from '$contract/regiegroep';
import type { SwotRecord } from '$lib/regiegroep/swot';
import type { AuditEntry, CombinedSwot, LoadColumns, RegiegroepData, WerkplanRow } from '$lib/regiegroep/types';
import type { Mijlpaal, Voortgang } from '$lib/regiegroep/werkplannen';
import type { Database } from '$lib/server/db/database';
import { keyText, latestEdits, type EditReader } from '$lib/server/edits/history';
import { existingTables } from '$lib/server/db/sql';
import { maskNameLike, maskPersonalData } from '$contract/privacy';

// Imports mask identifying data before storage (docs/privacy.md "Identifying data"); loads made
// before that rule may still hold some, so what is shown is masked again on the way out. Keys are
// computed from the stored text, so edits of such records keep finding them.
const shown = (text: string | null) => (text === null ? null : maskPersonalData(text).text);
const shownName = (text: string | null) => (text === null ? null : maskNameLike(text).text);

const TABLES = ['werkplannen', 'mijlpalen', 'voortgang', 'swot'];

/** A database built before these tables existed has none of them; the pages then show nothing. */
async function hasTables(db: Database): Promise<boolean> {
	return (await existingTables(db, TABLES)).size === TABLES.length;
}

const LOAD_JOIN = `JOIN loads l ON l.load_id = t.load_id`;
const LOAD_COLUMNS = `t.load_id, l.file_name AS bestand, l.finished_at AS geladen_op`;

const WERKPLANNEN_SQL = `
	SELECT t.werkplan_id, t.titel, t.thema, t.driehoek, t.trekker, t.partners, t.wijk_code, w.wijk_naam,
		CAST(t.start AS VARCHAR) AS start, CAST(t.eind AS VARCHAR) AS eind, t.doel, ${LOAD_COLUMNS}
	FROM werkplannen t ${LOAD_JOIN} LEFT JOIN wijken w ON w.wijk_code = t.wijk_code
	ORDER BY t.titel, t.werkplan_id`;

const MIJLPALEN_SQL = `
	SELECT t.werkplan_id, t.mijlpaal_id, t.omschrijving, CAST(t.deadline AS VARCHAR) AS deadline,
		CAST(t.gereed_op AS VARCHAR) AS gereed_op, ${LOAD_COLUMNS}
	FROM mijlpalen t ${LOAD_JOIN}
	ORDER BY t.werkplan_id, t.deadline, t.mijlpaal_id`;

const VOORTGANG_SQL = `
	SELECT t.werkplan_id, CAST(t.datum AS VARCHAR) AS datum, t.status, t.toelichting,
		CAST(t.vergadering AS VARCHAR) AS vergadering, ${LOAD_COLUMNS}
	FROM voortgang t ${LOAD_JOIN}
	ORDER BY t.werkplan_id, t.datum`;

const SWOT_SQL = `
	SELECT t.wijk_code, CAST(t.datum AS VARCHAR) AS datum, t.kwadrant, t.item_id, t.omschrijving, t.thema,
		t.item_sleutel, ${LOAD_COLUMNS}
	FROM swot t ${LOAD_JOIN}
	ORDER BY t.wijk_code, t.datum, t.kwadrant`;

function utc(ts: string): string {
	return ts.endsWith('Z') ? ts : `${ts}Z`;
}

function importVersions<R extends LoadColumns, T>(rows: readonly R[], key: (r: R) => string, value: (r: R) => T): Map<string, ImportVersion<T>> {
	return new Map(rows.map((r) => [key(r), { value: value(r), load_id: r.load_id, bestand: r.bestand, geladen_op: utc(r.geladen_op) }]));
}

/**
 * The latest edit per record as the app's version. Only records the user may see: the edit store is
 * not scoped like the database (scope.ts), so an edit counts only when its werkplan or wijk is one
 * the scoped database shows; an undone creation (`verwijderd`) removes the app's version.
 */
function appVersions<T>(entries: readonly AuditEntry[], visible: (e: AuditEntry) => boolean): Map<string, AppVersion<T>> {
	return new Map(
		entries.filter((e) => visible(e) && e.nieuw.verwijderd !== true).map((e) => [keyText(e.sleutel), { value: e.nieuw as Partial<T>, audit_id: e.audit_id, wie: e.wie, tijdstip: e.tijdstip }])
	);
}

export const mijlpaalKey = (m: Pick<Mijlpaal, 'werkplan_id' | 'mijlpaal_id'>) => [m.werkplan_id, m.mijlpaal_id];
export const voortgangKey = (v: Pick<Voortgang, 'werkplan_id' | 'datum'>) => [v.werkplan_id, v.datum];
export const swotKey = (s: Pick<SwotRecord, 'wijk_code' | 'datum' | 'item_sleutel'>) => [s.wijk_code, s.datum, s.item_sleutel];

/** Werkplannen with their milestones and status updates, imports and edits combined. */
export async function regiegroepData(db: Database, store: EditReader): Promise<RegiegroepData> {
	if (!(await hasTables(db))) return { werkplannen: [], mijlpalen: [], voortgang: [] };
	type MRow = Mijlpaal & LoadColumns;
	type VRow = Voortgang & LoadColumns;
	const [werkplannen, mRows, vRows, mEdits, vEdits] = await Promise.all([
		db.query<WerkplanRow>(WERKPLANNEN_SQL),
		db.query<MRow>(MIJLPALEN_SQL),
		db.query<VRow>(VOORTGANG_SQL),
		latestEdits(store, 'mijlpaal'),
		latestEdits(store, 'voortgang')
	]);
	for (const w of werkplannen) {
		w.geladen_op = utc(w.geladen_op);
		w.titel = shown(w.titel)!;
		w.doel = shown(w.doel);
		w.trekker = shownName(w.trekker)!;
		w.partners = shownName(w.partners);
	}
	const visible = new Set(werkplannen.map((w) => w.werkplan_id));
	const inScope = (e: AuditEntry) => e.werkplan_id !== null && visible.has(e.werkplan_id);
	const mijlpalen = combine(
		importVersions(mRows, (r) => keyText(mijlpaalKey(r)), ({ werkplan_id, mijlpaal_id, omschrijving, deadline, gereed_op }): Mijlpaal => ({
			werkplan_id,
			mijlpaal_id,
			omschrijving: shown(omschrijving)!,
			deadline,
			gereed_op
		})),
		appVersions<Mijlpaal>(mEdits, inScope)
	).sort((a, b) => a.value.deadline.localeCompare(b.value.deadline) || a.key.localeCompare(b.key));
	const voortgang = combine(
		importVersions(vRows, (r) => keyText(voortgangKey(r)), ({ werkplan_id, datum, status, toelichting, vergadering }): Voortgang => ({
			werkplan_id,
			datum,
			status: status as Status,
			toelichting: shown(toelichting),
			vergadering
		})),
		appVersions<Voortgang>(vEdits, inScope)
	).sort((a, b) => a.value.datum.localeCompare(b.value.datum) || a.key.localeCompare(b.key));
	return { werkplannen, mijlpalen, voortgang };
}

/** Every SWOT item, imported and added in the app, with edits and closures applied. */
export async function swotData(db: Database, store: EditReader): Promise<CombinedSwot[]> {
	if (!(await hasTables(db))) return [];
	type SRow = Omit<SwotRecord, 'afgesloten_op'> & LoadColumns;
	const [rows, edits, wijken] = await Promise.all([db.query<SRow>(SWOT_SQL), latestEdits(store, 'swot'), db.query<{ wijk_code: string }>(`SELECT wijk_code FROM wijken`)]);
	const visible = new Set(wijken.map((w) => w.wijk_code));
	return combine(
		importVersions(rows, (r) => keyText(swotKey(r)), (r): SwotRecord => ({
			wijk_code: r.wijk_code,
			datum: r.datum,
			item_sleutel: r.item_sleutel,
			item_id: r.item_id,
			kwadrant: r.kwadrant as Kwadrant,
			omschrijving: shown(r.omschrijving)!,
			thema: r.thema,
			afgesloten_op: null
		})),
		appVersions<SwotRecord>(edits, (e) => e.wijk_code !== null && visible.has(e.wijk_code))
	).sort(
		(a, b) =>
			a.value.wijk_code.localeCompare(b.value.wijk_code) ||
			a.value.datum.localeCompare(b.value.datum) ||
			a.value.kwadrant.localeCompare(b.value.kwadrant) ||
			a.value.omschrijving.localeCompare(b.value.omschrijving, 'nl') ||
			a.key.localeCompare(b.key)
	);
}

export interface LoadInfo {
	load_id: number;
	bestand: string;
	dataset: string;
	geladen_op: string;
}

/** The loads that delivered rows of these datasets, newest first (for a record's history). */
export async function regiegroepLoads(db: Database): Promise<LoadInfo[]> {
	const rows = await db.query<LoadInfo>(
		`SELECT load_id, file_name AS bestand, dataset, finished_at AS geladen_op FROM loads
		 WHERE dataset IN ('werkplannen', 'mijlpalen', 'voortgang', 'swot') ORDER BY load_id DESC`
	);
	return rows.map((r) => ({ ...r, geladen_op: utc(r.geladen_op) }));
}
