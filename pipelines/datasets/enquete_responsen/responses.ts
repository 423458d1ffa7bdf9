// Survey responses in the three shapes of formats.md: the contract's wide file, LimeSurvey's CSV
// export and Microsoft Forms' XLSX export. They have one column per question, so they do not fit
// the fixed-column datasets: this module checks and loads them itself (DatasetSpec.custom).
//
//   step 2 (no database)  Forms: drop `Email` and `Name` unread. Privacy: column names (not of
//                         Forms questions, which are question texts) and the shape's own columns.
//                         Header: the shape's required columns; a tool export needs --enquete.
//   step 3 (working copy) Match columns to the enquete's questions (by vraag_code, for Forms by
//                         vraag_tekst). Unknown columns: every privacy rule, then a warning. Answer
//                         cells: e-mail/postcode/BSN rejects the file, except in open answers,
//                         where it is masked. Every answer read for its type; incomplete LimeSurvey
//                         responses are stored without answers (counted, not scored).
//   write                 Replace changed responses with their answers; identical ones stay.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { Rol } from '../../../contract/surveys';
import type { CustomOptions, CustomPlan, CustomRows } from '../../validators/spec';
import { formatProblem, type ErrorCollector } from '../../errors';
import { isEmptyCell, type Cell, type RawTable } from '../../readers/table';
import { cellText, checkWijkCode } from '../../validators/codes';
import { checkDate } from '../../validators/dates';
import { quote } from '../../validators/result';
import type { FieldContext } from '../../validators/fields';
import { addMaskCounts, describeMaskCounts, emptyMaskCounts, hasPersonalData, type MaskCounts } from '../../../contract/privacy';
import { columnPosition } from '../../readers/position';
import { normaliseColumnName } from '../../validators/header';
import { checkPrivacy, containsEmail, containsPhone, containsPostcode, looksLikeBsn } from '../../validators/privacy';
import { FREE_TEXT_TYPES, readAnswer, readRol, type Answer } from './answers';
import { matchColumns, readEnquetes, type Vraag } from './questions';

export type Vorm = 'breed' | 'limesurvey' | 'forms';

export interface Shape {
	vorm: Vorm;
	/** Normalised names of the shape's own (non-question) columns. */
	own: readonly string[];
	required: readonly string[];
	/** Identifying columns the tool always writes: dropped before anything looks at them. */
	dropped: readonly string[];
	/** The tool's column names in another interface language: normalised name -> own name. */
	synonyms: Readonly<Record<string, string>>;
	/** Forms names a question column by its text, the others by its code. */
	byText: boolean;
	/** A tool export: no enquete_id in the file, the import names it. */
	tool: boolean;
	/** In messages: "een LimeSurvey-export". */
	naam: string;
}

export const SHAPES: Record<Vorm, Shape> = {
	breed: {
		vorm: 'breed',
		own: ['respons_id', 'enquete_id', 'datum', 'wijk_code', 'rol'],
		required: ['respons_id'],
		dropped: [],
		synonyms: {},
		byText: false,
		tool: false,
		naam: 'een bestand met antwoorden'
	},
	limesurvey: {
		vorm: 'limesurvey',
		own: ['id', 'submitdate', 'lastpage', 'startlanguage', 'startdate', 'datestamp'],
		required: ['id', 'submitdate'],
		// LimeSurvey's random seed is no data of ours, and a 9-digit seed can pass the elfproef.
		dropped: ['seed'],
		synonyms: {},
		byText: false,
		tool: true,
		naam: 'een LimeSurvey-export'
	},
	forms: {
		vorm: 'forms',
		own: ['id', 'start_time', 'completion_time', 'last_modified_time'],
		required: ['id', 'completion_time'],
		dropped: ['email', 'name'],
		// Forms writes its own columns in the language of the account that exports: Dutch here.
		synonyms: { begintijd: 'start_time', tijd_van_voltooien: 'completion_time', tijd_van_laatste_wijziging: 'last_modified_time', e_mail: 'email', naam: 'name' },
		byText: true,
		tool: true,
		naam: 'een Microsoft Forms-export'
	}
};

/** LimeSurvey writes this as the submitdate of an anonymised survey without date stamps. */
const LIMESURVEY_NO_DATE = '1980-01-01';

const REJECTED = 'het hele bestand is geweigerd; verwijder de gegevens uit de export en lever opnieuw aan';

