// Provenance: what was loaded, when, from which file, and what each load reported. What a load
// stored is shown through the contract's detectors of identifying data: loads from before the
// detectors may have stored a header cell's content in a warning, or a number in a file name.
import { CONTACT_KINDS, maskPersonalData } from '$contract/privacy';
import { LOADED_BY_PREFIX } from '$contract/provenance';
import type { Database } from '$lib/server/db/database';
import { isSmall } from '$lib/server/disclosure/suppression';
import { existingTables } from '$lib/server/db/sql';

export interface LoadRecord {
	load_id: number;
	file_name: string;
	sha256: string;
	dataset: string;
	rows_read: number | null;
	rows_loaded: number | null;
	rows_replaced: number | null;
	rows_rejected: number | null;
	/** true: the counts are not shown at all (survey responses), rather than hidden as small */
	counts_hidden: boolean;
	warnings: string[];
	started_at: string;
	finished_at: string;
	pipeline_version: string;
	/** The user who loaded it in the browser (or `--door` on the command line); null: not recorded. */
	geladen_door: string | null;
}

/** Row counts of referral files are counts of events: small ones are hidden like any other. */
function hideSmall(n: number, k: number): number | null {
	return isSmall(n, k) ? null : n;
}

/**
 * Survey response files: one file is one enquete of one wijk, so its row count (complete and
 * incomplete responses) next to the Leerbijeenkomsten figures would give hidden counts away. Their
 * counts are not shown at all, nor the totals of the response tables.
 */
const RESPONSE_DATASETS = new Set(['enquete_responsen', 'limesurvey', 'forms']);

/** The tables the Bronnen page counts, in the order it lists them: shown, hidden when small, or not shown. */
type Shown = 'ja' | 'niet-klein' | 'nee';
const TABLES: { tabel: string; shown: Shown }[] = [
	...['wijken', 'praktijken', 'populatie_wijk', 'populatie_praktijk'].map((tabel) => ({ tabel, shown: 'ja' as Shown })),
	{ tabel: 'verwijzingen', shown: 'niet-klein' },
	...['ojg_inzet', 'bestemmingen', 'werkplannen', 'mijlpalen', 'voortgang', 'swot', 'enquetes', 'enquete_vragen'].map((tabel) => ({ tabel, shown: 'ja' as Shown })),
	{ tabel: 'enquete_responsen', shown: 'nee' },
	{ tabel: 'enquete_antwoorden', shown: 'nee' }
];

export async function loads(db: Database, k: number): Promise<LoadRecord[]> {
	type RawCounts = { rows_read: number; rows_loaded: number; rows_replaced: number; rows_rejected: number };
	const rows = await db.query<Omit<LoadRecord, 'warnings' | keyof RawCounts> & RawCounts & { warnings: string }>(
		`SELECT l.load_id, l.file_name, l.sha256, l.dataset, l.rows_read, l.rows_loaded, l.rows_replaced, l.rows_rejected,
			l.warnings, l.started_at, l.finished_at, l.pipeline_version, m.value AS geladen_door
		 FROM loads l LEFT JOIN meta m ON m.key = $prefix || CAST(l.load_id AS VARCHAR)
		 ORDER BY l.load_id DESC`,
		{ prefix: LOADED_BY_PREFIX }
	);
	return rows.map((r) => {
		const counts = RESPONSE_DATASETS.has(r.dataset)
			? { rows_read: null, rows_loaded: null, rows_replaced: null, rows_rejected: null, counts_hidden: true }
			: r.dataset === 'verwijzingen'
				? {
						rows_read: hideSmall(r.rows_read, k),
						rows_loaded: hideSmall(r.rows_loaded, k),
						rows_replaced: hideSmall(r.rows_replaced, k),
						rows_rejected: hideSmall(r.rows_rejected, k)
					}
				: {};
		return {
			...r,
			file_name: maskPersonalData(r.file_name).text,
			geladen_door: r.geladen_door === null ? null : maskPersonalData(r.geladen_door, CONTACT_KINDS).text,
			counts_hidden: false,
			...counts,
			warnings: parseWarnings(r.warnings).map(safeWarning)
		};
	});
}

/** A column named by its position, as warnings name an unknown column since the detectors: `kolom 3`, `kolom AB`. */
const POSITION = /^kolom (?:\d+|[A-Z]{1,3})$/;
/** Warnings about a column that is not one of the dataset's: its header cell may hold anything. */
const UNKNOWN_COLUMN = /\(regel: (?:kolom-onbekend|kolom-zonder-naam)\)$/;

/**
 * A stored warning as it may be shown: a warning about an unknown column that quotes the header
 * cell (loads from before warnings named columns by position) shows no name, and any identifying
 * data left in the text is masked.
 */
export function safeWarning(warning: string): string {
	let w = warning;
	if (UNKNOWN_COLUMN.test(w)) {
		w = w.replace(/, kolom "((?:[^"]|"(?!: ))*)": /, (whole, name: string) => (POSITION.test(name) ? whole : ', kolom (naam niet getoond): '));
	}
	return maskPersonalData(w).text;
}

function parseWarnings(json: string): string[] {
	try {
		const v = JSON.parse(json);
		return Array.isArray(v) ? v.map(String) : [];
	} catch {
		return [];
	}
}

/** Row counts per table, so the Bronnen page can show what is in the database. */
export async function tableCounts(db: Database, k: number): Promise<{ tabel: string; rijen: number | null; verborgen: boolean }[]> {
	const present = await existingTables(db, TABLES.map((t) => t.tabel));
	const tables = TABLES.filter((t) => present.has(t.tabel));
	if (tables.length === 0) return [];
	// Table names come from the fixed list above, never from a request.
	const [row] = await db.query<Record<string, number>>(`SELECT ${tables.map((t) => (t.shown === 'nee' ? `NULL AS ${t.tabel}` : `(SELECT count(*) FROM ${t.tabel}) AS ${t.tabel}`)).join(', ')}`);
	return tables.map((t) => ({
		tabel: t.tabel,
		rijen: t.shown === 'nee' ? null : t.shown === 'niet-klein' ? hideSmall(row[t.tabel], k) : row[t.tabel],
		verborgen: t.shown === 'nee'
	}));
}
