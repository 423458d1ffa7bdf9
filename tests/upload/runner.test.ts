// The web server's way of running the import: this Node with the tsx loader on pipelines/cli.ts as
// a child process (src/lib/server/upload/runner.ts), its JSON result and progress parsed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonProgress } from '$contract/ingestJson';
import { PipelineCrashedError, pipelineCommand, runPipeline } from '$lib/server/upload/runner';
import { parseProgress, parseResult } from '$lib/server/upload/result';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pipelines');
const fixture = (name: string) => path.join(FIXTURES, name);

let dir: string;
let db: string;

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-runner-'));
	db = path.join(dir, 'monitor.duckdb');
});

afterEach(() => {
	delete process.env.MONITOR_ROOT;
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('the pipeline as a child process', { timeout: 120_000 }, () => {
	it('runs node --import tsx pipelines/cli.ts --json --db <db> from the checkout', () => {
		const cmd = pipelineCommand(['--controleer', 'a.csv'], db);
		expect(cmd.command).toBe(process.execPath);
		expect(cmd.args).toEqual(['--import', 'tsx', path.resolve('pipelines/cli.ts'), '--json', '--db', db, '--controleer', 'a.csv']);
		expect(cmd.cwd).toBe(process.cwd());
	});

	it('returns the dry run report and passes the progress on', async () => {
		const seen: JsonProgress[] = [];
		const { code, result } = await runPipeline(['--controleer', '--', fixture('wijken.csv'), fixture('praktijken.csv')], { dbPath: db, onProgress: (p) => seen.push(p) });
		expect(code).toBe(0);
		if (!result.ok || result.action !== 'controleren') throw new Error(`verwacht: controleren, niet ${JSON.stringify(result)}`);
		expect(result.reports.map((r) => [r.file, r.dataset, r.rowsRead, r.rowsLoaded])).toEqual([
			['wijken.csv', 'wijken', 3, 3],
			['praktijken.csv', 'praktijken', 2, 2]
		]);
		expect(seen.map((p) => `${p.file} ${p.phase}`)).toContain('praktijken.csv laden');
		expect(fs.existsSync(db)).toBe(false);
	});

	it('returns the Dutch errors of a bad file with line, column and rule', async () => {
		await runPipeline(['--', fixture('wijken.csv')], { dbPath: db });
		const { code, result } = await runPipeline(['--controleer', '--', fixture('verwijzingen.csv')], { dbPath: db });
		expect(code).toBe(1);
		if (result.ok) throw new Error('verwacht: fouten');
		const e = result.errors.find((x) => x.rule === 'praktijk-onbekend');
		expect(e).toMatchObject({ file: 'verwijzingen.csv', column: 'praktijk_code' });
		expect(e!.line).toBeGreaterThan(1);
		expect(e!.message).toContain(`verwijzingen.csv, regel ${e!.line}, kolom "praktijk_code"`);
		expect(e!.message).toContain('(regel: praktijk-onbekend)');
	});

	it('says in Dutch when the pipeline is not where the server runs', async () => {
		process.env.MONITOR_ROOT = dir;
		await expect(runPipeline(['--versies'], { dbPath: db })).rejects.toThrow(PipelineCrashedError);
		await expect(runPipeline(['--versies'], { dbPath: db })).rejects.toThrow('De importpijplijn is niet gevonden');
	});

	it('stops a run that takes too long', async () => {
		await expect(runPipeline(['--controleer', '--', fixture('wijken.csv')], { dbPath: db, timeoutMs: 1 })).rejects.toThrow('De importpijplijn is gestopt (SIGKILL).');
	});
});

describe('reading the output', () => {
	it('takes the last stdout line as the result and ignores what is not one', () => {
		expect(parseResult('')).toBeNull();
		expect(parseResult('geen json')).toBeNull();
		expect(parseResult('{"ok":true}')).toBeNull();
		expect(parseResult('{"ok":true,"action":"versies","db":"/x","versions":[]}\n')).toEqual({ ok: true, action: 'versies', db: '/x', versions: [] });
	});

	it('takes progress lines and leaves log lines', () => {
		expect(parseProgress('{"type":"voortgang","file":"a.csv","dataset":"","phase":"lezen","done":0,"total":0}')).toMatchObject({ file: 'a.csv', phase: 'lezen' });
		expect(parseProgress('Error: boem')).toBeNull();
		expect(parseProgress('{"type":"iets"}')).toBeNull();
	});
});
