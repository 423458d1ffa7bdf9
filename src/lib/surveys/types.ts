// The suppressed survey figures as the query layer hands them to pages, the report and the
// exports. Every count is a Count: its value, or null with the reason it is hidden.

import type { Onderdrukt } from '$lib/shared/format';
import type { Interval } from './stats';

export interface Count {
	value: number | null;
	onderdrukt: Onderdrukt;
}

/** One point of the Likert scale (after reversal of negatively worded items). */
export interface Categorie {
	score: number;
	label: string;
	aantal: Count;
	/** share of the scored answers; null when the count is hidden */
	aandeel: number | null;
}

/** The scores of one group of respondents (a rol, or everyone) on one thema. */
export interface Groep {
	/** 'alle', a rol code, 'onbekend', or 'overige' (the roles merged because they are small) */
	rol: string;
	/** the roles in the group (for 'overige': which ones) */
	rollen: string[];
	/** false: too few respondents of this or another group answered this thema, nothing shown */
	getoond: boolean;
	/** respondents with at least one scored answer in the thema */
	n: Count;
	/** mean of the respondents' thema scores; null when n is hidden */
	gemiddelde: number | null;
	/** scored answers (niet van toepassing not included) */
	antwoorden: Count;
	verdeling: Categorie[];
	nvt: Count;
	/** share of the scored answers in hidden categories; always 0 since groups replaced cell suppression */
	afgeschermd: number;
}

export interface Thema {
	thema: string;
	/** 5 or 7 */
	punten: number;
	/** 'alle' first, then the roles in code-list order */
	groepen: Groep[];
}

export interface Verandering {
	thema: string;
	punten: number;
	vorig: number | null;
	huidig: number | null;
	nVorig: Count;
	nHuidig: Count;
	/** huidig - vorig with its 95% interval; null when either group is hidden or missing */
	interval: Interval | null;
	/** why there is no interval (Dutch), when there is none */
	reden: string | null;
}

export interface RolVerschil {
	thema: string;
	punten: number;
	huisarts: number | null;
	buurtteam: number | null;
	/** huisarts - buurtteam with its 95% interval; null when either group is hidden */
	interval: Interval | null;
}

export interface OpenAntwoorden {
	thema: string;
	/** respondents who answered an open question of the thema */
	n: Count;
	/** sorted alphabetically; empty when n is hidden */
	antwoorden: string[];
}

export interface Respons {
	genodigden: Count;
	compleet: Count;
	onvolledig: Count;
	/** complete responses / genodigden; null when hidden or unknown */
	respons: number | null;
}

/** One wijk in one season ('' = all wijken together, '+' = the small wijken together). */
export interface Scope {
	wijk_code: string;
	wijk_naam: string;
	/** the wijken in it: the wijk itself, all, or those of "overige wijken" */
	wijken: string[];
	enquete_ids: string[];
	respons: Respons;
	themas: Thema[];
	veranderingen: Verandering[];
	rolverschillen: RolVerschil[];
	open: OpenAntwoorden[];
}

export interface SeizoenAnalyse {
	seizoen: string;
	/** the same season a year earlier, when it has data */
	vorig: string | null;
	/** all wijken together first, then per wijk */
	scopes: Scope[];
}

/** The scope key of all wijken together. */
export const ALLE_WIJKEN = '';
/** The scope key of the wijken merged because they have fewer than k respondents. */
export const OVERIGE_WIJKEN = '+';
/** The scope key of responses that belong to no wijk (an enquete for several wijken, no wijk given). */
export const ZONDER_WIJK = '-';

/** One bar of a DivergingBars chart. */
export interface DivergingRow {
	key: string;
	label: string;
	/** rows with the same group are drawn under one heading */
	group?: string;
	/** share of the scored answers per category, lowest first; null = hidden (a small count) */
	shares: (number | null)[];
	/** the hidden categories together (0..1), drawn as one grey segment beside the bars */
	hidden: number;
	/** beside the bar, e.g. "gem. 3,8 (n = 31)" */
	note?: string;
	/** the whole row is hidden: this text instead of a bar (e.g. "minder dan 5 respondenten") */
	empty?: string;
}
