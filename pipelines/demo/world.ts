// The fictitious region of the demo data: three gemeenten, twelve wijken, twenty practices and
// the OJG / POH-jeugd placements. All codes are outside the real CBS ranges (GM99xx, WK99xxyy),
// all names are made up. Everything that the generator plants lives here or in model.ts, so that
// tests and later estimators can compare what they measure with what was put in.

import type { OjgFunctie } from '../../contract/codes';

export interface DemoGemeente {
	code: string;
	naam: string;
	/** Short name used in file names. */
	slug: string;
}

/** Age-structure profile of a wijk; see AGE_PROFILES in populatie.ts. */
export type WijkProfiel = 'gezinnen' | 'stedelijk' | 'gemengd' | 'vergrijsd';

export interface DemoWijk {
	code: string;
	naam: string;
	gemeente: string;
	profiel: WijkProfiel;
	/** Inhabitants in 2016. */
	inwoners2016: number;
	/** Yearly growth of the total population (fraction). */
	groei: number;
}

export interface DemoPraktijk {
	code: string;
	naam: string;
	wijk: string;
	/** Registered patients in 2016. */
	patienten2016: number;
	/** Yearly growth of the practice list (fraction). */
	groei: number;
}

export interface DemoOjgInzet {
	praktijk_code: string;
	functie: OjgFunctie;
	/** ISO date; always the first of a month. */
	start: string;
	/** ISO date of the last day, or null while still in place. */
	eind: string | null;
	uren_per_week: number;
}

export const DEMO_GEMEENTEN: readonly DemoGemeente[] = [
	{ code: 'GM9901', naam: 'Voorbeeldstad', slug: 'voorbeeldstad' },
	{ code: 'GM9902', naam: 'Demodorp', slug: 'demodorp' },
	{ code: 'GM9903', naam: 'Proefwaard', slug: 'proefwaard' }
];

export const DEMO_WIJKEN: readonly DemoWijk[] = [
	{ code: 'WK990101', naam: 'Centrum', gemeente: 'GM9901', profiel: 'stedelijk', inwoners2016: 8500, groei: 0.009 },
	{ code: 'WK990102', naam: 'Riëndonk', gemeente: 'GM9901', profiel: 'gemengd', inwoners2016: 7200, groei: 0.004 },
	{ code: 'WK990103', naam: 'Lindenhof', gemeente: 'GM9901', profiel: 'gezinnen', inwoners2016: 5900, groei: 0.012 },
	{ code: 'WK990104', naam: 'Molenkwartier', gemeente: 'GM9901', profiel: 'gemengd', inwoners2016: 7400, groei: 0.003 },
	{ code: 'WK990105', naam: 'De Gaarden', gemeente: 'GM9901', profiel: 'gezinnen', inwoners2016: 4600, groei: 0.007 },
	{ code: 'WK990106', naam: 'Het Prieël', gemeente: 'GM9901', profiel: 'vergrijsd', inwoners2016: 3500, groei: -0.002 },
	{ code: 'WK990201', naam: 'Dorpskern', gemeente: 'GM9902', profiel: 'vergrijsd', inwoners2016: 5200, groei: 0.001 },
	{ code: 'WK990202', naam: 'Beekveld', gemeente: 'GM9902', profiel: 'gezinnen', inwoners2016: 4600, groei: 0.008 },
	{ code: 'WK990203', naam: 'De Horst', gemeente: 'GM9902', profiel: 'gemengd', inwoners2016: 3700, groei: 0.003 },
	{ code: 'WK990301', naam: 'Waardhaven', gemeente: 'GM9903', profiel: 'stedelijk', inwoners2016: 10300, groei: 0.01 },
	{ code: 'WK990302', naam: 'Oude Polder', gemeente: 'GM9903', profiel: 'vergrijsd', inwoners2016: 4800, groei: 0.0 },
	{ code: 'WK990303', naam: 'Kievitsland', gemeente: 'GM9903', profiel: 'gezinnen', inwoners2016: 5500, groei: 0.011 }
];

