// Demo data of the regiegroep of a fictitious alliance "Gezonde Wijk De Gaarden" (Voorbeeldstad):
// a portfolio of werkplannen modelled on seed 004 (the driehoeken ouderen, jeugd and GGZ, and the
// themes of the Overvecht example), their milestones, status updates before fourteen meetings in
// 2024 and 2025, and three SWOT rounds for three wijken modelled on the SWOT of seed 001 (Tabel 4).
// Deterministic for a seed; every date lies in 2024 or 2025 (none after 31-12-2025, like the
// rest of the demo data). Organisations are fictitious: their names carry the demo gemeente.

import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kwadrant, Status } from '../../contract/regiegroep';
import { dayNumber, dayToDate, dayToIso, formatDay } from './dates';
import { rngFor, type Rng } from './random';
import { writeCsv, writeXlsx, type XlsxCell } from './write';

/** The files this module writes (and removes before writing). */
export const REGIEGROEP_FILE = /^(werkplannen|mijlpalen|voortgang|swot)\.(csv|xlsx)$/;

export interface RegiegroepFile {
	file: string;
	dataset: string;
	rows: number;
	bytes: number;
	variant: string;
}

/** The regiegroep meets every six to eight weeks. */
export const VERGADERINGEN = [
	'2024-01-23',
	'2024-03-12',
	'2024-05-07',
	'2024-06-25',
	'2024-09-10',
	'2024-10-29',
	'2024-12-10',
	'2025-02-04',
	'2025-03-25',
	'2025-05-13',
	'2025-07-01',
	'2025-09-09',
	'2025-10-28',
	'2025-12-09'
];

const DE_GAARDEN = 'WK990105';
const RIENDONK = 'WK990102';

const ORG = {
	btSociaal: 'Buurtteam Sociaal De Gaarden',
	btJeugd: 'Buurtteam Jeugd en Gezin De Gaarden',
	jgz: 'JGZ Voorbeeldstad',
	thuiszorg: 'Thuiszorg Voorbeeldstad',
	welzijn: 'Welzijn Voorbeeldstad',
	sport: 'Sportbedrijf Voorbeeldstad',
	ggz: 'Basis-GGZ Voorbeeldstad',
	begeleiding: 'Ambulante begeleiding Voorbeeldstad',
	wijkorg: 'Wijkorganisatie Gezond De Gaarden',
	makelaars: 'Sociaal makelaars Voorbeeldstad',
	gemeente: 'Gemeente Voorbeeldstad',
	ziekenhuis: 'Ziekenhuis Voorbeeldstad',
	huisartsen: 'Huisartsen De Gaarden'
} as const;

/** How a werkplan tends to go: mostly on schedule, sometimes struggling, once stopped. */
type Verloop = 'vlot' | 'wisselend' | 'moeizaam' | 'gestopt';

interface PlanSpec {
	id: string;
	titel: string;
	thema: string;
	driehoek: 'ouderen' | 'jeugd' | 'ggz' | null;
	trekker: string;
	partners: string[];
	wijk: string | null;
	start: string;
	/** Planned end; null: runs on (a planned end after 2025 is left empty in the demo). */
	eind: string | null;
	doel: string;
	verloop: Verloop;
	mijlpalen: string[];
}

