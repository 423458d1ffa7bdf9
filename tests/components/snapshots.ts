// SVG snapshots of the chart components in tests/output/, reviewed as pictures. A missing snapshot
// fails in CI (CI=true) instead of being written silently; a changed one is written beside it as
// <name>-changed.svg for review.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const OUTPUT = path.resolve(import.meta.dirname, '../output');

/** The markup of a server render without Svelte's hydration comments (not part of the picture). */
export function svgOf(html: string): string {
	return html.replace(/<!--[^]*?-->/g, '').trim() + '\n';
}

export function compareSnapshot(name: string, actual: string) {
	const file = path.join(OUTPUT, `${name}.svg`);
	const changed = path.join(OUTPUT, `${name}-changed.svg`);
	if (!fs.existsSync(file)) {
		if (process.env.CI) throw new Error(`missing snapshot ${file}; run the tests locally and review it`);
		fs.writeFileSync(file, actual);
		return;
	}
	const expected = fs.readFileSync(file, 'utf8');
	if (expected !== actual) fs.writeFileSync(changed, actual);
	else fs.rmSync(changed, { force: true });
	expect(actual === expected, `${name}.svg changed; see ${changed}`).toBe(true);
}
