// The /ojg page rendered on the server from ojgEffect on hand-made databases (tests/ojg/fixture.ts):
// the calibration, the pooled estimate's label and left-out placements, an estimate without an
// interval, and the Dutch note on perturbed counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from 'svelte/server';
import { afterAll, describe, expect, it } from 'vitest';
import Page from '../../src/routes/ojg/+page.svelte';
import { Database } from '$lib/server/db/database';
import { ojgEffect } from '$lib/server/ojg/effect';
import { parseOjgParams } from '$lib/server/ojg/params';
import { PERTURBATION_NOTE } from '$lib/shared/disclosure';
import { createOjgDb, month, months, spread, type Practice, type Referral } from './fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-ojg-page-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The worked example of tests/ojg/effect.test.ts (all record keys 0).
const PRACTICES: Practice[] = ['T', 'B', 'C', 'D', 'E', 'F'].map((code) => ({ code, gemeente: 'GM9901', kinderen: { 2024: 120, 2025: 120 } }));
const PRE = months('2024-01', '2024-06');
const POST = months('2024-08', '2025-01');
const EXAMPLE: Record<string, [number, number]> = { T: [40, 20], B: [50, 45], C: [30, 36], D: [60, 48], E: [25, 33], F: [45, 31] };
const rows = (except: string[] = []): Referral[] => [
	...Object.entries(EXAMPLE)
		.filter(([code]) => !except.includes(code))
		.flatMap(([code, [pre, post]]) => [...spread(PRE, pre, code), ...spread(POST, post, code)]),
	...month('2025-12', 1, 'B', { bestemming: 'buurtteam' })
];

let n = 0;
async function page(referrals: Referral[], query = 'venster=6', national = false) {
	const file = path.join(dir, `page${n++}.duckdb`);
	await createOjgDb(file, PRACTICES, referrals, [
		{ praktijk: 'T', functie: 'ojg', start: '2024-07-15' },
		{ praktijk: 'B', functie: 'poh_jeugd', start: '2025-09-01' }
	]);
	const db = new Database(file);
	const params = parseOjgParams(new URLSearchParams(query));
	const effect = await ojgEffect(db, params.venster, params.vergelijking, 5);
	db.close();
	// As +page.server.ts hands it over (fewer than 25 placements: all of them shown).
	const totaal = { plaatsingen: effect.plaatsingen.length, geschat: effect.plaatsingen.filter((x) => x.status === 'geschat').length };
	const data = { ok: true, site: { ok: true }, params, query, effect, totaal: national ? { plaatsingen: 1647, geschat: 1200 } : totaal, beperkt: national ? 25 : null };
	return render(Page, { props: { data } as never }).body;
}

const text = (html: string) => html.replace(/<!--[^]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('/ojg', () => {
	it('shows phi, the pooled label, what is left out and the note on perturbed counts', async () => {
		const html = await page(rows());
		const t = text(html);
		expect(t).toContain('Spreidingsfactor 1,23 (uit 5 schijnplaatsingen, 4 vrijheidsgraden)');
		expect(t).toContain('gewogen gemiddelde over deze 1 plaatsing');
		expect(t).toContain('1 plaatsing telt niet mee in het gemiddelde: 1 te recent.');
		expect(html).toContain('aria-label="Gewogen gemiddelde over deze plaatsingen: −45,6% (95%-BI −77,9% tot +33,7%)"');
		expect(t).toContain(PERTURBATION_NOTE);
		// Published window counts of T: 40 → 37, 20 → 17 (keys 0).
		expect(t).toContain('(37 en 17 verwijzingen)');
		// The comparison group text matches the rule in the code: no placement on any day.
		expect(t).toContain('die op geen enkele dag van de periode vóór, de startmaand en de periode na een OJG, POH-jeugd of jeugdconsulent hadden');
		// Default series: 3-month sums.
		expect(t).toContain('over de laatste 3 maanden');
	});

	it('keeps the page short: each placement collapsed under its effect in words, both its charts with a CSV', async () => {
		const html = await page(rows());
		// T and B: two placements, each a <details> (closed) with its title and effect in the summary.
		expect(html.match(/<details class="ojg-placement[^"]*"[^>]*data-placement=/g)).toHaveLength(2);
		expect(html).not.toMatch(/<details class="ojg-placement[^>]* open/);
		// T: -45,6% with an interval -77,9% to +33,7% that includes 0; said without a double negative.
		expect(text(html)).toContain('46% minder verwijzingen dan verwacht, niet significant');
		expect(text(html)).not.toMatch(/−\d+(,\d)?% (minder|lager)/);
		// The series and the count chart of T both offer T's CSV (the count chart had none); B is too recent for a series.
		const csv = [...html.matchAll(/href="(\/export\/ojg-reeks\.csv\?[^"]*)"[^>]*data-download="csv"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
		expect(csv).toEqual(Array(2).fill('/export/ojg-reeks.csv?venster=6&plaatsing=T-ojg-2024-07-15'));
	});

	it('shows an estimate without an interval, and why', async () => {
		const html = await page(rows(['F']));
		const t = text(html);
		expect(t).toContain('Geen betrouwbaarheidsintervallen: 4 schijnplaatsingen, te weinig vergelijkingspraktijken om de toevalsspreiding te schatten');
		expect(t).toContain('Er is geen betrouwbaarheidsinterval: te weinig vergelijkingspraktijken om de toevalsspreiding te schatten');
		expect(html).toContain('data-no-interval="true"');
		expect(t).not.toContain('Spreidingsfactor');
	});

	it('nationally says it shows the 25 most recent placements, with the pooled figures over all', async () => {
		const t = text(await page(rows(), 'venster=6', true));
		expect(t).toContain('1647 plaatsingen: 1200 geschat, 447 niet te schatten of niet te tonen');
		expect(t).toContain('Hieronder staan de 25 meest recente plaatsingen; het gemiddelde en de spreidingsfactor gaan over alle 1647.');
		expect(text(await page(rows()))).not.toContain('meest recente plaatsingen');
	});
});
