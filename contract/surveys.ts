// Code lists and scales of the surveys (docs/surveys.md "Definitions"): kinds of enquete, question types,
// roles, Likert labels and seasons. Shared by the pipelines (reading answers) and the UI (labels),
// like codes.ts for the referral data.

export const ENQUETE_SOORTEN = ['leerbijeenkomst', 'werkafspraken_monitor', 'overig'] as const;
export type EnqueteSoort = (typeof ENQUETE_SOORTEN)[number];

export const VRAAG_TYPES = ['likert5', 'likert7', 'ja_nee', 'cijfer10', 'keuze', 'open', 'rol'] as const;
export type VraagType = (typeof VRAAG_TYPES)[number];

export const ROLLEN = [
	'huisarts',
	'poh',
	'doktersassistent',
	'buurtteam',
	'ojg',
	'jgz',
	'wijkverpleging',
	'sociaal_makelaar',
	'gemeente',
	'overig'
] as const;
export type Rol = (typeof ROLLEN)[number];

export const ROL_LABEL: Record<Rol, string> = {
	huisarts: 'Huisarts',
	poh: 'POH',
	doktersassistent: 'Doktersassistent',
	buurtteam: 'Buurtteam',
	ojg: 'OJG',
	jgz: 'JGZ',
	wijkverpleging: 'Wijkverpleging',
	sociaal_makelaar: 'Sociaal makelaar',
	gemeente: 'Gemeente',
	overig: 'Overig'
};

/**
 * How a role is written in answers, besides its code and label: the spellings survey tools produce
 * and LimeSurvey answer codes (at most 5 characters). Compared without case, spaces, hyphens or
 * underscores.
 */
const ROL_SPELLINGEN: Record<Rol, readonly string[]> = {
	huisarts: ['ha', 'huisartsen', 'waarnemend huisarts', 'huisarts in opleiding', 'haio'],
	poh: ['poh ggz', 'poh jeugd', 'poh ouderen', 'poh somatiek', 'praktijkondersteuner', 'praktijkverpleegkundige'],
	doktersassistent: ['da', 'assistent', 'doktersassistente'],
	buurtteam: ['bt', 'buurtteammedewerker', 'buurtteam medewerker', 'wijkteam', 'wijkteammedewerker', 'sociaal wijkteam'],
	ojg: ['ondersteuner jeugd en gezin'],
	jgz: ['jeugdgezondheidszorg', 'jeugdarts', 'jeugdverpleegkundige'],
	wijkverpleging: ['wv', 'wvp', 'wijkverpleegkundige'],
	sociaal_makelaar: ['sm', 'sociaal makelaar', 'sociaalmakelaar'],
	gemeente: ['gem', 'gemeente medewerker', 'beleidsmedewerker'],
	overig: ['ov', 'oth', '-oth-', 'anders', 'other', 'anders, namelijk']
};

const compactWord = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s_\-.,:]+/g, '');

const ROL_BY_SPELLING = new Map<string, Rol>();
for (const rol of ROLLEN) {
	for (const s of [rol, ROL_LABEL[rol], ...ROL_SPELLINGEN[rol]]) ROL_BY_SPELLING.set(compactWord(s), rol);
}

/** The role an answer names (`Huisarts`, `POH`, `BT`, `buurtteammedewerker`), or null. */
export function parseRol(answer: string): Rol | null {
	return ROL_BY_SPELLING.get(compactWord(answer)) ?? null;
}

/** The points of a Likert scale, lowest first. */
export const LIKERT5_LABELS = ['helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens'] as const;
export const LIKERT7_LABELS = [
	'helemaal mee oneens',
	'mee oneens',
	'enigszins mee oneens',
	'neutraal',
	'enigszins mee eens',
	'mee eens',
	'helemaal mee eens'
] as const;

/** Answers that are an answer but not a score. */
export const NIET_VAN_TOEPASSING = 'niet van toepassing';
const GEEN_SCORE = new Set(['nietvantoepassing', 'nvt', 'weetniet', 'geenmening', 'notapplicable', 'na']);

export function isGeenScore(answer: string): boolean {
	return GEEN_SCORE.has(compactWord(answer).replace(/\//g, ''));
}

/** The number of points of a scored question type, and its lowest value. */
export const SCALE: Partial<Record<VraagType, { min: number; max: number }>> = {
	likert5: { min: 1, max: 5 },
	likert7: { min: 1, max: 7 },
	cijfer10: { min: 1, max: 10 },
	ja_nee: { min: 0, max: 1 }
};

/** A score reversed on its scale (omgekeerd = 1): 1 <-> 5 on likert5, ja <-> nee. */
export function reverseScore(type: VraagType, value: number): number {
	const s = SCALE[type];
	if (!s) throw new Error(`vraagtype ${type} heeft geen score`);
	return s.min + s.max - value;
}

// Seasons: `voorjaar-2016`. A winter belongs to the year it starts in (winter-2024: Dec 2024 - Feb 2025).

export const SEIZOENEN = ['voorjaar', 'zomer', 'najaar', 'winter'] as const;
export type SeizoenNaam = (typeof SEIZOENEN)[number];

export const SEIZOEN_PATTERN = /^(voorjaar|zomer|najaar|winter)-(\d{4})$/;

export interface Seizoen {
	naam: SeizoenNaam;
	jaar: number;
}

export function parseSeizoen(text: string): Seizoen | null {
	const m = SEIZOEN_PATTERN.exec(text.trim().toLowerCase());
	return m ? { naam: m[1] as SeizoenNaam, jaar: Number(m[2]) } : null;
}

/** A key that sorts seasons in time: '2024-1' (voorjaar) … '2024-4' (winter). */
export function seizoenKey(seizoen: string): string {
	const s = parseSeizoen(seizoen);
	if (!s) return seizoen;
	return `${s.jaar}-${SEIZOENEN.indexOf(s.naam) + 1}`;
}

/** The same season a year earlier: voorjaar-2025 -> voorjaar-2024. */
export function vorigSeizoen(seizoen: string): string | null {
	const s = parseSeizoen(seizoen);
	return s ? `${s.naam}-${s.jaar - 1}` : null;
}

/** 'voorjaar-2025' -> 'voorjaar 2025'. */
export function seizoenLabel(seizoen: string): string {
	const s = parseSeizoen(seizoen);
	return s ? `${s.naam} ${s.jaar}` : seizoen;
}

/** Sorts season names in time order. */
export function sortSeizoenen(seizoenen: Iterable<string>): string[] {
	return [...new Set(seizoenen)].sort((a, b) => (seizoenKey(a) < seizoenKey(b) ? -1 : seizoenKey(a) > seizoenKey(b) ? 1 : 0));
}
