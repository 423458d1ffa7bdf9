// The upload in the browser, below the page: files stored under a random id, a dry run shown
// first, the same files loaded on confirmation (who loaded recorded), a rollback, the activity log,
// and the files removed afterwards or when they expire. Each step runs the real pipeline as a
// child process on the fixtures of tests/fixtures/.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushActivity, readActivity } from '$lib/server/edits/activity';
import { edits } from '$lib/server/edits/store';
import { PENDING_TTL_MS } from '$lib/server/upload/config';
import { readEnquetes, readFiles, tooLarge } from '$lib/server/upload/form';
import { getPending, listPending, sweepExpired } from '$lib/server/upload/pending';
import { checkNewUpload, loadUpload, recheckUpload, rollbackDatabase } from '$lib/server/upload/service';
import { keptVersions } from '$lib/server/upload/versions';
import { uploadView } from '$lib/server/upload/view';

const root = path.resolve(import.meta.dirname, '../fixtures');
const chosen = (rel: string) => {
	const file = path.join(root, rel);
	return { name: path.basename(file), file: new File([fs.readFileSync(file)], path.basename(file)) };
};
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function query(db: string, sql: string): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	try {
		const conn = await instance.connect();
		const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
		conn.closeSync();
		return rows;
	} finally {
		instance.closeSync();
	}
}

const ENV = ['MONITOR_DB', 'MONITOR_EDITS_DB', 'MONITOR_UPLOAD_DIR'] as const;
const actor = { gebruikersnaam: 'beheerder', adres: '127.0.0.1' };
let dir: string;
let db: string;
let uploads: string;

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-upload-'));
	db = path.join(dir, 'monitor.duckdb');
	uploads = path.join(dir, 'uploads');
	process.env.MONITOR_DB = db;
	process.env.MONITOR_EDITS_DB = path.join(dir, 'edits.duckdb');
	process.env.MONITOR_UPLOAD_DIR = uploads;
});

afterEach(async () => {
	await flushActivity();
	await edits().close();
	for (const k of ENV) delete process.env[k];
	fs.rmSync(dir, { recursive: true, force: true });
});

// Each step starts a child process (about a second each); a loaded machine needs more than the default.
const SLOW = 120_000;

