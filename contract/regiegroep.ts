// Code lists and Dutch labels of the regiegroep's data (werkplannen, voortgang, SWOT), shared by
// the pipelines (validation) and the UI, as contract/codes.ts is for the referral data.

/** The core "driehoeken" of krachtige basiszorg (seed 004); a werkplan may belong to none. */
export const DRIEHOEKEN = ['ouderen', 'jeugd', 'ggz'] as const;
export type Driehoek = (typeof DRIEHOEKEN)[number];

export const STATUSSEN = ['niet_gestart', 'op_schema', 'aandacht', 'achter', 'afgerond', 'gestopt'] as const;
export type Status = (typeof STATUSSEN)[number];

export const KWADRANTEN = ['sterkte', 'zwakte', 'kans', 'bedreiging'] as const;
export type Kwadrant = (typeof KWADRANTEN)[number];

export const DRIEHOEK_LABEL: Record<string, string> = {
	ouderen: 'Ouderen',
	jeugd: 'Jeugd',
	ggz: 'GGZ',
	'': 'Geen driehoek'
};

export const STATUS_LABEL: Record<Status, string> = {
	niet_gestart: 'Niet gestart',
	op_schema: 'Op schema',
	aandacht: 'Aandacht nodig',
	achter: 'Achter op schema',
	afgerond: 'Afgerond',
	gestopt: 'Gestopt'
};

/** Plural, as a quadrant's heading. */
export const KWADRANT_LABEL: Record<Kwadrant, string> = {
	sterkte: 'Sterktes',
	zwakte: 'Zwaktes',
	kans: 'Kansen',
	bedreiging: 'Bedreigingen'
};

/** Singular, for one item. */
export const KWADRANT_ENKELVOUD: Record<Kwadrant, string> = {
	sterkte: 'sterkte',
	zwakte: 'zwakte',
	kans: 'kans',
	bedreiging: 'bedreiging'
};

export function statusLabel(status: string | null | undefined): string {
	if (!status) return 'Geen voortgang gemeld';
	return STATUS_LABEL[status as Status] ?? status;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Is this a real calendar date in YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const [y, m, d] = value.split('-').map(Number);
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
