// Rows of the row charts (forest plot, interval chart, diverging bars), laid out here in px (an
// identity y scale) so that a long label wraps onto more lines instead of being cut off.
// Wide: the label in a column left of the marks, a note (a verdict, a mean) in a column right of
// them. Narrow: the label on its own line(s) above the marks and the note below them, each the
// full width, so that on a phone the marks keep nearly all of the chart's width.
import * as Plot from '@observablehq/plot';
import { annotate } from './render';
import { BACKGROUND, LINE, TEXT, wrap } from './theme';

/**
 * Options of a row's label and note text: lines LINE px apart, and a halo in the background
 * colour so that a label drawn across grid lines (narrow: above the marks) stays readable.
 */
export const ROW_TEXT = { lineHeight: LINE / 12, stroke: BACKGROUND, strokeWidth: 4, paintOrder: 'stroke' } as const;

export interface RowInput {
	label: string;
	/** rows with the same group are drawn under one heading */
	group?: string;
}

export interface PlacedRow<T> {
	row: T;
	top: number;
	height: number;
	/** the label's lines; drawn at labelY, centred there (wide) or from there down (narrow) */
	label: string[];
	labelY: number;
	/** the vertical centre of the row's marks */
	mid: number;
	note: string[];
	noteY: number;
}

export interface RowLayoutOptions<T> {
	/** y of the first row (below a legend or the ends of the axis) */
	top: number;
	narrow: boolean;
	/** characters per label line: the label column (wide) or the whole width (narrow) */
	labelChars: number;
	/** the note beside (wide) or below (narrow) the marks */
	note?: (row: T) => string | undefined;
	noteChars?: number;
	/** height of the marks of one row */
	band: number;
	/** room for a group heading */
	groupGap?: number;
}

export interface RowLayout<T> {
	rows: PlacedRow<T>[];
	heads: { name: string; y: number }[];
	bottom: number;
}

export function layoutRows<T extends RowInput>(rows: readonly T[], o: RowLayoutOptions<T>): RowLayout<T> {
	const { narrow, labelChars, band, noteChars = 40, groupGap = 26 } = o;
	const placed: PlacedRow<T>[] = [];
	const heads: { name: string; y: number }[] = [];
	let y = o.top;
	let group: string | undefined;
	for (const row of rows) {
		if (row.group !== undefined && row.group !== group) {
			group = row.group;
			heads.push({ name: row.group, y: y + 6 });
			y += groupGap;
		}
		const label = wrap(row.label, labelChars);
		const text = o.note?.(row);
		const note = text ? wrap(text, noteChars) : [];
		if (narrow) {
			const labelY = y + 4;
			const mid = labelY + label.length * LINE + 2 + band / 2;
			const noteY = mid + band / 2 + 2;
			const height = noteY - y + note.length * LINE + 10;
			placed.push({ row, top: y, height, label, labelY, mid, note, noteY });
			y += height;
		} else {
			const height = Math.max(band + 8, label.length * LINE + 9, note.length * LINE + 9);
			const mid = y + height / 2;
			placed.push({ row, top: y, height, label, labelY: mid, mid, note, noteY: mid });
			y += height;
		}
	}
	return { rows: placed, heads, bottom: y };
}

type Attrs = Record<string, string | number | undefined>;

/**
 * The row labels, in their column left of the marks (wide) or above them (narrow). Each label is a
 * list item that carries its row's spoken text and keyboard focus, so the chart reads as a list.
 */
export function rowLabels<T>(
	placed: PlacedRow<T>[],
	o: { narrow: boolean; marginLeft: number; listLabel: string; attributes: (p: PlacedRow<T>) => Attrs; fontWeight?: number }
): Plot.Markish {
	return Plot.text(placed, {
		frameAnchor: 'left',
		y: 'labelY',
		dx: o.narrow ? -(o.marginLeft - 4) : -10,
		text: (p: PlacedRow<T>) => p.label.join('\n'),
		...ROW_TEXT,
		textAnchor: o.narrow ? 'start' : 'end',
		lineAnchor: o.narrow ? 'top' : 'middle',
		fill: TEXT,
		...(o.fontWeight === undefined ? {} : { fontWeight: o.fontWeight }),
		render: annotate(placed, (p) => ({ role: 'listitem', tabindex: 0, ...o.attributes(p) }), { role: 'list', 'aria-label': o.listLabel })
	} as Plot.TextOptions);
}
