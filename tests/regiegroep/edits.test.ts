// Edits in the app: each one appended to the audit trail (who, when, old with its source, new),
// combined with the imported records at query time, kept across a restart, and weighed against a
// later import by the precedence rule (docs/regiegroep.md). On the fixture portfolio of
// tests/fixtures/regiegroep/; expected values are worked out by hand from those files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { MASK } from '$contract/privacy';
import { Database } from '$lib/server/db/database';
import { addStatusUpdate, addSwotItem, closeSwotItem, EditError, editSwotItem, setMilestone, undoEdit, type EditContext } from '$lib/server/edits/regiegroep';
import { EditStore } from '$lib/server/edits/store';
import { auditTrail, keyText } from '$lib/server/edits/history';
import { regiegroepData, swotData } from '$lib/server/regiegroep/queries';
import { meetingView, swotView } from '$lib/regiegroep/views';
import { createRegiegroepDb, regiegroepFixture } from '../fixtures/regiegroep-db';

let baseDir: string;
let baseDb: string;
let dir: string;
let db: Database;
let store: EditStore;
let dbPath: string;

beforeAll(async () => {
	baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-edits-base-'));
	baseDb = path.join(baseDir, 'monitor.duckdb');
	await createRegiegroepDb(baseDb);
});
afterAll(() => fs.rmSync(baseDir, { recursive: true, force: true }));

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-edits-'));
	dbPath = path.join(dir, 'monitor.duckdb');
	fs.copyFileSync(baseDb, dbPath);
	db = new Database(dbPath);
	store = new EditStore(path.join(dir, 'edits.duckdb'));
});
afterEach(async () => {
	db.close();
	await store.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const ctx = (wie: string, now?: string): EditContext => ({ db, store, wie, door: wie.toLowerCase().replace(/\s+/g, '.'), now: now ? new Date(now) : undefined });
const voortgangOf = async (werkplan: string, datum: string) =>
	(await regiegroepData(db, store)).voortgang.find((c) => c.key === keyText([werkplan, datum]));
const loadIdOf = async (file: string) =>
	(await db.query<{ load_id: number }>(`SELECT max(load_id) AS load_id FROM loads WHERE file_name = $f`, { f: file }))[0].load_id;

describe('status updates', () => {
	it('adds a new update with who and when, masked, and shows it as the current status', async () => {
		const id = await addStatusUpdate(ctx('Fatima de Vries', '2025-10-10T08:30:00.000Z'), {
			werkplan_id: 'WP02',
			datum: '2025-10-10',
			status: 'achter',
			toelichting: 'Groepsruimte kwijt; bel de coördinator op 06-12345678',
			vergadering: '2025-10-14'
		});
		expect(id).toBe(1);
		const [row] = await auditTrail(store);
		expect(row).toEqual({
			audit_id: 1,
			tijdstip: '2025-10-10T08:30:00.000Z',
			wie: 'Fatima de Vries',
			door: 'fatima.de.vries',
			soort: 'voortgang',
			actie: 'toegevoegd',
			sleutel: ['WP02', '2025-10-10'],
			werkplan_id: 'WP02',
			wijk_code: null,
			oud: null,
			oud_bron: null,
			nieuw: {
				werkplan_id: 'WP02',
				datum: '2025-10-10',
				status: 'achter',
				toelichting: `Groepsruimte kwijt; bel de coördinator op ${MASK.telefoon}`,
				vergadering: '2025-10-14'
			}
		});
		const combined = await voortgangOf('WP02', '2025-10-10');
		expect(combined).toMatchObject({ bron: 'app', import: null, app: { wie: 'Fatima de Vries' } });

		// At the meeting of 14 October WP02 now changed status too (it was op_schema since 18-08).
		const view = meetingView(await regiegroepData(db, store), '2025-10-14', '2025-10-14');
		expect(view.changes.statuswijzigingen.map((s) => [s.werkplan.werkplan_id, s.voor?.status ?? null, s.na.status])).toEqual([
			['WP04', null, 'op_schema'],
			['WP02', 'op_schema', 'achter'],
			['WP01', 'op_schema', 'aandacht']
		]);
		expect(view.changes.statuswijzigingen[1].na.herkomst).toEqual({ bron: 'app', door: 'Fatima de Vries', op: '2025-10-10T08:30:00.000Z' });
	});

	it('replaces an imported update with a trace: the old value and its source are in the trail', async () => {
		const importLoad = await loadIdOf('voortgang.csv');
		await addStatusUpdate(ctx('Jan Bakker'), { werkplan_id: 'WP01', datum: '2025-10-07', status: 'achter', toelichting: 'Fysiotherapeut langdurig ziek', vergadering: '2025-10-14' });
		const [row] = await auditTrail(store, { werkplan_id: 'WP01' });
		expect(row.actie).toBe('gewijzigd');
		expect(row.oud).toEqual({ werkplan_id: 'WP01', datum: '2025-10-07', status: 'aandacht', toelichting: 'Uitval door ziekte bij de fysiotherapeut', vergadering: '2025-10-14' });
		expect(row.oud_bron).toBe(`import:${importLoad}`);
		const c = await voortgangOf('WP01', '2025-10-07');
		expect(c).toMatchObject({ bron: 'app', overschreven: true, value: { status: 'achter' }, import: { value: { status: 'aandacht' } } });
	});

	it('refuses an update of an unknown werkplan and records nothing', async () => {
		await expect(addStatusUpdate(ctx('X'), { werkplan_id: 'WP99', datum: '2025-10-10', status: 'op_schema', toelichting: null, vergadering: null })).rejects.toThrow(EditError);
		expect(await auditTrail(store)).toEqual([]);
	});
});

describe('milestones', () => {
	// Edits of imported records are made now (after the import): an edit dated before the import that
	// last changed the record would lose to it (see 'persistence and imports').
	it('ticks off a milestone and opens it again, each step in the trail', async () => {
		await setMilestone(ctx('Anouk'), { werkplan_id: 'WP03', mijlpaal_id: 'M2', gereed_op: '2025-10-20' });
		await setMilestone(ctx('Piet'), { werkplan_id: 'WP03', mijlpaal_id: 'M2', gereed_op: null });
		const trail = await auditTrail(store, { werkplan_id: 'WP03' });
		expect(trail.map((e) => [e.audit_id, e.wie, e.actie, e.oud?.gereed_op, e.nieuw.gereed_op, e.oud_bron?.split(':')[0]])).toEqual([
			[1, 'Anouk', 'gereed', null, '2025-10-20', 'import'],
			[2, 'Piet', 'heropend', '2025-10-20', null, 'app']
		]);
		expect(trail[1].oud_bron).toBe('app:1');
		const m = (await regiegroepData(db, store)).mijlpalen.find((c) => c.key === keyText(['WP03', 'M2']))!;
		expect(m.value).toEqual({ werkplan_id: 'WP03', mijlpaal_id: 'M2', omschrijving: 'Financiering rond', deadline: '2025-09-30', gereed_op: null });
		expect(m.bron).toBe('app');
	});

	it('refuses an unknown milestone', async () => {
		await expect(setMilestone(ctx('X'), { werkplan_id: 'WP03', mijlpaal_id: 'M9', gereed_op: '2025-10-20' })).rejects.toThrow(/Mijlpaal M9/);
	});
});

describe('SWOT items', () => {
	it('adds, edits and closes an item; the trail has every step and the SWOT shows the result', async () => {
		const itemId = await addSwotItem(
			ctx('Regiegroep', '2025-10-15T10:00:00.000Z'),
			{ wijk_code: 'WK990101', datum: '2025-10-01', kwadrant: 'bedreiging', omschrijving: 'Vertrek van de wijkverpleegkundige', thema: 'personeel' },
			new Set(['WK990101'])
		);
		expect(itemId).toMatch(/^app-[0-9a-f]{8}$/);
		const target = { wijk_code: 'WK990101', datum: '2025-10-01', item_sleutel: `id:${itemId}` };
		await editSwotItem(ctx('Regiegroep'), target, { kwadrant: 'zwakte', omschrijving: 'Vacature wijkverpleegkundige', thema: 'personeel' });
		// An imported item without id is edited by its key (quadrant and normalised text).
		await closeSwotItem(ctx('Regiegroep'), { wijk_code: 'WK990101', datum: '2025-10-01', item_sleutel: 'id:Z2' }, '2025-10-17');

		const trail = await auditTrail(store, { wijk_code: 'WK990101' });
		expect(trail.map((e) => [e.actie, e.oud?.kwadrant ?? null, e.nieuw.kwadrant, e.oud?.afgesloten_op ?? null, e.nieuw.afgesloten_op])).toEqual([
			['toegevoegd', null, 'bedreiging', null, null],
			['gewijzigd', 'bedreiging', 'zwakte', null, null],
			['afgesloten', 'zwakte', 'zwakte', null, '2025-10-17']
		]);
		expect(trail[2].oud_bron).toMatch(/^import:\d+$/);

		const records = await swotData(db, store);
		// On 16 October Z2 is still open, next to the new weakness; from 17 October it is closed.
		const before = swotView(records, 'WK990101', '2025-10-16', null);
		expect(before.snapshot.items.zwakte.map((i) => i.omschrijving)).toEqual(['Communicatie over urgente meldingen is traag', 'Vacature wijkverpleegkundige']);
		const after = swotView(records, 'WK990101', '2025-10-17', '2025-10-16');
		expect(after.snapshot.items.zwakte.map((i) => i.omschrijving)).toEqual(['Vacature wijkverpleegkundige']);
		expect(after.vergelijking?.diff.zwakte.opgelost.map((i) => i.item_id)).toEqual(['Z2']);
		expect(after.snapshot.gesloten.map((i) => i.item_id)).toEqual(['Z2']);
	});

	it('never changes an earlier row of the trail', async () => {
		await addStatusUpdate(ctx('A', '2025-10-10T10:00:00.000Z'), { werkplan_id: 'WP02', datum: '2025-10-10', status: 'aandacht', toelichting: 'eerste', vergadering: null });
		const first = await auditTrail(store);
		await addStatusUpdate(ctx('B', '2025-10-11T10:00:00.000Z'), { werkplan_id: 'WP02', datum: '2025-10-10', status: 'achter', toelichting: 'tweede', vergadering: null });
		await addStatusUpdate(ctx('C', '2025-10-12T10:00:00.000Z'), { werkplan_id: 'WP02', datum: '2025-10-10', status: 'op_schema', toelichting: 'derde', vergadering: null });
		const all = await auditTrail(store);
		expect(all).toHaveLength(3);
		expect(all[0]).toEqual(first[0]);
		expect(all.map((e) => [e.wie, e.oud?.toelichting ?? null, e.nieuw.toelichting])).toEqual([
			['A', null, 'eerste'],
			['B', 'eerste', 'tweede'],
			['C', 'tweede', 'derde']
		]);
		expect((await voortgangOf('WP02', '2025-10-10'))?.value.toelichting).toBe('derde');
	});
});

describe('undo', () => {
	const by = (gebruikersnaam: string, beheerder = false) => ({ gebruikersnaam, beheerder });

	it('puts back the imported milestone; the undo is itself in the trail', async () => {
		const id = await setMilestone(ctx('Anouk'), { werkplan_id: 'WP03', mijlpaal_id: 'M2', gereed_op: '2025-10-20' });
		const undo = await undoEdit(ctx('Anouk'), id, by('anouk'));
		const trail = await auditTrail(store, { werkplan_id: 'WP03' });
		expect(trail.map((e) => [e.audit_id, e.actie, e.door, e.oud?.gereed_op, e.nieuw.gereed_op])).toEqual([
			[id, 'gereed', 'anouk', null, '2025-10-20'],
			[undo, 'ongedaan', 'anouk', '2025-10-20', null]
		]);
		const m = (await regiegroepData(db, store)).mijlpalen.find((c) => c.key === keyText(['WP03', 'M2']))!;
		expect(m.value.gereed_op).toBeNull();
	});

	it('removes a SWOT item that the undone edit added', async () => {
		const itemId = await addSwotItem(ctx('Regiegroep'), { wijk_code: 'WK990101', datum: '2025-10-01', kwadrant: 'kans', omschrijving: 'Nieuw buurthuis', thema: null }, new Set(['WK990101']));
		const [added] = await auditTrail(store, { wijk_code: 'WK990101' });
		expect((await swotData(db, store)).some((r) => r.value.item_id === itemId)).toBe(true);
		await undoEdit(ctx('Beheerder'), added.audit_id, by('beheerder', true));
		expect((await swotData(db, store)).some((r) => r.value.item_id === itemId)).toBe(false);
	});

	it('only the editor or a beheerder, and only the latest edit of a record', async () => {
		const first = await setMilestone(ctx('Anouk'), { werkplan_id: 'WP03', mijlpaal_id: 'M2', gereed_op: '2025-10-20' });
		await expect(undoEdit(ctx('Piet'), first, by('piet'))).rejects.toMatchObject({ status: 403, message: expect.stringContaining('alleen uw eigen wijzigingen') });
		await setMilestone(ctx('Piet'), { werkplan_id: 'WP03', mijlpaal_id: 'M2', gereed_op: null });
		await expect(undoEdit(ctx('Anouk'), first, by('anouk'))).rejects.toMatchObject({ status: 409 });
		await expect(undoEdit(ctx('Anouk'), 999, by('anouk', true))).rejects.toBeInstanceOf(EditError);
		expect(await auditTrail(store)).toHaveLength(2);
	});

	it('cannot reach an edit outside the scope', async () => {
		const id = await setMilestone(ctx('Anouk'), { werkplan_id: 'WP03', mijlpaal_id: 'M2', gereed_op: '2025-10-20' });
		// WP03 is a werkplan of WK990102; a user of WK990101 does not see it, nor its edit.
		const scoped = { ...ctx('Noord'), db: db.scoped({ gemeenten: null, wijken: ['WK990101'] }) };
		await expect(undoEdit(scoped, id, by('noord', true))).rejects.toMatchObject({ status: 404 });
		const data = await regiegroepData(scoped.db, store);
		expect(data.werkplannen.map((w) => w.werkplan_id)).toEqual(expect.arrayContaining(['WP01', 'WP02', 'WP04']));
		expect(data.werkplannen.map((w) => w.werkplan_id)).not.toContain('WP03');
		expect(data.mijlpalen.some((m) => m.value.werkplan_id === 'WP03')).toBe(false);
	});

	it('an item added in the app for another wijk is not seen within a scope', async () => {
		await addSwotItem(ctx('Regiegroep'), { wijk_code: 'WK990102', datum: '2025-10-01', kwadrant: 'kans', omschrijving: 'Zuid-item', thema: null }, new Set(['WK990102']));
		const scoped = db.scoped({ gemeenten: null, wijken: ['WK990101'] });
		expect((await swotData(scoped, store)).map((r) => r.value.wijk_code)).not.toContain('WK990102');
		expect((await swotData(db, store)).some((r) => r.value.omschrijving === 'Zuid-item')).toBe(true);
	});
});

describe('a database from before the regiegroep tables', () => {
	it('gives empty pages instead of an error', async () => {
		const old = path.join(dir, 'oud.duckdb');
		const instance = await DuckDBInstance.create(old);
		const conn = await instance.connect();
		await conn.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL); CREATE TABLE wijken (wijk_code VARCHAR)`);
		conn.closeSync();
		instance.closeSync();
		const oldDb = new Database(old);
		try {
			expect(await regiegroepData(oldDb, store)).toEqual({ werkplannen: [], mijlpalen: [], voortgang: [] });
			expect(await swotData(oldDb, store)).toEqual([]);
		} finally {
			oldDb.close();
		}
	});
});

describe('persistence and imports', () => {
	it('lets an import that changed a record after an edit win over that edit', async () => {
		// An edit stamped before the fixture import (which happened just now) loses to it.
		await setMilestone(ctx('Anouk', '2025-10-20T09:00:00.000Z'), { werkplan_id: 'WP03', mijlpaal_id: 'M2', gereed_op: '2025-10-20' });
		const m = (await regiegroepData(db, store)).mijlpalen.find((c) => c.key === keyText(['WP03', 'M2']))!;
		expect(m).toMatchObject({ bron: 'import', overschreven: true, value: { gereed_op: null }, app: { wie: 'Anouk', merged: { gereed_op: '2025-10-20' } } });
	});

	it('keeps every edit across a restart of the store', async () => {
		await addStatusUpdate(ctx('Fatima'), { werkplan_id: 'WP04', datum: '2025-10-20', status: 'aandacht', toelichting: 'Wacht op de gemeente', vergadering: null });
		await setMilestone(ctx('Fatima'), { werkplan_id: 'WP01', mijlpaal_id: 'M3', gereed_op: '2025-10-28' });
		const before = await auditTrail(store);
		await store.close();
		store = new EditStore(path.join(dir, 'edits.duckdb'));
		expect(await auditTrail(store)).toEqual(before);
		expect((await voortgangOf('WP04', '2025-10-20'))?.value.status).toBe('aandacht');
		expect(fs.readdirSync(dir).filter((f) => f.startsWith('edits.duckdb'))).toEqual(['edits.duckdb']);
	});

	it('an unchanged re-import keeps the edit; a changed row imported later wins; the trail stays intact', async () => {
		await addStatusUpdate(ctx('Jan'), { werkplan_id: 'WP01', datum: '2025-10-07', status: 'achter', toelichting: 'Fysiotherapeut langdurig ziek', vergadering: '2025-10-14' });
		await setMilestone(ctx('Jan'), { werkplan_id: 'WP01', mijlpaal_id: 'M3', gereed_op: '2025-10-29' });
		const trail = await auditTrail(store);

		// 1. The same voortgang.csv again: no row changes, so its time stays before the edit.
		await ingest(dbPath, [regiegroepFixture('voortgang.csv'), regiegroepFixture('mijlpalen.csv')]);
		expect(await voortgangOf('WP01', '2025-10-07')).toMatchObject({ bron: 'app', value: { status: 'achter' } });

		// 2. The secretary delivers a corrected row for the same key: the import is later and wins.
		const correction = path.join(dir, 'voortgang_correctie.csv');
		fs.writeFileSync(correction, 'werkplan_id;datum;status;toelichting;vergadering\nWP01;2025-10-07;aandacht;Vervanger gevonden voor de fysiotherapeut;2025-10-14\n');
		await ingest(dbPath, [correction]);
		const c = (await voortgangOf('WP01', '2025-10-07'))!;
		expect(c.bron).toBe('import');
		expect(c.value.toelichting).toBe('Vervanger gevonden voor de fysiotherapeut');
		expect(c.import?.bestand).toBe('voortgang_correctie.csv');
		// Both versions remain visible, and the milestone the import did not touch keeps its edit.
		expect(c.overschreven).toBe(true);
		expect(c.app).toMatchObject({ wie: 'Jan', merged: { status: 'achter' } });
		expect((await regiegroepData(db, store)).mijlpalen.find((m) => m.key === keyText(['WP01', 'M3']))?.value.gereed_op).toBe('2025-10-29');
		expect(await auditTrail(store)).toEqual(trail);

		// 3. A new edit after that import wins again, and records the import as what it replaced.
		await addStatusUpdate(ctx('Jan'), { werkplan_id: 'WP01', datum: '2025-10-07', status: 'op_schema', toelichting: 'Weer op schema', vergadering: '2025-10-14' });
		const last = (await auditTrail(store)).at(-1)!;
		expect(last.oud).toMatchObject({ status: 'aandacht', toelichting: 'Vervanger gevonden voor de fysiotherapeut' });
		expect(last.oud_bron).toBe(`import:${await loadIdOf('voortgang_correctie.csv')}`);
		expect(await voortgangOf('WP01', '2025-10-07')).toMatchObject({ bron: 'app', value: { status: 'op_schema' } });
	});
});
