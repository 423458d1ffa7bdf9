// The command line's new modes: --controleer (dry run), --json (one object on stdout, progress as
// JSON lines on stderr), --door, --enquete per file, --versies and --terugdraaien.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonProgress, JsonResult } from '$contract/ingestJson';
import { enqueteOption, runCli } from '../../pipelines/cli';
import { lockPath } from '../../pipelines/db/lock';
import { fixture, query, sha256, useTempDatabase } from './helpers';

let dir: string;
let db: string;
useTempDatabase((d, p) => ([dir, db] = [d, p]));

async function run(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
	return { code, stdout, stderr };
}

async function runJson(...argv: string[]) {
	const out = await run('--json', ...argv);
	const lines = out.stdout.trim().split('\n');
	expect(lines).toHaveLength(1);
	const progress = out.stderr
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as JsonProgress);
	return { code: out.code, result: JSON.parse(lines[0]) as JsonResult, progress };
}

const survey = (name: string) => path.resolve(import.meta.dirname, '../fixtures/surveys', name);

describe('--controleer', () => {
	it('prints what would be loaded and leaves the database as it was', async () => {
		await run('--db', db, fixture('wijken.csv'));
		const before = sha256(db);
		const { code, stdout, stderr } = await run('--db', db, '--controleer', fixture('praktijken.csv'));
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toBe(
			[
				'praktijken.csv: praktijken (tabel praktijken, laadnummer 2)',
				'  2 rijen gelezen, 2 te laden, 0 te vervangen (waarvan 0 ongewijzigd), 0 geweigerd',
				`Controle klaar: 1 bestand zonder fouten. Er is niets geladen; de database ${db} is ongewijzigd.`,
				''
			].join('\n')
		);
		expect(sha256(db)).toBe(before);
	});
});

describe('--json', () => {
	it('prints the reports as one object and progress per file as JSON lines', async () => {
		const { code, result, progress } = await runJson('--db', db, '--controleer', fixture('praktijken.csv'), fixture('wijken.csv'));
		expect(code).toBe(0);
		expect(result).toMatchObject({ ok: true, action: 'controleren', db });
		if (!result.ok || result.action !== 'controleren') throw new Error('verwacht: controleren');
		expect(result.reports.map((r) => [r.file, r.dataset, r.rowsRead, r.rowsLoaded, r.rowsReplaced, r.loadId])).toEqual([
			['wijken.csv', 'wijken', 3, 3, 0, 1],
			['praktijken.csv', 'praktijken', 2, 2, 0, 2]
		]);
		expect(progress.every((p) => p.type === 'voortgang')).toBe(true);
		expect(progress.filter((p) => p.phase === 'lezen').map((p) => p.file)).toEqual(['praktijken.csv', 'wijken.csv']);
		expect(progress).toContainEqual({ type: 'voortgang', file: 'wijken.csv', dataset: 'wijken', phase: 'laden', done: 3, total: 3 });
		expect(fs.existsSync(db)).toBe(false);
	});

	it('prints the Dutch errors with file, line, column and rule, and exits 1', async () => {
		await run('--db', db, fixture('wijken.csv'));
		const { code, result } = await runJson('--db', db, fixture('praktijken_mojibake.csv'));
		expect(code).toBe(1);
		if (result.ok) throw new Error('verwacht: fouten');
		expect(result.action).toBe('laden');
		expect(result.errors[0]).toMatchObject({ file: 'praktijken_mojibake.csv', line: 2, column: 'praktijk_naam', rule: 'mojibake' });
		expect(result.errors[0].message).toContain('praktijken_mojibake.csv, regel 2, kolom "praktijk_naam": de tekst bevat verminkte tekens');
	});

	it('answers a wrong command line with a JSON error and exit code 2', async () => {
		const { code, result } = await runJson('--db', db);
		expect(code).toBe(2);
		expect(result).toMatchObject({ ok: false, action: 'opdracht', errors: [{ rule: 'opdrachtregel', message: 'geef een of meer bestanden op om te laden' }] });
	});
});

