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

/**
 * Text as compared between snapshots: without accents, case, punctuation or extra spaces, so that
 * "Kennis en ervaring van de liaisons." and "kennis en ervaring van de Liaisons" are the same item.
 */
export function normaliseText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** A SWOT item's identity within one snapshot: its id, or else its quadrant and normalised text. */
export function itemKey(item: { item_id: string | null; kwadrant: string; omschrijving: string }): string {
	return item.item_id ? `id:${item.item_id}` : `tekst:${item.kwadrant}:${normaliseText(item.omschrijving)}`;
}
