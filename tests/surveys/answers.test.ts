// Reading answers: numbers, LimeSurvey codes and Dutch labels give the same score; niet van
// toepassing is an answer without a score; roles in the spellings tools write.
import { describe, expect, it } from 'vitest';
import { readAnswer, readRol } from '../../pipelines/datasets/enquete_responsen/answers';
import { MASK } from '$contract/privacy';
import { reverseScore } from '$contract/surveys';

const value = (type: Parameters<typeof readAnswer>[0], cell: string | number) => {
	const r = readAnswer(type, cell);
	if (!r.ok) throw new Error(r.message);
	return r.value;
};

describe('readAnswer', () => {
	it('maps Likert labels, numbers and LimeSurvey answer codes to the same score', () => {
		for (const cell of ['4', 4, 'A4', 'AO04', 'Mee eens', 'mee  eens', ' MEE EENS ']) {
			expect(value('likert5', cell), String(cell)).toEqual({ antwoord: 'mee eens', waarde: 4 });
		}
		expect(value('likert5', 'Helemaal mee oneens').waarde).toBe(1);
		expect(value('likert5', 'Neutraal').waarde).toBe(3);
		expect(value('likert5', 'helemaal mee eens').waarde).toBe(5);
		// On a 7-point scale "mee eens" is 6.
		expect(value('likert7', 'Mee eens').waarde).toBe(6);
		expect(value('likert7', 'enigszins mee oneens').waarde).toBe(3);
	});

	it('reads niet van toepassing (and n.v.t.) as an answer without a score', () => {
		for (const cell of ['niet van toepassing', 'Niet van toepassing', 'n.v.t.', 'NVT', 'Weet niet']) {
			expect(value('likert5', cell), cell).toEqual({ antwoord: 'niet van toepassing', waarde: null });
		}
		expect(value('ja_nee', 'nvt').waarde).toBeNull();
	});

	it('rejects answers off the scale, naming the rule', () => {
		const six = readAnswer('likert5', '6');
		expect(six.ok).toBe(false);
		if (!six.ok) expect(six.rule).toBe('getal-bereik');
		const word = readAnswer('likert5', 'soms');
		expect(word.ok).toBe(false);
		if (!word.ok) expect(word.rule).toBe('waarde-lijst');
		expect(readAnswer('likert5', '3,5').ok).toBe(false);
	});

	it('reads ja/nee, Y/N and 1/0', () => {
		for (const [cell, w] of [['Ja', 1], ['Y', 1], ['1', 1], ['nee', 0], ['N', 0], [0, 0]] as const) {
			expect(value('ja_nee', cell).waarde, String(cell)).toBe(w);
		}
	});

	it('reads a rapportcijfer with a decimal comma', () => {
		expect(value('cijfer10', '7,5')).toEqual({ antwoord: '7.5', waarde: 7.5 });
		expect(readAnswer('cijfer10', '11').ok).toBe(false);
	});

	it('masks free text, also the typed text of a choice, and keeps plain choices as written', () => {
		const open = value('open', 'Bel me: 06-12345678');
		expect(open.antwoord).toBe(`Bel me: ${MASK.telefoon}`);
		expect(open.waarde).toBeNull();
		expect(open.masked?.telefoon).toBe(1);
		expect(value('keuze', 'Casuïstiekoverleg')).toEqual({ antwoord: 'Casuïstiekoverleg', waarde: null });
		// "Anders, namelijk": the typed text of a choice is masked like an open answer.
		const anders = value('keuze', 'Anders: overleg met j.jansen@praktijk.example.nl');
		expect(anders.antwoord).toBe(`Anders: overleg met ${MASK.email}`);
		expect(anders.masked?.email).toBe(1);
	});
});

describe('reverseScore', () => {
	it('mirrors a score on its scale', () => {
		expect([1, 2, 3, 4, 5].map((v) => reverseScore('likert5', v))).toEqual([5, 4, 3, 2, 1]);
		expect(reverseScore('likert7', 2)).toBe(6);
		expect(reverseScore('ja_nee', 1)).toBe(0);
		expect(reverseScore('cijfer10', 8)).toBe(3);
	});
});

describe('readRol', () => {
	it('matches roles case-insensitively, with the spellings tools write', () => {
		const cases: [string, string][] = [
			['Huisarts', 'huisarts'],
			['HA', 'huisarts'],
			['POH', 'poh'],
			['POH-GGZ', 'poh'],
			['Buurtteam', 'buurtteam'],
			['buurtteammedewerker', 'buurtteam'],
			['BT', 'buurtteam'],
			['JGZ', 'jgz'],
			['Sociaal makelaar', 'sociaal_makelaar'],
			['sociaal_makelaar', 'sociaal_makelaar'],
			['Wijkverpleegkundige', 'wijkverpleging'],
			['Anders', 'overig']
		];
		for (const [cell, rol] of cases) {
			const r = readRol(cell);
			expect(r.ok && r.value, cell).toBe(rol);
		}
		const unknown = readRol('Tandarts');
		expect(unknown.ok).toBe(false);
		if (!unknown.ok) expect(unknown.rule).toBe('waarde-lijst');
	});
});
