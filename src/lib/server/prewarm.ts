// After an import is swapped in, the first visitor of the overview, /verwijzingen or /ojg would wait
// for scans of every referral (seconds at national scale). The server computes those default views in
// the background as soon as it sees the new version (Database.onNewVersion), so that the first
// request is served from Database.memo like every later one. Errors are only logged: a page that
// needs the result computes it itself.
import type { Database } from '$lib/server/db/database';
import { minCell } from '$lib/server/db/config';
import { destinations } from '$lib/server/referrals/bestemmingen';
import { parseFilters } from '$lib/server/referrals/filters';
import { kerncijfers } from '$lib/server/referrals/kerncijfers';
import { pageRates, referralRates } from '$lib/server/referrals/verwijzingen';
import { ojgEffect } from '$lib/server/ojg/effect';
import { parseOjgParams } from '$lib/server/ojg/params';
import { reference } from '$lib/server/reference/units';

/** The views of / and the default /verwijzingen and /ojg, for everyone who sees the whole database. */
export const DEFAULT_VIEWS = ['niveau=gemeente&periode=jaar&lijn=2', ''];

export async function prewarm(db: Database): Promise<void> {
	const k = minCell();
	try {
		await reference(db);
		await kerncijfers(db, k, { perWijk: false });
		for (const q of DEFAULT_VIEWS) {
			const f = parseFilters(new URLSearchParams(q));
			await referralRates(db, f, k);
			await pageRates(db, f, k, null);
			await destinations(db, f, k);
		}
		const ojg = parseOjgParams(new URLSearchParams());
		await ojgEffect(db, ojg.venster, ojg.vergelijking, k);
	} catch (e) {
		console.warn(`Voorberekenen van de standaardweergaven mislukt: ${(e as Error).message}`);
	}
}
