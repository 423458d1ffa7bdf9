// The identifying-data corpus through the edit forms: the real form actions of /werkplannen/[id]
// (status update) and /swot (add, edit), with a signed-in user, then the edit store read back raw:
// no column of the audit trail or the activity log holds any of the corpus. The editor's display
// name keeps its name but loses contact details; a user name that holds identifying data is
// refused and nothing is stored. Ordinary text is stored as typed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRedirect } from '@sveltejs/kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '$contract/privacy';
import { FULL_SCOPE, type SessionUser } from '$lib/auth/types';
import { flushActivity, logActivity, readActivity } from '$lib/server/edits/activity';
import { appendAudit } from '$lib/server/edits/append';
import { auditTrail, latestEdits } from '$lib/server/edits/history';
import { edits } from '$lib/server/edits/store';
import { actions as werkplanActions } from '../../src/routes/werkplannen/[id]/+page.server';
import { actions as swotActions } from '../../src/routes/swot/+page.server';
import { IDENTIFYING, normalise, ORDINARY } from '../contract/fixtures/identifying';
import { survives, text as plantedText } from '../contract/fixtures/planted';
import { createRegiegroepDb } from '../fixtures/regiegroep-db';

let dir: string;
const saved = { db: process.env.MONITOR_DB, edits: process.env.MONITOR_EDITS_DB };

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-identifying-edits-'));
	const dbPath = path.join(dir, 'monitor.duckdb');
	await createRegiegroepDb(dbPath);
	process.env.MONITOR_DB = dbPath;
	process.env.MONITOR_EDITS_DB = path.join(dir, 'edits.duckdb');
});

afterAll(async () => {
	await flushActivity();
	await edits().close();
	for (const [key, value] of [['MONITOR_DB', saved.db], ['MONITOR_EDITS_DB', saved.edits]] as const) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
	fs.rmSync(dir, { recursive: true, force: true });
});

const beheerder = (naam = 'An Visser', gebruikersnaam = 'an.visser'): SessionUser => ({ gebruikersnaam, naam, rol: 'beheerder', scope: FULL_SCOPE });

/** Runs a form action as a browser post would: 'opgeslagen' on the redirect, else the failure. */
async function post(action: (event: never) => Promise<unknown>, url: string, fields: Record<string, string>, user: SessionUser, params: Record<string, string> = {}) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const event = {
		request: new Request(`http://localhost${url}`, { method: 'POST', body: form }),
		url: new URL(`http://localhost${url}`),
		params,
		locals: { user },
		getClientAddress: () => '127.0.0.1'
	};
	try {
		return await action(event as never);
	} catch (e) {
		if (isRedirect(e)) return 'opgeslagen';
		throw e;
	}
}

