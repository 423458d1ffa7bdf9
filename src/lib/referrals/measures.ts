// Dutch wording of what a chart measures, built from the filters, so titles, subtitles and
// exports say the same thing.
import type { Filters } from './filters';
import { LEEFTIJD_LABEL, LIJN_LABEL, DOMEIN_LABEL, VERWIJZER_LABEL } from './labels';

type MeasureFilters = Pick<Filters, 'niveau' | 'periode' | 'lijn' | 'leeftijd' | 'domein' | 'verwijzer'>;

export const NIVEAU_NAAM: Record<string, string> = { gemeente: 'gemeente', wijk: 'wijk', praktijk: 'praktijk' };
export const PERIODE_NAAM: Record<string, string> = { maand: 'maand', kwartaal: 'kwartaal', jaar: 'jaar' };

export function lijnText(lijn: number | null): string {
	return lijn === null ? 'Alle verwijzingen' : `Verwijzingen naar ${LIJN_LABEL[lijn].toLowerCase().replace(/^lijn (\d) \((.*)\)$/, 'de $2 (lijn $1)')}`;
}

/** Who the denominator is. */
export function populationText(f: Pick<MeasureFilters, 'niveau' | 'leeftijd'>): string {
	const who = f.niveau === 'praktijk' ? 'ingeschreven patiënten' : 'inwoners';
	return f.leeftijd === 'alle' ? who : `${who} van ${LEEFTIJD_LABEL[f.leeftijd].toLowerCase()}`;
}

export function rateTitle(f: MeasureFilters): string {
	return `${lijnText(f.lijn)} per 1.000 ${populationText(f)} per jaar, per ${NIVEAU_NAAM[f.niveau]}`;
}

export function selectionText(f: MeasureFilters): string {
	const parts = [`per ${PERIODE_NAAM[f.periode]}`, LEEFTIJD_LABEL[f.leeftijd]];
	if (f.domein) parts.push(`domein ${DOMEIN_LABEL[f.domein].toLowerCase()}`);
	if (f.verwijzer) parts.push(`verwijzer ${VERWIJZER_LABEL[f.verwijzer]}`);
	return parts.join(', ');
}
