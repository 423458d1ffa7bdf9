// Demo surveys: the spring leerbijeenkomsten of 2023, 2024 and 2025 in four wijken, and the
// werkafspraken monitor twice a year, as the exports the GEZ coordinator gets: the contract's wide
// CSV/XLSX, LimeSurvey's CSV export (answer codes, incomplete responses) and Microsoft Forms' XLSX
// export (with its Email and Name columns). Seeded and fictitious, like the rest of data/demo.
//
// Planted (the "truth" below, for tests and for the eye):
//  - terugkoppeling improves every spring (THEMA_GEMIDDELDE), the other themas stay about level;
//  - on informatie delen huisartsen score lower and buurtteam members higher (ROL_EFFECT);
//  - in the werkafspraken monitor the share answering "ja" on terugkoppeling rises each round.

import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIKERT5_LABELS, type Rol } from '../../contract/surveys';
import { dayNumber, dayToIso, nextWorkday } from './dates';
import { normal, pickWeighted, rngFor, type Rng } from './random';
import { DEMO_WIJKEN } from './world';
import { writeCsv, writeXlsx, type DemoFile, type XlsxCell } from './write';

/** The wijken with a leerbijeenkomst every spring (seed 000 §4.2: "in vier wijken"). */
export const ENQUETE_WIJKEN = [
	{ code: 'WK990101', kort: 'CEN', slug: 'centrum' },
	{ code: 'WK990102', kort: 'RIE', slug: 'riendonk' },
	{ code: 'WK990201', kort: 'DOR', slug: 'dorpskern' },
	{ code: 'WK990301', kort: 'WAA', slug: 'waardhaven' }
] as const;

export const LEERBIJEENKOMST_JAREN = [2023, 2024, 2025] as const;

/** Mean score (1-5, after reversal) per thema and spring, before wijk, rol and person effects. */
export const THEMA_GEMIDDELDE: Record<string, readonly [number, number, number]> = {
	bereikbaarheid: [3.7, 3.7, 3.75],
	terugkoppeling: [2.6, 3.2, 3.9],
	'informatie delen': [3.2, 3.2, 3.2],
	regie: [3.2, 3.25, 3.2],
	samenwerking: [3.55, 3.6, 3.65]
};

/** Added to the mean of a thema for a rol: huisartsen and buurtteam see information sharing differently. */
export const ROL_EFFECT: Record<string, Partial<Record<Rol, number>>> = {
	'informatie delen': { huisarts: -0.75, poh: -0.3, doktersassistent: -0.2, buurtteam: 0.75 }
};

const WIJK_EFFECT = [0.1, -0.1, 0.05, -0.15];

type Vorm = 'breed' | 'breed-xlsx' | 'limesurvey' | 'forms';

/** Which export each leerbijeenkomst arrives as: every shape appears, this spring as Forms and last spring as LimeSurvey in two wijken. */
const VORM: Record<string, readonly [Vorm, Vorm, Vorm]> = {
	CEN: ['breed', 'limesurvey', 'forms'],
	RIE: ['limesurvey', 'limesurvey', 'forms'],
	DOR: ['breed-xlsx', 'breed', 'limesurvey'],
	WAA: ['forms', 'forms', 'breed']
};

interface Item {
	thema: string;
	tekst: string;
	omgekeerd?: boolean;
}

