// One import at a time: `<db>.lock`, taken with O_EXCL; a lock whose process is gone is taken over.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acquireLock, lockPath } from '../../pipelines/db/lock';
import { ingest } from '../../pipelines/ingest';
import { BASE_FILES, fixture, makeTempDir, query, rejection, sha256 } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The pid of a process that has run and exited: certainly not running (until the pid is reused). */
function finishedPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(child.stdout);
}

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

	it('refuses while an import on another machine holds the lock (its pid says nothing here)', async () => {
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid: finishedPid(), host: 'andere-server', started_at: '2024-05-01T10:00:00.000Z' }));
		const failure = await rejection(() => ingest(db, [fixture('verwijzingen.csv')]));
		expect(failure.errors[0].rule).toBe('database-bezet');
		expect(failure.errors[0].message).toContain('op andere-server, gestart 2024-05-01T10:00:00.000Z');
		expect(fs.existsSync(lockPath(db))).toBe(true);
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

	it('takes over the lock of a process that is gone (kill -9), with a Dutch warning, and loads', async () => {
		const pid = finishedPid();
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid, host: os.hostname(), started_at: '2024-05-01T10:00:00.000Z', token: 'oud' }));
		const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		try {
			const [report] = await ingest(db, [fixture('verwijzingen.csv')]);
			expect(report.rowsLoaded).toBe(4);
			expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([
				`Waarschuwing: monitor.duckdb: vergrendeling van proces ${pid}, gestart 2024-05-01T10:00:00.000Z, overgenomen; ` +
					`dat proces draaide niet meer (${lockPath(db)})\n`
			]);
		} finally {
			stderr.mockRestore();
		}
		expect(await query(db, 'SELECT count(*)::INT AS n FROM verwijzingen')).toEqual([{ n: 4 }]);
		// Released after the load like any lock, and no leftovers of the takeover.
		expect(fs.readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
	});

	it('after kill -9 of a running import, the next import takes over its lock and loads', async () => {
		// An import that takes a few seconds: 60,000 referrals.
		const rows = Array.from({ length: 60_000 }, (_, i) => `K${String(i).padStart(6, '0')};2024-01-15;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c001;`);
		const big = path.join(dir, 'verwijzingen_groot.csv');
		fs.writeFileSync(big, ['verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein;client_pseudo;terugkoppeling_datum', ...rows].join('\n'));
		const before = sha256(db);
		const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipelines/cli.ts'), '--db', db, big], { cwd: ROOT, stdio: 'ignore' });
		const exited = new Promise((resolve) => child.on('exit', resolve));
		const deadline = Date.now() + 20_000;
		while (!fs.existsSync(lockPath(db)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		expect(fs.existsSync(lockPath(db))).toBe(true);
		child.kill('SIGKILL');
		await exited;
		expect(fs.existsSync(lockPath(db))).toBe(true);
		expect(sha256(db)).toBe(before);

		const warnings: string[] = [];
		const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((t) => (warnings.push(String(t)), true));
		try {
			expect((await ingest(db, [fixture('verwijzingen.csv')]))[0].rowsLoaded).toBe(4);
		} finally {
			stderr.mockRestore();
		}
		expect(warnings).toEqual([expect.stringContaining(`vergrendeling van proces ${child.pid}, gestart `)]);
		expect(fs.readdirSync(dir).filter((f) => f.includes('.lock') || f.includes('.tmp-'))).toEqual([]);
	});

	it('takes over a lock of an older version (no host) and a half-written one that has been left for a while', () => {
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid: finishedPid(), started_at: '2024-05-01T10:00:00.000Z' }));
		const warnings: string[] = [];
		acquireLock(db, { onWarning: (m) => warnings.push(m) }).release();
		expect(warnings).toHaveLength(1);

		// Empty: a crash between creating the file and writing it. Fresh, it may still be written.
		fs.writeFileSync(lockPath(db), '');
		expect(() => acquireLock(db, { onWarning: (m) => warnings.push(m) })).toThrow('er loopt al een import op deze database');
		const old = new Date(Date.now() - 60_000);
		fs.utimesSync(lockPath(db), old, old);
		const lock = acquireLock(db, { onWarning: (m) => warnings.push(m) });
		expect(lock.takenOver?.pid).toBeUndefined();
		expect(warnings[1]).toBe(`monitor.duckdb: vergrendeling van een onbekend proces overgenomen; dat proces draaide niet meer (${lockPath(db)})`);
		lock.release();
		expect(fs.existsSync(lockPath(db))).toBe(false);
	});

	it('lets exactly one of several processes have the lock when they find the same stale lock at once', async () => {
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid: finishedPid(), host: os.hostname(), started_at: '2024-05-01T10:00:00.000Z' }));
		// Each child says it is ready, waits for "go" on stdin, tries to take the lock, says how it went,
		// and holds what it got until stdin closes (after every child has tried).
		const script = `
			import { acquireLock } from ${JSON.stringify(path.join(ROOT, 'pipelines/db/lock.ts'))};
			process.stdin.once('data', () => {
				try {
					const lock = acquireLock(process.argv[2], { onWarning: () => {} });
					process.stdout.write(lock.takenOver ? 'overgenomen\\n' : 'gekregen\\n');
					process.stdin.on('end', () => lock.release());
				} catch (e) {
					process.stdout.write((e.errors?.[0]?.rule ?? String(e)) + '\\n');
				}
			});
			process.stdin.resume();
			process.stdout.write('klaar\\n');`;
		const scriptFile = path.join(dir, 'neem-over.mts');
		fs.writeFileSync(scriptFile, script);
		const children = Array.from({ length: 4 }, () => {
			const child = spawn(process.execPath, ['--import', 'tsx', scriptFile, db], { cwd: ROOT });
			let out = '';
			const waiting: [number, (line: string) => void][] = [];
			const lines = () => out.split('\n').filter((l) => l.trim() !== '');
			const settle = () => {
				for (const [n, resolve] of waiting) if (lines().length >= n) resolve(lines()[n - 1]);
			};
			child.stdout.on('data', (d) => {
				out += d;
				settle();
			});
			const line = (n: number) => new Promise<string>((resolve) => waiting.push([n, resolve]));
			const exited = new Promise((resolve) => child.on('exit', resolve));
			return { child, ready: line(1), outcome: line(2), exited };
		});
		expect(await Promise.all(children.map((c) => c.ready))).toEqual(['klaar', 'klaar', 'klaar', 'klaar']);
		for (const c of children) c.child.stdin.write('go\n');
		const outcomes = await Promise.all(children.map((c) => c.outcome));
		for (const c of children) c.child.stdin.end();
		await Promise.all(children.map((c) => c.exited));
		// One of them has it: by taking over, or by creating it right after another import removed the stale one.
		expect(outcomes.filter((o) => o === 'overgenomen' || o === 'gekregen')).toHaveLength(1);
		expect(outcomes.filter((o) => o === 'database-bezet')).toHaveLength(3);
		expect(fs.readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
	});

	it('shows the takeover warning in the output of npm run ingest', () => {
		const pid = finishedPid();
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid, host: os.hostname(), started_at: '2024-05-01T10:00:00.000Z' }));
		const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipelines/cli.ts'), '--db', db, fixture('verwijzingen.csv')], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(run.status).toBe(0);
		expect(run.stderr).toContain(`Waarschuwing: monitor.duckdb: vergrendeling van proces ${pid}, gestart 2024-05-01T10:00:00.000Z, overgenomen; dat proces draaide niet meer`);
		expect(run.stdout).toContain('verwijzingen.csv: verwijzingen');
		expect(fs.existsSync(lockPath(db))).toBe(false);
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
