// Renders a chart spec (Plot options, a pure function of the data) to SVG markup, on the server as
// in the browser. Plot's own inline <style> and generated class are dropped: the page's CSS
// (src/app.css, `.bm-plot`) styles every chart, so a theme recolours them all.
import * as Plot from '@observablehq/plot';
import { plotDocument } from './document';

/** Chart text size in CSS px; a chart is never scaled below 11 px (PlotChart.svelte draws a narrow variant instead). */
export const FONT_SIZE = 12;

export interface RenderOptions {
	/** id of the <svg>; its <title> gets `<id>-title`, its description `<id>-desc` */
	id: string;
	title: string;
	description?: string;
	/** data-chart: which kind of chart, for tests and styles */
	kind: string;
}

export function renderSvg(spec: Plot.PlotOptions, { id, title, description, kind }: RenderOptions): string {
	const svg = Plot.plot({
		...spec,
		document: plotDocument(),
		className: 'bm-plot',
		style: { fontSize: `${FONT_SIZE}px`, fontFamily: 'system-ui, sans-serif', overflow: 'visible', background: 'none' }
	}) as unknown as SVGSVGElement;
	if (svg.tagName.toLowerCase() !== 'svg') throw new Error('a chart spec must give one <svg> (no legend or caption figure)');
	svg.querySelector('style')?.remove();
	for (const el of [svg, ...svg.querySelectorAll('*')]) {
		paintWithTokens(el);
		roundGeometry(el);
		// Plot names its groups ("rule", "y-axis tick label") with aria-label; on an element without a
		// role that is not allowed (axe: aria-prohibited-attr) and says nothing to a listener anyway.
		if (el !== svg && !el.hasAttribute('role') && el.hasAttribute('aria-label')) el.removeAttribute('aria-label');
	}
	svg.removeAttribute('font-size');
	svg.removeAttribute('font-family');
	svg.setAttribute('id', id);
	svg.setAttribute('data-chart', kind);
	svg.setAttribute('role', 'group');
	svg.setAttribute('aria-labelledby', `${id}-title`);
	const doc = svg.ownerDocument;
	const titleEl = doc.createElementNS('http://www.w3.org/2000/svg', 'title');
	titleEl.setAttribute('id', `${id}-title`);
	titleEl.textContent = title;
	const first = svg.firstChild;
	svg.insertBefore(titleEl, first);
	if (description) {
		const desc = doc.createElementNS('http://www.w3.org/2000/svg', 'desc');
		desc.setAttribute('id', `${id}-desc`);
		desc.textContent = description;
		svg.insertBefore(desc, first);
		svg.setAttribute('aria-describedby', `${id}-desc`);
	}
	return svg.outerHTML;
}

/**
 * Plot writes colours as presentation attributes (fill="var(--bm-…)"); a custom property is only
 * certain to resolve in a style, so colours move there. currentColor (Plot's default ink) becomes
 * the chart's text or axis colour: every paint of a chart is a theme token.
 */
function paintWithTokens(el: Element) {
	const styles: string[] = [];
	for (const [name, ink] of [['fill', 'var(--bm-chart-text)'], ['stroke', 'var(--bm-chart-axis)']] as const) {
		let value = el.getAttribute(name);
		if (value === null) continue;
		if (value.toLowerCase() === 'currentcolor') value = ink;
		if (!value.startsWith('var(')) continue;
		el.removeAttribute(name);
		styles.push(`${name}: ${value}`);
	}
	if (styles.length === 0) return;
	const before = el.getAttribute('style');
	el.setAttribute('style', before ? `${styles.join('; ')}; ${before}` : styles.join('; '));
}

const GEOMETRY = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'transform', 'd'];

/** Coordinates to 2 decimals (70.79999999999998 → 70.8): a readable snapshot, the same picture. */
function roundGeometry(el: Element) {
	for (const name of GEOMETRY) {
		const value = el.getAttribute(name);
		if (value && /\d\.\d{3}/.test(value)) el.setAttribute(name, value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)));
	}
}

type Attrs = Record<string, string | number | undefined>;

/**
 * A render transform that puts attributes on a mark's group and on each of its elements (in the
 * order of `index`): spoken labels, keyboard focus, data-* hooks for tests. Only for marks whose
 * data has no missing values (Plot leaves those out, and the elements would no longer line up).
 */
export function annotate<T>(data: readonly T[], each: (d: T) => Attrs, group: Attrs = {}): Plot.RenderFunction {
	return function (index, scales, values, dimensions, context, next) {
		const g = next!(index, scales, values, dimensions, context) as SVGGElement;
		if (!g) return g;
		setAll(g, group);
		const children = [...g.children].filter((c) => c.tagName.toLowerCase() !== 'title');
		Array.from(index).forEach((i, j) => {
			const el = children[j];
			if (el) setAll(el, each(data[i]));
		});
		return g;
	};
}

/** A render transform that puts the same attributes on a mark's group and on all its elements (lines). */
export function annotateAll(each: Attrs, group: Attrs = {}): Plot.RenderFunction {
	return function (index, scales, values, dimensions, context, next) {
		const g = next!(index, scales, values, dimensions, context) as SVGGElement;
		if (!g) return g;
		setAll(g, group);
		for (const el of g.children) setAll(el, each);
		return g;
	};
}

function setAll(el: Element, attrs: Attrs) {
	for (const [name, value] of Object.entries(attrs)) {
		if (value === undefined) el.removeAttribute(name);
		else el.setAttribute(name, String(value));
	}
}
