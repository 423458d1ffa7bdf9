// The three formats of every export (/export/<name>.csv, .xlsx, .arrow; one query on the server
// writes all three). Short visible names keep a row of links compact on a phone; each accessible
// name contains its visible name (WCAG 2.5.3) and says what the file is.

export const EXPORT_FORMATS = [
	{ ext: 'csv', text: 'CSV', label: 'als CSV' },
	{ ext: 'xlsx', text: 'Excel', label: 'als Excel-bestand, met toelichting' },
	{ ext: 'arrow', text: 'Arrow', label: 'als Arrow-bestand, voor Python en R' }
] as const;

/** The address of an export in another format: '/export/x.csv?a=1' → '/export/x.xlsx?a=1'. */
export function exportHref(csvHref: string, ext: string): string {
	return csvHref.replace(/\.csv(?=\?|$)/, `.${ext}`);
}
