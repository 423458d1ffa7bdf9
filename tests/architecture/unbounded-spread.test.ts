// No code path may spread an array of unknown length into a function call's arguments: V8 puts
// every argument on the stack, and at national scale (120,000 points in one chart, 200,000 rows in a
// sheet) `Math.max(...values)` throws "Maximum call stack size exceeded" and the page answers 500.
// A spread into Math.max/min, push, unshift, splice or String.fromCharCode is allowed only with a
// `bounded:` comment on the same or the previous line that says why its length is small.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CALL_WITH_SPREAD = /(Math\.(max|min)|\.push|\.unshift|\.splice|String\.fromCharCode|\.apply)\((?:[^()]*,\s*)?\.\.\./;

function files(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
		return /\.(ts|svelte)$/.test(e.name) ? [p] : [];
	});
}

export function offenders(source: string): number[] {
	const lines = source.split('\n');
	return lines.flatMap((line, i) => {
		if (!CALL_WITH_SPREAD.test(line) || /^\s*(\/\/|\*)/.test(line)) return [];
		return /bounded:/.test(line) || /bounded:/.test(lines[i - 1] ?? '') ? [] : [i + 1];
	});
}

describe('no unbounded spread into call arguments', () => {
	it('recognises the pattern and its exemption', () => {
		expect(offenders('const m = Math.max(0, ...values);')).toEqual([1]);
		expect(offenders('out.push(...rows);')).toEqual([1]);
		expect(offenders('// bounded: three parts\nout.push(...parts);')).toEqual([]);
		expect(offenders('const m = max(values) ?? 0;\nconst xs = [...a, ...b];')).toEqual([]);
	});

	it('holds in src, pipelines and contract', () => {
		const found = ['src', 'pipelines', 'contract'].flatMap((d) =>
			files(path.join(ROOT, d)).flatMap((f) => offenders(fs.readFileSync(f, 'utf8')).map((line) => `${path.relative(ROOT, f)}:${line}`))
		);
		expect(found).toEqual([]);
	});
});
