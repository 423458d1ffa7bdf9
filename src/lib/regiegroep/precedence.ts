// Which version of a record counts when it was both imported and edited in the app.
//
// The rule (docs/regiegroep.md): the later one wins. An imported row's time is when the import
// that last *changed* it finished (an identical re-delivery keeps the row, and its time, as it
// was, so re-importing an unchanged spreadsheet never undoes an edit); an edit's time is when it
// was saved. An edit only sets the fields it is about (ticking off a milestone sets `gereed_op`);
// the other fields come from the import. Both versions stay visible, with their source.

export interface ImportVersion<T> {
	value: T;
	load_id: number;
	bestand: string;
	/** When the load finished, ISO (UTC). */
	geladen_op: string;
}

export interface AppVersion<T> {
	value: Partial<T>;
	audit_id: number;
	wie: string;
	/** When the edit was saved, ISO (UTC). */
	tijdstip: string;
}

export interface Combined<T> {
	key: string;
	/** The version that counts. */
	value: T;
	bron: 'import' | 'app';
	import: ImportVersion<T> | null;
	/** The app's version, with the fields the edit did not set taken from the import. */
	app: (AppVersion<T> & { merged: T }) | null;
	/** Both exist and the losing version differs from the winner: the page shows both. */
	overschreven: boolean;
}

function sameValues(a: object, b: object): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const k of keys) {
		if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
	}
	return true;
}

/** Does the edit (saved at `tijdstip`) win over the import (finished at `geladenOp`)? */
export function editWins(tijdstip: string, geladenOp: string): boolean {
	return Date.parse(tijdstip) > Date.parse(geladenOp);
}

/**
 * Combines imported records and the latest edit of each record, both keyed by the record's key.
 * Records that were only imported or only edited are passed through. An edit of a record that was
 * never imported must carry every field (it was created in the app).
 */
export function combine<T extends object>(
	imported: ReadonlyMap<string, ImportVersion<T>>,
	edited: ReadonlyMap<string, AppVersion<T>>
): Combined<T>[] {
	const out: Combined<T>[] = [];
	for (const [key, imp] of imported) {
		const app = edited.get(key);
		if (!app) {
			out.push({ key, value: imp.value, bron: 'import', import: imp, app: null, overschreven: false });
			continue;
		}
		const merged = { ...imp.value, ...app.value } as T;
		const appWins = editWins(app.tijdstip, imp.geladen_op);
		out.push({
			key,
			value: appWins ? merged : imp.value,
			bron: appWins ? 'app' : 'import',
			import: imp,
			app: { ...app, merged },
			overschreven: !sameValues(merged, imp.value)
		});
	}
	for (const [key, app] of edited) {
		if (imported.has(key)) continue;
		const merged = app.value as T;
		out.push({ key, value: merged, bron: 'app', import: null, app: { ...app, merged }, overschreven: false });
	}
	return out;
}
