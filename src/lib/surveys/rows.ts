// From the suppressed survey figures to chart rows and labels.
import { ROL_LABEL, LIKERT5_LABELS, LIKERT7_LABELS, type Rol } from '$contract/surveys';
import { formatCount } from '$lib/shared/format';
import { scoreNote } from './text';
import type { DivergingRow, Groep } from './types';

export function rolLabel(rol: string): string {
	if (rol === 'alle') return 'Alle rollen';
	if (rol === 'onbekend') return 'Rol onbekend';
	return ROL_LABEL[rol as Rol] ?? rol;
}

export function scaleLabels(punten: number): readonly string[] {
	return punten === 7 ? LIKERT7_LABELS : LIKERT5_LABELS;
}

/** One bar: the group's distribution, or why it is not shown. */
export function divergingRow(key: string, label: string, g: Groep, k: number, group?: string): DivergingRow {
	const none = g.verdeling.map(() => null);
	if (g.n.value === null) {
		const why = g.n.onderdrukt === 'klein' ? `minder dan ${k} respondenten` : `afgeschermd (${formatCount(null, g.n.onderdrukt, k)}), zodat een kleine groep niet terug te rekenen is`;
		return { key, label, group, shares: none, hidden: 0, empty: `${why}: niet getoond` };
	}
	if (g.n.value === 0) return { key, label, group, shares: none, hidden: 0, empty: 'geen antwoorden met een score' };
	if (!g.antwoorden.value) return { key, label, group, shares: none, hidden: 0, note: scoreNote(g.gemiddelde, g.n, k), empty: 'verdeling afgeschermd' };
	return { key, label, group, shares: g.verdeling.map((c) => c.aandeel), hidden: g.afgeschermd, note: scoreNote(g.gemiddelde, g.n, k) };
}

/** Open answers, each text once; a text given k times or more says how often. */
export function openLijst(antwoorden: readonly string[], k: number): { tekst: string; keer: number | null }[] {
	const counts = new Map<string, number>();
	for (const a of antwoorden) counts.set(a, (counts.get(a) ?? 0) + 1);
	return [...counts].map(([tekst, n]) => ({ tekst, keer: n >= k && n > 1 ? n : null }));
}
