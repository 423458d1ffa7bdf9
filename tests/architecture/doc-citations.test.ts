// A comment or doc that sends the reader to a section must send them somewhere: every citation of
// the form docs/<name>.md "<heading>" names a heading that exists, and no citation leaves out
// which formats.md it means (the repo's docs/formats.md, not the shared contract beside it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const DIRS = ['src', 'pipelines', 'contract', 'tests', 'scripts', 'bench', 'docs'];
const CITATION = /(docs\/[\w-]+\.md) "([^"]+)"/g;
const BARE = /(?<![\w/])formats\.md "/;

function files(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'output' ? [] : files(p);
		return /\.(ts|svelte|js|cjs|md)$/.test(e.name) ? [p] : [];
	});
}

function headings(doc: string): Set<string> {
	const file = path.join(root, doc);
	if (!fs.existsSync(file)) return new Set();
	return new Set(fs.readFileSync(file, 'utf8').split('\n').filter((l) => /^#+ /.test(l)).map((l) => l.replace(/^#+ /, '').trim()));
}

describe('doc citations', () => {
	const all = [...DIRS.flatMap((d) => files(path.join(root, d))), path.join(root, 'README.md')];
	const citations = all.flatMap((file) =>
		[...fs.readFileSync(file, 'utf8').matchAll(CITATION)].map((m) => ({ file: path.relative(root, file), doc: m[1], heading: m[2] }))
	);

	it('finds the citations it checks', () => {
		expect(citations.length).toBeGreaterThan(5);
	});

	it('every cited section exists', () => {
		const missing = citations.filter((c) => !headings(c.doc).has(c.heading)).map((c) => `${c.file}: ${c.doc} "${c.heading}"`);
		expect(missing).toEqual([]);
	});

	it('no citation of formats.md leaves out which one', () => {
		const bare = all.filter((f) => !f.endsWith('doc-citations.test.ts') && BARE.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
		expect(bare).toEqual([]);
	});
});
