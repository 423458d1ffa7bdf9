// Errors of the import pipeline. Every problem with an export is one IngestError that says where it
// is (file, line, column) and which rule of docs/formats.md it breaks, in Dutch, so the person who
// made the export can fix it. A failed import throws one IngestFailedError carrying all of them.

/** Rule ids as documented in docs/formats.md "Messages and rule ids". */
export type RuleId =
	// the file as a whole
	| 'bestand-onleesbaar'
	| 'bestand-leeg'
	| 'bestand-te-groot'
	| 'bestand-te-veel-rijen'
	| 'xlsx-te-groot'
	| 'xlsx-uitpakfactor'
	| 'mojibake'
	| 'csv-aanhalingstekens'
	| 'csv-velden'
	// header and dataset
	| 'dataset-onbekend'
	| 'dataset-dubbelzinnig'
	| 'kolom-verplicht'
	| 'kolom-dubbel'
	| 'kolom-onbekend'
	| 'kolom-zonder-naam'
	// values
	| 'waarde-verplicht'
	| 'datum-formaat'
	| 'datum-te-vroeg'
	| 'datum-toekomst'
	| 'datum-volgorde'
	| 'getal-formaat'
	| 'getal-geheel'
	| 'getal-bereik'
	| 'wijk-code'
	| 'gemeente-code'
	| 'code-formaat'
	| 'waarde-lijst'
	| 'sleutel-dubbel'
	| 'wijk-onbekend'
	| 'praktijk-onbekend'
	| 'bestemming-onbekend'
	| 'werkplan-onbekend'
	// surveys
	| 'seizoen-formaat'
	| 'enquete-onbekend'
	| 'enquete-vragen'
	| 'tekst-gemaskeerd'
	| 'wijk-afwijkend'
	// wijkgrenzen (GeoJSON)
	| 'geojson-ongeldig'
	| 'geojson-soort'
	| 'geometrie-soort'
	| 'geometrie-ongeldig'
	| 'crs-onbekend'
	| 'coordinaten-bereik'
	// privacy
	| 'privacy-kolomnaam'
	| 'privacy-bsn'
	| 'privacy-postcode'
	| 'privacy-email'
	| 'privacy-telefoon'
	| 'privacy-pseudoniem'
	| 'privacy-verborgen'
	// the run as a whole
	| 'geen-bestanden'
	| 'database-bezet'
	| 'database-onleesbaar'
	| 'database-versie'
	| 'celsleutel'
	// rollback
	| 'versie-ontbreekt';

export interface Location {
	/** File name as shown to the user (basename). */
	file: string;
	/** 1-based physical line (CSV, header = 1) or row number (XLSX). */
	line?: number;
	/** Column name as written in the file's header. */
	column?: string;
}

/** `verwijzingen.csv, regel 14, kolom "datum": datum ligt na vandaag (regel: datum-toekomst)` */
export function formatProblem(where: Location, rule: RuleId, text: string): string {
	let prefix = where.file;
	if (where.line !== undefined) prefix += `, regel ${where.line}`;
	if (where.column !== undefined) prefix += `, kolom "${where.column}"`;
	return `${prefix}: ${text} (regel: ${rule})`;
}

export class IngestError extends Error {
	readonly file: string;
	readonly line: number | undefined;
	readonly column: string | undefined;
	readonly rule: RuleId;
	/** The Dutch explanation without the location prefix. */
	readonly detail: string;

	constructor(where: Location, rule: RuleId, detail: string) {
		super(formatProblem(where, rule, detail));
		this.name = 'IngestError';
		this.file = where.file;
		this.line = where.line;
		this.column = where.column;
		this.rule = rule;
		this.detail = detail;
	}
}

/** Thrown by ingest(): nothing was loaded, the database is as it was. */
export class IngestFailedError extends Error {
	constructor(
		readonly errors: readonly IngestError[],
		/** Files whose checking stopped at the error limit: they may hold more errors. */
		readonly stoppedEarly: readonly string[] = []
	) {
		super(summarise(errors, stoppedEarly));
		this.name = 'IngestFailedError';
	}
}

function summarise(errors: readonly IngestError[], stoppedEarly: readonly string[]): string {
	const files = [...new Set(errors.map((e) => e.file))];
	const count = errors.length === 1 ? '1 fout' : `${errors.length} fouten`;
	const more = stoppedEarly.length ? ` (gestopt na ${count} in ${stoppedEarly.join(', ')})` : '';
	return (
		`Import afgebroken: ${count} in ${files.join(', ')}${more}. ` +
		'Er is niets geladen; de database is ongewijzigd.\n' +
		errors.map((e) => e.message).join('\n')
	);
}

export const DEFAULT_MAX_ERRORS = 20;

/**
 * Collects the errors of one file up to a limit. Checks keep going while `full` is false, so the
 * user sees many problems at once, but a file that is wrong on every line does not produce
 * 100,000 messages.
 */
export class ErrorCollector {
	readonly errors: IngestError[] = [];

	constructor(
		readonly file: string,
		readonly limit: number = DEFAULT_MAX_ERRORS
	) {}

	get full(): boolean {
		return this.errors.length >= this.limit;
	}

	get empty(): boolean {
		return this.errors.length === 0;
	}

	add(line: number | undefined, column: string | undefined, rule: RuleId, detail: string): void {
		if (!this.full) this.errors.push(new IngestError({ file: this.file, line, column }, rule, detail));
	}
}