const PLANNEN: PlanSpec[] = [
	{ id: 'WP-J01', titel: 'GGZ-preventie jeugd: hechting', thema: 'GGZ-preventie jeugd', driehoek: 'jeugd', trekker: ORG.jgz, partners: [ORG.btJeugd, ORG.huisartsen], wijk: DE_GAARDEN, start: '2024-01-15', eind: null, doel: 'Signalen van hechtingsproblemen bij jonge kinderen eerder herkennen en samen oppakken', verloop: 'vlot', mijlpalen: ['Eerste verkenning afgerond', 'Scholing hechting voor JGZ en buurtteam', 'Werkafspraak signalering met de huisartsen', 'Evaluatie eerste jaar'] },
	{ id: 'WP-J02', titel: 'Weerbaarheidsaanbod voor kinderen', thema: 'GGZ-preventie jeugd', driehoek: 'jeugd', trekker: ORG.btJeugd, partners: [ORG.welzijn, ORG.jgz], wijk: DE_GAARDEN, start: '2024-03-01', eind: '2025-12-31', doel: 'Kinderen van 8 tot 12 jaar leren omgaan met spanning en tegenslag', verloop: 'wisselend', mijlpalen: ['Aanbod gekozen', 'Trainers opgeleid', 'Eerste groep gestart', 'Tweede groep gestart', 'Evaluatie met ouders'] },
	{ id: 'WP-J03', titel: 'Groepsaanpak kinderen met overgewicht', thema: 'Leefstijl', driehoek: 'jeugd', trekker: ORG.sport, partners: [ORG.jgz, ORG.huisartsen], wijk: DE_GAARDEN, start: '2024-05-01', eind: null, doel: 'Gezinnen met een kind met overgewicht samen in beweging', verloop: 'moeizaam', mijlpalen: ['Verwijsroute via huisarts en JGZ', 'Eerste groep gestart', 'Financiering tweede jaar rond'] },
	{ id: 'WP-J04', titel: 'Zichtbare JGZ en ouder-babygroepen', thema: 'Uitbreiding JGZ', driehoek: 'jeugd', trekker: ORG.jgz, partners: [ORG.btJeugd, ORG.welzijn], wijk: DE_GAARDEN, start: '2024-09-01', eind: null, doel: 'De JGZ zichtbaar in de wijk en verbonden met de eerste lijn; groepen voor en door ouders', verloop: 'vlot', mijlpalen: ['Spreekuur in het gezondheidscentrum', 'Eerste ouder-babygroep', 'Overleg met de huisartsen ingepland'] },
	{ id: 'WP-O01', titel: 'Samenwerking wijkregisseurs ouderenzorg', thema: 'Ouderenzorg', driehoek: 'ouderen', trekker: ORG.thuiszorg, partners: [ORG.btSociaal, ORG.huisartsen], wijk: DE_GAARDEN, start: '2024-01-08', eind: null, doel: 'Een vaste wijkregisseur per praktijk en een gezamenlijk overleg over kwetsbare ouderen', verloop: 'vlot', mijlpalen: ['Wijkregisseur per praktijk bekend', 'Maandelijks ouderenoverleg loopt', 'Positionering specialist ouderengeneeskunde', 'Evaluatie met de praktijken'] },
	{ id: 'WP-O02', titel: 'Mantelzorgondersteuning', thema: 'Mantelzorg', driehoek: 'ouderen', trekker: ORG.welzijn, partners: [ORG.thuiszorg, ORG.btSociaal], wijk: DE_GAARDEN, start: '2024-02-01', eind: '2025-12-31', doel: 'Overbelaste mantelzorgers eerder in beeld en ondersteund', verloop: 'wisselend', mijlpalen: ['Signaleringslijst in de praktijken', 'Mantelzorgcafe gestart', 'Respijtzorg geregeld'] },
	{ id: 'WP-O03', titel: 'Huiskamers in de wijk', thema: 'Ouderenzorg', driehoek: 'ouderen', trekker: ORG.thuiszorg, partners: [ORG.welzijn, ORG.makelaars], wijk: DE_GAARDEN, start: '2024-06-01', eind: null, doel: 'Twee huiskamers waar ouderen elkaar ontmoeten en hulp dichtbij is', verloop: 'moeizaam', mijlpalen: ['Locatie eerste huiskamer', 'Vrijwilligers geworven', 'Tweede huiskamer open'] },
	{ id: 'WP-O04', titel: 'Bewegen voor ouderen in Riëndonk', thema: 'Leefstijl', driehoek: 'ouderen', trekker: ORG.sport, partners: [ORG.thuiszorg, ORG.welzijn], wijk: RIENDONK, start: '2024-04-01', eind: '2025-06-30', doel: 'Valpreventie en bewegen in groepen dicht bij huis', verloop: 'vlot', mijlpalen: ['Groepen gestart', 'Valrisicotest in de praktijk', 'Afronding en overdracht'] },
	{ id: 'WP-G01', titel: 'GGZ-preventie volwassenen', thema: 'GGZ-preventie', driehoek: 'ggz', trekker: ORG.ggz, partners: [ORG.btSociaal, ORG.huisartsen], wijk: DE_GAARDEN, start: '2024-01-15', eind: null, doel: 'Lichte psychische klachten opvangen in de wijk, zonder wachtlijst', verloop: 'wisselend', mijlpalen: ['Eerste verkenning gedaan', 'Consultatie basis-GGZ voor het buurtteam', 'Groepsaanbod stress en somberheid', 'Evaluatie met de huisartsen'] },
	{ id: 'WP-G02', titel: 'Leefstijl en de EPA-doelgroep', thema: 'Leefstijl', driehoek: 'ggz', trekker: ORG.begeleiding, partners: [ORG.sport, ORG.ggz], wijk: DE_GAARDEN, start: '2024-03-01', eind: null, doel: 'Mensen met een ernstige psychische aandoening bewegen meer en eten gezonder', verloop: 'moeizaam', mijlpalen: ['Beweeggroep gestart', 'Kookcursus gestart', 'Somatische screening met de praktijk'] },
	{ id: 'WP-G03', titel: 'Ouders in contact: steun zonder netwerk', thema: 'Sociaal netwerk', driehoek: 'ggz', trekker: ORG.btSociaal, partners: [ORG.welzijn, ORG.makelaars], wijk: DE_GAARDEN, start: '2024-05-01', eind: null, doel: 'Mensen zonder netwerk vinden steun bij elkaar en bij vrijwilligers', verloop: 'vlot', mijlpalen: ['Maatjes geworven', 'Eerste koppelingen', 'Evaluatie met deelnemers'] },
	{ id: 'WP-G04', titel: 'SOLK in de huisartsenpraktijk', thema: 'SOLK', driehoek: 'ggz', trekker: ORG.huisartsen, partners: [ORG.ggz, ORG.btSociaal], wijk: DE_GAARDEN, start: '2024-09-01', eind: null, doel: 'Samen een aanpak voor lichamelijk onverklaarde klachten', verloop: 'wisselend', mijlpalen: ['Casuistiekbespreking SOLK', 'Werkafspraak verwijzing', 'Scholing POH-GGZ'] },
	{ id: 'WP-G05', titel: 'Non-compliance in de zomer en de ramadan', thema: 'Therapietrouw', driehoek: 'ggz', trekker: ORG.huisartsen, partners: [ORG.btSociaal, ORG.wijkorg], wijk: DE_GAARDEN, start: '2025-02-01', eind: null, doel: 'Minder ontregeling van medicatie in de zomer en tijdens de ramadan', verloop: 'vlot', mijlpalen: ['Voorlichting in de praktijk', 'Afspraken met de apotheek'] },
	{ id: 'WP-X01', titel: 'Communicatieplan Gezonde Wijk', thema: 'Organisatorisch', driehoek: null, trekker: ORG.wijkorg, partners: [ORG.gemeente, ORG.makelaars], wijk: null, start: '2024-01-08', eind: '2025-06-30', doel: 'Krachtveldanalyse, kernboodschap per doelgroep en een kalender met communicatiemomenten', verloop: 'vlot', mijlpalen: ['Krachtveldanalyse', 'Kernboodschap vastgesteld', 'Kalender en middelen'] },
	{ id: 'WP-X02', titel: 'Gezamenlijk P&O-plan', thema: 'Organisatorisch', driehoek: null, trekker: ORG.wijkorg, partners: [ORG.btSociaal, ORG.thuiszorg, ORG.huisartsen], wijk: null, start: '2024-03-01', eind: null, doel: 'Een gezamenlijk inwerkprogramma en deskundigheid om in de wijk te werken', verloop: 'wisselend', mijlpalen: ['Inwerkprogramma', 'Gezamenlijke scholingsdag', 'Wervingsafspraken'] },
	{ id: 'WP-X03', titel: 'Vroegsignalering gezondheidsachterstanden', thema: 'Gezondheidsachterstanden', driehoek: null, trekker: ORG.gemeente, partners: [ORG.wijkorg, ORG.huisartsen], wijk: DE_GAARDEN, start: '2024-06-01', eind: null, doel: 'Bewoners die op orde moeten komen eerder in beeld', verloop: 'gestopt', mijlpalen: ['Projectplan', 'Pilot met twee praktijken'] },
	{ id: 'WP-X04', titel: 'Wijkspecialist: samenwerken aan kwaliteit van leven', thema: 'Wijkspecialist', driehoek: null, trekker: ORG.ziekenhuis, partners: [ORG.wijkorg, ORG.huisartsen], wijk: DE_GAARDEN, start: '2024-10-01', eind: null, doel: 'Een specialist die in de wijk meedenkt met de huisartsen', verloop: 'wisselend', mijlpalen: ['Spreekuur wijkspecialist', 'Evaluatie met de huisartsen'] },
	{ id: 'WP-X05', titel: 'Zelfregiecentrum in de wijk', thema: 'Zelfregie', driehoek: null, trekker: ORG.btSociaal, partners: [ORG.welzijn, ORG.ggz], wijk: DE_GAARDEN, start: '2025-04-01', eind: null, doel: 'Zelfhulp, lotgenoten en ervaringsdeskundigheid op een plek in de wijk', verloop: 'vlot', mijlpalen: ['Ervaringsdeskundigen geworven', 'Opening'] },
	{ id: 'WP-X06', titel: 'Laaggeletterdheid: cursus in de wijk', thema: 'Laaggeletterdheid', driehoek: null, trekker: ORG.welzijn, partners: [ORG.huisartsen, ORG.makelaars], wijk: DE_GAARDEN, start: '2025-09-15', eind: null, doel: 'Bewoners die moeite hebben met lezen vinden de weg naar een cursus', verloop: 'vlot', mijlpalen: ['Signalering in de praktijk', 'Eerste cursus'] }
];