/** The table with only the given columns (for the privacy check of a part of the file). */
function columnsOf(table: RawTable, indexes: readonly number[]): RawTable {
	return {
		...table,
		header: indexes.map((i) => table.header[i]),
		rows: table.rows.map((r) => ({ line: r.line, cells: indexes.map((i) => r.cells[i] ?? '') }))
	};
}

interface ResponseRow {
	enquete_id: string;
	respons_id: string;
	datum: string | null;
	wijk_code: string | null;
	rol: Rol | null;
	compleet: boolean;
}

interface AnswerRow {
	enquete_id: string;
	respons_id: string;
	vraag_code: string;
	antwoord: string;
	waarde: number | null;
}

/** A header cell's name among the shape's own columns, in whichever language the tool wrote it. */
function ownName(shape: Shape, header: string): string {
	const name = normaliseColumnName(header);
	return shape.synonyms[name] ?? name;
}

export function prepareResponses(shape: Shape, input: RawTable, errors: ErrorCollector, options: CustomOptions): CustomPlan | null {
	// Forms: the respondent's e-mail address and name go first, before any check reads them
	// (and LimeSurvey's seed).
	const keep = input.header.map((_, i) => i).filter((i) => !shape.dropped.includes(ownName(shape, input.header[i])));
	const table = keep.length === input.header.length ? input : columnsOf(input, keep);
	// Messages name a column by its place in the file as delivered (before dropping).
	const positionOf = (i: number) => columnPosition(input.format, keep[i]);

	const own = new Map<string, number>();
	table.header.forEach((h, i) => {
		const name = ownName(shape, h);
		if (!shape.own.includes(name)) return;
		if (own.has(name)) errors.add(table.headerLine, h, 'kolom-dubbel', `de kolom staat twee keer in de kopregel (ook ${positionOf(own.get(name)!)})`);
		else own.set(name, i);
	});
	const ownIndexes = [...own.values()];
	const questionCandidates = new Set(table.header.map((_, i) => i).filter((i) => !ownIndexes.includes(i)));

	// Privacy first. Forms names its question columns by their text ("… per e-mail bereikbaar?"),
	// so there only the tool's own columns are checked by name; the answers are checked in step 3.
	const ownSet = new Set(ownIndexes);
	if (shape.byText) checkPrivacy(table, errors, new Set(), ownSet, { only: ownIndexes, positionOf });
	else checkPrivacy(table, errors, questionCandidates, ownSet, { positionOf });
	if (!errors.empty) return null;

	const required = [...shape.required, ...(shape.vorm === 'breed' && !options.enquete ? ['enquete_id'] : [])];
	for (const c of required) {
		if (!own.has(c)) errors.add(table.headerLine, c, 'kolom-verplicht', `verplichte kolom ontbreekt in de kopregel (${shape.naam} heeft: ${required.join(', ')})`);
	}
	if (shape.tool && !options.enquete) {
		errors.add(
			undefined,
			undefined,
			'enquete-onbekend',
			`dit is ${shape.naam}: daarin staat niet bij welke enquete de antwoorden horen; geef de enquete op met --enquete <enquete_id>`
		);
	}
	if (!errors.empty) return null;

	return { check: (conn, errs, ctx) => checkResponses(conn, shape, table, own, questionCandidates, options, errs, ctx, positionOf) };
}