describe('check, confirm, roll back', () => {
	it('checks without storing, loads on confirmation, and rolls back to the file before', async () => {
		// A database to start from (first load: nothing to roll back to yet).
		const first = await checkNewUpload(actor, [chosen('pipelines/wijken.csv'), chosen('pipelines/praktijken.csv')], {});
		expect(first.ok).toBe(true);
		expect((await loadUpload(actor, first.upload!.id))?.ok).toBe(true);
		const before = sha256(db);

		// Step 1: the dry run. The report says what a load would do; the database is untouched.
		const check = await checkNewUpload(actor, [chosen('pipelines/verwijzingen_update.csv'), chosen('pipelines/populatie_wijk.csv')], {});
		if (!check.ok) throw new Error(JSON.stringify(check));
		expect(check.reports.map((r) => [r.file, r.dataset, r.loadId])).toEqual([
			['populatie_wijk.csv', 'populatie_wijk', 3],
			['verwijzingen_update.csv', 'verwijzingen', 4]
		]);
		expect(sha256(db)).toBe(before);
		const id = check.upload!.id;
		expect(fs.readdirSync(path.join(uploads, id, 'bestanden')).sort()).toEqual(['populatie_wijk.csv', 'verwijzingen_update.csv']);
		const view = uploadView(getPending('beheerder', id)!);
		expect(view.state).toBe('in-orde');
		expect(view.files.map((f) => f.report?.rowsRead)).toEqual([check.reports[1].rowsRead, check.reports[0].rowsRead]);

		// Another user cannot see or load it.
		expect(getPending('iemand-anders', id)).toBeNull();
		expect(await loadUpload({ gebruikersnaam: 'iemand-anders' }, id)).toBeNull();

		// Step 2: confirm. The same figures, the swap, who loaded, and the files are gone.
		const loaded = await loadUpload(actor, id);
		if (!loaded?.ok) throw new Error(JSON.stringify(loaded));
		const figures = (r: (typeof loaded.reports)[number]) => [r.file, r.dataset, r.loadId, r.rowsRead, r.rowsLoaded, r.rowsReplaced, r.rowsUnchanged];
		expect(loaded.reports.map(figures)).toEqual(check.reports.map(figures));
		expect(sha256(db)).not.toBe(before);
		expect(await query(db, `SELECT key, value FROM meta WHERE key LIKE 'geladen_door:%' ORDER BY key`)).toEqual(
			[1, 2, 3, 4].map((n) => ({ key: `geladen_door:${n}`, value: 'beheerder' }))
		);
		expect(fs.existsSync(path.join(uploads, id))).toBe(false);
		expect(getPending('beheerder', id)).toBeNull();

		// The previous file is kept, and the rollback puts it back byte for byte.
		expect(keptVersions(db).map((v) => v.lastLoadId)).toEqual([2]);
		const back = await rollbackDatabase(actor);
		if (!back.ok) throw new Error(JSON.stringify(back));
		expect(back.restored.lastLoadId).toBe(2);
		expect(back.removedLoads.map((l) => l.file)).toEqual(['populatie_wijk.csv', 'verwijzingen_update.csv']);
		expect(sha256(db)).toBe(before);
		expect(keptVersions(db)).toEqual([]);

		// Every step is in the activity log.
		const log = await readActivity();
		expect(log.map((e) => [e.soort, e.gebruiker, e.adres])).toContainEqual(['terugdraaien', 'beheerder', '127.0.0.1']);
		expect(log.find((e) => e.soort === 'terugdraaien')!.detail).toBe('teruggezet naar de versie tot en met laadnummer 2; niet meer in de database: laadnummer 3, 4');
		expect(log.filter((e) => e.soort === 'upload').map((e) => e.detail)).toContain(
			'geladen: populatie_wijk.csv (populatie_wijk, laadnummer 3), verwijzingen_update.csv (verwijzingen, laadnummer 4)'
		);
		expect(log.filter((e) => e.soort === 'upload').map((e) => e.detail)).toContain('gecontroleerd, niets geladen: verwijzingen_update.csv, populatie_wijk.csv; geen fouten');
	}, SLOW);

	it('shows the Dutch rule, line and column of a bad file, and will not load it', async () => {
		const base = await checkNewUpload(actor, [chosen('pipelines/wijken.csv')], {});
		await loadUpload(actor, base.upload!.id);
		const before = sha256(db);

		const check = await checkNewUpload(actor, [chosen('pipelines/praktijken_mojibake.csv')], {});
		if (check.ok) throw new Error('verwacht: fouten');
		expect(check.errors).toHaveLength(1);
		expect(check.errors[0]).toMatchObject({ file: 'praktijken_mojibake.csv', line: 2, column: 'praktijk_naam', rule: 'mojibake' });
		expect(check.errors[0].detail).toContain('de tekst bevat verminkte tekens');
		const view = uploadView(getPending('beheerder', check.upload!.id)!);
		expect(view.state).toBe('fouten');
		expect(view.files[0].errors.map((e) => e.rule)).toEqual(['mojibake']);

		expect(await loadUpload(actor, check.upload!.id)).toBeNull();
		expect(sha256(db)).toBe(before);
		expect(keptVersions(db)).toEqual([]);
	}, SLOW);

	it('asks for the enquete of a survey tool export, and checks again with the one chosen', async () => {
		const base = await checkNewUpload(actor, [chosen('pipelines/wijken.csv'), chosen('surveys/enquetes.csv'), chosen('surveys/enquete_vragen.csv')], {});
		expect((await loadUpload(actor, base.upload!.id))?.ok).toBe(true);

		const check = await checkNewUpload(actor, [chosen('surveys/limesurvey_lb24.csv')], {});
		expect(check.ok).toBe(false);
		const id = check.upload!.id;
		const view = uploadView(getPending('beheerder', id)!);
		expect(view.files.map((f) => [f.name, f.needsEnquete, f.errors.map((e) => e.rule)])).toEqual([['limesurvey_lb24.csv', true, ['enquete-onbekend']]]);

		const again = await recheckUpload(actor, id, { 'limesurvey_lb24.csv': 'LB24-BS' });
		if (!again?.ok) throw new Error(JSON.stringify(again));
		expect(again.reports.map((r) => [r.dataset, r.rowsLoaded])).toEqual([['limesurvey', 4]]);
		expect(uploadView(getPending('beheerder', id)!).files[0]).toMatchObject({ enquete: 'LB24-BS', needsEnquete: true });

		expect((await loadUpload(actor, id))?.ok).toBe(true);
		expect(await query(db, `SELECT count(*)::INTEGER AS n FROM enquete_responsen WHERE enquete_id = 'LB24-BS'`)).toEqual([{ n: 4 }]);
	}, SLOW);

	it('says nothing can be rolled back when no version is kept', async () => {
		const back = await rollbackDatabase(actor);
		expect(back).toMatchObject({ ok: false, errors: [{ rule: 'versie-ontbreekt' }] });
	}, SLOW);
});

