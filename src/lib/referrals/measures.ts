// Dutch wording of what a chart measures, built from the filters, so titles, subtitles and
// exports say the same thing.
import type { Filters, Noemer } from './filters';
import { LEEFTIJD_LABEL, LIJN_LABEL, DOMEIN_LABEL, VERWIJZER_LABEL } from './labels';

type MeasureFilters = Pick<Filters, 'niveau' | 'periode' | 'lijn' | 'leeftijd' | 'domein' | 'verwijzer'>;

export const NIVEAU_NAAM: Record<string, string> = { gemeente: 'gemeente', wijk: 'wijk', praktijk: 'praktijk' };
export const PERIODE_NAAM: Record<string, string> = { maand: 'maand', kwartaal: 'kwartaal', jaar: 'jaar' };

export function lijnText(lijn: number | null): string {
	return lijn === null ? 'Alle verwijzingen' : `Verwijzingen naar ${LIJN_LABEL[lijn].toLowerCase().replace(/^lijn (\d) \((.*)\)$/, 'de $2 (lijn $1)')}`;
}

export const NOEMER_LABEL: Record<Noemer, string> = { inwoners: 'Inwoners', patienten: 'Ingeschreven patiënten' };

/**
 * Who the denominator is: the noemer the filter asks for, else the ones the rows used (the monitor
 * takes inhabitants where they are loaded and registered patients elsewhere).
 */
export function populationText(f: Pick<MeasureFilters, 'niveau' | 'leeftijd'> & { noemer?: Noemer | null }, used: readonly Noemer[] = []): string {
	const kinds = f.niveau === 'praktijk' ? ['patienten'] : f.noemer ? [f.noemer] : [...new Set(used)];
	const who =
		kinds.length === 1 && kinds[0] === 'patienten'
			? f.niveau === 'praktijk'
				? 'ingeschreven patiënten'
				: 'ingeschreven patiënten van de praktijken in de ' + NIVEAU_NAAM[f.niveau]
			: kinds.length > 1
				? 'inwoners (waar die ontbreken: ingeschreven patiënten van de praktijken daar)'
				: 'inwoners';
	return f.leeftijd === 'alle' ? who : `${who} van ${LEEFTIJD_LABEL[f.leeftijd].toLowerCase()}`;
}

/** "inwoners", "patiënten" or "inwoners of patiënten": the short form for titles and labels. */
export function perWhom(f: { niveau: Filters['niveau']; noemer?: Noemer | null }, used: readonly Noemer[] = []): string {
	const kinds = f.niveau === 'praktijk' ? ['patienten'] : f.noemer ? [f.noemer] : [...new Set(used)];
	return kinds.length > 1 ? 'inwoners of patiënten' : kinds[0] === 'patienten' ? 'patiënten' : 'inwoners';
}

export function rateTitle(f: MeasureFilters & { noemer?: Noemer | null }, used: readonly Noemer[] = []): string {
	const per = perWhom(f, used);
	return `${lijnText(f.lijn)} per 1.000 ${f.leeftijd === 'alle' ? per : `${per} van ${LEEFTIJD_LABEL[f.leeftijd].toLowerCase()}`} per jaar, per ${NIVEAU_NAAM[f.niveau]}`;
}

export function selectionText(f: MeasureFilters): string {
	const parts = [`per ${PERIODE_NAAM[f.periode]}`, LEEFTIJD_LABEL[f.leeftijd]];
	if (f.domein) parts.push(`domein ${DOMEIN_LABEL[f.domein].toLowerCase()}`);
	if (f.verwijzer) parts.push(`verwijzer ${VERWIJZER_LABEL[f.verwijzer]}`);
	return parts.join(', ');
}
