// What each export column is, in one dictionary: its Dutch heading (the XLSX data sheet), its
// definition (the XLSX Toelichting, Arrow field metadata) and its kind, which decides the number
// format in Excel and the type in Arrow. The CSV keeps the short codes as headers (the contract of
// docs/export.md); the dictionary is keyed by those codes, with `<export>:<code>` where one code
// means something else in one export. tests/export/formats.test.ts checks that every column of
// every export has an entry.

/**
 * - `tekst`: text (codes, names, dates as YYYY-MM-DD);
 * - `geheel`: a whole number that is never hidden (years, populations, scale points);
 * - `aantal`: a count of people or referrals that may be hidden: a number, or "<k" / "x" text;
 * - `decimaal`: a number with the column's decimals (rates, means, ratios);
 * - `procent`: a percentage 0–100 with the column's decimals.
 */
export type Soort = 'tekst' | 'geheel' | 'aantal' | 'decimaal' | 'procent';

export interface ColumnInfo {
	label: string;
	definitie: string;
	soort: Soort;
}

const c = (label: string, definitie: string, soort: Soort = 'tekst'): ColumnInfo => ({ label, definitie, soort });

const HIDDEN = 'gepubliceerd met de celsleutelmethode (licht verstoord); "<5" (of "<k") als het aantal klein is';
const GROUP = 'aantal respondenten van de groep; "x" of "<k" als de groep of het antwoord te klein is om te tonen';

