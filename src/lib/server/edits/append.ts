// Writing an edit to the audit trail of the edit store (store.ts): one row per edit, never
// updated or deleted. Runs inside EditStore.write, which serialises writes.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Actie, Soort } from '$lib/regiegroep/types';
import { COLUMNS, keyText } from './history';
import { utcTimestamp } from './store';

export interface NewAudit {
	/** ISO timestamp (UTC). */
	tijdstip: string;
	wie: string;
	/** The user name of who edited (null in edits from before sign-in existed). */
	door: string | null;
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

/** Appends one edit; must run inside EditStore.write (which serialises writes). Returns its id. */
export async function appendAudit(conn: DuckDBConnection, e: NewAudit): Promise<number> {
	const next = await conn.runAndReadAll('SELECT coalesce(max(audit_id), 0) + 1 FROM audit');
	const id = Number(next.getRows()[0][0]);
	await conn.run(
		`INSERT INTO audit (${COLUMNS})
		 VALUES ($audit_id, CAST($tijdstip AS TIMESTAMP), $wie, $door, $soort, $actie, $sleutel, $werkplan_id, $wijk_code, $oud, $oud_bron, $nieuw)`,
		{
			audit_id: id,
			tijdstip: utcTimestamp(e.tijdstip),
			wie: e.wie,
			door: e.door,
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
