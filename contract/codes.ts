// Code lists of the import contract (docs/formats.md). Shared by the pipelines (validation)
// and the UI (Dutch labels), so that both always agree on what a valid value is.

export const LEEFTIJDSGROEPEN = ['0-3', '4-11', '12-17', '18-22', '23-64', '65-74', '75+'] as const;
export type Leeftijdsgroep = (typeof LEEFTIJDSGROEPEN)[number];

/** Aggregate age filters offered besides the single groups. "Jeugd" is 0-17 (formats.md). */
export const LEEFTIJD_AGGREGATEN: Record<string, readonly Leeftijdsgroep[]> = {
	'0-17': ['0-3', '4-11', '12-17'],
	'18+': ['18-22', '23-64', '65-74', '75+']
};

export const VERWIJZERS = [
	'huisarts',
	'poh_ggz',
	'poh_jeugd',
	'ojg',
	'poh_ouderen',
	'buurtteam',
	'jgz',
	'wijkverpleging',
	'overig'
] as const;
export type Verwijzer = (typeof VERWIJZERS)[number];

export const DOMEINEN = ['jeugd', 'ggz', 'ouderen', 'sociaal', 'somatisch', 'overig'] as const;
export type Domein = (typeof DOMEINEN)[number];

export const LIJNEN = [0, 1, 2] as const;
export type Lijn = (typeof LIJNEN)[number];

/** Default classification of `bestemming` into echelons; extendable through the `bestemmingen` dataset. */
export const DEFAULT_BESTEMMINGEN: Record<string, Lijn> = {
	sociaal_makelaar: 0,
	welzijn: 0,
	vrijwillige_hulp: 0,
	buurtteam: 1,
	ojg: 1,
	poh_ggz: 1,
	poh_jeugd: 1,
	basis_ggz: 1,
	eerstelijns_psycholoog: 1,
	jgz: 1,
	wijkverpleging: 1,
	specialistische_jeugdhulp: 2,
	jeugd_ggz: 2,
	specialistische_ggz: 2,
	ziekenhuis: 2,
	wmo_maatwerk: 2
};

export const OJG_FUNCTIES = ['ojg', 'poh_jeugd', 'jeugdconsulent'] as const;
export type OjgFunctie = (typeof OJG_FUNCTIES)[number];

export const WIJK_CODE = /^WK\d{6}$/;
export const GEMEENTE_CODE = /^GM\d{4}$/;