const COLUMNS: Readonly<Record<string, ColumnInfo>> = {
	// Units and periods (referrals)
	periode: c('Periode', 'maand (2024-03), kwartaal (2024-K1) of jaar (2024)'),
	niveau: c('Niveau', 'gemeente, wijk of praktijk'),
	niveau_code: c('Code', 'code van de gemeente (GM), wijk (WK) of praktijk'),
	niveau_naam: c('Naam', 'naam van de gemeente, wijk of praktijk'),
	gemeente_code: c('Gemeentecode', 'CBS-code van de gemeente (GM + 4 cijfers)'),
	gemeente_naam: c('Gemeente', 'naam van de gemeente'),
	lijn: c('Lijn', 'gekozen echelon: 0 voorveld, 1 basiszorg, 2 tweede lijn, of alle'),
	leeftijd: c('Leeftijd', 'gekozen leeftijdsgroep(en): alle, 0-17, 18+ of één groep'),
	verwijzingen: c('Verwijzingen', `aantal verwijzingen, ${HIDDEN}`, 'aantal'),
	populatie: c('Populatie', 'inwoners of ingeschreven patiënten (zie noemer) van de leeftijdsgroepen in dat jaar; leeg als onbekend of kleiner dan k', 'geheel'),
	per_1000: c('Per 1.000 inwoners/patiënten per jaar', 'gepubliceerde verwijzingen per 1.000 persoonsjaren (een maand telt 1/12 van de jaarpopulatie); leeg als niet getoond', 'decimaal'),
	noemer: c('Noemer', 'inwoners: verwijzingen van inwoners van de eenheid, per inwoner; patienten: verwijzingen door de praktijken in de eenheid, per ingeschreven patiënt'),
	// Destinations
	'bestemmingen:lijn': c('Lijn', '0 voorveld, 1 basiszorg, 2 tweede lijn', 'geheel'),
	lijn_naam: c('Lijn (naam)', 'naam van het echelon'),
	bestemming: c('Bestemming', 'code van de bestemming van de verwijzing'),
	bestemming_naam: c('Bestemming (naam)', 'naam van de bestemming'),
	aandeel_pct: c('Aandeel (%)', 'aandeel van alle gepubliceerde verwijzingen in de selectie', 'procent'),
	// Headline figures
	jaar: c('Jaar', 'kalenderjaar', 'geheel'),
	tweede_lijn_per_1000: c('Tweede lijn per 1.000 inwoners', 'verwijzingen naar de tweede lijn per 1.000 inwoners per jaar', 'decimaal'),
	basiszorg_pct: c('Basiszorg (%)', 'aandeel van de verwijzingen dat in de basiszorg (lijn 0 en 1) bleef', 'procent'),
	terugkoppeling_4wk_pct: c('Terugkoppeling binnen 4 weken (%)', 'aandeel van de verwijzingen naar het buurtteam met terugkoppeling aan de praktijk binnen 4 weken', 'procent'),
	// Provenance
	load_id: c('Lading', 'volgnummer van de lading'),
	bestand: c('Bestand', 'naam van het geladen bestand'),
	sha256: c('SHA-256', 'vingerafdruk van het bestand'),
	dataset: c('Dataset', 'soort bestand uit het importcontract'),
	rijen_gelezen: c('Rijen gelezen', 'aantal gelezen rijen; "<k" als klein, leeg als verborgen', 'aantal'),
	rijen_geladen: c('Rijen geladen', 'aantal geladen rijen; "<k" als klein, leeg als verborgen', 'aantal'),
	rijen_vervangen: c('Rijen vervangen', 'aantal rijen dat een eerdere levering verving; "<k" als klein, leeg als verborgen', 'aantal'),
	rijen_afgewezen: c('Rijen afgewezen', 'aantal afgewezen rijen; "<k" als klein, leeg als verborgen', 'aantal'),
	waarschuwingen: c('Waarschuwingen', 'waarschuwingen van de import, gescheiden door |'),
	start: c('Start', 'begin (datum of tijdstip)'),
	einde: c('Einde', 'einde van de lading (tijdstip)'),
	pipeline_versie: c('Versie pipeline', 'versie van de importprogrammatuur'),
	geladen_door: c('Geladen door', 'wie de lading startte'),
	// OJG effect
	praktijk_code: c('Praktijkcode', 'code van de huisartsenpraktijk (ALLE: het gewogen gemiddelde)'),
	praktijk_naam: c('Praktijk', 'naam van de huisartsenpraktijk'),
	functie: c('Functie', 'ojg, poh_jeugd of jeugdconsulent'),
	eind: c('Eind', 'einddatum; leeg als nog lopend'),
	venster_maanden: c('Venster (maanden)', 'aantal maanden vóór en na de start dat wordt vergeleken', 'geheel'),
	vergelijking: c('Vergelijking', 'de vergelijkingsgroep: praktijken zonder plaatsing in dezelfde gemeente of overal'),
	vergelijkingspraktijken: c('Vergelijkingspraktijken', 'aantal praktijken in de vergelijkingsgroep', 'geheel'),
	estimable: c('Te schatten', 'ja als het effect geschat kon worden'),
	status: c('Status', 'stand: geschat of de reden waarom niet'),
	verwijzingen_pre: c('Verwijzingen vóór', `verwijzingen van de praktijk naar de tweede lijn in het venster vóór de start, ${HIDDEN}`, 'aantal'),
	verwijzingen_post: c('Verwijzingen na', `verwijzingen van de praktijk naar de tweede lijn in het venster na de start, ${HIDDEN}`, 'aantal'),
	verwijzingen_c_pre: c('Vergelijking vóór', `verwijzingen van de vergelijkingsgroep vóór de start, ${HIDDEN}`, 'aantal'),
	verwijzingen_c_post: c('Vergelijking na', `verwijzingen van de vergelijkingsgroep na de start, ${HIDDEN}`, 'aantal'),
	rate_pre: c('Per 1.000 vóór', 'verwijzingen per 1.000 patiënten per jaar van de praktijk vóór de start', 'decimaal'),
	rate_post: c('Per 1.000 na', 'verwijzingen per 1.000 patiënten per jaar van de praktijk na de start', 'decimaal'),
	rate_c_pre: c('Vergelijking per 1.000 vóór', 'verwijzingen per 1.000 patiënten per jaar van de vergelijkingsgroep vóór de start', 'decimaal'),
	rate_c_post: c('Vergelijking per 1.000 na', 'verwijzingen per 1.000 patiënten per jaar van de vergelijkingsgroep na de start', 'decimaal'),
	rr: c('Verhouding praktijk', 'na gedeeld door vóór, praktijk', 'decimaal'),
	rr_c: c('Verhouding vergelijking', 'na gedeeld door vóór, vergelijkingsgroep', 'decimaal'),
	did: c('Verschil in verschillen (log)', 'ln(rr) min ln(rr_c): het geschatte effect op logschaal', 'decimaal'),
	effect_pct: c('Effect (%)', 'geschatte verandering van het verwijscijfer door de plaatsing', 'procent'),
	ci_low_pct: c('Interval laag (%)', 'ondergrens van het 95%-interval van het effect', 'procent'),
	ci_high_pct: c('Interval hoog (%)', 'bovengrens van het 95%-interval van het effect', 'procent'),
	spreidingsfactor: c('Spreidingsfactor', 'kalibratie van het interval op placeboplaatsingen', 'decimaal'),
	vrijheidsgraden: c('Vrijheidsgraden', 'vrijheidsgraden van de t-verdeling van het interval', 'geheel'),
	reden: c('Toelichting', 'waarom geen schatting of geen interval, of wat het gemiddelde omvat'),
	// OJG series
	maand: c('Maand', 'kalendermaand (YYYY-MM)'),
	'ojg-reeks:periode': c('Periode', 'voor, start of na de plaatsing'),
	praktijk_per_1000: c('Praktijk per 1.000', 'verwijzingen van de praktijk naar de tweede lijn per 1.000 patiënten per jaar', 'decimaal'),
	vergelijking_per_1000: c('Vergelijking per 1.000', 'hetzelfde voor de vergelijkingsgroep', 'decimaal'),
	praktijk_3m_per_1000: c('Praktijk per 1.000 (3 maanden)', 'als praktijk per 1.000, over die maand en de twee ervoor', 'decimaal'),
	vergelijking_3m_per_1000: c('Vergelijking per 1.000 (3 maanden)', 'als vergelijking per 1.000, over die maand en de twee ervoor', 'decimaal'),
	naar_tweede_lijn: c('Naar tweede lijn', `verwijzingen van de praktijk naar de tweede lijn, ${HIDDEN}`, 'aantal'),
	naar_tweede_lijn_3m: c('Naar tweede lijn (3 maanden)', `idem over drie maanden, ${HIDDEN}`, 'aantal'),
	vergelijking_naar_tweede_lijn: c('Vergelijking naar tweede lijn', `verwijzingen van de vergelijkingsgroep naar de tweede lijn, ${HIDDEN}`, 'aantal'),
	vergelijking_naar_tweede_lijn_3m: c('Vergelijking naar tweede lijn (3 maanden)', `idem over drie maanden, ${HIDDEN}`, 'aantal'),
	naar_ojg: c('Naar OJG', `verwijzingen van de praktijk naar de OJG, ${HIDDEN}`, 'aantal'),
	naar_ojg_3m: c('Naar OJG (3 maanden)', `idem over drie maanden, ${HIDDEN}`, 'aantal'),
	// Regiegroep
	werkplan_id: c('Werkplan', 'code van het werkplan'),
	titel: c('Titel', 'titel van het werkplan'),
	thema: c('Thema', 'thema'),
	driehoek: c('Driehoek', 'ouderen, jeugd, ggz of leeg'),
	trekker: c('Trekker', 'de organisatie die het werkplan trekt'),
	partners: c('Partners', 'de betrokken organisaties'),
	wijk_code: c('Wijkcode', 'CBS-code van de wijk (WK + 6 cijfers); bij samengevoegde wijken de codes, gescheiden door komma’s'),
	wijk_naam: c('Wijk', 'naam van de wijk of wijkgroep'),
	doel: c('Doel', 'doel van het werkplan'),
	peildatum: c('Peildatum', 'de datum waarop de stand is bepaald'),
	status_naam: c('Status (naam)', 'de status in woorden'),
	status_datum: c('Datum status', 'datum van de laatste statusupdate'),
	toelichting: c('Toelichting', 'toelichting bij de status'),
	status_bron: c('Bron status', 'import of bewerking in de app'),
	status_bron_detail: c('Bron status (detail)', 'wie en wanneer'),
	werkplan_titel: c('Werkplan (titel)', 'titel van het werkplan'),
	mijlpaal_id: c('Mijlpaal', 'code van de mijlpaal'),
	omschrijving: c('Omschrijving', 'omschrijving'),
	deadline: c('Deadline', 'uiterste datum'),
	gereed_op: c('Gereed op', 'datum waarop de mijlpaal gereed was'),
	stand: c('Stand', 'stand van de mijlpaal op de peildatum'),
	bron: c('Bron', 'import of bewerking in de app'),
	bron_detail: c('Bron (detail)', 'wie en wanneer'),
	datum: c('Datum', 'datum (YYYY-MM-DD)'),
	kwadrant: c('Kwadrant', 'sterkte, zwakte, kans of bedreiging'),
	item_id: c('Item', 'code van het SWOT-item'),
	afgesloten_op: c('Afgesloten op', 'datum waarop het item werd afgesloten'),
	// Surveys
	enquete_id: c('Enquête', 'code(s) van de enquête(s), gescheiden door komma’s'),
	seizoen: c('Seizoen', 'seizoen van de leerbijeenkomst, zoals voorjaar-2025'),
	rol: c('Rol', 'rol van de respondenten (alle, een rol of overige)'),
	n: c('Respondenten (n)', GROUP, 'aantal'),
	gemiddelde: c('Gemiddelde', 'gemiddelde score van de groep (negatief geformuleerde stellingen omgekeerd)', 'decimaal'),
	respons_pct: c('Respons (%)', 'respondenten als deel van de genodigden', 'procent'),
	schaal: c('Schaal', 'aantal antwoordpunten van de schaal (5 of 7)', 'geheel'),
	...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((s) => [`aantal_${s}`, c(`Antwoord ${s}`, `aantal respondenten met score ${s}; ${GROUP}`, 'aantal')])),
	aantal_nvt: c('Niet van toepassing', `aantal respondenten dat "niet van toepassing" antwoordde; ${GROUP}`, 'aantal'),
	rollen: c('Rollen', 'de rollen in de groep, gescheiden door komma’s'),
	vraag_tekst: c('Vraag', 'de tekst van de vraag'),
	vorig_gemiddelde: c('Gemiddelde vorig seizoen', 'gemiddelde van dezelfde groep in het vorige seizoen', 'decimaal'),
	verschil: c('Verschil', 'gemiddelde min vorig gemiddelde', 'decimaal'),
	ci_laag: c('Interval laag', 'ondergrens van het 95%-interval van het verschil (Holm-gecorrigeerd)', 'decimaal'),
	ci_hoog: c('Interval hoog', 'bovengrens van het 95%-interval van het verschil (Holm-gecorrigeerd)', 'decimaal'),
	oordeel: c('Oordeel', 'hoger, lager of geen duidelijk verschil'),
	ja: c('Ja', `aantal respondenten dat ja antwoordde; ${GROUP}`, 'aantal'),
	ja_pct: c('Ja (%)', 'deel dat ja antwoordde', 'procent'),
	vorig_ja_pct: c('Ja vorig seizoen (%)', 'deel dat ja antwoordde in het vorige seizoen', 'procent'),
	verschil_pctpt: c('Verschil (procentpunt)', 'ja (%) min ja vorig seizoen (%), in procentpunten', 'decimaal'),
	ci_laag_pctpt: c('Interval laag (procentpunt)', 'ondergrens van het 95%-interval van het verschil', 'decimaal'),
	ci_hoog_pctpt: c('Interval hoog (procentpunt)', 'bovengrens van het 95%-interval van het verschil', 'decimaal'),
	ronde: c('Ronde', 'meetronde van de werkafsprakenmonitor'),
	vraag_code: c('Vraagcode', 'code van de vraag'),
	eens: c('Eens', `aantal respondenten dat (helemaal) eens was, na omkering van negatief geformuleerde stellingen; ${GROUP}`, 'aantal'),
	eens_pct: c('Eens (%)', 'deel dat de afspraak nakomt (eens, na omkering)', 'procent'),
	gedrag: c('Gedrag', 'de maat voor het verwijsgedrag bij deze afspraak'),
	gedrag_noemer: c('Gedrag: noemer', `verwijzingen waarover het gedrag is gemeten, ${HIDDEN}`, 'aantal'),
	gedrag_pct: c('Gedrag (%)', 'teller als deel van de noemer', 'procent'),
	gedrag_teller: c('Gedrag: teller', `verwijzingen die aan de afspraak voldoen, ${HIDDEN}`, 'aantal'),
	// The filters every CSV row carries (respond.ts)
	filters: c('Filters', 'de toegepaste filters als querystring, zoals in de adresbalk van de pagina')
};

/** The column `header` of export `name`, or undefined when the dictionary lacks it. */
export function columnInfo(name: string, header: string): ColumnInfo | undefined {
	return COLUMNS[`${name}:${header}`] ?? COLUMNS[header];
}
