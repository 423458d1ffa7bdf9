// SQL stays on the server, in the query modules: no route and no client-safe module of src/lib
// holds a statement. Imports are checked by .dependency-cruiser.cjs; this checks the text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** A statement as written in a template or string: a keyword and, after it, the clause it needs. */
const SQL = /\b(SELECT\s[\s\S]{0,400}?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW|MACRO)|DROP\s+TABLE)\b/;

/** Lines that start a statement: an upper-case keyword followed, within a few lines, by its clause. */
function sqlStatements(text: string): string[] {
	const lines = text.split('\n');
	return lines.flatMap((line, i) => {
		if (/^\s*(\/\/|\*|\/\*)/.test(line) || !/\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP)\b/.test(line)) return [];
		return SQL.test(lines.slice(i, i + 8).join('\n')) ? [`${i + 1}: ${line.trim()}`] : [];
	});
}

function files(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? files(p) : /\.(ts|svelte|js)$/.test(e.name) ? [p] : [];
	});
}

describe('SQL lives in src/lib/server only', () => {
	it('finds a statement when there is one (the check can fail)', () => {
		expect(sqlStatements('const q = `\n  SELECT wijk_code, count(*)\n  FROM verwijzingen`;')).toEqual(['2: SELECT wijk_code, count(*)']);
		expect(sqlStatements("await conn.run('INSERT INTO audit VALUES (1)');")).toHaveLength(1);
		expect(sqlStatements('<p>Selecteer een wijk uit de lijst</p>')).toEqual([]);
	});

	it('no route and no client-safe module holds a statement', () => {
		const outside = [...files(path.join(root, 'src/routes')), ...files(path.join(root, 'src/lib')).filter((f) => !f.includes(`${path.sep}server${path.sep}`))];
		const found = outside.flatMap((f) => sqlStatements(fs.readFileSync(f, 'utf8')).map((s) => `${path.relative(root, f)}:${s}`));
		expect(found).toEqual([]);
	});
});