describe('waiting uploads', () => {
	it('keep one per user, and expire after the time to live', async () => {
		const a = await checkNewUpload(actor, [chosen('pipelines/wijken.csv')], {});
		const b = await checkNewUpload(actor, [chosen('pipelines/wijken.csv')], {});
		expect(listPending('beheerder').map((u) => u.id)).toEqual([b.upload!.id]);
		expect(fs.existsSync(path.join(uploads, a.upload!.id))).toBe(false);
		sweepExpired(Date.now() + PENDING_TTL_MS + 1);
		expect(listPending('beheerder')).toEqual([]);
		expect(fs.readdirSync(uploads)).toEqual([]);
	}, SLOW);
});

describe('the upload form', () => {
	const form = (...files: File[]) => {
		const f = new FormData();
		for (const file of files) f.append('bestanden', file);
		return f;
	};
	const file = (name: string, text = 'a;b\n1;2\n') => new File([text], name);

	it('takes CSV and Excel files with their own names', () => {
		const r = readFiles(form(file('wijken.csv'), file('C:\\Users\\x\\praktijken.XLSX')));
		expect(r.ok && r.files.map((f) => f.name)).toEqual(['wijken.csv', 'praktijken.XLSX']);
	});

	it('refuses no files, other kinds, the same name twice and names that are paths only', () => {
		expect(readFiles(form())).toEqual({ ok: false, fout: 'Kies een of meer bestanden (CSV of XLSX) om te controleren.' });
		expect(readFiles(form(file('a.pdf')))).toMatchObject({ ok: false, fout: expect.stringContaining('alleen CSV- en Excel-bestanden') });
		expect(readFiles(form(file('a.csv'), file('A.csv')))).toMatchObject({ ok: false, fout: expect.stringContaining('Twee bestanden heten A.csv') });
		expect(readFiles(form(file('../')))).toMatchObject({ ok: false });
		expect(readFiles(form(file('-rf.csv')))).toMatchObject({ ok: false });
	});

	it('refuses a request over the limit by its length, in Dutch', () => {
		process.env.MONITOR_UPLOAD_MAX_MB = '1';
		try {
			expect(tooLarge(String(2 * 1024 * 1024))).toBe('De upload is 2 MB; er kan hoogstens 1 MB tegelijk worden geüpload. Upload de bestanden in delen.');
			expect(tooLarge('1000')).toBeNull();
			expect(tooLarge(null)).toBeNull();
		} finally {
			delete process.env.MONITOR_UPLOAD_MAX_MB;
		}
	});

	it('takes an enquete only from the database, per file or for all', () => {
		const known = new Set(['E1', 'E2']);
		const f = new FormData();
		f.set('enquete', 'E1');
		f.set('enquete:b.csv', 'E2');
		expect(readEnquetes(f, ['a.csv', 'b.csv'], known)).toEqual({ ok: true, enquetes: { 'a.csv': 'E1', 'b.csv': 'E2' } });
		const g = new FormData();
		g.set('enquete:a.csv', '');
		expect(readEnquetes(g, ['a.csv', 'b.csv'], known, { 'a.csv': 'E1', 'b.csv': 'E2' })).toEqual({ ok: true, enquetes: { 'b.csv': 'E2' } });
		const h = new FormData();
		h.set('enquete', 'ONBEKEND');
		expect(readEnquetes(h, ['a.csv'], known)).toMatchObject({ ok: false, fout: expect.stringContaining('staat niet in de database') });
	});
});
