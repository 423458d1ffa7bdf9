// What an export file says about itself: a file name that carries its filters
// (`verwijzingen_wijk_kwartaal_lijn2_0-17_2016-2025.csv`), the filters as a query string (the
// `filters` column of every CSV row, Arrow's schema metadata) and in Dutch words (the XLSX
// Toelichting), the noemer, and the period and load time of the data. The filters are parsed by the
// same functions the exporters use, so the description is of what was applied (invalid values
// fall back to their defaults there and here alike), not of what was typed.
import { isIsoDate, today } from '$contract/dates';
import type { Database } from '$lib/server/db/database';
import { parseOjgParams } from '$lib/server/ojg/params';
import { siteReference } from '$lib/server/reference/units';
import { parseFilters, type Filters } from '$lib/server/referrals/filters';
import { surveyFilters } from '$lib/server/surveys/filters';
import { OVERIGE_WIJKEN, ZONDER_WIJK } from '$lib/surveys/types';

export interface ExportDescription {
	/** the export's name, as in /export/<name>.csv */
	naam: string;
	/** the file name without extension */
	bestand: string;
	/** the applied filters as a query string, every one spelled out (defaults and data years too) */
	query: string;
	/** the applied filters in Dutch: [label, value] */
	filters: [string, string][];
	/** what the figures are counted per (referral exports), or what n counts (surveys); null: no noemer */
	noemer: string | null;
	/** which disclosure rule applies to the counts */
	privacy: 'verwijzingen' | 'enquetes' | 'klein' | 'geen';
	/** first and last month of the referral data, 'YYYY-MM' (null without referrals) */
	eerste: string | null;
	laatste: string | null;
	/** when the data were loaded (ISO), or null */
	geladen: string | null;
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2025-12' or '2025-12-31' → 'december 2025'. */
export const monthText = (iso: string) => `${MAANDEN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** Only letters, digits, '-', '_' and '.' in a file name part (codes are checked already; this is the last line); 18+ is 18plus. */
const safe = (part: string) => part.replace(/\+/g, 'plus').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');

const LIJN_NAAM: Record<string, string> = { '0': '0 (voorveld)', '1': '1 (basiszorg)', '2': '2 (tweede lijn)', alle: 'alle lijnen' };

const NOEMER_AUTOMATISCH =
	'automatisch: per eenheid en jaar de inwoners waar die geladen zijn (verwijzingen van inwoners van de eenheid), anders de ingeschreven patiënten (verwijzingen door de praktijken in de eenheid); per praktijk altijd patiënten. De kolom noemer zegt per rij welke.';
const NOEMER_TEKST = {
	inwoners: 'inwoners: verwijzingen van cliënten die in de eenheid wonen, per inwoner van de gekozen leeftijdsgroepen in dat jaar',
	patienten: 'patiënten: verwijzingen door de praktijken in de eenheid, per ingeschreven patiënt van die praktijken (gekozen leeftijdsgroepen, dat jaar)'
};

interface Parts {
	bestand: string[];
	query: [string, string][];
	filters: [string, string][];
	noemer: string | null;
	privacy: ExportDescription['privacy'];
}

type Years = { van: number | null; tot: number | null };

/** The years a referral export covers: those chosen, else the data's. */
function years(f: Pick<Filters, 'van' | 'tot'>, data: Years): Years {
	return { van: f.van ?? data.van, tot: f.tot ?? data.tot };
}

function yearParts(p: Parts, y: Years) {
	if (y.van === null || y.tot === null) return;
	p.bestand.push(y.van === y.tot ? String(y.van) : `${y.van}-${y.tot}`);
	p.query.push(['van', String(y.van)], ['tot', String(y.tot)]);
	p.filters.push(['Jaren', y.van === y.tot ? String(y.van) : `${y.van} t/m ${y.tot}`]);
}

/** domein, verwijzer, gemeente, wijk, praktijk: in the name only when chosen. */
function selectionParts(p: Parts, f: Filters) {
	const optional: [keyof Filters, string][] = [
		['domein', 'Domein'],
		['verwijzer', 'Verwijzer'],
		['gemeente', 'Gemeente'],
		['wijk', 'Wijk'],
		['praktijk', 'Praktijk']
	];
	for (const [key, label] of optional) {
		const v = f[key];
		if (v === null || v === undefined) continue;
		p.bestand.push(String(v));
		p.query.push([key, String(v)]);
		p.filters.push([label, String(v)]);
	}
}

function referralParts(name: string, params: URLSearchParams, data: Years): Parts {
	const f = parseFilters(params);
	const p: Parts = { bestand: [name], query: [], filters: [], noemer: null, privacy: 'verwijzingen' };
	const lijn = f.lijn === null ? 'alle' : String(f.lijn);
	if (name === 'verwijzingen') {
		p.bestand.push(f.niveau, f.periode, f.lijn === null ? 'alle-lijnen' : `lijn${f.lijn}`);
		p.query.push(['niveau', f.niveau], ['periode', f.periode], ['lijn', lijn]);
		p.filters.push(['Niveau', f.niveau], ['Periode', f.periode], ['Lijn', LIJN_NAAM[lijn]]);
	} else if (f.niveau === 'praktijk') {
		// bestemmingen: every lijn and no periods; niveau=praktijk counts by where the practice is.
		p.bestand.push('praktijk');
		p.query.push(['niveau', 'praktijk']);
		p.filters.push(['Niveau', 'praktijk (verwijzingen door de praktijken)']);
	}
	p.bestand.push(f.leeftijd === 'alle' ? 'alle-leeftijden' : f.leeftijd);
	p.query.push(['leeftijd', f.leeftijd]);
	p.filters.push(['Leeftijd', f.leeftijd === 'alle' ? 'alle leeftijden' : f.leeftijd]);
	yearParts(p, years(f, data));
	selectionParts(p, f);
	if (name === 'verwijzingen') {
		const noemer = f.niveau === 'praktijk' ? 'patienten' : f.noemer;
		if (f.noemer !== null) {
			p.bestand.push(f.noemer);
			p.query.push(['noemer', f.noemer]);
		}
		p.filters.push(['Noemer', noemer ?? 'automatisch']);
		p.noemer = noemer === null ? NOEMER_AUTOMATISCH : NOEMER_TEKST[noemer];
	} else {
		p.noemer = 'aandelen van alle gepubliceerde verwijzingen in de selectie (geen bevolkingsnoemer)';
	}
	return p;
}

function kerncijferParts(params: URLSearchParams, data: Years & { volledig: number | null }): Parts {
	const niveau = params.get('niveau') === 'wijk' ? 'wijk' : 'gemeente';
	const gemeente = parseFilters(params).gemeente;
	const p: Parts = { bestand: ['kerncijfers', niveau], query: [['niveau', niveau]], filters: [['Niveau', niveau]], noemer: null, privacy: 'verwijzingen' };
	if (data.volledig !== null) {
		p.bestand.push(`${data.volledig - 1}-${data.volledig}`);
		p.filters.push(['Jaren', `${data.volledig - 1} en ${data.volledig} (het laatste volledige jaar en het jaar ervoor)`]);
	}
	if (gemeente) {
		p.bestand.push(gemeente);
		p.query.push(['gemeente', gemeente]);
		p.filters.push(['Gemeente', gemeente]);
	}
	p.noemer = 'tweede lijn per 1.000: inwoners van de eenheid (alle leeftijden) in dat jaar; de percentages: aandelen van de gepubliceerde verwijzingen';
	return p;
}

function ojgParts(name: string, params: URLSearchParams): Parts {
	const o = parseOjgParams(params);
	const p: Parts = { bestand: [name], query: [], filters: [], noemer: null, privacy: 'verwijzingen' };
	const plaatsing = name === 'ojg-reeks' ? params.get('plaatsing') : null;
	if (plaatsing) {
		p.bestand.push(plaatsing);
		p.query.push(['plaatsing', plaatsing]);
		p.filters.push(['Plaatsing', plaatsing]);
	}
	p.bestand.push(`venster${o.venster}`, o.vergelijking);
	p.query.push(['venster', String(o.venster)], ['vergelijking', o.vergelijking]);
	p.filters.push(['Venster', `${o.venster} maanden vóór en na de start`], ['Vergelijking', o.vergelijking]);
	p.noemer = 'ingeschreven patiënten van de praktijk en van de vergelijkingspraktijken; verwijzingen naar de tweede lijn per 1.000 patiënten per jaar';
	return p;
}

function surveyParts(name: string, params: URLSearchParams): Parts {
	const s = surveyFilters(params);
	const p: Parts = { bestand: [name], query: [], filters: [], noemer: null, privacy: 'enquetes' };
	if (name !== 'werkafspraken') {
		p.bestand.push(s.seizoen ?? 'alle-seizoenen');
		if (s.seizoen) p.query.push(['seizoen', s.seizoen]);
		p.filters.push(['Seizoen', s.seizoen ?? 'alle seizoenen']);
	}
	if (s.wijk) {
		p.bestand.push(s.wijk === OVERIGE_WIJKEN ? 'overige-wijken' : s.wijk === ZONDER_WIJK ? 'zonder-wijk' : s.wijk);
		p.query.push(['wijk', s.wijk]);
		p.filters.push(['Wijk', s.wijk === OVERIGE_WIJKEN ? 'overige wijken' : s.wijk === ZONDER_WIJK ? 'zonder wijk' : s.wijk]);
	}
	p.noemer = 'n: de respondenten van de groep die de vraag beantwoordden; percentages en gemiddelden over hen';
	return p;
}

function regiegroepParts(name: string, params: URLSearchParams): Parts {
	const p: Parts = { bestand: [name], query: [], filters: [], noemer: null, privacy: 'geen' };
	if (name === 'swot') {
		const wijk = params.get('wijk');
		if (wijk) {
			p.bestand.push(wijk);
			p.query.push(['wijk', wijk]);
			p.filters.push(['Wijk', wijk]);
		}
		return p;
	}
	const v = params.get('peildatum');
	const peildatum = v && isIsoDate(v) ? v : today();
	p.bestand.push(peildatum);
	p.query.push(['peildatum', peildatum]);
	p.filters.push(['Peildatum', peildatum]);
	return p;
}

/** The description of export `name` for this query string, on this database. */
export async function describeExport(db: Database, name: string, params: URLSearchParams): Promise<ExportDescription> {
	const ref = await siteReference(db);
	const eerste = ref.range.eerste ? String(ref.range.eerste).slice(0, 7) : null;
	const laatste = ref.range.laatste ? String(ref.range.laatste).slice(0, 7) : null;
	const data = { van: eerste ? Number(eerste.slice(0, 4)) : null, tot: laatste ? Number(laatste.slice(0, 4)) : null, volledig: ref.range.laatste_volledige_jaar };
	const p =
		name === 'verwijzingen' || name === 'bestemmingen'
			? referralParts(name, params, data)
			: name === 'kerncijfers'
				? kerncijferParts(params, data)
				: name === 'ojg-effect' || name === 'ojg-reeks'
					? ojgParts(name, params)
					: ['leerbijeenkomsten', 'rapportcijfers', 'ja-nee-vragen', 'werkafspraken'].includes(name)
						? surveyParts(name, params)
						: name === 'bronnen'
							? { bestand: [name], query: [], filters: [], noemer: null, privacy: 'klein' as const }
							: regiegroepParts(name, params);
	return {
		naam: name,
		bestand: p.bestand.map(safe).filter(Boolean).join('_'),
		query: new URLSearchParams(p.query).toString(),
		filters: p.filters,
		noemer: p.noemer,
		privacy: p.privacy,
		eerste,
		laatste,
		geladen: ref.updatedAt
	};
}
