// From the grouped survey figures to chart rows and labels.
import { ROL_LABEL, LIKERT5_LABELS, LIKERT7_LABELS, type Rol } from '$contract/surveys';
import { NIET_GETOOND, scoreNote } from './text';
import type { DivergingRow, Groep } from './types';

export function rolLabel(rol: string): string {
	if (rol === 'alle') return 'Alle rollen';
	if (rol === 'onbekend') return 'Rol onbekend';
	if (rol === 'overige') return 'Overige rollen';
	return ROL_LABEL[rol as Rol] ?? rol;
}

/** A group's label; "overige rollen" says which roles it holds: "Overige rollen (POH, JGZ)". */
export function groepLabel(g: { rol: string; rollen: readonly string[] }): string {
	return g.rol === 'overige' ? `Overige rollen (${g.rollen.map(rolLabel).join(', ')})` : rolLabel(g.rol);
}


export function scaleLabels(punten: number): readonly string[] {
	return punten === 7 ? LIKERT7_LABELS : LIKERT5_LABELS;
}

/** One bar: the group's full distribution, or that it is not shown. */
export function divergingRow(key: string, label: string, g: Groep, k: number, group?: string): DivergingRow {
	const none = g.verdeling.map(() => null);
	if (!g.getoond || g.n.value === null) return { key, label, group, shares: none, hidden: 0, empty: `${NIET_GETOOND}: niet getoond` };
	if (g.n.value === 0) return { key, label, group, shares: none, hidden: 0, empty: 'geen antwoorden met een score' };
	if (!g.antwoorden.value) return { key, label, group, shares: none, hidden: 0, note: scoreNote(g.gemiddelde, g.n, k), empty: 'alleen niet van toepassing' };
	return { key, label, group, shares: g.verdeling.map((c) => c.aandeel), hidden: g.afgeschermd, note: scoreNote(g.gemiddelde, g.n, k) };
}

/** Open answers, each text once; a text given k times or more says how often. */
export function openLijst(antwoorden: readonly string[], k: number): { tekst: string; keer: number | null }[] {
	const counts = new Map<string, number>();
	for (const a of antwoorden) counts.set(a, (counts.get(a) ?? 0) + 1);
	return [...counts].map(([tekst, n]) => ({ tekst, keer: n >= k && n > 1 ? n : null }));
}