async function checkResponses(
	conn: DuckDBConnection,
	shape: Shape,
	table: RawTable,
	own: ReadonlyMap<string, number>,
	questionCandidates: ReadonlySet<number>,
	options: CustomOptions,
	errors: ErrorCollector,
	ctx: FieldContext,
	positionOf: (i: number) => string
): Promise<CustomRows | null> {
	const cell = (cells: Cell[], name: string): Cell => {
		const i = own.get(name);
		return i === undefined ? '' : (cells[i] ?? '');
	};
	// A question column is named as the file names it, unless that name holds identifying data.
	const columnName = (i: number) => (table.header[i] && !hasPersonalData(table.header[i]) ? table.header[i] : positionOf(i));
	const enqueteColumn = own.get('enquete_id');
	const enqueteOf = (cells: Cell[]) => (enqueteColumn === undefined ? (options.enquete ?? '') : cellText(cells[enqueteColumn] ?? ''));

	const ids = [...new Set(shape.tool ? [options.enquete!] : table.rows.map((r) => enqueteOf(r.cells)).filter((id) => id !== ''))];
	const { enquetes, vragen } = await readEnquetes(conn, ids);
	if (shape.tool && !enquetes.has(options.enquete!)) {
		errors.add(undefined, undefined, 'enquete-onbekend', `enquete "${options.enquete}" staat niet in de enquetes; lever eerst enquetes en enquete_vragen aan (eerder, of in dezelfde import)`);
		return null;
	}
	for (const id of ids) {
		if (!enquetes.has(id)) continue; // a wide row names it: reported at that row
		const ofEnquete = vragen.filter((v) => v.enquete_id === id);
		if (ofEnquete.length === 0) {
			errors.add(undefined, undefined, 'enquete-vragen', `voor enquete "${id}" zijn geen vragen geladen; lever eerst het bestand enquete_vragen aan (eerder, of in dezelfde import)`);
		} else if (ofEnquete.filter((v) => v.type === 'rol').length > 1) {
			errors.add(undefined, undefined, 'enquete-vragen', `enquete "${id}" heeft meer dan een vraag van het type rol; er mag er een zijn`);
		}
	}
	if (!errors.empty) return null;

	// Columns to questions.
	const skip = new Set(table.header.map((_, i) => i).filter((i) => !questionCandidates.has(i)));
	const { columns: matched, clashes } = matchColumns(table.header, vragen, shape.byText, skip);
	for (const c of clashes) {
		errors.add(
			table.headerLine,
			columnName(c.column),
			'enquete-vragen',
			`enquete "${c.enquete_id}" heeft de vraag_codes ${c.codes.join(' en ')}, die alleen in hoofdletters verschillen; zo is niet te zien welke vraag deze kolom is. Geef ze in enquete_vragen verschillende codes`
		);
	}
	const seen = new Map<string, number>();
	for (const [i, vs] of matched) {
		for (const v of vs) {
			const key = `${v.enquete_id}\u001f${v.vraag_code}`;
			if (seen.has(key)) errors.add(table.headerLine, columnName(i), 'kolom-dubbel', `deze kolom en ${positionOf(seen.get(key)!)} horen bij dezelfde vraag (${v.vraag_code})`);
			else seen.set(key, i);
		}
	}
	if (matched.size === 0 && ids.some((id) => enquetes.has(id))) {
		const how = shape.byText ? 'vraag_tekst (hoofdletters en spaties tellen niet)' : 'vraag_code';
		errors.add(table.headerLine, undefined, 'enquete-vragen', `geen enkele kolom past bij een vraag van de enquete (vergeleken met ${how} in enquete_vragen); is dit de juiste enquete?`);
	}
	const unknown = [...questionCandidates].filter((i) => !matched.has(i));
	// A column that is no question may hold anything: every privacy rule, then it is left out.
	checkPrivacy(table, errors, new Set(), new Set(), { only: unknown, positionOf });
	if (!errors.empty) return null;

	const warnings: string[] = [];
	const where = { file: table.file, line: table.headerLine };
	for (const i of unknown) {
		if (table.header[i].trim() === '') {
			if (table.rows.some((r) => !isEmptyCell(r.cells[i] ?? ''))) {
				warnings.push(formatProblem({ ...where, column: positionOf(i) }, 'kolom-zonder-naam', 'kolom zonder naam in de kopregel; de waarden worden niet geladen'));
			}
		} else {
			// Named by position only: the warning is stored with the load and shown on /bronnen.
			warnings.push(formatProblem({ ...where, column: positionOf(i) }, 'kolom-onbekend', 'deze kolom past bij geen vraag van de enquete; de kolom wordt niet geladen'));
		}
	}

	const wijken = await readSet(conn, 'SELECT wijk_code FROM wijken');
	const rolQuestion = (enqueteId: string) => [...matched].find(([, vs]) => vs.some((v) => v.enquete_id === enqueteId && v.type === 'rol'))?.[0];
	const masked: MaskCounts = emptyMaskCounts();
	const responses: ResponseRow[] = [];
	const answers: AnswerRow[] = [];
	const firstLine = new Map<string, number>();
	/** Responses that name another wijk than their enquete's: the enquete's counts, the file is told. */
	const otherWijk = new Map<string, { wijk: string; rows: number; line: number }>();

	for (const { line, cells } of table.rows) {
		if (errors.full) break;
		const before = errors.errors.length;
		const add = (column: string | undefined, rule: Parameters<ErrorCollector['add']>[2], message: string) => errors.add(line, column, rule, message);
		const display = (name: string) => (own.has(name) ? table.header[own.get(name)!] : name);

		const respons_id = cellText(cell(cells, shape.vorm === 'breed' ? 'respons_id' : 'id'));
		if (respons_id === '') add(display(shape.vorm === 'breed' ? 'respons_id' : 'id'), 'waarde-verplicht', 'deze kolom is verplicht, maar de waarde is leeg');
		const enquete_id = enqueteOf(cells);
		if (enquete_id === '') {
			add(display('enquete_id'), 'waarde-verplicht', 'deze kolom is verplicht, maar de waarde is leeg');
			continue;
		}
		if (!enquetes.has(enquete_id)) {
			add(display('enquete_id'), 'enquete-onbekend', `enquete ${quote(enquete_id)} staat niet in de enquetes; lever de enquete eerst aan met het bestand enquetes`);
			continue;
		}

		const compleet = shape.vorm !== 'limesurvey' || !isEmptyCell(cell(cells, 'submitdate'));
		let datum: string | null = null;
		const dateColumn =
			shape.vorm === 'breed' ? 'datum' : shape.vorm === 'forms' ? 'completion_time' : compleet ? 'submitdate' : isEmptyCell(cell(cells, 'datestamp')) ? 'startdate' : 'datestamp';
		const rawDate = cell(cells, dateColumn);
		if (shape.vorm === 'forms' && isEmptyCell(rawDate)) add(display(dateColumn), 'waarde-verplicht', 'deze kolom is verplicht, maar de waarde is leeg');
		if (!isEmptyCell(rawDate) && !(shape.vorm === 'limesurvey' && cellText(rawDate).startsWith(LIMESURVEY_NO_DATE))) {
			const d = checkDate(rawDate, ctx);
			if (d.ok) datum = d.value;
			else add(display(dateColumn), d.rule, d.message);
		}

		let wijk_code: string | null = null;
		if (!isEmptyCell(cell(cells, 'wijk_code'))) {
			const w = checkWijkCode(cell(cells, 'wijk_code'));
			if (!w.ok) add(display('wijk_code'), w.rule, w.message);
			else if (!wijken.has(w.value)) add(display('wijk_code'), 'wijk-onbekend', `wijk "${w.value}" staat niet in de wijken; lever de wijk eerst aan met het bestand wijken`);
			else wijk_code = w.value;
		}
		const enqueteWijk = enquetes.get(enquete_id)!.wijk_code;
		if (wijk_code !== null && enqueteWijk !== null && wijk_code !== enqueteWijk) {
			otherWijk.set(enquete_id, { wijk: enqueteWijk, rows: (otherWijk.get(enquete_id)?.rows ?? 0) + 1, line: otherWijk.get(enquete_id)?.line ?? line });
		}

		// The role: the wide file's rol column, else the answer to the question of type rol.
		let rol: Rol | null = null;
		const rolIndex = !isEmptyCell(cell(cells, 'rol')) ? own.get('rol') : rolQuestion(enquete_id);
		const rolCell = rolIndex === undefined ? '' : (cells[rolIndex] ?? '');
		if (!isEmptyCell(rolCell)) {
			if (privacyOfCell(rolCell, (rule, text) => add(columnName(rolIndex!), rule, text))) {
				const r = readRol(rolCell);
				if (r.ok) rol = r.value;
				else if (compleet) add(columnName(rolIndex!), r.rule, r.message);
			}
		}

		const rowAnswers: AnswerRow[] = [];
		const rowMasked: MaskCounts = emptyMaskCounts();
		for (const [i, vs] of matched) {
			const c = cells[i] ?? '';
			if (isEmptyCell(c)) continue;
			const vraag: Vraag | undefined = vs.find((v) => v.enquete_id === enquete_id);
			if (!vraag) {
				add(columnName(i), 'enquete-vragen', `deze kolom hoort niet bij een vraag van enquete "${enquete_id}", maar heeft een antwoord`);
				continue;
			}
			if (vraag.type === 'rol') continue;
			if (!FREE_TEXT_TYPES.has(vraag.type) && !privacyOfCell(c, (rule, text) => add(columnName(i), rule, text))) continue;
			if (!compleet) continue; // counted, not scored: its answers are not read or stored
			const a = readAnswer(vraag.type, c);
			if (!a.ok) {
				add(columnName(i), a.rule, a.message);
				continue;
			}
			const answer: Answer = a.value;
			if (answer.masked) addMaskCounts(rowMasked, answer.masked);
			rowAnswers.push({ enquete_id, respons_id, vraag_code: vraag.vraag_code, antwoord: answer.antwoord, waarde: answer.waarde });
		}

		const key = `${enquete_id}\u001f${respons_id}`;
		const earlier = firstLine.get(key);
		if (earlier !== undefined) {
			// The id itself is not repeated in the message.
			add(display(shape.vorm === 'breed' ? 'respons_id' : 'id'), 'sleutel-dubbel', `hetzelfde antwoord (enquete, respons_id) staat ook op regel ${earlier}; elk antwoord mag maar een keer in een bestand voorkomen`);
		} else firstLine.set(key, line);

		if (errors.errors.length > before) continue;
		responses.push({ enquete_id, respons_id, datum, wijk_code, rol, compleet });
		for (const a of rowAnswers) answers.push(a);
		addMaskCounts(masked, rowMasked);
	}
	if (!errors.empty) return null;

	for (const [id, o] of otherWijk) {
		warnings.push(
			formatProblem(
				{ file: table.file, line: o.line, column: 'wijk_code' },
				'wijk-afwijkend',
				`${o.rows} ${o.rows === 1 ? 'antwoord noemt' : 'antwoorden noemen'} een andere wijk dan enquete ${quote(id)} (${o.wijk}); de pagina's tellen ze bij de wijk van de enquete`
			)
		);
	}
		const maskedText = describeMasked(masked);
	if (maskedText) {
		warnings.push(formatProblem({ file: table.file }, 'tekst-gemaskeerd', `in de open antwoorden ${maskedText} vervangen door een markering; de rest van de tekst is geladen`));
	}
	return {
		rows: responses.length,
		warnings,
		write: (conn, loadId) => writeResponses(conn, shape.vorm, responses, answers, loadId)
	};
}

