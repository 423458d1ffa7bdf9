// The regiegroep's records as the app works with them: imported rows with the load they came from,
// combined with the edits made in the app (precedence.ts), and the audit trail of those edits.
// Types only; the queries that fill them are in src/lib/server/regiegroep and src/lib/server/edits.
import type { Combined } from './precedence';
import type { SwotRecord } from './swot';
import type { Mijlpaal, Voortgang, Werkplan } from './werkplannen';

/** Where an imported row came from: the load that last changed it. */
export interface LoadColumns {
	load_id: number;
	bestand: string;
	geladen_op: string;
}

export interface WerkplanRow extends Werkplan, LoadColumns {
	wijk_naam: string | null;
}

export type CombinedMijlpaal = Combined<Mijlpaal>;
export type CombinedVoortgang = Combined<Voortgang>;
export type CombinedSwot = Combined<SwotRecord>;

export interface RegiegroepData {
	werkplannen: WerkplanRow[];
	mijlpalen: CombinedMijlpaal[];
	voortgang: CombinedVoortgang[];
}

export type Soort = 'voortgang' | 'mijlpaal' | 'swot';
export type Actie = 'toegevoegd' | 'gewijzigd' | 'gereed' | 'heropend' | 'afgesloten' | 'ongedaan';

export interface AuditEntry {
	audit_id: number;
	tijdstip: string;
	wie: string;
	/** The user name of who edited; null for edits from before sign-in existed. */
	door: string | null;
	soort: Soort;
	actie: Actie;
	sleutel: string[];
	werkplan_id: string | null;
	wijk_code: string | null;
	oud: Record<string, unknown> | null;
	oud_bron: string | null;
	nieuw: Record<string, unknown>;
}