const TOELICHTING: Record<Status, string[]> = {
	niet_gestart: ['Nog in voorbereiding; partners zijn benaderd.', 'Start is uitgesteld tot na de zomer.', 'Trekker zoekt nog een projectleider.'],
	op_schema: [
		'Loopt volgens planning.',
		'Goede opkomst; de partners zijn tevreden.',
		'Afspraken met de praktijken zijn gemaakt.',
		'Eerste resultaten besproken in het wijkoverleg.',
		'Vaste contactpersonen bekend bij alle partners.'
	],
	aandacht: [
		'Bezetting bij de trekker staat onder druk.',
		'Bereik van bewoners valt tegen; werving wordt aangepast.',
		'Afstemming met de huisartsen kost meer tijd dan gepland.',
		'Financiering voor volgend jaar nog niet zeker.'
	],
	achter: [
		'Vertraging door uitval van de projectleider.',
		'Locatie niet beschikbaar; er wordt een alternatief gezocht.',
		'Financiering niet rond; besluit van de gemeente volgt.',
		'Te weinig aanmeldingen; aanpak wordt herzien.'
	],
	afgerond: ['Afgerond; evaluatie besproken met alle partners.', 'Afgerond en overgedragen aan de reguliere zorg.'],
	gestopt: ['Gestopt: geen trekker meer beschikbaar; thema komt terug in het P&O-plan.']
};

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** The next status, given the current one and how the werkplan tends to go. */
function nextStatus(rng: Rng, current: Status, verloop: Verloop): Status {
	const r = rng();
	const trouble = verloop === 'vlot' ? 0.12 : verloop === 'wisselend' ? 0.3 : 0.45;
	switch (current) {
		case 'niet_gestart':
			return r < 0.75 ? 'op_schema' : 'niet_gestart';
		case 'op_schema':
			return r < trouble ? 'aandacht' : 'op_schema';
		case 'aandacht':
			return r < trouble ? 'achter' : r < trouble + 0.45 ? 'op_schema' : 'aandacht';
		case 'achter':
			return r < 0.4 ? 'aandacht' : r < 0.5 ? 'op_schema' : 'achter';
		default:
			return current;
	}
}