/** E-mail, postcode, phone or BSN in an answer cell that is not free text: the file is rejected. */
function privacyOfCell(c: Cell, report: (rule: 'privacy-email' | 'privacy-postcode' | 'privacy-telefoon' | 'privacy-bsn', text: string) => void): boolean {
	if (containsEmail(c)) report('privacy-email', `het antwoord bevat een e-mailadres; ${REJECTED}`);
	else if (containsPostcode(c)) report('privacy-postcode', `het antwoord bevat een volledige postcode; ${REJECTED}`);
	else if (containsPhone(c)) report('privacy-telefoon', `het antwoord bevat een telefoonnummer; ${REJECTED}`);
	else if (looksLikeBsn(c)) report('privacy-bsn', `het antwoord is een getal van 9 cijfers dat de elfproef doorstaat (een BSN?); ${REJECTED}`);
	else return true;
	return false;
}

/** "2 e-mailadressen en 1 telefoonnummer", or '' when nothing was masked. */
export const describeMasked = describeMaskCounts;

async function readSet(conn: DuckDBConnection, sql: string): Promise<Set<string>> {
	const reader = await conn.runAndReadAll(sql);
	return new Set(reader.getRows().map((r) => String(r[0])));
}

/** The answers of a response as one comparable string (NULL-safe), for "did anything change?". */
const FINGERPRINT = (source: string) => `
	SELECT enquete_id, respons_id,
		string_agg(vraag_code || chr(31) || antwoord || chr(31) || coalesce(CAST(CAST(waarde AS DOUBLE) AS VARCHAR), ''), chr(30) ORDER BY vraag_code) AS fp
	FROM ${source} GROUP BY ALL`;

