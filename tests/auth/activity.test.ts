// The activity log: entries are queued, written in one batch, read back newest first, filtered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flushActivity, logActivity, readActivity } from '$lib/server/edits/activity';
import { EditStore } from '$lib/server/edits/store';
import { fieldChanges } from '$lib/regiegroep/auditText';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-activity-'));
const store = new EditStore(path.join(dir, 'edits.duckdb'));
afterAll(async () => {
	await store.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('activity log', () => {
	it('keeps who did what, newest first, and filters by kind and user', async () => {
		logActivity({ tijdstip: '2026-01-05T09:00:00.000Z', gebruiker: null, soort: 'aanmelden-mislukt', detail: 'an.jansen', adres: '10.0.0.1' }, store);
		logActivity({ tijdstip: '2026-01-05T09:01:00.000Z', gebruiker: 'an.jansen', soort: 'aanmelden', detail: 'beleid', adres: '10.0.0.1' }, store);
		logActivity({ tijdstip: '2026-01-05T09:02:00.000Z', gebruiker: 'an.jansen', soort: 'export', detail: 'verwijzingen.csv?niveau=wijk', adres: '10.0.0.1' }, store);
		await flushActivity(store);
		const all = await readActivity({}, store);
		expect(all.map((r) => [r.tijdstip, r.gebruiker, r.soort, r.detail])).toEqual([
			['2026-01-05T09:02:00.000Z', 'an.jansen', 'export', 'verwijzingen.csv?niveau=wijk'],
			['2026-01-05T09:01:00.000Z', 'an.jansen', 'aanmelden', 'beleid'],
			['2026-01-05T09:00:00.000Z', null, 'aanmelden-mislukt', 'an.jansen']
		]);
		expect((await readActivity({ soort: 'export' }, store)).map((r) => r.detail)).toEqual(['verwijzingen.csv?niveau=wijk']);
		expect(await readActivity({ gebruiker: 'piet' }, store)).toEqual([]);
	});
});

describe('audit text of an undo', () => {
	it('an undone creation reads as one line: the item is removed', () => {
		expect(fieldChanges({ omschrijving: 'Nieuw buurthuis', kwadrant: 'kans' }, { verwijderd: true })).toEqual([{ veld: 'item', oud: 'aanwezig', nieuw: 'verwijderd' }]);
		expect(fieldChanges({ gereed_op: '2025-10-20' }, { gereed_op: null })).toEqual([{ veld: 'gereed op', oud: '2025-10-20', nieuw: '(leeg)' }]);
	});
});
