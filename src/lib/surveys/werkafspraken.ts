// Dutch wording of the werkafspraken monitor. The page charts the share that keeps an agreement,
// whatever the wording of the statement: "Deel dat het eens is" after reversing a negatively worded
// statement ("Ik vergeet de cliënt te vragen …") was read as agreeing with that statement, the
// opposite of what it shows. So the measure is named for the behaviour agreed, and the original
// statement is quoted beside it with the answers that count (docs/surveys.md, "Definitions").
import type { VraagType } from '$contract/surveys';

/** What the page needs to know about a question to say what keeping the agreement means. */
export interface Afspraak {
	vraag_tekst: string;
	thema: string;
	type: VraagType;
	/** negatively worded: disagreeing (or nee) keeps the agreement */
	omgekeerd: boolean;
}

/** The measure of every chart and table of the page. */
export const NAKOMEN_TITEL = 'Deel dat de afspraak nakomt';

/** The answers that count as keeping the agreement: "‘mee oneens’ of ‘helemaal mee oneens’". */
export function nakomenAntwoorden(a: Pick<Afspraak, 'type' | 'omgekeerd'>): string {
	switch (a.type) {
		case 'ja_nee':
			return a.omgekeerd ? '‘nee’' : '‘ja’';
		case 'likert7':
			return a.omgekeerd ? '1 tot en met 3 op de schaal van 7 (oneens)' : '5 tot en met 7 op de schaal van 7 (eens)';
		default:
			return a.omgekeerd ? '‘mee oneens’ of ‘helemaal mee oneens’' : '‘mee eens’ of ‘helemaal mee eens’';
	}
}

/** One sentence on how a respondent's answer is counted, for the chart's subtitle. */
export function nakomenUitleg(a: Pick<Afspraak, 'type' | 'omgekeerd'>): string {
	const antwoorden = nakomenAntwoorden(a);
	if (!a.omgekeerd) return `Komt de afspraak na: wie ${antwoorden} antwoordt.`;
	return `De stelling is negatief geformuleerd: wie ${antwoorden} antwoordt, komt de afspraak na.`;
}

/** "Informatie delen": the thema, with a capital, names the agreement. */
function themaNaam(thema: string): string {
	const t = thema.trim();
	return t ? t[0].toLocaleUpperCase('nl-NL') + t.slice(1) : 'Afspraak';
}

/**
 * The heading of each agreement: "Afspraak: Informatie delen"; where two questions share a thema,
 * their codes tell them apart ("Afspraak: Verwijzen (WA2)").
 */
export function afspraakKoppen<T extends Pick<Afspraak, 'thema'> & { vraag_code: string }>(vragen: readonly T[]): Map<string, string> {
	const perThema = new Map<string, number>();
	for (const v of vragen) perThema.set(themaNaam(v.thema), (perThema.get(themaNaam(v.thema)) ?? 0) + 1);
	return new Map(vragen.map((v) => [v.vraag_code, `Afspraak: ${themaNaam(v.thema)}${perThema.get(themaNaam(v.thema))! > 1 ? ` (${v.vraag_code})` : ''}`]));
}
