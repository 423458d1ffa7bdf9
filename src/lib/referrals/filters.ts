// The shape of the page and export filters, shared by the server (which parses and validates
// them, src/lib/server/referrals/filters.ts) and the UI (which shows them).

import { LEEFTIJD_AGGREGATEN, LEEFTIJDSGROEPEN } from '$contract/codes';

export const NIVEAUS = ['gemeente', 'wijk', 'praktijk'] as const;
export const PERIODES = ['maand', 'kwartaal', 'jaar'] as const;
/**
 * Denominators: inhabitants of the wijk (referrals of clients living there), or registered
 * patients of the practices located there (referrals made by those practices).
 */
export const NOEMERS = ['inwoners', 'patienten'] as const;

/** Age filter values: all ages, the aggregates (0-17, 18+) and the single groups. */
export const LEEFTIJDEN = ['alle', ...Object.keys(LEEFTIJD_AGGREGATEN), ...LEEFTIJDSGROEPEN] as const;

export type Niveau = (typeof NIVEAUS)[number];
export type Periode = (typeof PERIODES)[number];
export type Noemer = (typeof NOEMERS)[number];

export interface Filters {
	niveau: Niveau;
	periode: Periode;
	/** null = all lijnen */
	lijn: 0 | 1 | 2 | null;
	leeftijd: string;
	domein: string | null;
	verwijzer: string | null;
	gemeente: string | null;
	wijk: string | null;
	praktijk: string | null;
	van: number | null;
	tot: number | null;
	/** null = automatic: inwoners where inhabitants of the unit and year are loaded, else patienten */
	noemer: Noemer | null;
}
