// The snapshot helper itself: the stored form is readable and stable, and a missing snapshot fails.
import { describe, expect, it } from 'vitest';
import { compareSnapshot, svgOf } from './snapshots';

describe('svgOf', () => {
	it('drops hydration comments and Svelte hash classes, one element per line', () => {
		const html = '<!--[--><svg class="chart svelte-7rilk8" width="10"><g class="svelte-abc123"><text x="1">Noord</text><line x1="0"></line></g></svg><!--]-->';
		expect(svgOf(html)).toBe(
			['<svg class="chart" width="10">', '  <g>', '    <text x="1">Noord</text>', '    <line x1="0"></line>', '  </g>', '</svg>', ''].join('\n')
		);
	});
});

describe('compareSnapshot', () => {
	it('fails on a snapshot that is not there, under CI without writing it', () => {
		const before = process.env.CI;
		process.env.CI = 'true';
		try {
			expect(() => compareSnapshot('does-not-exist', '<svg></svg>\n')).toThrow(/missing snapshot .*does-not-exist\.svg/);
		} finally {
			if (before === undefined) delete process.env.CI;
			else process.env.CI = before;
		}
	});
});
