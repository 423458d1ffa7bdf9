// One import at a time: `<db>.lock`, taken with O_EXCL.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPath } from '../../pipelines/db/lock';
import { ingest } from '../../pipelines/ingest';
import { BASE_FILES, fixture, makeTempDir, rejection, sha256 } from './helpers';

let dir: string;
let db: string;

beforeEach(async () => {
	dir = makeTempDir();
	db = path.join(dir, 'monitor.duckdb');
	await ingest(db, BASE_FILES);
});

afterEach(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('the import lock', () => {
	it('refuses to run while another import holds the lock, and leaves that lock alone', async () => {
		const lock = lockPath(db);
		expect(lock).toBe(`${db}.lock`);
		fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, started_at: '2024-05-01T10:00:00.000Z' }));
		const before = sha256(db);

		const failure = await rejection(() => ingest(db, [fixture('verwijzingen.csv')]));
		expect(failure.errors).toHaveLength(1);
		const [error] = failure.errors;
		expect(error.rule).toBe('database-bezet');
		expect(error.file).toBe('monitor.duckdb');
		expect(error.message).toContain('er loopt al een import op deze database');
		expect(error.message).toContain(`proces ${process.pid}, gestart 2024-05-01T10:00:00.000Z`);
		expect(error.message).toContain(lock);

		expect(sha256(db)).toBe(before);
		expect(fs.existsSync(lock)).toBe(true);
	});

	it('says when the process that holds the lock is gone', async () => {
		// 2^22 + 1: above the largest pid Linux can hand out, so certainly not running.
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid: 4194305, started_at: '2024-05-01T10:00:00.000Z' }));
		const failure = await rejection(() => ingest(db, [fixture('verwijzingen.csv')]));
		expect(failure.errors[0].message).toContain('dat proces draait niet meer');
	});

	it('lets only one of two simultaneous imports run', async () => {
		const results = await Promise.allSettled([
			ingest(db, [fixture('verwijzingen.csv')]),
			ingest(db, [fixture('verwijzingen.csv')])
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
		const reason = (results[1] as PromiseRejectedResult).reason;
		expect(reason.errors[0].rule).toBe('database-bezet');
	});

	it('releases the lock after a success and after a failure', async () => {
		await ingest(db, [fixture('verwijzingen.csv')]);
		expect(fs.existsSync(lockPath(db))).toBe(false);
		await rejection(() => ingest(db, [fixture('praktijken_mojibake.csv')]));
		expect(fs.existsSync(lockPath(db))).toBe(false);
		await rejection(() => ingest(db, [fixture('verwijzingen.csv')], { today: '2024-01-01' }));
		expect(fs.existsSync(lockPath(db))).toBe(false);
	});
});
