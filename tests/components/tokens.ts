// Reads the --bm-* design tokens of src/app.css and resolves their defaults to colours (through the
// --utrecht-* tokens of @utrecht/design-tokens where they refer to one), to check contrast (WCAG
// 2.1) without a browser. Only the colour syntaxes the two files use: #rgb, #rrggbb, hsl(h s% l%).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const APP_CSS = path.join(ROOT, 'src/app.css');

/** The declarations `--name: value;` of the first rule with exactly this selector. */
export function customProperties(css: string, selector: string): Map<string, string> {
	const start = css.indexOf(`${selector} {`);
	if (start < 0) throw new Error(`no rule ${selector}`);
	const body = css.slice(start, css.indexOf('\n}', start));
	const out = new Map<string, string>();
	for (const m of body.replace(/\/\*[^]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(m[1], m[2].trim());
	return out;
}

/** The defaults of the --bm-* tokens (the :where(.utrecht-theme) rule of src/app.css). */
export function bmTokens(): Map<string, string> {
	return customProperties(fs.readFileSync(APP_CSS, 'utf8'), ':where(.utrecht-theme)');
}

function utrechtTokens(): Map<string, string> {
	const css = fs.readFileSync(path.join(ROOT, 'node_modules/@utrecht/design-tokens/dist/index.css'), 'utf8');
	return customProperties(css, '\n.utrecht-theme');
}

/** A resolver of var() references over the --bm-* defaults and the Utrecht theme. */
export function resolver(): (value: string) => string {
	const all = new Map([...utrechtTokens(), ...bmTokens()]);
	const resolve = (value: string, depth = 0): string => {
		if (depth > 20) throw new Error(`var() loop in ${value}`);
		return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]+))?\)/g, (_, name: string, fallback?: string) => {
			const v = all.get(name) ?? fallback;
			if (v === undefined) throw new Error(`${name} is not defined`);
			return resolve(v.trim(), depth + 1);
		});
	};
	return resolve;
}

/** [r, g, b] in 0..255 of a resolved colour value. */
export function rgb(color: string): [number, number, number] {
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
	if (hex) {
		const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
		return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
	}
	const hsl = /^hsl\(\s*([\d.]+)\s+([\d.]+)%\s+([\d.]+)%\s*\)$/.exec(color);
	if (hsl) {
		const [h, s, l] = [Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100];
		const a = s * Math.min(l, 1 - l);
		const f = (n: number) => {
			const k = (n + h / 30) % 12;
			return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
		};
		return [f(0), f(8), f(4)];
	}
	throw new Error(`not a colour this test reads: ${color}`);
}

/** Relative luminance (WCAG 2.1). */
function luminance([r, g, b]: [number, number, number]): number {
	const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of two colours (WCAG 2.1), 1 to 21. */
export function contrast(a: string, b: string): number {
	const [la, lb] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
	return (la + 0.05) / (lb + 0.05);
}
