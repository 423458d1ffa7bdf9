// Earlier versions and the rollback (pipelines/db/versions.ts): an import keeps the file it
// replaces in <db>.versies/ (at most N, oldest removed), and a rollback swaps the newest back in,
// under the import lock.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadedByKey } from '$contract/provenance';
import { parseVersionFileName, versionFileName } from '$contract/versions';
import { lockPath } from '../../pipelines/db/lock';
import { DEFAULT_KEEP_VERSIONS, listVersions, rollback, versionsDir } from '../../pipelines/db/versions';
import { ingest } from '../../pipelines/ingest';
import { BASE_FILES, fixture, query, rejection, sha256, writeFile, useTempDatabase } from './helpers';

let dir: string;
let db: string;
useTempDatabase((d, p) => ([dir, db] = [d, p]));

/** A wijken file with one wijk renamed: each one changes the database. */
function wijkenVersion(n: number): string {
	return writeFile(dir, `wijken_${n}.csv`, `wijk_code;wijk_naam;gemeente_code;gemeente_naam\nWK034401;Noord ${n};GM0344;Utrecht\n`);
}

describe('version file names', () => {
	it('say when the version was replaced and its last load, and sort oldest first', () => {
		const name = versionFileName(new Date('2025-03-01T10:15:30.123Z'), 41);
		expect(name).toBe('20250301T101530123Z-41.duckdb');
		expect(parseVersionFileName(name)).toEqual({ name, savedAt: '2025-03-01T10:15:30.123Z', lastLoadId: 41 });
		expect(parseVersionFileName(versionFileName(new Date('2025-03-01T10:15:30.123Z'), 41, 2))?.lastLoadId).toBe(41);
		expect(parseVersionFileName('monitor.duckdb')).toBeNull();
		expect([versionFileName(new Date('2025-03-02T00:00:00Z'), 1), versionFileName(new Date('2025-03-01T23:59:59Z'), 9)].sort()[0]).toMatch(/^20250301/);
	});
});

describe('an import keeps the previous version', () => {
	it('keeps nothing when it creates the database', async () => {
		await ingest(db, BASE_FILES);
		expect(listVersions(db)).toEqual([]);
		expect(fs.existsSync(versionsDir(db))).toBe(false);
	});

	it('keeps the replaced file itself (a hard link: same inode, same bytes), named by its last load', async () => {
		await ingest(db, BASE_FILES);
		const before = { sha: sha256(db), ino: fs.statSync(db).ino };
		await ingest(db, [fixture('verwijzingen.csv')]);
		const [v] = listVersions(db);
		expect(v.lastLoadId).toBe(2);
		expect(sha256(v.path)).toBe(before.sha);
		expect(fs.statSync(v.path).ino).toBe(before.ino);
		expect(fs.statSync(db).ino).not.toBe(before.ino);
	});

	it(`keeps at most ${DEFAULT_KEEP_VERSIONS}, removing the oldest`, async () => {
		await ingest(db, BASE_FILES);
		const shas: string[] = [];
		for (let n = 1; n <= DEFAULT_KEEP_VERSIONS + 2; n++) {
			shas.push(sha256(db));
			await ingest(db, [wijkenVersion(n)]);
		}
		const kept = listVersions(db);
		expect(kept).toHaveLength(DEFAULT_KEEP_VERSIONS);
		expect(kept.map((v) => sha256(v.path))).toEqual(shas.slice(-DEFAULT_KEEP_VERSIONS));
		expect(kept.map((v) => v.lastLoadId)).toEqual([4, 5, 6, 7, 8]);
		expect(fs.readdirSync(versionsDir(db))).toHaveLength(DEFAULT_KEEP_VERSIONS);
	});

	it('keeps as many as asked, or none', async () => {
		await ingest(db, BASE_FILES);
		for (let n = 1; n <= 3; n++) await ingest(db, [wijkenVersion(n)], { keepVersions: 2 });
		expect(listVersions(db)).toHaveLength(2);
		await ingest(db, [wijkenVersion(4)], { keepVersions: 0 });
		expect(listVersions(db)).toHaveLength(2);
	});

	it('keeps nothing for a failed import or a dry run', async () => {
		await ingest(db, BASE_FILES);
		await rejection(() => ingest(db, [fixture('praktijken_mojibake.csv')]));
		await ingest(db, [fixture('verwijzingen.csv')], { dryRun: true });
		expect(listVersions(db)).toEqual([]);
	});
});

describe('rollback', () => {
	it('puts the previous file back exactly, and says which loads left', async () => {
		await ingest(db, BASE_FILES);
		const first = sha256(db);
		await ingest(db, [fixture('verwijzingen.csv')]);
		const second = sha256(db);
		await ingest(db, [fixture('verwijzingen_update.csv'), fixture('populatie_wijk.csv')]);

		const report = await rollback(db);
		expect(sha256(db)).toBe(second);
		expect(report.restored.lastLoadId).toBe(3);
		expect(report.removedLoads).toEqual([
			{ loadId: 4, file: 'populatie_wijk.csv', dataset: 'populatie_wijk' },
			{ loadId: 5, file: 'verwijzingen_update.csv', dataset: 'verwijzingen' }
		]);
		expect(listVersions(db)).toHaveLength(1);

		// A second rollback goes one further back.
		await rollback(db);
		expect(sha256(db)).toBe(first);
		expect(listVersions(db)).toEqual([]);
		expect(fs.existsSync(lockPath(db))).toBe(false);
	});

	it('refuses when no version is kept', async () => {
		await ingest(db, BASE_FILES);
		const before = sha256(db);
		const e = await rejection(() => rollback(db));
		expect(e.errors.map((x) => x.rule)).toEqual(['versie-ontbreekt']);
		expect(e.errors[0].message).toContain('er is geen eerdere versie van de database bewaard');
		expect(sha256(db)).toBe(before);
	});

	it('refuses while an import holds the lock, and changes nothing', async () => {
		await ingest(db, BASE_FILES);
		await ingest(db, [fixture('verwijzingen.csv')]);
		const before = sha256(db);
		const kept = listVersions(db).map((v) => sha256(v.path));
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid: process.pid, started_at: new Date().toISOString() }));

		const e = await rejection(() => rollback(db));
		expect(e.errors.map((x) => x.rule)).toEqual(['database-bezet']);
		expect(sha256(db)).toBe(before);
		expect(listVersions(db).map((v) => sha256(v.path))).toEqual(kept);
		expect(fs.existsSync(lockPath(db))).toBe(true);
	});

	it('refuses when a WAL lies beside the database', async () => {
		await ingest(db, BASE_FILES);
		await ingest(db, [fixture('verwijzingen.csv')]);
		fs.writeFileSync(`${db}.wal`, 'x');
		const e = await rejection(() => rollback(db));
		expect(e.errors.map((x) => x.rule)).toEqual(['database-onleesbaar']);
		expect(listVersions(db)).toHaveLength(1);
	});
});

describe('who loaded', () => {
	it('is kept per load in meta, and a dry run keeps nothing', async () => {
		const reports = await ingest(db, BASE_FILES, { loadedBy: 'beheerder' });
		await ingest(db, [fixture('verwijzingen.csv')], { loadedBy: 'iemand', dryRun: true });
		await ingest(db, [fixture('verwijzingen.csv')]);
		const rows = await query(db, `SELECT key, value FROM meta WHERE key LIKE 'geladen_door:%' ORDER BY key`);
		expect(rows).toEqual(reports.map((r) => ({ key: loadedByKey(r.loadId), value: 'beheerder' })));
	});
});
