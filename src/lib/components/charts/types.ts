export interface LinePoint {
	/** category on the x axis, e.g. a period '2024-K1' */
	x: string;
	/** null where the value is hidden or unknown: the line has a gap there */
	y: number | null;
	/** the value as text, for the tooltip and the screen reader ("12,3 per 1.000", "<5") */
	text: string;
}

export interface LineSeries {
	key: string;
	name: string;
	points: LinePoint[];
	/** a reference line (e.g. the gemeente average): grey and dashed */
	reference?: boolean;
}

export interface Bar {
	key: string;
	label: string;
	value: number | null;
	text: string;
	group?: string;
}