interface Werkplan extends PlanSpec {
	mijlpaalRows: { id: string; omschrijving: string; deadline: string; gereed_op: string | null }[];
	updates: { datum: string; status: Status; toelichting: string; vergadering: string }[];
}

const LAATSTE_DAG = '2025-12-31';
const clampDay = (iso: string) => (iso > LAATSTE_DAG ? LAATSTE_DAG : iso);
const addDays = (iso: string, n: number) => dayToIso(dayNumber(iso) + n);

function buildWerkplan(seed: number, spec: PlanSpec): Werkplan {
	const rng = rngFor(seed, 'regiegroep', spec.id);
	// Milestones spread over the running time (up to the end of 2025 when it runs on).
	const from = dayNumber(spec.start);
	const to = dayNumber(spec.eind ?? LAATSTE_DAG);
	const span = to - from;
	const lateChance = spec.verloop === 'vlot' ? 0.1 : spec.verloop === 'wisselend' ? 0.3 : 0.5;
	const stopDay = spec.verloop === 'gestopt' ? from + Math.round(span * 0.45) : Infinity;
	const mijlpaalRows = spec.mijlpalen.map((omschrijving, i) => {
		const deadlineDay = Math.min(to, from + Math.round((span * (i + 1)) / (spec.mijlpalen.length + 0.3)) + Math.round((rng() - 0.5) * 20));
		const deadline = clampDay(dayToIso(deadlineDay));
		let gereed: number | null;
		if (deadlineDay > stopDay) gereed = null;
		else if (rng() < lateChance) gereed = rng() < 0.6 ? deadlineDay + 10 + Math.floor(rng() * 70) : null;
		else gereed = deadlineDay - Math.floor(rng() * 14);
		// Not reached yet at the end of the demo period: left open.
		const gereed_op = gereed === null || dayToIso(gereed) > LAATSTE_DAG ? null : dayToIso(gereed);
		return { id: `M${i + 1}`, omschrijving, deadline, gereed_op };
	});

	// A status update a few days before most meetings while the werkplan runs.
	const updates: Werkplan['updates'] = [];
	let status: Status = 'niet_gestart';
	for (const vergadering of VERGADERINGEN) {
		const v = dayNumber(vergadering);
		if (v < from + 10) continue;
		if (spec.eind && v > dayNumber(spec.eind) + 60) break;
		if (status === 'afgerond' || status === 'gestopt') break;
		if (updates.length > 0 && rng() < 0.15) continue; // a trekker that did not report this time
		if (v > stopDay) status = 'gestopt';
		else if (spec.eind && v >= dayNumber(spec.eind) - 14) status = 'afgerond';
		else status = nextStatus(rng, status, spec.verloop);
		// An overdue milestone makes "op schema" unlikely.
		const overdue = mijlpaalRows.some((m) => m.deadline < vergadering && (m.gereed_op === null || m.gereed_op > vergadering));
		if (overdue && status === 'op_schema' && rng() < 0.6) status = 'aandacht';
		const datum = dayToIso(v - 2 - Math.floor(rng() * 8));
		updates.push({ datum, status, toelichting: pick(rng, TOELICHTING[status]), vergadering });
	}
	return { ...spec, mijlpaalRows, updates };
}

