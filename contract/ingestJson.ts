// The import's machine-readable output (`npm run ingest -- --json`): one JSON object on stdout when
// the run ends, progress as one JSON object per line on stderr. The web server runs the pipeline as
// a child process and reads exactly these shapes (docs/formats.md "Machine-readable output").

/** What one file did (or, in a dry run, would do) to the database. */
export interface JsonFileReport {
	/** File name (basename), as recorded in `loads`. */
	file: string;
	/** Dataset id (`verwijzingen`, `populatie_wijk`, ...) and the table it went to. */
	dataset: string;
	table: string;
	loadId: number;
	sha256: string;
	format: 'csv' | 'xlsx' | 'geojson';
	encoding?: string;
	delimiter?: string;
	/** Data rows in the file (empty lines not counted). */
	rowsRead: number;
	/** Rows accepted into the table: new ones plus replaced ones. */
	rowsLoaded: number;
	/** Of the loaded rows: how many had a key that was already in the table. */
	rowsReplaced: number;
	/** Of the replaced rows: how many were identical to the stored row (nothing changed). */
	rowsUnchanged: number;
	/** Always 0 for a loaded file: a file with a rejected row is not loaded at all. */
	rowsRejected: number;
	/** Dutch warnings (unknown columns, ...). */
	warnings: string[];
	/** Dutch notes that are no warning (wijkgrenzen: reprojected, simplified from ... to ...). */
	notes?: string[];
	startedAt: string;
	finishedAt: string;
}

/** One problem, in Dutch, with where it is and which rule of the import contract it breaks. */
export interface JsonIngestError {
	file: string;
	line: number | null;
	column: string | null;
	rule: string;
	/** The explanation without the location ("datum ligt na vandaag"). */
	detail: string;
	/** The full Dutch message with file, line and column. */
	message: string;
}

/** A stored earlier version of the database (see contract/versions.ts). */
export interface JsonVersion {
	name: string;
	/** When it was replaced by the next import (ISO, UTC). */
	savedAt: string;
	/** The highest load id it holds (0: none). */
	lastLoadId: number;
}

export interface JsonRemovedLoad {
	loadId: number;
	file: string;
	dataset: string;
}

export type JsonResult =
	| { ok: true; action: 'controleren' | 'laden'; db: string; reports: JsonFileReport[] }
	| { ok: true; action: 'terugdraaien'; db: string; restored: JsonVersion; removedLoads: JsonRemovedLoad[] }
	| { ok: true; action: 'versies'; db: string; versions: JsonVersion[] }
	| { ok: false; action: 'controleren' | 'laden' | 'terugdraaien' | 'versies' | 'opdracht'; db: string | null; errors: JsonIngestError[]; stoppedEarly: string[] };

/** One line on stderr while the run goes: rows done of a file in a phase. */
export interface JsonProgress {
	type: 'voortgang';
	file: string;
	/** '' while the file is being read (the dataset is not known yet). */
	dataset: string;
	phase: 'lezen' | 'controleren' | 'laden';
	done: number;
	total: number;
}
