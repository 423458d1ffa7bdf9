// Which file column holds which question. The contract's wide shape and LimeSurvey's export name
// a column by its vraag_code (`G01Q01`, `G01Q01[SQ001]`); Microsoft Forms by the question text.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { VraagType } from '../../../contract/surveys';

export interface Vraag {
	enquete_id: string;
	vraag_code: string;
	vraag_tekst: string;
	type: VraagType;
}

export interface Enquete {
	enquete_id: string;
	wijk_code: string | null;
}

/** `G01Q01[SQ001]`, `g01q01_sq001` and `G01Q01 SQ001` are the same code. */
export function normaliseVraagCode(code: string): string {
	return code
		.trim()
		.toLowerCase()
		.replace(/\[([^\]]*)\]/g, '_$1')
		.replace(/[\s-]+/g, '_');
}

/** A question text compared ignoring case and spacing (and curly quotes). */
export function normaliseVraagTekst(text: string): string {
	return text
		.normalize('NFC')
		.toLowerCase()
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/\s+/g, '');
}

/** The enquetes with these ids that exist, and all their questions. */
export async function readEnquetes(conn: DuckDBConnection, ids: readonly string[]): Promise<{ enquetes: Map<string, Enquete>; vragen: Vraag[] }> {
	const enquetes = new Map<string, Enquete>();
	const vragen: Vraag[] = [];
	if (ids.length === 0) return { enquetes, vragen };
	const list = ids.join('\u001f');
	const e = await conn.runAndReadAll(
		`SELECT enquete_id, wijk_code FROM enquetes WHERE list_contains(string_split($ids, chr(31)), enquete_id)`,
		{ ids: list }
	);
	for (const [id, wijk] of e.getRows()) enquetes.set(String(id), { enquete_id: String(id), wijk_code: wijk === null ? null : String(wijk) });
	const v = await conn.runAndReadAll(
		`SELECT enquete_id, vraag_code, vraag_tekst, type FROM enquete_vragen
		 WHERE list_contains(string_split($ids, chr(31)), enquete_id) ORDER BY enquete_id, vraag_code`,
		{ ids: list }
	);
	for (const [enquete_id, vraag_code, vraag_tekst, type] of v.getRows()) {
		vragen.push({ enquete_id: String(enquete_id), vraag_code: String(vraag_code), vraag_tekst: String(vraag_tekst), type: String(type) as VraagType });
	}
	return { enquetes, vragen };
}

export interface ColumnMatch {
	/** For each file column: its question, one per enquete that has it. */
	columns: Map<number, Vraag[]>;
	/** Codes of one enquete that are the same once case and brackets are ignored (`V1`, `v1`). */
	clashes: { column: number; enquete_id: string; codes: string[] }[];
}

const byCode = (a: Vraag, b: Vraag) => a.vraag_code.localeCompare(b.vraag_code, 'nl', { numeric: true });

/**
 * For each file column: the question it holds in each enquete, matched by code or, for Forms, by
 * text. Forms repeats a question text as often as the form asks it ("Toelichting" after several
 * questions): the n-th column with that text is the enquete's n-th question with it, in the order
 * of their codes. Two codes that only differ in case cannot be told apart and are reported.
 * Columns in `skip` (the shape's own columns) are left out.
 */
export function matchColumns(header: readonly string[], vragen: readonly Vraag[], byText: boolean, skip: ReadonlySet<number>): ColumnMatch {
	// key -> enquete -> its questions with that key, in code order
	const index = new Map<string, Map<string, Vraag[]>>();
	const put = (key: string, v: Vraag) => {
		const perEnquete = index.get(key) ?? new Map<string, Vraag[]>();
		perEnquete.set(v.enquete_id, [...(perEnquete.get(v.enquete_id) ?? []), v].sort(byCode));
		index.set(key, perEnquete);
	};
	for (const v of vragen) {
		put(`c:${normaliseVraagCode(v.vraag_code)}`, v);
		if (byText) put(`t:${normaliseVraagTekst(v.vraag_tekst)}`, v);
	}
	const columns = new Map<number, Vraag[]>();
	const clashes: ColumnMatch['clashes'] = [];
	const used = new Map<string, number>();
	header.forEach((h, i) => {
		if (skip.has(i) || h.trim() === '') return;
		const textKey = byText ? `t:${normaliseVraagTekst(h)}` : undefined;
		const key = textKey && index.has(textKey) ? textKey : `c:${normaliseVraagCode(h)}`;
		const perEnquete = index.get(key);
		if (!perEnquete) return;
		const nth = used.get(key) ?? 0;
		used.set(key, nth + 1);
		const found: Vraag[] = [];
		for (const [enquete_id, vs] of perEnquete) {
			if (key.startsWith('c:') && vs.length > 1) clashes.push({ column: i, enquete_id, codes: vs.map((v) => v.vraag_code) });
			// More columns than questions: the last one again, reported as a repeated column.
			found.push(vs[Math.min(nth, vs.length - 1)]);
		}
		columns.set(i, found);
	});
	return { columns, clashes };
}