// ---- SWOT ----------------------------------------------------------------------------------

interface SwotItem {
	code: string;
	kwadrant: Kwadrant;
	thema: string;
	tekst: string;
}

/** Modelled on Tabel 4 of seed 001 (a SWOT of a practice and a WIJ-team), and seed 004. */
const SWOT_ITEMS: SwotItem[] = [
	{ code: 'S1', kwadrant: 'sterkte', thema: 'personeel', tekst: 'Kennis en ervaring van de liaisons' },
	{ code: 'S2', kwadrant: 'sterkte', thema: 'samenwerking', tekst: 'Uitwisseling van kennis tussen de samenwerkende organisaties' },
	{ code: 'S3', kwadrant: 'sterkte', thema: 'personeel', tekst: 'Liaisons die in beide organisaties werken ontlasten de huisartsenpraktijk' },
	{ code: 'S4', kwadrant: 'sterkte', thema: 'samenwerking', tekst: 'Het buurtteam geeft de praktijk extra ogen en oren in de wijk' },
	{ code: 'S5', kwadrant: 'sterkte', thema: 'samenwerking', tekst: 'Het buurtteam vindt via de huisarts sneller de juiste zorg' },
	{ code: 'S6', kwadrant: 'sterkte', thema: 'preventie', tekst: 'Vragen worden vroeg opgelost, dat bespaart zorgkosten' },
	{ code: 'S7', kwadrant: 'sterkte', thema: 'samenwerking', tekst: 'Gezamenlijke casuistiekbespreking elke maand' },
	{ code: 'Z1', kwadrant: 'zwakte', thema: 'financiering', tekst: 'Afspraken wisselen mee met de politiek' },
	{ code: 'Z2', kwadrant: 'zwakte', thema: 'personeel', tekst: 'Uitwisseling van personeel voor maar een jaar' },
	{ code: 'Z3', kwadrant: 'zwakte', thema: 'personeel', tekst: 'Het succes hangt af van de klik tussen de liaisons' },
	{ code: 'Z4', kwadrant: 'zwakte', thema: 'communicatie', tekst: 'Urgente meldingen worden niet altijd tijdig gedeeld' },
	{ code: 'Z5', kwadrant: 'zwakte', thema: 'communicatie', tekst: 'Huisartsen en buurtteam weten niet van elkaar wanneer ze bereikbaar zijn' },
	{ code: 'K1', kwadrant: 'kans', thema: 'zorgvangnet', tekst: 'Samen een zorgvangnet in de wijk bouwen' },
	{ code: 'K2', kwadrant: 'kans', thema: 'personeel', tekst: 'Liaisons werken outputgestuurd en zijn flexibel in te zetten' },
	{ code: 'K3', kwadrant: 'kans', thema: 'samenwerking', tekst: 'Een nieuwe kijk op vragen van bewoners vanuit verschillende vakken' },
	{ code: 'K4', kwadrant: 'kans', thema: 'preventie', tekst: 'Meer preventie door samenwerking' },
	{ code: 'K5', kwadrant: 'kans', thema: 'samenwerking', tekst: 'Aansluiten bij het platform Gezonde Wijk' },
	{ code: 'B1', kwadrant: 'bedreiging', thema: 'personeel', tekst: 'Bij vertrek of uitval van een liaison valt een gat' },
	{ code: 'B2', kwadrant: 'bedreiging', thema: 'financiering', tekst: 'Nog geen langjarige afspraken over de financiering' },
	{ code: 'B3', kwadrant: 'bedreiging', thema: 'communicatie', tekst: 'Systemen om veilig te communiceren zijn nog niet geregeld' },
	{ code: 'B4', kwadrant: 'bedreiging', thema: 'ggz', tekst: 'Wachtlijst in de basis-GGZ groeit' }
];

