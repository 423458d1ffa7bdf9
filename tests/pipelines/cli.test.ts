// The command line, run in-process: Dutch report on stdout, Dutch errors on stderr, exit codes.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../pipelines/cli';
import { fixture, query, sha256, useTempDatabase } from './helpers';

let dir: string;
let db: string;
useTempDatabase((d, p) => ([dir, db] = [d, p]));

async function run(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await runCli(argv, {
		stdout: (t) => (stdout += t),
		stderr: (t) => (stderr += t),
		interactive: false
	});
	return { code, stdout, stderr };
}

describe('npm run ingest', () => {
	it('loads the files and prints a Dutch report per file', async () => {
		const { code, stdout, stderr } = await run('--db', db, fixture('praktijken.csv'), fixture('wijken.csv'));
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toBe(
			[
				'wijken.csv: wijken (tabel wijken, laadnummer 1)',
				'  3 rijen gelezen, 3 geladen, 0 vervangen (waarvan 0 ongewijzigd), 0 geweigerd',
				'praktijken.csv: praktijken (tabel praktijken, laadnummer 2)',
				'  2 rijen gelezen, 2 geladen, 0 vervangen (waarvan 0 ongewijzigd), 0 geweigerd',
				`Klaar: 2 bestanden geladen in ${db}.`,
				''
			].join('\n')
		);
	});

	it('passes --dataset and --demo on', async () => {
		const file = path.join(dir, 'gebieden.csv');
		fs.writeFileSync(file, 'wijk_code;wijk_naam;gemeente_code;gemeente_naam\nWK034409;Zuid;GM0344;Utrecht\n');
		const { code, stdout } = await run('--db', db, '--dataset', 'wijken', '--demo', file);
		expect(code).toBe(0);
		expect(stdout).toContain('gebieden.csv: wijken (tabel wijken, laadnummer 1)');
		expect(await query(db, "SELECT value FROM meta WHERE key = 'demo'")).toEqual([{ value: '1' }]);
	});

	it('prints the errors to stderr, says nothing was loaded, and exits 1', async () => {
		await run('--db', db, fixture('wijken.csv'));
		const before = sha256(db);
		const { code, stdout, stderr } = await run('--db', db, fixture('praktijken_mojibake.csv'));
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain('Fout: praktijken_mojibake.csv, regel 2, kolom "praktijk_naam": de tekst bevat verminkte tekens');
		expect(stderr).toContain(`Er is niets geladen; de database ${db} is ongewijzigd.`);
		expect(sha256(db)).toBe(before);
	});

	it('explains a wrong command line in Dutch and exits 2', async () => {
		const noDb = await run(fixture('wijken.csv'));
		expect(noDb.code).toBe(2);
		expect(noDb.stderr).toContain('Fout: geef de database op met --db <bestand>');
		const noFiles = await run('--db', db);
		expect(noFiles.code).toBe(2);
		expect(noFiles.stderr).toContain('Fout: geef een of meer bestanden op om te laden');
		expect(fs.existsSync(db)).toBe(false);
	});

	it('shows help', async () => {
		const { code, stdout } = await run('--help');
		expect(code).toBe(0);
		expect(stdout).toContain('--dataset <naam>');
		expect(stdout).toContain('alles of niets');
	});
});
