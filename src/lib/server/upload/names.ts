// The name an uploaded file keeps: it becomes the file name in `loads` and in every message, so it
// stays as the user's computer had it, minus anything that could leave the upload's own folder.

export const ALLOWED_EXTENSIONS = ['.csv', '.xlsx', '.xls', '.geojson', '.json'];

/** The safe base name of an uploaded file, or null when none is left. */
export function safeFileName(raw: string): string | null {
	const base = raw.split(/[\\/]/).at(-1) ?? '';
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
	if (clean === '' || clean === '.' || clean === '..' || clean.startsWith('-')) return null;
	return clean;
}

export function hasAllowedExtension(name: string): boolean {
	const lower = name.toLowerCase();
	return ALLOWED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
