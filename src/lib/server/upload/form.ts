// Reading the upload form: the chosen files (field `bestanden`, several at once) and the enquete
// for the survey tool exports, checked before anything is written to disk.
import { maxUploadBytes } from './config';
import { ALLOWED_EXTENSIONS, hasAllowedExtension, safeFileName } from './names';

export interface ChosenFile {
	name: string;
	file: Blob;
}

export type UploadForm = { ok: true; files: ChosenFile[] } | { ok: false; fout: string };

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;

/** Too large by its Content-Length: refused before the body is read. */
export function tooLarge(contentLength: string | null): string | null {
	const size = Number(contentLength);
	const max = maxUploadBytes();
	return Number.isFinite(size) && size > max ? `De upload is ${mb(size)}; er kan hoogstens ${mb(max)} tegelijk worden geüpload. Upload de bestanden in delen.` : null;
}

export function readFiles(form: FormData): UploadForm {
	const files = form.getAll('bestanden').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
	if (files.length === 0) return { ok: false, fout: 'Kies een of meer bestanden (CSV of XLSX) om te controleren.' };
	const out: ChosenFile[] = [];
	const seen = new Set<string>();
	for (const f of files) {
		const name = safeFileName(f.name);
		if (!name) return { ok: false, fout: `De bestandsnaam "${f.name}" kan niet worden gebruikt. Geef het bestand een gewone naam.` };
		if (!hasAllowedExtension(name)) return { ok: false, fout: `${name}: alleen CSV- en Excel-bestanden (${ALLOWED_EXTENSIONS.join(', ')}) kunnen worden geladen.` };
		if (seen.has(name.toLowerCase())) return { ok: false, fout: `Twee bestanden heten ${name}. Geef ze verschillende namen; de naam wordt bij elke lading bewaard.` };
		seen.add(name.toLowerCase());
		out.push({ name, file: f });
	}
	const total = out.reduce((n, f) => n + f.file.size, 0);
	if (total > maxUploadBytes()) return { ok: false, fout: `De bestanden zijn samen ${mb(total)}; er kan hoogstens ${mb(maxUploadBytes())} tegelijk worden geüpload.` };
	return { ok: true, files: out };
}

/**
 * The enquete per file: `enquete` (one for every file) on the first form, `enquete:<name>` per file
 * on the check's report; a file the form does not mention keeps its `previous` choice. Only
 * enquetes from `known` (the database's) are taken; '' means none.
 */
export function readEnquetes(
	form: FormData,
	names: readonly string[],
	known: ReadonlySet<string>,
	previous: Readonly<Record<string, string>> = {}
): { ok: true; enquetes: Record<string, string> } | { ok: false; fout: string } {
	const all = String(form.get('enquete') ?? '');
	const enquetes: Record<string, string> = {};
	for (const name of names) {
		const own = form.get(`enquete:${name}`);
		const id = own !== null ? String(own) : all !== '' ? all : (previous[name] ?? '');
		if (id === '') continue;
		if (!known.has(id)) return { ok: false, fout: `De enquête "${id}" staat niet in de database. Kies een enquête uit de lijst, of laad eerst het bestand enquetes.` };
		enquetes[name] = id;
	}
	return { ok: true, enquetes };
}