export const ITEMS: readonly Item[] = [
	{ thema: 'bereikbaarheid', tekst: 'Ik weet hoe ik de andere partij snel kan bereiken.' },
	{ thema: 'bereikbaarheid', tekst: 'Als ik bel of een bericht stuur, krijg ik binnen een werkdag antwoord.' },
	{ thema: 'terugkoppeling', tekst: 'Ik krijg terugkoppeling over cliënten die ik heb verwezen.' },
	{ thema: 'terugkoppeling', tekst: 'Ik hoor het als de begeleiding van een cliënt wordt afgesloten.' },
	{ thema: 'informatie delen', tekst: 'Privacyregels belemmeren mij om informatie over cliënten te delen.', omgekeerd: true },
	{ thema: 'informatie delen', tekst: 'Ik weet welke informatie ik met de andere partij mag delen.' },
	{ thema: 'regie', tekst: 'Bij meervoudige problematiek is duidelijk wie de regie heeft.' },
	{ thema: 'samenwerking', tekst: 'De samenwerking tussen praktijk en buurtteam is het afgelopen jaar beter geworden.' }
];
const ROL_VRAAG = 'Wat is uw functie?';
const CIJFER_VRAAG = 'Welk rapportcijfer geeft u de samenwerking in uw wijk?';
const DRIEGESPREK_VRAAG = 'Heeft u het afgelopen jaar een driegesprek (cliënt, buurtteam en huisarts of POH) gevoerd?';
const OPEN_VRAGEN = [
	{ thema: 'samenwerking', tekst: 'Wat gaat goed in de samenwerking?' },
	{ thema: 'terugkoppeling', tekst: 'Wat kan beter aan de terugkoppeling?' }
] as const;

const OPEN_TEKSTEN: Record<string, readonly string[]> = {
	samenwerking: [
		'De lijntjes zijn kort, we weten elkaar te vinden.',
		'Het casuïstiekoverleg helpt om elkaars werkwijze te leren kennen.',
		'Fijn dat de aandachtsfunctionaris op vaste momenten in het gezondheidscentrum is.',
		'Samen een huisbezoek doen werkt goed bij vastgelopen situaties.',
		'We spreken elkaar direct aan als iets niet goed gaat.',
		'De POH weet goed wanneer het buurtteam kan helpen.',
		'Gezamenlijke scholing heeft het vertrouwen vergroot.',
		'Korte overleggen bij de koffie maken veel verschil.'
	],
	terugkoppeling: [
		'Vaak hoor ik niets meer nadat ik iemand heb aangemeld.',
		'Een kort bericht bij afsluiting zou al helpen.',
		'Terugkoppeling via het beveiligde berichtenprogramma werkt beter dan bellen.',
		'Het is niet altijd duidelijk wie de terugkoppeling moet doen.',
		'Sinds de nieuwe afspraken krijg ik meestal binnen een paar weken bericht.',
		'Graag ook terugkoppeling als de cliënt niet is verschenen.',
		'De terugkoppeling is verbeterd, maar nog niet bij elke medewerker.',
		'Een vaste contactpersoon per praktijk zou de terugkoppeling versnellen.'
	]
};

/** Share of each rol among the respondents of a leerbijeenkomst. */
const ROL_MIX: readonly (readonly [Rol, number])[] = [
	['huisarts', 0.27],
	['poh', 0.14],
	['doktersassistent', 0.08],
	['buurtteam', 0.31],
	['jgz', 0.06],
	['wijkverpleging', 0.06],
	['sociaal_makelaar', 0.05],
	['overig', 0.03]
];

/** How the tools write a rol: LimeSurvey answer codes and Forms labels. */
const LS_ROL: Record<Rol, string> = {
	huisarts: 'HA',
	poh: 'POH',
	doktersassistent: 'DA',
	buurtteam: 'BT',
	ojg: 'OJG',
	jgz: 'JGZ',
	wijkverpleging: 'WV',
	sociaal_makelaar: 'SM',
	gemeente: 'GEM',
	overig: 'OV'
};
const FORMS_ROL: Record<Rol, string> = {
	huisarts: 'Huisarts',
	poh: 'POH',
	doktersassistent: 'Doktersassistent',
	buurtteam: 'Buurtteammedewerker',
	ojg: 'OJG',
	jgz: 'JGZ',
	wijkverpleging: 'Wijkverpleegkundige',
	sociaal_makelaar: 'Sociaal makelaar',
	gemeente: 'Gemeente',
	overig: 'Anders'
};
const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

