// Client-side downloads of a chart as SVG or PNG (the CSV comes from /export/<name>.csv).
// Charts colour their marks with the --bm-* design tokens (style="fill: var(--bm-…)"). A saved
// SVG file has no page to look those up in, so the download writes in the values they have on
// the page: the file shows the same colours, including a gemeente's theme.

function save(blob: Blob, filename: string) {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Replaces every var(--name) in `markup` by `valueOf(name)`; one without a value stays as it is. */
export function resolveTokens(markup: string, valueOf: (name: string) => string): string {
	return markup.replace(/var\(\s*(--[\w-]+)\s*\)/g, (ref, name: string) => valueOf(name).trim() || ref);
}

function serialize(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.querySelectorAll('.tooltip').forEach((n) => n.remove());
	// Computed values of custom properties have their own var() references resolved already.
	const style = getComputedStyle(svg);
	return resolveTokens(new XMLSerializer().serializeToString(clone), (name) => style.getPropertyValue(name));
}

export function downloadSvg(svg: SVGSVGElement, filename: string) {
	save(new Blob([serialize(svg)], { type: 'image/svg+xml' }), filename);
}

export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2) {
	const { width, height } = svg.viewBox.baseVal;
	const img = new Image();
	img.src = URL.createObjectURL(new Blob([serialize(svg)], { type: 'image/svg+xml' }));
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = width * scale;
	canvas.height = height * scale;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = getComputedStyle(svg).getPropertyValue('--bm-chart-background').trim() || 'white';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(img.src);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (blob) save(blob, filename);
}