export const DEMO_PRAKTIJKEN: readonly DemoPraktijk[] = [
	// Voorbeeldstad
	{ code: 'P001', naam: 'Huisartsenpraktijk De Linde (fictief)', wijk: 'WK990101', patienten2016: 7000, groei: 0.008 },
	{ code: 'P002', naam: 'Gezondheidscentrum Riëndonk (fictief)', wijk: 'WK990102', patienten2016: 6400, groei: 0.006 },
	{ code: 'P003', naam: 'Huisartsenpraktijk Lindenhof (fictief)', wijk: 'WK990103', patienten2016: 2600, groei: 0.012 },
	{ code: 'P004', naam: 'Huisartsen Molenkwartier (fictief)', wijk: 'WK990104', patienten2016: 4500, groei: 0.002 },
	{ code: 'P005', naam: 'Huisartsenpraktijk De Gaarden (fictief)', wijk: 'WK990105', patienten2016: 3600, groei: 0.007 },
	{ code: 'P006', naam: 'Huisartsenpraktijk Het Prieël (fictief)', wijk: 'WK990106', patienten2016: 2000, groei: -0.003 },
	{ code: 'P007', naam: 'Gezondheidscentrum "De Bron" (fictief)', wijk: 'WK990101', patienten2016: 5000, groei: 0.01 },
	{ code: 'P008', naam: 'Huisartsenpraktijk Molenzicht (fictief)', wijk: 'WK990104', patienten2016: 3000, groei: 0.004 },
	{ code: 'P009', naam: 'Huisartsen Bakker, Smit & Visser (fictief)', wijk: 'WK990103', patienten2016: 2300, groei: 0.009 },
	// Demodorp
	{ code: 'P010', naam: 'Huisartsenpraktijk Dorpskern (fictief)', wijk: 'WK990201', patienten2016: 3800, groei: 0.002 },
	{ code: 'P011', naam: 'Huisartsenpraktijk Beekveld (fictief)', wijk: 'WK990202', patienten2016: 2500, groei: 0.008 },
	{ code: 'P012', naam: 'Gezondheidscentrum De Horst (fictief)', wijk: 'WK990203', patienten2016: 4200, groei: 0.004 },
	{ code: 'P013', naam: 'Huisartsenpraktijk Het Veer (fictief)', wijk: 'WK990201', patienten2016: 600, groei: 0.0 },
	{ code: 'P014', naam: 'Huisartsenpraktijk De Esdoorn (fictief)', wijk: 'WK990202', patienten2016: 2100, groei: 0.006 },
	// Proefwaard
	{ code: 'P015', naam: 'Huisartsenpraktijk Waardhaven (fictief)', wijk: 'WK990301', patienten2016: 5400, groei: 0.01 },
	{ code: 'P016', naam: 'Huisartsenpraktijk De Kievit (fictief)', wijk: 'WK990303', patienten2016: 2000, groei: 0.012 },
	{ code: 'P017', naam: 'Gezondheidscentrum Oude Polder (fictief)', wijk: 'WK990302', patienten2016: 3700, groei: 0.001 },
	{ code: 'P018', naam: 'Huisartsenpraktijk De Wilgen (fictief)', wijk: 'WK990301', patienten2016: 2800, groei: 0.007 },
	{ code: 'P019', naam: 'Huisartsenpraktijk Havenzicht (fictief)', wijk: 'WK990301', patienten2016: 4100, groei: 0.009 },
	{ code: 'P020', naam: 'Huisartsenpraktijk Polderweg (fictief)', wijk: 'WK990303', patienten2016: 2200, groei: 0.01 }
];

/** The placements, in the order they appear in the ojg_inzet files. */
export const DEMO_OJG_INZET: readonly DemoOjgInzet[] = [
	{ praktijk_code: 'P002', functie: 'ojg', start: '2018-03-01', eind: null, uren_per_week: 16 },
	{ praktijk_code: 'P005', functie: 'ojg', start: '2019-01-01', eind: '2021-06-30', uren_per_week: 12 },
	{ praktijk_code: 'P007', functie: 'poh_jeugd', start: '2021-09-01', eind: null, uren_per_week: 20 },
	{ praktijk_code: 'P012', functie: 'ojg', start: '2019-04-01', eind: null, uren_per_week: 12.5 },
	{ praktijk_code: 'P014', functie: 'jeugdconsulent', start: '2022-02-01', eind: null, uren_per_week: 7.5 },
	{ praktijk_code: 'P017', functie: 'ojg', start: '2020-10-01', eind: null, uren_per_week: 13.5 },
	{ praktijk_code: 'P019', functie: 'poh_jeugd', start: '2023-03-01', eind: null, uren_per_week: 18 }
];

export function gemeenteVanWijk(wijkCode: string): DemoGemeente {
	const wijk = DEMO_WIJKEN.find((w) => w.code === wijkCode);
	const gemeente = DEMO_GEMEENTEN.find((g) => g.code === wijk?.gemeente);
	if (!gemeente) throw new Error(`Onbekende wijk ${wijkCode}`);
	return gemeente;
}

export function gemeenteVanPraktijk(praktijkCode: string): DemoGemeente {
	const praktijk = DEMO_PRAKTIJKEN.find((p) => p.code === praktijkCode);
	if (!praktijk) throw new Error(`Onbekende praktijk ${praktijkCode}`);
	return gemeenteVanWijk(praktijk.wijk);
}