export const SWOT_RONDES = ['2024-03-15', '2024-11-15', '2025-09-16'];

interface SwotWijk {
	wijk: string;
	prefix: string;
	/** From which round (0-based) the items carry an item_id; Infinity: never. */
	idsFrom: number;
	/** Item codes per round. */
	rondes: [string[], string[], string[]];
}

const SWOT_WIJKEN: SwotWijk[] = [
	// The alliance's own wijk: ids from the start; communication got better, financing stays a worry.
	{
		wijk: DE_GAARDEN,
		prefix: 'GA',
		idsFrom: 0,
		rondes: [
			['S1', 'S3', 'S4', 'Z1', 'Z2', 'Z3', 'Z4', 'K1', 'K2', 'K4', 'B1', 'B2', 'B3'],
			['S1', 'S3', 'S4', 'S5', 'S7', 'Z1', 'Z3', 'Z4', 'K1', 'K4', 'K5', 'B1', 'B2', 'B3'],
			['S1', 'S3', 'S4', 'S5', 'S6', 'S7', 'Z1', 'Z3', 'K1', 'K3', 'K5', 'B1', 'B2', 'B4']
		]
	},
	// No ids at all: rounds are compared on the text (which changes only in spelling).
	{
		wijk: RIENDONK,
		prefix: 'RI',
		idsFrom: Infinity,
		rondes: [
			['S2', 'S4', 'Z2', 'Z5', 'K1', 'K4', 'B1', 'B2'],
			['S2', 'S4', 'S5', 'Z2', 'Z5', 'K1', 'K4', 'B1', 'B2', 'B4'],
			['S2', 'S4', 'S5', 'S7', 'Z5', 'K1', 'K3', 'K4', 'B2', 'B4']
		]
	},
	// Ids from the second round on.
	{
		wijk: 'WK990301',
		prefix: 'WA',
		idsFrom: 1,
		rondes: [
			['S1', 'S2', 'Z1', 'Z4', 'K2', 'K4', 'B1', 'B3'],
			['S1', 'S2', 'S6', 'Z1', 'Z4', 'K2', 'K4', 'B1', 'B3'],
			['S1', 'S2', 'S6', 'Z1', 'K2', 'K4', 'K5', 'B3', 'B4']
		]
	}
];