describe('--door', () => {
	it('records who loaded each file', async () => {
		const { code, result } = await runJson('--db', db, '--door', 'beheerder', fixture('wijken.csv'), fixture('praktijken.csv'));
		expect(code).toBe(0);
		expect(result).toMatchObject({ ok: true, action: 'laden' });
		expect(await query(db, `SELECT key, value FROM meta WHERE key LIKE 'geladen_door:%' ORDER BY key`)).toEqual([
			{ key: 'geladen_door:1', value: 'beheerder' },
			{ key: 'geladen_door:2', value: 'beheerder' }
		]);
	});
});

describe('--enquete', () => {
	it('is one enquete for every file, or BESTAND=ID for one file', () => {
		expect(enqueteOption([], ['a.csv'])).toBeUndefined();
		expect(enqueteOption(['E1'], ['a.csv', 'b.csv'])).toBe('E1');
		expect(enqueteOption(['/tmp/x/a.csv=E1', 'b.csv=E2'], ['/tmp/x/a.csv', '/tmp/y/b.csv', 'c.csv'])).toEqual({ 'a.csv': 'E1', 'b.csv': 'E2' });
		expect(enqueteOption(['E0', 'a.csv=E1'], ['a.csv', 'c.csv'])).toEqual({ 'a.csv': 'E1', 'c.csv': 'E0' });
		// An id with '=' that names no file is an id.
		expect(enqueteOption(['X=Y'], ['a.csv'])).toBe('X=Y');
	});

	it('loads a survey tool export with the enquete named for that file', async () => {
		const base = [fixture('wijken.csv'), survey('enquetes.csv'), survey('enquete_vragen.csv')];
		expect((await runJson('--db', db, ...base)).code).toBe(0);
		const without = await runJson('--db', db, '--controleer', survey('limesurvey_lb24.csv'));
		expect(without.code).toBe(1);
		if (without.result.ok) throw new Error('verwacht: fouten');
		expect(without.result.errors.map((e) => [e.file, e.rule])).toEqual([['limesurvey_lb24.csv', 'enquete-onbekend']]);

		const withEnquete = await runJson('--db', db, '--enquete', 'limesurvey_lb24.csv=LB24-BS', survey('limesurvey_lb24.csv'));
		expect(withEnquete.code).toBe(0);
		expect(await query(db, `SELECT count(*)::INTEGER AS n FROM enquete_responsen WHERE enquete_id = 'LB24-BS'`)).toEqual([{ n: 4 }]);
	});
});

describe('--versies and --terugdraaien', () => {
	it('list the kept versions and put the previous one back', async () => {
		await run('--db', db, fixture('wijken.csv'));
		const first = sha256(db);
		expect((await run('--db', db, '--versies')).stdout).toBe(`Er zijn geen eerdere versies van ${db} bewaard.\n`);
		await run('--db', db, '--door', 'beheerder', fixture('praktijken.csv'));

		const listed = await runJson('--db', db, '--versies');
		if (!listed.result.ok || listed.result.action !== 'versies') throw new Error('verwacht: versies');
		expect(listed.result.versions.map((v) => v.lastLoadId)).toEqual([1]);

		const back = await run('--db', db, '--terugdraaien');
		expect(back.code).toBe(0);
		expect(back.stdout).toContain('Teruggezet: de versie van');
		expect(back.stdout).toContain('laadnummer 2: praktijken.csv (praktijken)');
		expect(sha256(db)).toBe(first);

		const none = await runJson('--db', db, '--terugdraaien');
		expect(none.code).toBe(1);
		expect(none.result).toMatchObject({ ok: false, action: 'terugdraaien', errors: [{ rule: 'versie-ontbreekt' }] });
	});

	it('refuses to roll back while an import runs', async () => {
		await run('--db', db, fixture('wijken.csv'));
		await run('--db', db, fixture('praktijken.csv'));
		const before = sha256(db);
		fs.writeFileSync(lockPath(db), JSON.stringify({ pid: process.pid, started_at: new Date().toISOString() }));
		const { code, stderr } = await run('--db', db, '--terugdraaien');
		expect(code).toBe(1);
		expect(stderr).toContain('er loopt al een import op deze database');
		expect(stderr).toContain(`Er is niets teruggezet; de database ${db} is ongewijzigd.`);
		expect(sha256(db)).toBe(before);
	});

	it('take no files', async () => {
		const { code, stderr } = await run('--db', db, '--terugdraaien', fixture('wijken.csv'));
		expect(code).toBe(2);
		expect(stderr).toContain('Fout: --terugdraaien laadt geen bestanden; laat het bestand weg');
	});
});
