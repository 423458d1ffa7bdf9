// The row type of IntervalChart.
import type { Interval } from '$lib/surveys/stats';

export interface IntervalRow {
	key: string;
	label: string;
	/** null: no interval (a group too small, or no earlier season) */
	interval: Interval | null;
	/** beside the interval and spoken: "beter: +0,78" or why there is none */
	text: string;
	/** spoken after the text only, e.g. the interval in words */
	detail?: string;
}
