// Colours of the Likert charts (their rows: DivergingRow in src/lib/surveys/types.ts): the
// --bm-likert5-* and --bm-likert7-* design tokens of src/app.css, a diverging orange-purple palette
// (readable with the common colour-vision deficiencies): orange for disagreement, purple for
// agreement, grey for the neutral middle. The two outer colours are dark, the others light, so a
// percentage on a segment is --bm-likert-text-outer or --bm-likert-text (src/app.css keeps both at
// 4.5:1 or more, WCAG 1.4.3; tests/components/tokens.test.ts checks the defaults).

export interface LikertColor {
	fill: string;
	/** the colour of text on the fill */
	text: string;
}

export function likertColors(points: number): LikertColor[] {
	if (points !== 5 && points !== 7) throw new Error(`geen kleuren voor een schaal van ${points} punten`);
	return Array.from({ length: points }, (_, i) => ({
		fill: `var(--bm-likert${points}-${i + 1})`,
		text: i === 0 || i === points - 1 ? 'var(--bm-likert-text-outer)' : 'var(--bm-likert-text)'
	}));
}
