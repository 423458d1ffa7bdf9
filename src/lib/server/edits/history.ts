// Reading the edit store's audit trail (store.ts): the latest edit per record, which the regiegroep
// queries combine with the imported rows, and the whole trail for a werkplan's or wijk's history.
// Read-only: the query modules get an EditReader, never the store's write().
import type { Actie, AuditEntry, Soort } from '$lib/regiegroep/types';
import type { Params, Row } from '$lib/server/db/database';
import { maskEditorName, maskRecord } from './masking';
import { edits, utcTimestamp } from './store';

/** What reading the audit trail needs of the store. */
export interface EditReader {
	query<T extends object = Row>(sql: string, params?: Params): Promise<T[]>;
}

/** The edit store of this process, for reading. */
export function editHistory(): EditReader {
	return edits();
}

interface AuditRow extends Omit<AuditEntry, 'sleutel' | 'oud' | 'nieuw'> {
	sleutel: string;
	oud: string | null;
	nieuw: string;
}

export const COLUMNS = 'audit_id, tijdstip, wie, door, soort, actie, sleutel, werkplan_id, wijk_code, oud, oud_bron, nieuw';

/** The same key always gives the same text, so that edits of one record group together. */
export const keyText = (sleutel: readonly string[]) => JSON.stringify(sleutel);

/** A stored row as pages see it: text fields and the editor's name masked (edits stored before the detectors). */
function parse(row: AuditRow): AuditEntry {
	return {
		...row,
		wie: maskEditorName(row.wie),
		tijdstip: row.tijdstip.endsWith('Z') ? row.tijdstip : `${row.tijdstip}Z`,
		sleutel: JSON.parse(row.sleutel),
		oud: row.oud === null ? null : maskRecord(JSON.parse(row.oud)),
		nieuw: maskRecord(JSON.parse(row.nieuw))
	};
}

/** The latest edit of every record of one kind: the app's current version of each. */
export async function latestEdits(store: EditReader, soort: Soort): Promise<AuditEntry[]> {
	const rows = await store.query<AuditRow>(
		`SELECT ${COLUMNS} FROM audit WHERE soort = $soort
		 QUALIFY row_number() OVER (PARTITION BY sleutel ORDER BY audit_id DESC) = 1
		 ORDER BY audit_id`,
		{ soort }
	);
	return rows.map(parse);
}

export interface AuditFilter {
	werkplan_id?: string;
	wijk_code?: string;
	soort?: Soort;
	/** ISO timestamps (UTC): from (exclusive) and up to (inclusive). */
	na?: string;
	tot?: string;
}

/** The audit trail, oldest first, optionally for one werkplan, wijk, kind or period. */
export async function auditTrail(store: EditReader, f: AuditFilter = {}): Promise<AuditEntry[]> {
	const ts = (iso: string | undefined) => (iso === undefined ? null : utcTimestamp(iso));
	const rows = await store.query<AuditRow>(
		`SELECT ${COLUMNS} FROM audit
		 WHERE ($werkplan_id IS NULL OR werkplan_id = $werkplan_id)
		   AND ($wijk_code IS NULL OR wijk_code = $wijk_code)
		   AND ($soort IS NULL OR soort = $soort)
		   AND ($na IS NULL OR tijdstip > CAST($na AS TIMESTAMP))
		   AND ($tot IS NULL OR tijdstip <= CAST($tot AS TIMESTAMP))
		 ORDER BY audit_id`,
		{ werkplan_id: f.werkplan_id ?? null, wijk_code: f.wijk_code ?? null, soort: f.soort ?? null, na: ts(f.na), tot: ts(f.tot) }
	);
	return rows.map(parse);
}
