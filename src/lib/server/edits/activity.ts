// The activity log: who signed in (or failed to), exported what with which filters, uploaded,
// rolled back or edited, for the beheerder at /beheer/audit. Kept in the server's own store beside
// the edits (src/lib/server/edits/store.ts). Entries are queued and written in small batches, so a
// page or export never waits for a checkpoint; flushActivity() writes what is queued (tests, stop).
import { maskPersonalData } from '$contract/privacy';
import { edits, utcTimestamp, type EditStore } from './store';

export const ACTIVITY_SOORTEN = ['aanmelden', 'aanmelden-mislukt', 'afmelden', 'export', 'upload', 'terugdraaien', 'bewerking', 'gebruiker'] as const;
export type ActivitySoort = (typeof ACTIVITY_SOORTEN)[number];

export interface ActivityEntry {
	/** ISO timestamp (UTC); default now. */
	tijdstip?: string;
	gebruiker: string | null;
	soort: ActivitySoort;
	/** Dutch, for a person: "verwijzingen.csv?niveau=wijk", "3 bestanden: …". Never personal data. */
	detail: string;
	adres?: string | null;
}

export interface ActivityRow extends Required<ActivityEntry> {
	activity_id: number;
}

const FLUSH_MS = 250;
const queue: Required<ActivityEntry>[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let flushing: Promise<void> = Promise.resolve();

/** Queues one entry; it is written within FLUSH_MS. */
export function logActivity(entry: ActivityEntry, store: EditStore = edits()): void {
	// The detail is built from a request (a form's hidden field, a file name): identifying data in it
	// is masked like any stored text (docs/privacy.md "Identifying data").
	const detail = maskPersonalData(entry.detail.slice(0, 2000)).text;
	queue.push({ tijdstip: entry.tijdstip ?? new Date().toISOString(), gebruiker: entry.gebruiker, soort: entry.soort, detail, adres: entry.adres ?? null });
	timer ??= setTimeout(() => void flushActivity(store), FLUSH_MS);
}

/** Writes every queued entry (one transaction). */
export function flushActivity(store: EditStore = edits()): Promise<void> {
	if (timer) clearTimeout(timer);
	timer = null;
	const batch = queue.splice(0);
	if (batch.length === 0) return flushing;
	flushing = flushing.then(() =>
		store
			.write(async (conn) => {
				for (const e of batch) {
					await conn.run(
						`INSERT INTO activity (tijdstip, gebruiker, soort, detail, adres) VALUES (CAST($tijdstip AS TIMESTAMP), $gebruiker, $soort, $detail, $adres)`,
						{ tijdstip: utcTimestamp(e.tijdstip), gebruiker: e.gebruiker, soort: e.soort, detail: e.detail, adres: e.adres }
					);
				}
			})
			.catch((e) => console.error('activiteitenlog niet geschreven', e))
	);
	return flushing;
}

export interface ActivityFilter {
	soort?: ActivitySoort;
	gebruiker?: string;
	/** At most this many, newest first (default 500). */
	limit?: number;
}

/** The log, newest first. */
export async function readActivity(f: ActivityFilter = {}, store: EditStore = edits()): Promise<ActivityRow[]> {
	await flushActivity(store);
	// TIMESTAMP comes back as a Date, which the store turns into ISO (UTC).
	return store.query<ActivityRow>(
		`SELECT activity_id, tijdstip, gebruiker, soort, detail, adres FROM activity
		 WHERE ($soort IS NULL OR soort = $soort) AND ($gebruiker IS NULL OR gebruiker = $gebruiker)
		 ORDER BY activity_id DESC LIMIT $limit`,
		{ soort: f.soort ?? null, gebruiker: f.gebruiker ?? null, limit: f.limit ?? 500 }
	);
}