/** The same item written a little differently in another round (case, a full stop). */
function spelling(tekst: string, ronde: number): string {
	if (ronde === 1) return `${tekst}.`;
	if (ronde === 2) return tekst.charAt(0).toLowerCase() + tekst.slice(1);
	return tekst;
}

function swotRows(): string[][] {
	const byCode = new Map(SWOT_ITEMS.map((i) => [i.code, i]));
	const rows: string[][] = [];
	for (const w of SWOT_WIJKEN) {
		w.rondes.forEach((codes, r) => {
			for (const code of codes) {
				const item = byCode.get(code)!;
				const id = r >= w.idsFrom ? `${w.prefix}-${code}` : '';
				rows.push([w.wijk, formatDay(dayNumber(SWOT_RONDES[r]), 'dd-mm-yyyy'), item.kwadrant, id, id ? item.tekst : spelling(item.tekst, r), item.thema]);
			}
		});
	}
	return rows;
}

// ---- writing -------------------------------------------------------------------------------

export function buildRegiegroep(seed: number): Werkplan[] {
	return PLANNEN.map((p) => buildWerkplan(seed, p));
}

/** Writes werkplannen, mijlpalen, voortgang and swot into outDir. */
export async function writeRegiegroep(outDir: string, seed: number): Promise<RegiegroepFile[]> {
	await mkdir(outDir, { recursive: true });
	for (const name of await readdir(outDir)) if (REGIEGROEP_FILE.test(name)) await rm(join(outDir, name));
	const plannen = buildRegiegroep(seed);
	const files: RegiegroepFile[] = [];

	const werkplanRows = plannen.map((p) => [p.id, p.titel, p.thema, p.driehoek ?? '', p.trekker, p.partners.join(', '), p.wijk ?? '', p.start, p.eind ?? '', p.doel]);
	files.push({
		file: 'werkplannen.csv',
		dataset: 'werkplannen',
		rows: werkplanRows.length,
		bytes: await writeCsv(join(outDir, 'werkplannen.csv'), ['werkplan_id', 'titel', 'thema', 'driehoek', 'trekker', 'partners', 'wijk_code', 'start', 'eind', 'doel'], werkplanRows, { encoding: 'utf8-bom' }),
		variant: 'UTF-8 met BOM, `;`, partners met komma (RFC 4180)'
	});

	const mijlpaalRows = plannen.flatMap((p) => p.mijlpaalRows.map((m) => [p.id, m.id, m.omschrijving, formatDay(dayNumber(m.deadline), 'dd-mm-yyyy'), m.gereed_op ? formatDay(dayNumber(m.gereed_op), 'dd-mm-yyyy') : '']));
	files.push({
		file: 'mijlpalen.csv',
		dataset: 'mijlpalen',
		rows: mijlpaalRows.length,
		bytes: await writeCsv(join(outDir, 'mijlpalen.csv'), ['werkplan_id', 'mijlpaal_id', 'omschrijving', 'deadline', 'gereed_op'], mijlpaalRows, { delimiter: ',', eol: '\r\n' }),
		variant: 'UTF-8, `,`, CRLF, datums DD-MM-JJJJ'
	});

	const voortgangRows = plannen.flatMap((p) => p.updates.map((u): XlsxCell[] => [p.id, dayToDate(dayNumber(u.datum)), u.status, u.toelichting, dayToDate(dayNumber(u.vergadering))]));
	files.push({
		file: 'voortgang.xlsx',
		dataset: 'voortgang',
		rows: voortgangRows.length,
		bytes: await writeXlsx(join(outDir, 'voortgang.xlsx'), 'voortgang', ['werkplan_id', 'datum', 'status', 'toelichting', 'vergadering'], voortgangRows),
		variant: 'XLSX met echte datumcellen (de statusupdates voor elke vergadering)'
	});

	const swot = swotRows();
	files.push({
		file: 'swot.csv',
		dataset: 'swot',
		rows: swot.length,
		bytes: await writeCsv(join(outDir, 'swot.csv'), ['wijk_code', 'datum', 'kwadrant', 'item_id', 'omschrijving', 'thema'], swot, { encoding: 'windows-1252' }),
		variant: 'Windows-1252, `;`, datums DD-MM-JJJJ; item_id in De Gaarden altijd, in Waardhaven vanaf de tweede ronde, in Riëndonk nooit'
	});
	return files;
}

