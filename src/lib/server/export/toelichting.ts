// The "Toelichting" of an export: what a reader of the file needs to read its numbers without the
// page beside it: the filters applied, the noemer, the period and load time of the data, the
// privacy rules, and a definition per column. The XLSX writes it as a sheet, Arrow as schema
// metadata; the CSV carries the filters in its `filters` column (docs/export.md).
import { PERTURBATION_NOTE } from '$lib/shared/disclosure';
import { formatDateTime } from '$lib/shared/format';
import type { Soort } from './columns';
import { monthText, type ExportDescription } from './describe';

export interface ToelichtingKolom {
	code: string;
	label: string;
	soort: string;
	definitie: string;
}

export interface Toelichting {
	titel: string;
	regels: [string, string][];
	kolommen: ToelichtingKolom[];
}

export function soortText(soort: Soort, digits: number | undefined): string {
	const d = digits ?? 0;
	switch (soort) {
		case 'tekst':
			return 'tekst';
		case 'geheel':
			return 'geheel getal';
		case 'aantal':
			return 'aantal (geheel getal; een verborgen aantal staat er als tekst, zoals "<5")';
		case 'decimaal':
			return `getal met ${d} ${d === 1 ? 'decimaal' : 'decimalen'}`;
		case 'procent':
			return `percentage met ${d} ${d === 1 ? 'decimaal' : 'decimalen'}`;
	}
}

/** The privacy rules that apply to this export's counts, in the words of docs/privacy.md. */
export function privacyText(d: ExportDescription, k: number): string[] {
	switch (d.privacy) {
		case 'verwijzingen':
			return [
				PERTURBATION_NOTE,
				`Aantallen verwijzingen worden gepubliceerd met de celsleutelmethode: het ware aantal plus een kleine verstoring van hoogstens 3 omhoog of omlaag, voor dezelfde verwijzingen altijd dezelfde, op elke pagina en in elke export. Een waar aantal 0 blijft 0.`,
				`Een gepubliceerd aantal van 1 t/m ${k - 1} staat er als "<${k}" (tekst, nooit een getal), zonder cijfer per 1.000.`
			];
		case 'enquetes':
			return [
				`Enquêtecijfers worden alleen getoond voor groepen van minstens ${k} respondenten; kleinere rollen of wijken zijn samengevoegd in "overige". Binnen een getoonde groep staat de hele antwoordverdeling.`,
				`"x" betekent: te weinig antwoorden in deze of een andere groep. "<${k}" en "x" staan er als tekst, nooit als getal.`,
				...(d.naam === 'werkafspraken' ? [PERTURBATION_NOTE] : [])
			];
		case 'klein':
			return [`Rijaantallen van verwijzingsbestanden van 1 t/m ${k - 1} staan er als "<${k}" (tekst); van enquêtebestanden worden geen aantallen getoond.`];
		case 'geen':
			return ['Deze export bevat geen aantallen personen.'];
	}
}

export function toelichting(d: ExportDescription, kolommen: ToelichtingKolom[], k: number, extension: string): Toelichting {
	const regels: [string, string][] = [
		['Export', `/export/${d.naam}.${extension}${d.query ? `?${d.query}` : ''}`],
		['Bestand', `${d.bestand}.${extension}`],
		['Filters', d.query || 'geen'],
		...d.filters.map(([label, value]): [string, string] => [`  ${label}`, value]),
		...(d.noemer ? [['Noemer', d.noemer] as [string, string]] : []),
		['Gegevensperiode', d.eerste && d.laatste ? `verwijzingen van ${monthText(d.eerste)} t/m ${monthText(d.laatste)}` : 'geen verwijzingen geladen'],
		['Gegevens geladen op', d.geladen ? formatDateTime(d.geladen) : 'onbekend'],
		...privacyText(d, k).map((t, i): [string, string] => [i === 0 ? 'Privacy' : '', t])
	];
	return { titel: `Basiszorg Monitor: ${d.naam}`, regels, kolommen };
}
