// Dutch labels for codes, used in the UI and in CSV exports.

export const LIJN_LABEL: Record<number, string> = {
	0: 'Lijn 0 (voorveld)',
	1: 'Lijn 1 (basiszorg)',
	2: 'Lijn 2 (tweede lijn)'
};

export const VERWIJZER_LABEL: Record<string, string> = {
	huisarts: 'Huisarts',
	poh_ggz: 'POH-ggz',
	poh_jeugd: 'POH-jeugd',
	ojg: 'OJG',
	poh_ouderen: 'POH-ouderen',
	buurtteam: 'Buurtteam',
	jgz: 'JGZ',
	wijkverpleging: 'Wijkverpleging',
	overig: 'Overig'
};

export const DOMEIN_LABEL: Record<string, string> = {
	jeugd: 'Jeugd',
	ggz: 'Ggz',
	ouderen: 'Ouderen',
	sociaal: 'Sociaal',
	somatisch: 'Somatisch',
	overig: 'Overig'
};

export const BESTEMMING_LABEL: Record<string, string> = {
	sociaal_makelaar: 'Sociaal makelaar',
	welzijn: 'Welzijn',
	vrijwillige_hulp: 'Vrijwillige hulp',
	buurtteam: 'Buurtteam',
	ojg: 'OJG',
	poh_ggz: 'POH-ggz',
	poh_jeugd: 'POH-jeugd',
	basis_ggz: 'Basis-ggz',
	eerstelijns_psycholoog: 'Eerstelijnspsycholoog',
	jgz: 'JGZ',
	wijkverpleging: 'Wijkverpleging',
	specialistische_jeugdhulp: 'Specialistische jeugdhulp',
	jeugd_ggz: 'Jeugd-ggz',
	specialistische_ggz: 'Specialistische ggz',
	ziekenhuis: 'Ziekenhuis',
	wmo_maatwerk: 'Wmo-maatwerk'
};

export const LEEFTIJD_LABEL: Record<string, string> = {
	alle: 'Alle leeftijden',
	'0-17': 'Jeugd (0-17 jaar)',
	'18+': 'Volwassenen (18+)',
	'0-3': '0-3 jaar',
	'4-11': '4-11 jaar',
	'12-17': '12-17 jaar',
	'18-22': '18-22 jaar',
	'23-64': '23-64 jaar',
	'65-74': '65-74 jaar',
	'75+': '75 jaar en ouder'
};

export const FUNCTIE_LABEL: Record<string, string> = {
	ojg: 'OJG',
	poh_jeugd: 'POH-jeugd',
	jeugdconsulent: 'Jeugdconsulent'
};

export function label(map: Record<string, string>, code: string | number | null | undefined): string {
	if (code === null || code === undefined) return 'Onbekend';
	return map[String(code)] ?? String(code);
}
