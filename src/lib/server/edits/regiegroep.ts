// The edits a regiegroep makes in the app, each appended to the audit trail with who, when, the
// record as it was shown before (old, with its source) and the record after (new). Free text is
// masked for identifying data before it is stored, like imported free text, with the contract's
// detectors (docs/privacy.md "Identifying data"); so is the editor's name, and an edit by a user
// name that holds identifying data (a phone number, a BSN) is refused.
import { CONTACT_KINDS, findPersonalData, maskPersonalData, MASK_WORDS } from '$contract/privacy';
import { itemKey, KWADRANTEN, type Kwadrant, type Status } from '$contract/regiegroep';
import type { Combined } from '$lib/regiegroep/precedence';
import type { SwotRecord } from '$lib/regiegroep/swot';
import type { Mijlpaal, Voortgang } from '$lib/regiegroep/werkplannen';
import type { Database } from '$lib/server/db/database';
import type { Actie } from '$lib/regiegroep/types';
import { appendAudit } from './append';
import { maskEditorName, maskRecord } from './masking';
import { auditTrail, keyText } from './history';
import { mijlpaalKey, regiegroepData, swotData, swotKey, voortgangKey } from '$lib/server/regiegroep/queries';
import type { EditStore } from './store';
import crypto from 'node:crypto';

/** An edit that cannot be made (unknown werkplan, milestone or item); the message is Dutch. */
export class EditError extends Error {
	constructor(
		message: string,
		readonly field?: string,
		/** 404: the record does not exist (for this user); 403: it does, but this user may not do this. */
		readonly status: 403 | 404 | 409 = 404
	) {
		super(message);
		this.name = 'EditError';
	}
}

export interface EditContext {
	db: Database;
	store: EditStore;
	/** Who makes the edit: the signed-in user's name, as shown, and their user name. */
	wie: string;
	door: string | null;
	/** When (default: now); tests pass their own. */
	now?: Date;
}

const masked = (text: string | null) => (text === null ? null : maskPersonalData(text).text);


/**
 * Who edits, as stored: the display name with contact details masked (a name is what it is; a
 * phone number, e-mail address or BSN beside it is not); the user name must hold none at all,
 * since it is what undo compares, so such an edit is refused.
 */
export function editorOf(ctx: Pick<EditContext, 'wie' | 'door'>): { wie: string; door: string | null } {
	if (ctx.door !== null) {
		const found = findPersonalData(ctx.door, CONTACT_KINDS);
		if (found.length > 0) {
			throw new EditError(
				`Uw gebruikersnaam bevat een ${MASK_WORDS[found[0]][0]}; zo wordt hij niet bij een wijziging bewaard. Vraag de beheerder om een andere gebruikersnaam.`,
				undefined,
				403
			);
		}
	}
	return { wie: maskEditorName(ctx.wie), door: ctx.door };
}

function source<T>(c: Combined<T>): string {
	return c.bron === 'app' ? `app:${c.app!.audit_id}` : `import:${c.import!.load_id}`;
}

async function record<T extends object>(
	ctx: EditContext,
	conn: Parameters<Parameters<EditStore['write']>[0]>[0],
	soort: 'voortgang' | 'mijlpaal' | 'swot',
	actie: Actie,
	sleutel: string[],
	context: { werkplan_id?: string; wijk_code?: string },
	before: Combined<T> | undefined,
	nieuw: T
): Promise<number> {
	const { wie, door } = editorOf(ctx);
	return appendAudit(conn, {
		tijdstip: (ctx.now ?? new Date()).toISOString(),
		wie,
		door,
		soort,
		actie,
		sleutel,
		werkplan_id: context.werkplan_id ?? null,
		wijk_code: context.wijk_code ?? null,
		oud: before ? maskRecord(before.value as Record<string, unknown>) : null,
		oud_bron: before ? source(before) : null,
		nieuw: maskRecord(nieuw as Record<string, unknown>)
	});
}

export interface StatusUpdate {
	werkplan_id: string;
	datum: string;
	status: Status;
	toelichting: string | null;
	vergadering: string | null;
}

/** A trekker's status update. An update on a date that already has one replaces it (with a trace). */
export async function addStatusUpdate(ctx: EditContext, input: StatusUpdate): Promise<number> {
	return ctx.store.write(async (conn) => {
		const data = await regiegroepData(ctx.db, ctx.store);
		if (!data.werkplannen.some((w) => w.werkplan_id === input.werkplan_id)) {
			throw new EditError(`Werkplan ${input.werkplan_id} bestaat niet.`, 'werkplan_id');
		}
		const key = voortgangKey(input);
		const before = data.voortgang.find((v) => v.key === keyText(key));
		const nieuw: Voortgang = { ...input, toelichting: masked(input.toelichting) };
		return record(ctx, conn, 'voortgang', before ? 'gewijzigd' : 'toegevoegd', key, { werkplan_id: input.werkplan_id }, before, nieuw);
	});
}

/** Ticks off a milestone (gereed_op a date) or opens it again (gereed_op null). */
export async function setMilestone(ctx: EditContext, input: { werkplan_id: string; mijlpaal_id: string; gereed_op: string | null }): Promise<number> {
	return ctx.store.write(async (conn) => {
		const data = await regiegroepData(ctx.db, ctx.store);
		const key = mijlpaalKey(input);
		const before = data.mijlpalen.find((m) => m.key === keyText(key));
		if (!before) throw new EditError(`Mijlpaal ${input.mijlpaal_id} van werkplan ${input.werkplan_id} bestaat niet.`, 'mijlpaal_id');
		const nieuw: Mijlpaal = { ...before.value, gereed_op: input.gereed_op };
		return record(ctx, conn, 'mijlpaal', input.gereed_op ? 'gereed' : 'heropend', key, { werkplan_id: input.werkplan_id }, before, nieuw);
	});
}

