// Which file column holds which question. The contract's wide shape and LimeSurvey's export name
// a column by its vraag_code (`G01Q01`, `G01Q01[SQ001]`); Microsoft Forms by the question text.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { VraagType } from '../../src/lib/domain/surveys';

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

/**
 * For each file column: the questions it holds (one per enquete that has it), matched by code or,
 * for Forms, by text. Columns in `skip` (the shape's own columns) are left out.
 */
export function matchColumns(
	header: readonly string[],
	vragen: readonly Vraag[],
	byText: boolean,
	skip: ReadonlySet<number>
): Map<number, Vraag[]> {
	const index = new Map<string, Vraag[]>();
	const put = (key: string, v: Vraag) => {
		const list = index.get(key) ?? [];
		list.push(v);
		index.set(key, list);
	};
	for (const v of vragen) {
		put(`c:${normaliseVraagCode(v.vraag_code)}`, v);
		if (byText) put(`t:${normaliseVraagTekst(v.vraag_tekst)}`, v);
	}
	const out = new Map<number, Vraag[]>();
	header.forEach((h, i) => {
		if (skip.has(i) || h.trim() === '') return;
		const found = (byText ? index.get(`t:${normaliseVraagTekst(h)}`) : undefined) ?? index.get(`c:${normaliseVraagCode(h)}`);
		if (found) out.set(i, found);
	});
	return out;
}
