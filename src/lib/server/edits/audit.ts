// SQL on the edit store (src/lib/server/edits/store.ts): append an edit to the audit trail, and read
// the latest edit per record or the whole trail. Rows are only ever inserted.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EditStore } from './store';

export type Soort = 'voortgang' | 'mijlpaal' | 'swot';
export type Actie = 'toegevoegd' | 'gewijzigd' | 'gereed' | 'heropend' | 'afgesloten';

export interface NewAudit {
	/** ISO timestamp (UTC). */
	tijdstip: string;
	wie: string;
	soort: Soort;
	actie: Actie;
	/** The record's key, in the order of the table's key columns. */
	sleutel: readonly string[];
	werkplan_id: string | null;
	wijk_code: string | null;
	oud: Record<string, unknown> | null;
	oud_bron: string | null;
	nieuw: Record<string, unknown>;
}

export interface AuditEntry {
	audit_id: number;
	tijdstip: string;
	wie: string;
	soort: Soort;
	actie: Actie;
	sleutel: string[];
	werkplan_id: string | null;
	wijk_code: string | null;
	oud: Record<string, unknown> | null;
	oud_bron: string | null;
	nieuw: Record<string, unknown>;
}

interface AuditRow extends Omit<AuditEntry, 'sleutel' | 'oud' | 'nieuw'> {
	sleutel: string;
	oud: string | null;
	nieuw: string;
}

const COLUMNS = 'audit_id, tijdstip, wie, soort, actie, sleutel, werkplan_id, wijk_code, oud, oud_bron, nieuw';

/** The same key always gives the same text, so that edits of one record group together. */
export const keyText = (sleutel: readonly string[]) => JSON.stringify(sleutel);

function parse(row: AuditRow): AuditEntry {
	return {
		...row,
		tijdstip: row.tijdstip.endsWith('Z') ? row.tijdstip : `${row.tijdstip}Z`,
		sleutel: JSON.parse(row.sleutel),
		oud: row.oud === null ? null : JSON.parse(row.oud),
		nieuw: JSON.parse(row.nieuw)
	};
}

/** Appends one edit; must run inside EditStore.write (which serialises writes). Returns its id. */
export async function appendAudit(conn: DuckDBConnection, e: NewAudit): Promise<number> {
	const next = await conn.runAndReadAll('SELECT coalesce(max(audit_id), 0) + 1 FROM audit');
	const id = Number(next.getRows()[0][0]);
	await conn.run(
		`INSERT INTO audit (${COLUMNS})
		 VALUES ($audit_id, CAST($tijdstip AS TIMESTAMP), $wie, $soort, $actie, $sleutel, $werkplan_id, $wijk_code, $oud, $oud_bron, $nieuw)`,
		{
			audit_id: id,
			tijdstip: e.tijdstip.replace('T', ' ').replace(/Z$/, ''),
			wie: e.wie,
			soort: e.soort,
			actie: e.actie,
			sleutel: keyText(e.sleutel),
			werkplan_id: e.werkplan_id,
			wijk_code: e.wijk_code,
			oud: e.oud === null ? null : JSON.stringify(e.oud),
			oud_bron: e.oud_bron,
			nieuw: JSON.stringify(e.nieuw)
		}
	);
	return id;
}

/** The latest edit of every record of one kind: the app's current version of each. */
export async function latestEdits(store: EditStore, soort: Soort): Promise<AuditEntry[]> {
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
export async function auditTrail(store: EditStore, f: AuditFilter = {}): Promise<AuditEntry[]> {
	const ts = (iso: string | undefined) => (iso === undefined ? null : iso.replace('T', ' ').replace(/Z$/, ''));
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