export interface NewSwotItem {
	wijk_code: string;
	datum: string;
	kwadrant: Kwadrant;
	omschrijving: string;
	thema: string | null;
}

/** Adds an item to a wijk's SWOT of a date (a new date starts a new round). Returns its item_id. */
export async function addSwotItem(ctx: EditContext, input: NewSwotItem, wijken: ReadonlySet<string>): Promise<string> {
	if (!wijken.has(input.wijk_code)) throw new EditError(`Wijk ${input.wijk_code} bestaat niet.`, 'wijk_code');
	if (!KWADRANTEN.includes(input.kwadrant)) throw new EditError('Kies een kwadrant.', 'kwadrant');
	const item_id = `app-${crypto.randomBytes(4).toString('hex')}`;
	const nieuw: SwotRecord = {
		wijk_code: input.wijk_code,
		datum: input.datum,
		item_sleutel: itemKey({ item_id, kwadrant: input.kwadrant, omschrijving: input.omschrijving }),
		item_id,
		kwadrant: input.kwadrant,
		omschrijving: maskPersonalData(input.omschrijving).text,
		thema: masked(input.thema),
		afgesloten_op: null
	};
	await ctx.store.write((conn) => record(ctx, conn, 'swot', 'toegevoegd', swotKey(nieuw), { wijk_code: nieuw.wijk_code }, undefined, nieuw));
	return item_id;
}

type SwotTarget = Pick<SwotRecord, 'wijk_code' | 'datum' | 'item_sleutel'>;

async function changeSwotItem(
	ctx: EditContext,
	target: SwotTarget,
	actie: Actie,
	change: (current: SwotRecord) => SwotRecord
): Promise<number> {
	return ctx.store.write(async (conn) => {
		const key = swotKey(target);
		const before = (await swotData(ctx.db, ctx.store)).find((s) => s.key === keyText(key));
		if (!before) throw new EditError('Dit SWOT-item bestaat niet (meer).', 'item_sleutel');
		return record(ctx, conn, 'swot', actie, key, { wijk_code: target.wijk_code }, before, change(before.value));
	});
}

/** Changes an item's text, quadrant or theme. Its identity (item_sleutel) stays the same. */
export function editSwotItem(ctx: EditContext, target: SwotTarget, input: { kwadrant: Kwadrant; omschrijving: string; thema: string | null }): Promise<number> {
	return changeSwotItem(ctx, target, 'gewijzigd', (current) => ({
		...current,
		kwadrant: input.kwadrant,
		omschrijving: maskPersonalData(input.omschrijving).text,
		thema: masked(input.thema)
	}));
}

/** Closes an item (resolved on `datum`), or opens it again (`datum` null). */
export function closeSwotItem(ctx: EditContext, target: SwotTarget, datum: string | null): Promise<number> {
	return changeSwotItem(ctx, target, datum ? 'afgesloten' : 'heropend', (current) => ({ ...current, afgesloten_op: datum }));
}

/**
 * Undoes an edit: a new audit row (actie `ongedaan`) that puts back the record as it was before
 * that edit, or removes a record that edit created. Only the latest edit of a record can be undone
 * (undo the later ones first), by the editor or a beheerder.
 */
export async function undoEdit(ctx: EditContext, audit_id: number, by: { gebruikersnaam: string; beheerder: boolean }): Promise<number> {
	return ctx.store.write(async (conn) => {
		const trail = await auditTrail(ctx.store);
		const entry = trail.find((e) => e.audit_id === audit_id);
		if (!entry) throw new EditError(`Wijziging ${audit_id} bestaat niet.`, 'audit_id');
		const key = keyText(entry.sleutel);
		const werkplannen = entry.soort === 'swot' ? null : await regiegroepData(ctx.db, ctx.store);
		const records: Combined<object>[] = werkplannen ? (entry.soort === 'mijlpaal' ? werkplannen.mijlpalen : werkplannen.voortgang) : await swotData(ctx.db, ctx.store);
		const current = records.find((r) => r.key === key);
		// A status update whose creation was undone is gone, but its werkplan is still in the scope.
		const visible = current !== undefined || (werkplannen?.werkplannen.some((w) => w.werkplan_id === entry.werkplan_id) ?? false);
		if (!visible) throw new EditError(`Wijziging ${audit_id} bestaat niet.`, 'audit_id');
		if (!by.beheerder && entry.door !== by.gebruikersnaam) {
			throw new EditError('U kunt alleen uw eigen wijzigingen ongedaan maken; vraag anders de beheerder.', 'audit_id', 403);
		}
		// The trail is oldest first: the last row of this record is its latest edit.
		const latest = trail.findLast((e) => e.soort === entry.soort && keyText(e.sleutel) === key);
		if (latest?.audit_id !== audit_id) {
			throw new EditError('Na deze wijziging is het item opnieuw gewijzigd; maak eerst die latere wijziging ongedaan.', 'audit_id', 409);
		}
		const nieuw = entry.oud ?? { verwijderd: true };
		return record(ctx, conn, entry.soort, 'ongedaan', entry.sleutel, { werkplan_id: entry.werkplan_id ?? undefined, wijk_code: entry.wijk_code ?? undefined }, current, nieuw);
	});
}
