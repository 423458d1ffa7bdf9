// The column type of DataTable.svelte.
import type { Snippet } from 'svelte';

export interface Column<R> {
	label: string;
	/** a second, smaller line under the label (e.g. the date of a SWOT round) */
	note?: string;
	/** the cell as text */
	value?: (row: R) => string;
	/** the cell as markup (a link, a status badge), instead of `value`; gets the row and this column */
	cell?: Snippet<[R, Column<R>]>;
	/** tabular figures in the cells */
	numeric?: boolean;
	/** attributes of each cell, e.g. data-* hooks for tests */
	attrs?: (row: R) => Record<string, string>;
	/** what a shared `cell` snippet needs to know about its column (e.g. a wijk code) */
	key?: string;
}