/** Every text the edit store holds: all audit and activity columns, as stored. */
async function storedText(): Promise<string[]> {
	await flushActivity();
	const audit = await edits().query<Record<string, unknown>>('SELECT wie, door, sleutel, werkplan_id, wijk_code, oud, oud_bron, nieuw FROM audit');
	const activity = await edits().query<Record<string, unknown>>('SELECT gebruiker, detail FROM activity');
	return [...audit, ...activity].flatMap((r) => Object.values(r).filter((v) => v !== null).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
}

const day = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
const note = (text: string) => `Notitie: ${text}, graag.`;

describe('the corpus typed in the edit forms', () => {
	beforeAll(async () => {
		const user = beheerder();
		for (const [i, c] of IDENTIFYING.entries()) {
			const status = await post(werkplanActions.status as never, '/werkplannen/WP01?/status', { datum: day(i), status: 'op_schema', toelichting: note(c.text) }, user, { id: 'WP01' });
			expect(status, c.text).toBe('opgeslagen');
			const swot = await post(swotActions.toevoegen as never, '/swot?/toevoegen', { wijk_code: 'WK990101', datum: '2025-10-01', kwadrant: 'kans', omschrijving: note(c.text), thema: c.text.slice(0, 60) }, user);
			expect(swot, c.text).toBe('opgeslagen');
		}
		// Two real form actions per corpus item, each reading the regiegroep's data.
	}, 180_000);

	it('stores each edit with the mask of its kind', async () => {
		const rows = await auditTrail(edits());
		expect(rows).toHaveLength(2 * IDENTIFYING.length);
		IDENTIFYING.forEach((c, i) => {
			expect(rows[2 * i].soort).toBe('voortgang');
			expect(String(rows[2 * i].nieuw.toelichting), c.text).toMatch(/^Notitie: .*, graag\.$/);
			expect(String(rows[2 * i].nieuw.toelichting), c.text).toContain(MASK[c.kind]);
			expect(String(rows[2 * i + 1].nieuw.omschrijving), c.text).toContain(MASK[c.kind]);
		});
	});

	it('leaves nothing of the corpus anywhere in the edit store', async () => {
		const text = await storedText();
		expect(text.length).toBeGreaterThan(4 * IDENTIFYING.length);
		const leaks = text.flatMap((t) => IDENTIFYING.filter((c) => normalise(t).includes(c.core)).map((c) => `${c.text} in ${t.slice(0, 80)}`));
		expect(leaks).toEqual([]);
	});

	it('masks an identifier in an edit of an existing SWOT item too', async () => {
		const [item] = await edits().query<{ sleutel: string }>("SELECT sleutel FROM audit WHERE soort = 'swot' ORDER BY audit_id LIMIT 1");
		const item_sleutel = JSON.parse(item.sleutel as unknown as string).at(-1) ?? '';
		const before = (await storedText()).length;
		const r = await post(
			swotActions.wijzigen as never,
			'/swot?/wijzigen',
			{ wijk_code: 'WK990101', datum: '2025-10-01', item_sleutel: String(item_sleutel), kwadrant: 'kans', omschrijving: 'Bel mevr. Bakker op 06-98765432', thema: 'bereikbaarheid' },
			beheerder()
		);
		expect(r).toBe('opgeslagen');
		const last = (await auditTrail(edits())).at(-1)!;
		expect(last.nieuw.omschrijving).toBe(`Bel ${MASK.naam} op ${MASK.telefoon}`);
		expect((await storedText()).length).toBeGreaterThan(before);
	});
});

describe('who edits', () => {
	it('keeps the display name but masks contact details in it', async () => {
		const r = await post(werkplanActions.status as never, '/werkplannen/WP02?/status', { datum: '2025-10-01', status: 'aandacht', toelichting: 'Groep gestart' }, beheerder('An Visser (06-12345678, an@praktijk.nl)'), { id: 'WP02' });
		expect(r).toBe('opgeslagen');
		const [last] = await edits().query<{ wie: string; door: string }>('SELECT wie, door FROM audit ORDER BY audit_id DESC LIMIT 1');
		expect(last).toEqual({ wie: `An Visser (${MASK.telefoon}, ${MASK.email})`, door: 'an.visser' });
	});

	it('refuses an edit by a user name that holds identifying data, and stores nothing', async () => {
		const before = await edits().query<{ n: number }>('SELECT count(*) AS n FROM audit');
		for (const gebruikersnaam of ['0612345678', '111222333', 'jan.06-12345678']) {
			const r = (await post(werkplanActions.status as never, '/werkplannen/WP02?/status', { datum: '2025-10-02', status: 'aandacht', toelichting: 'x y z' }, beheerder('Jan', gebruikersnaam), { id: 'WP02' })) as {
				status: number;
				data: { errors: Record<string, string> };
			};
			expect(r.status, `${gebruikersnaam}: ${JSON.stringify(r)}`).toBe(403);
			expect(r.data.errors.formulier).toMatch(/^Uw gebruikersnaam bevat een (telefoonnummer|BSN)/);
			expect(r.data.errors.formulier).not.toContain(gebruikersnaam);
		}
		expect(await edits().query<{ n: number }>('SELECT count(*) AS n FROM audit')).toEqual(before);
	});
});

describe('edits stored before the detectors', () => {
	it('are read back masked: the editor\'s name and every text field, old and new', async () => {
		const id = await edits().write((conn) =>
			appendAudit(conn, {
				tijdstip: '2025-01-02T10:00:00.000Z',
				wie: 'Piet (06-12345678)',
				door: 'piet',
				soort: 'swot',
				actie: 'gewijzigd',
				sleutel: ['WK990102', '2024-01-01', 'oud-item'],
				werkplan_id: null,
				wijk_code: 'WK990102',
				oud: { omschrijving: 'Mevr. J. de Vries belt', thema: 'geb. 03-04-1950' },
				oud_bron: 'import:1',
				nieuw: { omschrijving: 'bsn111222333 op Dorpsstraat 12', thema: 'x' }
			})
		);
		const entry = (await auditTrail(edits())).find((e) => e.audit_id === id)!;
		expect(entry.wie).toBe(`Piet (${MASK.telefoon})`);
		expect(entry.oud).toEqual({ omschrijving: `${MASK.naam} belt`, thema: MASK.geboortedatum });
		expect(entry.nieuw).toEqual({ omschrijving: `bsn ${MASK.bsn} op ${MASK.adres}`, thema: 'x' });
		const latest = (await latestEdits(edits(), 'swot')).find((e) => e.audit_id === id)!;
		expect(latest.nieuw.omschrijving).toBe(`bsn ${MASK.bsn} op ${MASK.adres}`);
	});
});

describe('the activity log', () => {
	it('stores a detail built from a request with identifying data masked', async () => {
		logActivity({ gebruiker: 'an.visser', soort: 'bewerking', detail: '/swot wijzigen:kans:bel 06-12345678 of 111-222-333' });
		const [last] = await readActivity({ limit: 1 });
		expect(last.detail).toBe(`/swot wijzigen:kans:bel ${MASK.telefoon} of ${MASK.bsn}`);
	});
});

describe('ordinary text typed in the forms', () => {
	it.each(ORDINARY.map((t, i) => [t, i] as const))('stores %j as typed', async (text, i) => {
		const r = await post(werkplanActions.status as never, '/werkplannen/WP03?/status', { datum: day(100 + i), status: 'op_schema', toelichting: text }, beheerder(), { id: 'WP03' });
		expect(r).toBe('opgeslagen');
		const last = (await auditTrail(edits())).at(-1)!;
		expect(last.nieuw.toelichting).toBe(text);
	});
});

describe('a planted identifier in random text', () => {
	it('never reaches the edit store through the SWOT form', async () => {
		let n = 0;
		await fc.assert(
			fc.asyncProperty(plantedText, async ({ planted: p, text: t }) => {
				const omschrijving = `item ${t}`.slice(0, 500);
				const r = await post(swotActions.toevoegen as never, '/swot?/toevoegen', { wijk_code: 'WK990102', datum: '2025-09-01', kwadrant: 'zwakte', omschrijving }, beheerder());
				expect(r, omschrijving).toBe('opgeslagen');
				const last = (await auditTrail(edits())).at(-1)!;
				n++;
				expect(survives(JSON.stringify(last.nieuw), p), `${JSON.stringify(omschrijving)} -> ${JSON.stringify(last.nieuw.omschrijving)}`).toBe(false);
			}),
			{ numRuns: 40 }
		);
		expect(n).toBeGreaterThanOrEqual(40);
	}, 120_000);
});
