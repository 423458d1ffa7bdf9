// A downloaded SVG has no page around it: the chart's var(--bm-…) colours are written in as the
// values they have on the page (src/lib/shared/download.ts).
import { describe, expect, it } from 'vitest';
import { resolveTokens } from '$lib/shared/download';

describe('resolveTokens', () => {
	const page: Record<string, string> = { '--bm-chart-grid': ' #d9d9d9', '--bm-chart-series-1': 'rgb(200, 16, 46)' };
	const valueOf = (name: string) => page[name] ?? '';

	it('writes in the value each token has on the page', () => {
		const svg = '<line style="stroke: var(--bm-chart-grid)"></line><rect style="fill: var(--bm-chart-series-1); stroke: var( --bm-chart-grid )"></rect>';
		expect(resolveTokens(svg, valueOf)).toBe('<line style="stroke: #d9d9d9"></line><rect style="fill: rgb(200, 16, 46); stroke: #d9d9d9"></rect>');
	});

	it('leaves patterns alone, and a token without a value as it is', () => {
		const svg = '<rect fill="url(#d-hatch)" style="stroke: var(--bm-onbekend)"></rect>';
		expect(resolveTokens(svg, valueOf)).toBe(svg);
	});
});
