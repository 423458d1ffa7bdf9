// One survey answer, read for its question type: Likert answers as numbers, LimeSurvey answer codes
// (`A4`, `AO04`) or Dutch labels (`Mee eens`); `niet van toepassing` as an answer without a score;
// ja/nee; a rapportcijfer; a choice; free text (masked); a role. The value stored is the position
// on the scale *before* reversal: a re-delivered `omgekeerd` then changes the analysis, not the data.

import {
	isGeenScore,
	LIKERT5_LABELS,
	LIKERT7_LABELS,
	NIET_VAN_TOEPASSING,
	parseRol,
	ROLLEN,
	SCALE,
	type Rol,
	type VraagType
} from '../../../contract/surveys';
import type { Cell } from '../../readers/table';
import { cellText } from '../../validators/codes';
import { maskPersonalData, type MaskCounts } from '../../../contract/privacy';
import { fail, ok, quote, type Checked } from '../../validators/result';

export interface Answer {
	/** Canonical text: the Likert label, `ja`/`nee`, the number, the choice, or masked free text. */
	antwoord: string;
	/** Position on the scale before reversal; null for an answer without a score. */
	waarde: number | null;
	/** Free text only: what was masked. */
	masked?: MaskCounts;
}

const squash = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
// LimeSurvey answer codes: A1 … A7, AO01 … AO07 (the defaults of array and list questions).
const ANSWER_CODE = /^(?:a|ao)0*(\d+)$/i;

function number(cell: Cell): number | null {
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
	if (cell instanceof Date) return null;
	const t = cell.trim();
	return NUMBER.test(t) ? Number(t.replace(',', '.')) : null;
}

function likert(cell: Cell, labels: readonly string[]): Checked<Answer> {
	const text = cellText(cell);
	const points = labels.length;
	const n = number(cell) ?? (ANSWER_CODE.test(text) ? Number(ANSWER_CODE.exec(text)![1]) : null);
	if (n !== null) {
		if (!Number.isInteger(n) || n < 1 || n > points) {
			return fail('getal-bereik', `${quote(text)} ligt niet op de schaal van 1 tot en met ${points}`);
		}
		return ok({ antwoord: labels[n - 1], waarde: n });
	}
	const i = labels.indexOf(squash(text));
	if (i >= 0) return ok({ antwoord: labels[i], waarde: i + 1 });
	return fail(
		'waarde-lijst',
		`${quote(text)} is geen antwoord op een ${points}-puntsschaal; gebruik 1 tot en met ${points}, of ${labels.join(', ')} (of ${NIET_VAN_TOEPASSING})`
	);
}

const JA = new Set(['ja', 'j', 'y', 'yes', '1', 'waar']);
const NEE = new Set(['nee', 'n', 'no', '0', 'onwaar']);

function jaNee(cell: Cell): Checked<Answer> {
	const t = squash(cellText(cell));
	if (JA.has(t)) return ok({ antwoord: 'ja', waarde: 1 });
	if (NEE.has(t)) return ok({ antwoord: 'nee', waarde: 0 });
	return fail('waarde-lijst', `${quote(cellText(cell))} is geen ja of nee (ook goed: J/N, Y/N, 1/0, ${NIET_VAN_TOEPASSING})`);
}

function cijfer(cell: Cell): Checked<Answer> {
	const n = number(cell);
	if (n === null) return fail('getal-formaat', `${quote(cellText(cell))} is geen cijfer; gebruik een getal van 1 tot en met 10`);
	if (n < 1 || n > 10) return fail('getal-bereik', `${n} ligt niet tussen 1 en 10`);
	return ok({ antwoord: String(n), waarde: n });
}

/** The role an answer to the `rol` question names. */
export function readRol(cell: Cell): Checked<Rol> {
	const rol = parseRol(cellText(cell));
	if (rol === null) {
		return fail('waarde-lijst', `${quote(cellText(cell))} is geen bekende rol; kies uit: ${ROLLEN.join(', ')} (of een LimeSurvey-code als HA, POH, BT)`);
	}
	return ok(rol);
}

/**
 * Question types whose answers may hold free text: open questions, and choices, whose "anders,
 * namelijk …" option tools store as the typed text. Personal data in them is masked, not refused.
 */
export const FREE_TEXT_TYPES: ReadonlySet<VraagType> = new Set(['open', 'keuze']);

/** Reads a non-empty answer cell for a question of this type (not `rol`: see readRol). */
export function readAnswer(type: VraagType, cell: Cell): Checked<Answer> {
	if (FREE_TEXT_TYPES.has(type)) {
		const masked = maskPersonalData(cellText(cell));
		// A plain choice comes back as written; a choice with its "anders, namelijk" text masked.
		return ok(masked.text === cellText(cell) && type === 'keuze' ? { antwoord: masked.text, waarde: null } : { antwoord: masked.text, waarde: null, masked: masked.masked });
	}
	if (SCALE[type] && typeof cell === 'string' && isGeenScore(cell)) return ok({ antwoord: NIET_VAN_TOEPASSING, waarde: null });
	switch (type) {
		case 'likert5':
			return likert(cell, LIKERT5_LABELS);
		case 'likert7':
			return likert(cell, LIKERT7_LABELS);
		case 'ja_nee':
			return jaNee(cell);
		case 'cijfer10':
			return cijfer(cell);
		default:
			throw new Error(`readAnswer: vraagtype ${type} wordt elders gelezen`);
	}
}