/** One respondent's answers: Likert 1-5 as answered (reversed items not yet reversed), 0 = nvt. */
interface Respondent {
	rol: Rol;
	items: number[];
	cijfer: number;
	driegesprek: boolean;
	open: (string | null)[];
	/** LimeSurvey only: stopped before the end */
	onvolledig: boolean;
	minuut: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function roles(n: number, rng: Rng): Rol[] {
	// Whole numbers per rol by largest remainder (with 23 or more respondents, at least 6 huisartsen
	// and 7 buurtteam members: their gap is visible in every wijk).
	const raw = ROL_MIX.map(([rol, share]) => ({ rol, x: share * n }));
	const counts = raw.map((r) => ({ rol: r.rol, n: Math.floor(r.x), rest: r.x - Math.floor(r.x) }));
	let left = n - counts.reduce((s, c) => s + c.n, 0);
	for (const c of [...counts].sort((a, b) => b.rest - a.rest)) if (left-- > 0) c.n++;
	const out = counts.flatMap((c) => Array<Rol>(Math.max(0, c.n)).fill(c.rol));
	// Shuffle (Fisher-Yates) so the export is not sorted by rol.
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

function respondent(rol: Rol, jaar: number, w: number, rng: Rng, onvolledig: boolean, minuut: number): Respondent {
	const y = LEERBIJEENKOMST_JAREN.indexOf(jaar as 2023);
	const person = 0.45 * normal(rng);
	const score = (thema: string) => THEMA_GEMIDDELDE[thema][y] + WIJK_EFFECT[w] + (ROL_EFFECT[thema]?.[rol] ?? 0) + person;
	const items = ITEMS.map((item) => {
		if (rng() < (item.thema === 'informatie delen' && (rol === 'sociaal_makelaar' || rol === 'overig') ? 0.3 : 0.04)) return 0;
		const answer = clamp(Math.round(score(item.thema) + 0.65 * normal(rng)), 1, 5);
		return item.omgekeerd ? 6 - answer : answer;
	});
	const cijfer = clamp(Math.round((6.9 + 0.9 * (score('samenwerking') - 3.6) + 0.5 * normal(rng)) * 2) / 2, 4, 9.5);
	const driegesprek = rng() < (['huisarts', 'poh', 'buurtteam'].includes(rol) ? 0.6 : 0.25);
	const open = OPEN_VRAGEN.map((q) => {
		if (rng() > 0.4) return null;
		const list = OPEN_TEKSTEN[q.thema];
		// Later springs hear more about improved feedback: the latter half of the list.
		const i = q.thema === 'terugkoppeling' ? Math.floor((rng() * list.length) / 2) + (y === 2 ? Math.floor(list.length / 2) : 0) : Math.floor(rng() * list.length);
		return list[Math.min(i, list.length - 1)];
	});
	return { rol, items, cijfer, driegesprek, open, onvolledig, minuut };
}

interface EnqueteRow {
	enquete_id: string;
	naam: string;
	soort: string;
	seizoen: string;
	wijk_code: string;
	datum: string;
	genodigden: number;
}

interface VraagRow {
	enquete_id: string;
	vraag_code: string;
	vraag_tekst: string;
	thema: string;
	type: string;
	omgekeerd: string;
}

export interface DemoSurveys {
	files: DemoFile[];
	/** file -> the enquete of a tool export (data/demo/manifest.json) */
	manifest: Record<string, { enquete: string }>;
}

/** Files this module writes, so that a new run can remove what an earlier one wrote. */
export const SURVEY_FILE = /^(enquetes|enquete_vragen|leerbijeenkomst_[a-z0-9_]+|werkafspraken_[a-z0-9_]+)\.(csv|xlsx)$/;
export const MANIFEST = 'manifest.json';

const time = (datum: string, minuut: number) => `${datum} ${String(9 + Math.floor(minuut / 60)).padStart(2, '0')}:${String(minuut % 60).padStart(2, '0')}:${String((minuut * 37) % 60).padStart(2, '0')}`;
const dateTime = (datum: string, minuut: number) => new Date(`${time(datum, minuut).replace(' ', 'T')}Z`);

/** Writes the survey files into outDir and returns what it wrote. */
export async function generateEnquetes(outDir: string, seed: number): Promise<DemoSurveys> {
	for (const name of await readdir(outDir)) if (SURVEY_FILE.test(name) || name === MANIFEST) await rm(join(outDir, name));
	const files: DemoFile[] = [];
	const manifest: Record<string, { enquete: string }> = {};
	const enquetes: EnqueteRow[] = [];
	const vragen: VraagRow[] = [];
	const wijkNaam = (code: string) => DEMO_WIJKEN.find((w) => w.code === code)!.naam;
	const csv = async (file: string, dataset: string, header: readonly string[], rows: string[][], variant: string, options: Parameters<typeof writeCsv>[3] = {}) => {
		const bytes = await writeCsv(join(outDir, file), header, rows, options);
		files.push({ file, dataset, rows: rows.length, bytes, variant });
	};
	const xlsx = async (file: string, dataset: string, sheet: string, header: readonly string[], rows: XlsxCell[][], variant: string) => {
		const bytes = await writeXlsx(join(outDir, file), sheet, header, rows);
		files.push({ file, dataset, rows: rows.length, bytes, variant });
	};
	const responseFiles: (() => Promise<void>)[] = [];

	for (const [w, wijk] of ENQUETE_WIJKEN.entries()) {
		for (const [y, jaar] of LEERBIJEENKOMST_JAREN.entries()) {
			const rng = rngFor(seed, 'leerbijeenkomst', wijk.code, jaar);
			const vorm = VORM[wijk.kort][y];
			const enquete_id = `LB-${jaar}-${wijk.kort}`;
			const datum = dayToIso(nextWorkday(dayNumber(`${jaar}-04-${String(9 + 4 * w + y).padStart(2, '0')}`)));
			const genodigden = 42 + Math.floor(rng() * 14);
			const n = Math.round(genodigden * (0.55 + 0.15 * rng()));
			const complete = roles(n, rng).map((rol, i) => respondent(rol, jaar, w, rng, false, 2 * i + Math.floor(rng() * 2)));
			const incomplete =
				vorm === 'limesurvey' ? roles(5, rng).slice(0, 3 + Math.floor(rng() * 3)).map((rol, i) => respondent(rol, jaar, w, rng, true, 2 * (n + i) + 1)) : [];
			const all = [...complete, ...incomplete].sort((a, b) => a.minuut - b.minuut);
			enquetes.push({ enquete_id, naam: `Leerbijeenkomst ${wijkNaam(wijk.code)} voorjaar ${jaar}`, soort: 'leerbijeenkomst', seizoen: `voorjaar-${jaar}`, wijk_code: wijk.code, datum, genodigden });

			const base = `leerbijeenkomst_${jaar}_${wijk.slug}`;
			if (vorm === 'limesurvey') {
				const codes = { rol: 'G01Q01', items: ITEMS.map((_, i) => `G02Q01[SQ${String(i + 1).padStart(3, '0')}]`), cijfer: 'G03Q01', drie: 'G03Q02', open: ['G04Q01', 'G04Q02'] };
				addVragen(vragen, enquete_id, codes);
				// 2023 exports answer codes as numbers, 2024 and later as LimeSurvey's AO01 … AO05.
				const likert = (v: number) => (v === 0 ? 'NVT' : jaar === 2023 ? String(v) : `AO0${v}`);
				const header = ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', codes.rol, ...codes.items, codes.cijfer, codes.drie, ...codes.open];
				const rows = all.map((r, i) => {
					const start = time(datum, r.minuut);
					const end = time(datum, r.minuut + 6);
					const answered = (k: number) => !r.onvolledig || k < 3;
					return [
						String(i + 1),
						r.onvolledig ? '' : end,
						r.onvolledig ? '1' : '4',
						'nl',
						String(1_000_000_000 + Math.floor(rng() * 1_000_000_000)),
						start,
						r.onvolledig ? time(datum, r.minuut + 2) : end,
						LS_ROL[r.rol],
						...r.items.map((v, k) => (answered(k) ? likert(v) : '')),
						r.onvolledig ? '' : String(r.cijfer).replace('.', ','),
						r.onvolledig ? '' : r.driegesprek ? 'Y' : 'N',
						...r.open.map((t) => (r.onvolledig || t === null ? '' : t))
					];
				});
				const file = `${base}_limesurvey.csv`;
				manifest[file] = { enquete: enquete_id };
				responseFiles.push(() =>
					csv(file, 'limesurvey', header, rows, `LimeSurvey-export: \`,\`, alles tussen aanhalingstekens, antwoordcodes${jaar === 2023 ? ' als getallen' : ' (AO01 …)'}, ${incomplete.length} onvolledige antwoorden; --enquete ${enquete_id}`, {
						delimiter: ',',
						quoteAll: true,
						encoding: 'utf8-bom'
					})
				);
			} else if (vorm === 'forms') {
				const codes = { rol: 'F01', items: ITEMS.map((_, i) => `F${String(i + 2).padStart(2, '0')}`), cijfer: 'F10', drie: 'F11', open: ['F12', 'F13'] };
				addVragen(vragen, enquete_id, codes);
				const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', ROL_VRAAG, ...ITEMS.map((i) => i.tekst), CIJFER_VRAAG, DRIEGESPREK_VRAAG, ...OPEN_VRAGEN.map((q) => q.tekst)];
				const rows = all.map((r, i): XlsxCell[] => {
					const anoniem = rng() < 0.5;
					return [
						i + 1,
						dateTime(datum, r.minuut),
						dateTime(datum, r.minuut + 5),
						anoniem ? 'anonymous' : `deelnemer${i + 1}.${wijk.slug}@voorbeeld.example`,
						anoniem ? null : `Deelnemer ${i + 1} (fictief)`,
						FORMS_ROL[r.rol],
						...r.items.map((v) => (v === 0 ? 'Niet van toepassing' : capitalise(LIKERT5_LABELS[v - 1]))),
						r.cijfer,
						r.driegesprek ? 'Ja' : 'Nee',
						...r.open
					];
				});
				const file = `${base}_forms.xlsx`;
				manifest[file] = { enquete: enquete_id };
				responseFiles.push(() => xlsx(file, 'forms', 'Form1', header, rows, `Microsoft Forms-export (XLSX) met de kolommen Email en Name (worden niet geladen), vragen als kolomkop; --enquete ${enquete_id}`));
			} else {
				const codes = { rol: null, items: ITEMS.map((_, i) => `V${String(i + 1).padStart(2, '0')}`), cijfer: 'V09', drie: 'V10', open: ['V11', 'V12'] };
				addVragen(vragen, enquete_id, codes);
				const labels = jaar !== 2023;
				const header = ['respons_id', 'enquete_id', 'datum', 'wijk_code', 'rol', ...codes.items, codes.cijfer, codes.drie, ...codes.open];
				const cells = all.map((r, i) => [
					`${enquete_id}-${String(i + 1).padStart(3, '0')}`,
					enquete_id,
					datum,
					wijk.code,
					r.rol,
					...r.items.map((v) => (v === 0 ? 'niet van toepassing' : labels ? LIKERT5_LABELS[v - 1] : String(v))),
					String(r.cijfer).replace('.', ','),
					r.driegesprek ? 'ja' : 'nee',
					...r.open.map((t) => t ?? '')
				]);
				if (vorm === 'breed-xlsx') {
					const file = `${base}.xlsx`;
					responseFiles.push(() => xlsx(file, 'enquete_responsen', 'antwoorden', header, cells, 'breed (contract), XLSX, Likert als getallen'));
				} else {
					const file = `${base}.csv`;
					responseFiles.push(() => csv(file, 'enquete_responsen', header, cells, `breed (contract), CSV \`;\`, Likert als ${labels ? 'labels' : 'getallen'}`));
				}
			}
		}
	}

	const werkafspraken = werkafsprakenMonitor(seed, enquetes, vragen);

	await csv(
		'enquetes.csv',
		'enquetes',
		['enquete_id', 'naam', 'soort', 'seizoen', 'wijk_code', 'datum', 'genodigden'],
		enquetes.map((e) => [e.enquete_id, e.naam, e.soort, e.seizoen, e.wijk_code, e.datum, String(e.genodigden)]),
		'UTF-8, `;`: leerbijeenkomsten en rondes van de werkafspraken-monitor'
	);
	await csv(
		'enquete_vragen.csv',
		'enquete_vragen',
		['enquete_id', 'vraag_code', 'vraag_tekst', 'thema', 'type', 'omgekeerd'],
		vragen.map((v) => [v.enquete_id, v.vraag_code, v.vraag_tekst, v.thema, v.type, v.omgekeerd]),
		'UTF-8 met BOM, `;`: vraagcodes van LimeSurvey (G02Q01[SQ001]), vraagteksten van Forms',
		{ encoding: 'utf8-bom' }
	);
	for (const write of responseFiles) await write();
	for (const r of werkafspraken) {
		await csv(r.file, 'enquete_responsen', r.header, r.rows, 'breed (contract), CSV `;`: alle wijken van een ronde in een bestand');
	}
	await writeFile(join(outDir, MANIFEST), JSON.stringify(Object.fromEntries(Object.entries(manifest).sort()), null, '\t') + '\n');
	return { files, manifest };
}

function addVragen(vragen: VraagRow[], enquete_id: string, codes: { rol: string | null; items: string[]; cijfer: string; drie: string; open: string[] }) {
	const v = (vraag_code: string, vraag_tekst: string, thema: string, type: string, omgekeerd = false) =>
		vragen.push({ enquete_id, vraag_code, vraag_tekst, thema, type, omgekeerd: omgekeerd ? '1' : '0' });
	if (codes.rol) v(codes.rol, ROL_VRAAG, '', 'rol');
	ITEMS.forEach((item, i) => v(codes.items[i], item.tekst, item.thema, 'likert5', item.omgekeerd));
	v(codes.cijfer, CIJFER_VRAAG, 'samenwerking', 'cijfer10');
	v(codes.drie, DRIEGESPREK_VRAAG, 'samenwerking', 'ja_nee');
	OPEN_VRAGEN.forEach((q, i) => v(codes.open[i], q.tekst, q.thema, 'open'));
}

/** The rounds of the werkafspraken monitor: autumn 2023 to autumn 2025. */
export const WERKAFSPRAKEN_RONDES = [
	{ seizoen: 'najaar-2023', datum: '2023-10-10' },
	{ seizoen: 'voorjaar-2024', datum: '2024-03-12' },
	{ seizoen: 'najaar-2024', datum: '2024-10-08' },
	{ seizoen: 'voorjaar-2025', datum: '2025-03-11' },
	{ seizoen: 'najaar-2025', datum: '2025-10-14' }
] as const;

/** Share answering "ja" on the terugkoppeling agreement, per round (before the wijk effect). */
export const WERKAFSPRAAK_TERUGKOPPELING = [0.5, 0.58, 0.66, 0.72, 0.8] as const;

const WERKAFSPRAKEN = [
	{ code: 'WA1', thema: 'terugkoppeling', type: 'ja_nee', tekst: 'Kreeg u de afgelopen maand na elke verwijzing naar het buurtteam binnen 4 weken terugkoppeling?' },
	{ code: 'WA2', thema: 'verwijzen', type: 'likert5', tekst: 'Bij psychosociale problemen verwijs ik eerst naar het buurtteam.' },
	{ code: 'WA3', thema: 'bereikbaarheid', type: 'likert5', tekst: 'Ik heb de contactgegevens van de aandachtsfunctionaris paraat.' },
	{ code: 'WA4', thema: 'informatie delen', type: 'likert5', omgekeerd: true, tekst: 'Ik vergeet de cliënt te vragen of het buurtteam de huisarts mag informeren.' }
] as const;

function werkafsprakenMonitor(seed: number, enquetes: EnqueteRow[], vragen: VraagRow[]) {
	return WERKAFSPRAKEN_RONDES.map((ronde, r) => {
		const header = ['respons_id', 'enquete_id', 'datum', 'wijk_code', 'rol', ...WERKAFSPRAKEN.map((q) => q.code)];
		const rows: string[][] = [];
		for (const [w, wijk] of ENQUETE_WIJKEN.entries()) {
			const rng = rngFor(seed, 'werkafspraken', ronde.seizoen, wijk.code);
			const enquete_id = `WA-${ronde.seizoen}-${wijk.kort}`;
			const datum = dayToIso(nextWorkday(dayNumber(ronde.datum) + w));
			const genodigden = 28 + Math.floor(rng() * 8);
			enquetes.push({ enquete_id, naam: `Werkafspraken ${ronde.seizoen.replace('-', ' ')} ${DEMO_WIJKEN.find((x) => x.code === wijk.code)!.naam}`, soort: 'werkafspraken_monitor', seizoen: ronde.seizoen, wijk_code: wijk.code, datum, genodigden });
			for (const q of WERKAFSPRAKEN) {
				vragen.push({ enquete_id, vraag_code: q.code, vraag_tekst: q.tekst, thema: q.thema, type: q.type, omgekeerd: 'omgekeerd' in q && q.omgekeerd ? '1' : '0' });
			}
			const n = Math.round(genodigden * (0.55 + 0.2 * rng()));
			// Exactly the planted share answers ja (in random places), so the trend is not lost in noise.
			const ja = new Set<number>();
			const jaCount = Math.round(n * (WERKAFSPRAAK_TERUGKOPPELING[r] + WIJK_EFFECT[w] / 2));
			while (ja.size < jaCount) ja.add(Math.floor(rng() * n));
			for (let i = 0; i < n; i++) {
				const rol = pickWeighted<Rol>(rng, [['huisarts', 0.3], ['poh', 0.2], ['doktersassistent', 0.1], ['buurtteam', 0.4]]);
				const person = 0.4 * normal(rng);
				const likert = (mu: number, omgekeerd = false) => {
					const a = clamp(Math.round(mu + person + 0.6 * normal(rng)), 1, 5);
					return String(omgekeerd ? 6 - a : a);
				};
				rows.push([
					`${enquete_id}-${String(i + 1).padStart(2, '0')}`,
					enquete_id,
					datum,
					wijk.code,
					rol,
					ja.has(i) ? 'ja' : 'nee',
					likert(3.4 + 0.06 * r),
					likert(3.8),
					likert(3.3, true)
				]);
			}
		}
		const [naam, jaar] = ronde.seizoen.split('-');
		return { file: `werkafspraken_${jaar}_${naam}.csv`, header, rows };
	});
}

/** The part of data/demo/README.md about the surveys. */
export function enquetesReadme(): string {
	return `
## Enquêtes: leerbijeenkomsten en werkafspraken

- Leerbijeenkomsten in het voorjaar van ${LEERBIJEENKOMST_JAREN.join(', ')} in ${ENQUETE_WIJKEN.length} wijken
  (${ENQUETE_WIJKEN.map((w) => DEMO_WIJKEN.find((x) => x.code === w.code)!.naam).join(', ')}), in alle drie de vormen van het
  importcontract: breed (CSV en XLSX), de CSV-export van LimeSurvey (met antwoordcodes en onvolledige
  antwoorden) en de XLSX-export van Microsoft Forms (met de kolommen Email en Name, die niet worden geladen).
  Een export van LimeSurvey of Forms bevat geen enquete_id: \`manifest.json\` zegt bij welke enquete elk
  zo'n bestand hoort (\`npm run demo-db\` geeft dat door als \`--enquete\`).
- Ingebouwd: het thema terugkoppeling verbetert elk voorjaar (gemiddeld ${THEMA_GEMIDDELDE.terugkoppeling.map((x) => String(x).replace('.', ',')).join(' → ')}),
  de andere thema's blijven ongeveer gelijk; op informatie delen scoren huisartsen lager en
  buurtteammedewerkers hoger (verschil ongeveer ${String(-(ROL_EFFECT['informatie delen'].buurtteam! - ROL_EFFECT['informatie delen'].huisarts!)).replace('.', ',')} punt).
  (Zie \`THEMA_GEMIDDELDE\` en \`ROL_EFFECT\` in \`pipelines/demo/enquetes.ts\`.)
- Werkafspraken-monitor: ${WERKAFSPRAKEN_RONDES.length} rondes (${WERKAFSPRAKEN_RONDES.map((r) => r.seizoen).join(', ')}), per ronde één breed
  bestand met alle wijken. Het aandeel dat "ja" antwoordt op de terugkoppelingsafspraak stijgt per ronde.
`;
}
