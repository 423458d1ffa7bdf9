// Dutch wording of survey figures: scores, differences with their interval and the verdict, for
// pages, the printed report and screen readers alike.
import { formatCount, formatNumber, formatShare } from '$lib/shared/format';
import type { Interval } from './stats';
import type { Count } from './types';

/** A mean score with one decimal: "3,8". */
export const scoreText = (x: number | null) => (x === null ? '–' : formatNumber(x, 1));

/** "+0,78" / "−0,12" / "0,00": differences with two decimals and a real minus sign. */
export function signed(x: number, digits = 2): string {
	const rounded = Number(x.toFixed(digits));
	if (rounded === 0) return formatNumber(0, digits);
	return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), digits)}`;
}

/** "95%-interval −0,14 tot +0,23" */
export function intervalText(iv: Interval): string {
	return `95%-interval ${signed(iv.lo)} tot ${signed(iv.hi)}`;
}

/** Why a group shows nothing for a thema: the same words whatever the reason, so they give nothing away. */
export const NIET_GETOOND = 'te weinig antwoorden in deze of een andere groep';

/** The verdict when Holm's correction finds no difference (docs/surveys.md "Comparisons"). */
export const GEEN_VERANDERING = 'geen aantoonbaar verschil';

/** The verdict on a change against last season: hoger, lager, or geen aantoonbaar verschil. */
export function veranderingOordeel(iv: Interval): string {
	return iv.oordeel === 'hoger' ? 'hoger' : iv.oordeel === 'lager' ? 'lager' : GEEN_VERANDERING;
}

/** The verdict on a change in the share answering ja: the same words. */
export function jaNeeOordeel(iv: Interval): string {
	return veranderingOordeel(iv);
}

/** A change in a share in percentage points with its interval: "+12 procentpunt (95%-interval +3 tot +21)". */
export function procentpuntText(iv: Interval): string {
	const pp = (x: number) => signed(x * 100, 0);
	return `${pp(iv.verschil)} procentpunt, 95%-interval ${pp(iv.lo)} tot ${pp(iv.hi)}`;
}

/** A size without its sign, for beside a word that gives the direction: "0,78" in "0,78 hoger". */
export const sizeText = (x: number) => formatNumber(Math.abs(Number(x.toFixed(2))), 2);

/**
 * The huisarts - buurtteam gap in short: "huisartsen 1,53 lager" (never "lager: −1,53", a double
 * negative); with the interval when `full`.
 */
export function rolverschilText(iv: Interval | null, full = true): string {
	if (!iv) return 'een van beide groepen is te klein of niet apart getoond';
	const verdict = iv.oordeel === 'geen' ? `${GEEN_VERANDERING} (${signed(iv.verschil)})` : `huisartsen ${sizeText(iv.verschil)} ${iv.oordeel}`;
	return `${verdict}${full ? ` (${intervalText(iv)})` : ''}`;
}

/** The change in short: "0,78 hoger", "0,12 lager", "geen aantoonbaar verschil (+0,04)", or the reason there is none. */
export function veranderingKort(iv: Interval | null, reason: string): string {
	if (!iv) return reason;
	return iv.oordeel === 'geen' ? `${GEEN_VERANDERING} (${signed(iv.verschil)})` : `${sizeText(iv.verschil)} ${iv.oordeel}`;
}

/** "gem. 3,8 (n = 31)" or why not. */
export function scoreNote(gemiddelde: number | null, n: Count, k: number): string {
	if (n.value === null) return `n ${formatCount(null, n.onderdrukt, k)}: niet getoond`;
	return `gem. ${scoreText(gemiddelde)} (n = ${formatNumber(n.value)})`;
}

/** A count, "<5" or "x". */
export const countText = (c: Count, k: number) => formatCount(c.value, c.onderdrukt, k);

/** A share as "62%", or "–" when hidden. */
export const shareText = (s: number | null) => (s === null ? '–' : formatShare(s, 0));

/**
 * The method in plain Dutch, for the page and the printed report alike: how groups are formed
 * (small numbers), how comparisons are made, and how the verdicts are corrected (Holm).
 */
export function methodeTekst(k: number, vergelijkingen: number): string[] {
	return [
		`Groepen: de respondenten van een seizoen worden één keer in groepen verdeeld, en elke tabel, grafiek, rapport en download van dat seizoen toont alleen die groepen. Een wijk of rol met minder dan ${k} respondenten gaat op in "overige wijken" of "overige rollen"; is die rest nog kleiner dan ${k}, dan gaat ook de kleinste getoonde wijk of rol erin op. Alle wijken samen toont een rol alleen als geen wijk daarmee een kleinere groep prijsgeeft. Zo valt uit niets af te leiden wat minder dan ${k} mensen antwoordden. Binnen een getoonde groep ziet u alle antwoorden.`,
		`Per vraag of thema tellen alleen wie hem beantwoordden (ook 'niet van toepassing'). Een groep toont een vraag alleen als er ${k} of meer antwoordden, en als ook niet van een andere groep af te trekken is wat minder dan ${k} mensen antwoordden; anders staat er "${NIET_GETOOND}". n: het aantal respondenten dat antwoordde; het gemiddelde is van wie een score gaf.`,
		'Verschil tussen twee groepen (dit voorjaar tegenover vorig voorjaar in een wijk; huisartsen tegenover buurtteam): het verschil van de gemiddelde scores van de respondenten, met een 95%-betrouwbaarheidsinterval volgens Welch (t-verdeling; de twee groepen mogen verschillend spreiden). Elke groep heeft daarvoor minstens 2 respondenten nodig.',
		'Alle wijken tegenover vorig jaar: respondenten uit één wijk lijken op elkaar (een wijk kan als geheel een goed of slecht jaar hebben). Daarom is de verandering van alle wijken het gemiddelde van de veranderingen per wijk, met een interval uit de t-verdeling over de wijken (vrijheidsgraden: het aantal wijken min 1). Met minder dan 3 wijken die in beide jaren getoond zijn, staat er geen oordeel.',
		`Oordeel: een pagina toont veel vergelijkingen tegelijk (dit seizoen ${vergelijkingen}), en bij zoveel vergelijkingen lijkt er toevallig altijd wel ergens iets te veranderen. Daarom is het oordeel "hoger" of "lager" gecorrigeerd met de methode van Holm over alle vergelijkingen van dit seizoen samen (alle wijken, thema's, rapportcijfers en ja/nee-vragen, op de pagina, in het rapport en in de downloads): de kans op één of meer onterechte oordelen is samen hoogstens 5%. Anders staat er "${GEEN_VERANDERING}". De intervallen zelf zijn gewone 95%-intervallen, niet gecorrigeerd; een interval dat net niet over 0 gaat, kan dus toch "${GEEN_VERANDERING}" heten.`
	];
}
