// SVG snapshots of the chart components in tests/output/, reviewed as pictures and as readable
// diffs: one element per line, indented, without Svelte's generated class hashes. A missing
// snapshot fails the test: under CI (CI=true, set by .ci/run) nothing is written; on a
// developer's machine it is written for review and the test still fails until it is committed.
// A changed one is written beside it as <name>-changed.svg.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const OUTPUT = path.resolve(import.meta.dirname, '../output');

/** Svelte scopes component CSS with classes like `svelte-7rilk8`; they change with any style edit. */
function withoutHashClasses(svg: string): string {
	return svg.replace(/ class="([^"]*)"/g, (_, classes: string) => {
		const kept = classes.split(/\s+/).filter((c) => c && !/^svelte-[a-z0-9]+$/.test(c));
		return kept.length ? ` class="${kept.join(' ')}"` : '';
	});
}

/** One tag or text per line, indented by depth, so that a diff shows which mark changed. */
export function prettySvg(svg: string): string {
	const tokens = svg.match(/<[^>]+>|[^<]+/g) ?? [];
	const lines: string[] = [];
	let depth = 0;
	// The last line may still take its closing tag: an element that is empty or holds only text.
	let open = false;
	for (const token of tokens) {
		if (token.startsWith('</')) {
			depth = Math.max(0, depth - 1);
			if (open) lines[lines.length - 1] += token;
			else lines.push('  '.repeat(depth) + token);
			open = false;
		} else if (token.startsWith('<')) {
			lines.push('  '.repeat(depth) + token);
			open = !token.endsWith('/>') && !token.startsWith('<!') && !token.startsWith('<?');
			if (open) depth++;
		} else if (token.trim() !== '') {
			if (open) lines[lines.length - 1] += token.trim();
			else lines.push('  '.repeat(depth) + token.trim());
		}
	}
	return lines.join('\n') + '\n';
}

/** The markup of a server render as stored: no hydration comments, no hash classes, pretty. */
export function svgOf(html: string): string {
	return prettySvg(withoutHashClasses(html.replace(/<!--[^]*?-->/g, '').trim()));
}

export function compareSnapshot(name: string, actual: string) {
	const file = path.join(OUTPUT, `${name}.svg`);
	const changed = path.join(OUTPUT, `${name}-changed.svg`);
	if (!fs.existsSync(file)) {
		if (!process.env.CI) fs.writeFileSync(file, actual);
		throw new Error(
			process.env.CI
				? `missing snapshot ${file}: render it locally (npm test), review and commit it`
				: `new snapshot written to ${file}: review it, commit it and run the tests again`
		);
	}
	const expected = fs.readFileSync(file, 'utf8');
	if (expected !== actual) fs.writeFileSync(changed, actual);
	else fs.rmSync(changed, { force: true });
	expect(actual === expected, `${name}.svg changed; see ${changed}`).toBe(true);
}

/**
 * The SVGs of a Plot chart's server render (PlotChart.svelte draws a wide and a narrow variant), each
 * pretty-printed as a file that opens as a picture (with its xmlns).
 */
export function plotSvgs(html: string): string[] {
	return (html.match(/<svg[^]*?<\/svg>/g) ?? []).map((svg) => svgOf(svg.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ')));
}