/** The section about this data in data/demo/README.md. */
export function regiegroepReadme(): string {
	const plannen = PLANNEN.length;
	return `
## Regiegroep: werkplannen en SWOT

De fictieve alliantie "Gezonde Wijk De Gaarden" (Voorbeeldstad) heeft ${plannen} werkplannen, naar het
voorbeeld van de werkplannen op wijkniveau van een Gezonde Wijk-alliantie: de driehoeken ouderen, jeugd
en GGZ, en thema's als GGZ-preventie, leefstijl, mantelzorg, SOLK, laaggeletterdheid en een
communicatieplan. Elk werkplan heeft een trekker, partners en mijlpalen. De regiegroep vergaderde
${VERGADERINGEN.length} keer (${VERGADERINGEN[0]} tot en met ${VERGADERINGEN.at(-1)}); voor de meeste vergaderingen
meldde de trekker een status met toelichting (\`voortgang.xlsx\`). Een werkplan is gestopt, een paar lopen
achter, sommige mijlpalen zijn te laat of gemist. Geplande einddatums na 2025 zijn leeggelaten.

Drie wijken (De Gaarden, Riëndonk, Waardhaven) deden drie SWOT-rondes (${SWOT_RONDES.join(', ')}), met items
naar het voorbeeld van de sterkte-zwakteanalyse van een samenwerking tussen een huisartsenpraktijk en
een wijkteam. In Riëndonk hebben de items geen id en verschilt de spelling per ronde (hoofdletter,
punt): de monitor herkent ze aan hun genormaliseerde tekst.
`;
}