/** Inside the caller's transaction. */
async function writeResponses(
	conn: DuckDBConnection,
	vorm: Vorm,
	responses: readonly ResponseRow[],
	answers: readonly AnswerRow[],
	loadId: number
): Promise<{ replaced: number; unchanged: number }> {
	await conn.run('DROP TABLE IF EXISTS temp.stage_resp');
	await conn.run('DROP TABLE IF EXISTS temp.stage_ans');
	await conn.run(`CREATE TEMP TABLE stage_resp (enquete_id VARCHAR, respons_id VARCHAR, datum DATE, wijk_code VARCHAR, rol VARCHAR, compleet BOOLEAN)`);
	await conn.run(`CREATE TEMP TABLE stage_ans (enquete_id VARCHAR, respons_id VARCHAR, vraag_code VARCHAR, antwoord VARCHAR, waarde DOUBLE)`);
	const text = (a: { appendVarchar(v: string): void; appendNull(): void }, v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));

	const ra = await conn.createAppender('stage_resp', 'main', 'temp');
	try {
		for (const r of responses) {
			ra.appendVarchar(r.enquete_id);
			ra.appendVarchar(r.respons_id);
			text(ra, r.datum);
			text(ra, r.wijk_code);
			text(ra, r.rol);
			ra.appendBoolean(r.compleet);
			ra.endRow();
		}
		ra.flushSync();
	} finally {
		ra.closeSync();
	}
	const aa = await conn.createAppender('stage_ans', 'main', 'temp');
	try {
		for (const a of answers) {
			aa.appendVarchar(a.enquete_id);
			aa.appendVarchar(a.respons_id);
			aa.appendVarchar(a.vraag_code);
			aa.appendVarchar(a.antwoord);
			if (a.waarde === null) aa.appendNull();
			else aa.appendDouble(a.waarde);
			aa.endRow();
		}
		aa.flushSync();
	} finally {
		aa.closeSync();
	}

	// Which responses are already there, and which of those are identical (answers included).
	await conn.run('DROP TABLE IF EXISTS temp.stage_cmp');
	await conn.run(
		`CREATE TEMP TABLE stage_cmp AS
		 WITH new_fp AS (${FINGERPRINT('temp.stage_ans')}),
		      old_fp AS (${FINGERPRINT('(SELECT a.* FROM enquete_antwoorden a JOIN temp.stage_resp s USING (enquete_id, respons_id))')})
		 SELECT s.enquete_id, s.respons_id,
			t.respons_id IS NOT NULL AS bestaat,
			t.respons_id IS NOT NULL
				AND s.datum IS NOT DISTINCT FROM t.datum AND s.wijk_code IS NOT DISTINCT FROM t.wijk_code
				AND s.rol IS NOT DISTINCT FROM t.rol AND s.compleet = t.compleet AND t.vorm = $vorm
				AND n.fp IS NOT DISTINCT FROM o.fp AS gelijk
		 FROM temp.stage_resp s
		 LEFT JOIN enquete_responsen t USING (enquete_id, respons_id)
		 LEFT JOIN new_fp n USING (enquete_id, respons_id)
		 LEFT JOIN old_fp o USING (enquete_id, respons_id)`,
		{ vorm }
	);
	const counts = await conn.runAndReadAll('SELECT count(*) FILTER (WHERE bestaat), count(*) FILTER (WHERE gelijk) FROM temp.stage_cmp');
	const [replaced, unchanged] = counts.getRows()[0].map(Number);

	// Changed and new responses: answers no longer given go, the rest is written over.
	const changed = `(SELECT enquete_id, respons_id FROM temp.stage_cmp WHERE NOT gelijk)`;
	await conn.run(
		`DELETE FROM enquete_antwoorden a
		 WHERE EXISTS (SELECT 1 FROM ${changed} c WHERE c.enquete_id = a.enquete_id AND c.respons_id = a.respons_id)
		   AND NOT EXISTS (SELECT 1 FROM temp.stage_ans s WHERE s.enquete_id = a.enquete_id AND s.respons_id = a.respons_id AND s.vraag_code = a.vraag_code)`
	);
	await conn.run(
		`INSERT OR REPLACE INTO enquete_responsen (enquete_id, respons_id, datum, wijk_code, rol, compleet, vorm, load_id)
		 SELECT s.enquete_id, s.respons_id, s.datum, s.wijk_code, s.rol, s.compleet, $vorm, $load_id
		 FROM temp.stage_resp s JOIN ${changed} c USING (enquete_id, respons_id)`,
		{ vorm, load_id: loadId }
	);
	await conn.run(
		`INSERT OR REPLACE INTO enquete_antwoorden (enquete_id, respons_id, vraag_code, antwoord, waarde, load_id)
		 SELECT s.enquete_id, s.respons_id, s.vraag_code, s.antwoord, s.waarde, $load_id
		 FROM temp.stage_ans s JOIN ${changed} c USING (enquete_id, respons_id)`,
		{ load_id: loadId }
	);
	for (const t of ['stage_cmp', 'stage_ans', 'stage_resp']) await conn.run(`DROP TABLE temp.${t}`);
	return { replaced, unchanged };
}
