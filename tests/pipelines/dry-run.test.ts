// The dry run (ingest(..., { dryRun: true }), `npm run ingest -- --controleer`): the same checks and
// the same load into a working copy as a real import, then the copy is thrown away.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, type FileReport } from '../../pipelines/ingest';
import { BASE_FILES, expectError, fixture, rejection, sha256, useTempDatabase } from './helpers';

let dir: string;
let db: string;
useTempDatabase((d, p) => ([dir, db] = [d, p]));

/** A report without its clock times, which differ between any two runs. */
const figures = ({ startedAt: _s, finishedAt: _f, ...rest }: FileReport) => rest;

describe('a dry run', () => {
	it('leaves the database byte for byte as it was, with nothing beside it', async () => {
		await ingest(db, BASE_FILES);
		const before = sha256(db);
		const stat = fs.statSync(db);
		const listing = fs.readdirSync(dir).sort();

		const reports = await ingest(db, [fixture('verwijzingen.csv'), fixture('populatie_wijk.csv')], { dryRun: true, loadedBy: 'beheerder' });
		expect(reports.map((r) => r.dataset)).toEqual(['populatie_wijk', 'verwijzingen']);
		expect(sha256(db)).toBe(before);
		expect(fs.statSync(db).ino).toBe(stat.ino);
		expect(fs.statSync(db).mtimeMs).toBe(stat.mtimeMs);
		expect(fs.readdirSync(dir).sort()).toEqual(listing);
	});

	it('reports exactly what the real load then does', async () => {
		await ingest(db, BASE_FILES);
		await ingest(db, [fixture('verwijzingen.csv')]);
		const files = [fixture('verwijzingen_update.csv'), fixture('populatie_praktijk.csv')];

		const dry = await ingest(db, files, { dryRun: true });
		const real = await ingest(db, files);
		expect(dry.map(figures)).toEqual(real.map(figures));
		// Something to compare: the update replaces rows and adds new ones.
		const update = dry.find((r) => r.file === 'verwijzingen_update.csv')!;
		expect(update.rowsReplaced).toBeGreaterThan(0);
		expect(update.rowsLoaded).toBeGreaterThan(update.rowsReplaced);
	});

	it('fails with the same errors as the real import, and leaves the database alone', async () => {
		await ingest(db, [fixture('wijken.csv')]);
		const before = sha256(db);
		const dry = await rejection(() => ingest(db, [fixture('praktijken_mojibake.csv')], { dryRun: true }));
		const real = await rejection(() => ingest(db, [fixture('praktijken_mojibake.csv')]));
		expect(dry.errors.map((e) => e.message)).toEqual(real.errors.map((e) => e.message));
		expectError(dry.errors, { file: 'praktijken_mojibake.csv', line: 2, column: 'praktijk_naam', rule: 'mojibake' });
		expect(sha256(db)).toBe(before);
	});

	it('does not create a database that is not there yet', async () => {
		const reports = await ingest(db, BASE_FILES, { dryRun: true });
		expect(reports.map((r) => [r.dataset, r.rowsLoaded, r.loadId])).toEqual([
			['wijken', 3, 1],
			['praktijken', 2, 2]
		]);
		expect(fs.readdirSync(dir)).toEqual([]);
	});

	it('holds the import lock while it runs', async () => {
		await ingest(db, BASE_FILES);
		const results = await Promise.allSettled([ingest(db, [fixture('verwijzingen.csv')], { dryRun: true }), ingest(db, [fixture('verwijzingen.csv')])]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
		expect((results[1] as PromiseRejectedResult).reason.errors[0].rule).toBe('database-bezet');
	});
});
