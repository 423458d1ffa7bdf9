// Database.memo: results kept per version of the database file, scope and question.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, MAX_RESULT_ROWS, weightOf } from '$lib/server/db/database';
import { parseFilters } from '$lib/server/referrals/filters';
import { referralRates } from '$lib/server/referrals/verwijzingen';
import { createFixtureDb, FIXTURE_REFERRALS } from '../fixtures/fixture-db';

let dir: string;
let file: string;
beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-memo-'));
	file = path.join(dir, 'monitor.duckdb');
	await createFixtureDb(file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Database.memo', () => {
	it('computes once per question and shares concurrent requests', async () => {
		const db = new Database(file);
		let runs = 0;
		const compute = async () => ++runs;
		const [a, b] = await Promise.all([db.memo('q', [1], compute), db.memo('q', [1], compute)]);
		expect([a, b, runs]).toEqual([1, 1, 1]);
		expect(await db.memo('q', [2], compute)).toBe(2);
		expect(await db.memo('q', [1], compute)).toBe(1);
		expect(await db.memo('r', [1], compute)).toBe(3);
		db.close();
	});

	it('keeps results by the rows they hold: the least recently used go first, one too large is not kept', async () => {
		const db = new Database(file);
		const runs: Record<string, number> = {};
		const rows = (name: string, n: number) => async () => {
			runs[name] = (runs[name] ?? 0) + 1;
			return Array.from({ length: n }, () => 0);
		};
		const big = Math.floor(MAX_RESULT_ROWS * 0.4);
		await db.memo('a', [], rows('a', big));
		await db.memo('b', [], rows('b', big));
		await db.memo('a', [], rows('a', big)); // a is now the most recent
		await db.memo('c', [], rows('c', big)); // 3 x 0.4 > 1: b, the least recent, goes
		await db.memo('a', [], rows('a', big));
		await db.memo('c', [], rows('c', big));
		expect(runs).toEqual({ a: 1, b: 1, c: 1 });
		await db.memo('b', [], rows('b', big));
		expect(runs.b).toBe(2);
		const huge = await db.memo('h', [], rows('h', MAX_RESULT_ROWS + 1));
		expect(huge).toHaveLength(MAX_RESULT_ROWS + 1);
		await db.memo('h', [], rows('h', MAX_RESULT_ROWS + 1));
		expect(runs.h).toBe(2);
		db.close();
	});

	it('weighs a result by its rows', () => {
		expect(weightOf([1, 2, 3])).toBe(3);
		expect(weightOf({ rows: [1, 2], more: [3, 4, 5], k: 5 })).toBe(5);
		expect(weightOf(42)).toBe(1);
		expect(weightOf([])).toBe(1);
	});

	it('does not keep a failure', async () => {
		const db = new Database(file);
		let runs = 0;
		const flaky = async () => {
			if (++runs === 1) throw new Error('eerste keer mis');
			return 'gelukt';
		};
		await expect(db.memo('f', [], flaky)).rejects.toThrow('eerste keer mis');
		expect(await db.memo('f', [], flaky)).toBe('gelukt');
		db.close();
	});

	it('keeps scopes apart', async () => {
		const db = new Database(file);
		const scoped = db.scoped({ gemeenten: ['GM9901'], wijken: null });
		const all = await referralRates(db, parseFilters(new URLSearchParams('niveau=gemeente&periode=jaar')), 5);
		const own = await referralRates(scoped, parseFilters(new URLSearchParams('niveau=gemeente&periode=jaar')), 5);
		expect(new Set(all.map((r) => r.niveau_code))).toEqual(new Set(['GM9901', 'GM9902']));
		expect(new Set(own.map((r) => r.niveau_code))).toEqual(new Set(['GM9901']));
		db.close();
	});

	it('starts afresh when a new version of the file is swapped in', async () => {
		const db = new Database(file);
		const q = parseFilters(new URLSearchParams('niveau=gemeente&periode=jaar&lijn=alle'));
		const before = await referralRates(db, q, 5);
		expect(await referralRates(db, q, 5)).toBe(before);
		// The same data without Proefdorp's referrals, renamed over the file as an import does.
		const next = path.join(dir, 'next.duckdb');
		await createFixtureDb(next, FIXTURE_REFERRALS.filter((r) => r[1] !== 'WK990201'));
		fs.renameSync(next, file);
		const after = await referralRates(db, q, 5);
		expect(after).not.toBe(before);
		expect(after.filter((r) => r.niveau_code === 'GM9902').every((r) => r.verwijzingen === 0)).toBe(true);
		expect(before.some((r) => r.niveau_code === 'GM9902' && r.verwijzingen !== 0)).toBe(true);
		db.close();
	});

	it('tells listeners about every new version, so the default views can be computed before anyone asks', async () => {
		const db = new Database(file);
		const seen: string[] = [];
		db.onNewVersion(async (d) => {
			const rows = await d.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM verwijzingen');
			seen.push(String(rows[0].n));
		});
		await db.query('SELECT 1');
		await new Promise((r) => setTimeout(r, 50));
		const next = path.join(dir, 'next2.duckdb');
		await createFixtureDb(next, FIXTURE_REFERRALS.slice(0, 10));
		fs.renameSync(next, file);
		await db.query('SELECT 1');
		await new Promise((r) => setTimeout(r, 50));
		expect(seen.length).toBe(2);
		expect(seen[1]).toBe('10');
		db.close();
	});
});
