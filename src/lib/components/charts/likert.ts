// Colours of the Likert charts (their rows: DivergingRow in src/lib/surveys/types.ts). A diverging orange-purple palette (readable with the
// common colour-vision deficiencies): orange for disagreement, purple for agreement, grey for the
// neutral middle. Text on a segment is black or white, whichever contrasts more (WCAG 1.4.3).

const PALETTES: Record<number, string[]> = {
	5: ['#b35806', '#f1a340', '#d9d9d9', '#998ec3', '#542788'],
	7: ['#b35806', '#e08214', '#fdb863', '#d9d9d9', '#b2abd2', '#8073ac', '#542788']
};

export function likertColors(points: number): string[] {
	const p = PALETTES[points];
	if (!p) throw new Error(`geen kleuren voor een schaal van ${points} punten`);
	return p;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text, whichever has the higher contrast on this background. */
export function textOn(hex: string): '#000' | '#fff' {
	const l = luminance(hex);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
}
