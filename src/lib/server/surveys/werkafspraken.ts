// The werkafspraken monitor: for every agreement question the share of respondents who agree (or
// answer ja) per monitoring round and wijk, next to the behaviour the referral data show where the
// question's thema has one: terugkoppeling to the practice within 4 weeks, or the share of
// referrals that stay in the basiszorg (the counts and shares of kerncijfers.ts).
//
// A question is the same across rounds when it has the same vraag_code. "Eens": a score of 4 or 5
// on a 5-point scale, 5 to 7 on a 7-point scale, ja on ja/nee (after reversal of negatively worded
// items, so "eens" always means the agreement is kept). The behaviour is measured over the three
// calendar months before the month of the round.
//
// Small numbers. Survey counts: each round's respondents are grouped once (groepering.ts: wijken
// of fewer than k respondents merged into "overige wijken"); per question a wijk group shows its
// counts (respondents, agreeing) only when `zichtbaar` allows it for the respondents who answered.
// Behaviour: counts of referrals, published through the cell key method (cellKey.ts
// publishCount: the SQL returns count(*) and sum(celsleutel) per cell), the share from the
// published counts.

import { addMonths } from '$lib/shared/periods';
import { seizoenKey, type VraagType } from '$contract/surveys';
import { ALLE_WIJKEN, OVERIGE_WIJKEN, ZONDER_WIJK, type Count } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import type { Afspraak } from '$lib/surveys/werkafspraken';
import { addKeyed, CELL_KEY_MODULUS, NO_RECORDS, publishCount, publishedShare, type KeyedCount } from '$lib/server/disclosure/cellKey';
import { ANSWERS_FROM, cellCounts, hasSurveyTables, HIDDEN, scopeNamen, SCORE_SQL, seasonScopes, shownCount } from './enquetes';
import { ALLE_ROLLEN, celKey, groepering, zichtbaar } from './groepering';

/** The lowest score that counts as agreeing, per question type. */
export const EENS_VANAF: Partial<Record<VraagType, number>> = { likert5: 4, likert7: 5, ja_nee: 1 };

export type GedragMaat = 'terugkoppeling_4wk' | 'basiszorg';

export const GEDRAG_LABEL: Record<GedragMaat, string> = {
	terugkoppeling_4wk: 'Verwijzingen naar het buurtteam met terugkoppeling aan de praktijk binnen 4 weken',
	basiszorg: 'Verwijzingen die in de basiszorg blijven (lijn 0 en 1)'
};

/** The referral behaviour that goes with a thema, if any. */
export function gedragVoorThema(thema: string): GedragMaat | null {
	const t = thema.toLowerCase();
	if (t.includes('terugkoppel')) return 'terugkoppeling_4wk';
	if (t.includes('verwij') || t.includes('basiszorg')) return 'basiszorg';
	return null;
}

const ANSWERS_SQL = `
	SELECT e.enquete_id, e.seizoen, strftime(e.datum, '%Y-%m-%d') AS datum, coalesce(e.wijk_code, r.wijk_code, '${ZONDER_WIJK}') AS wijk_code,
		coalesce(r.rol, 'onbekend') AS rol, v.vraag_code, v.vraag_tekst, coalesce(nullif(trim(v.thema), ''), 'Algemeen') AS thema, v.type,
		coalesce(v.omgekeerd, 0) = 1 AS omgekeerd,
		count(*) FILTER (WHERE a.waarde IS NOT NULL) AS n,
		count(*) FILTER (WHERE ${SCORE_SQL} >= CASE v.type ${Object.entries(EENS_VANAF)
			.map(([type, min]) => `WHEN '${type}' THEN ${min}`)
			.join(' ')} END) AS eens
	${ANSWERS_FROM}
	WHERE e.soort = 'werkafspraken_monitor' AND r.compleet
		AND list_contains(string_split($types, ','), v.type)
	GROUP BY ALL
	ORDER BY ALL`;

/** Each round's respondents per cell (wijk, rol): what its grouping is made from. */
const RESPONDENTS_SQL = `
	SELECT e.seizoen, coalesce(e.wijk_code, r.wijk_code, '${ZONDER_WIJK}') AS wijk_code, coalesce(r.rol, 'onbekend') AS rol, count(*) AS n
	FROM enquete_responsen r JOIN enquetes e USING (enquete_id)
	WHERE e.soort = 'werkafspraken_monitor' AND r.compleet
	GROUP BY ALL
	ORDER BY ALL`;

/** A count of referrals with the sum of their record keys (cell key method), for a filter. */
const keyed = (name: string, where: string) =>
	`count(*) FILTER (WHERE ${where}) AS ${name}, CAST(coalesce(sum(v.celsleutel) FILTER (WHERE ${where}), 0) % ${CELL_KEY_MODULUS} AS INTEGER) AS ${name}_sleutel`;

const BEHAVIOUR_SQL = `
	SELECT ${keyed('totaal', 'true')},
		${keyed('basiszorg', 'b.lijn <= 1')},
		${keyed('buurtteam', "v.bestemming = 'buurtteam'")},
		${keyed('tijdig', "v.bestemming = 'buurtteam' AND v.terugkoppeling_datum <= v.datum + INTERVAL 28 DAY")},
		count(v.terugkoppeling_datum) AS met_terugkoppeling
	FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
	WHERE v.wijk_code = $wijk AND v.datum >= CAST($van AS DATE) AND v.datum <= CAST($tot AS DATE)`;

interface BehaviourCounts {
	totaal: number;
	totaal_sleutel: number;
	basiszorg: number;
	basiszorg_sleutel: number;
	buurtteam: number;
	buurtteam_sleutel: number;
	tijdig: number;
	tijdig_sleutel: number;
	met_terugkoppeling: number;
}

export interface Gedrag {
	maat: GedragMaat;
	/** the referrals counted: to the buurtteam (terugkoppeling) or all (basiszorg); cell key published */
	noemer: Count;
	/** those that kept the agreement; cell key published */
	teller: Count;
	/** published teller / published noemer */
	aandeel: number | null;
	van: string;
	tot: string;
}

export interface WerkafspraakRij {
	enquete_ids: string[];
	/** the round: the enquete's seizoen */
	ronde: string;
	/** sorts rounds in time */
	rondeKey: string;
	datum: string;
	/** a wijk, ALLE_WIJKEN, or OVERIGE_WIJKEN (the wijken of fewer than k respondents in the round) */
	wijk_code: string;
	wijk_naam: string;
	/** the wijken of the row */
	wijken: string[];
	vraag_code: string;
	vraag_tekst: string;
	thema: string;
	n: Count;
	eens: Count;
	aandeel: number | null;
	gedrag: Gedrag | null;
}

export interface Werkafspraken {
	/** type and omgekeerd say which answer counts as keeping the agreement (src/lib/surveys/werkafspraken.ts) */
	vragen: (Afspraak & { vraag_code: string; gedrag: GedragMaat | null })[];
	rondes: { ronde: string; rondeKey: string }[];
	/** every wijk with a round, for the wijk filter */
	wijken: { wijk_code: string; wijk_naam: string }[];
	/** all wijken together (wijk_code '') first, then per wijk, per round and question */
	rijen: WerkafspraakRij[];
}

interface AnswerRow {
	enquete_id: string;
	seizoen: string;
	datum: string;
	wijk_code: string;
	rol: string;
	vraag_code: string;
	vraag_tekst: string;
	thema: string;
	type: VraagType;
	omgekeerd: boolean;
	n: number;
	eens: number;
}

/** The window of referral data for a round held on `datum`: the three months before its month. */
export function gedragVenster(datum: string): { van: string; tot: string } {
	const month = datum.slice(0, 7);
	const last = addMonths(month, -1);
	const [y, m] = last.split('-').map(Number);
	const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { van: `${addMonths(month, -3)}-01`, tot: `${last}-${String(days).padStart(2, '0')}` };
}

/** All rounds, questions and wijken of the werkafspraken monitor (or of one wijk and all together). */
/** Computed once per database version (Database.memo). */
export function werkafspraken(db: Database, k: number, wijk: string | null = null): Promise<Werkafspraken> {
	return db.memo('werkafspraken', [k, wijk], () => computeWerkafspraken(db, k, wijk));
}

async function computeWerkafspraken(db: Database, k: number, wijk: string | null): Promise<Werkafspraken> {
	if (!(await hasSurveyTables(db))) return { vragen: [], rondes: [], wijken: [], rijen: [] };
	const [answers, respondents, namen] = await Promise.all([
		// The whole region is always read, so that choosing a wijk does not change what is shown.
		db.query<AnswerRow>(ANSWERS_SQL, { types: Object.keys(EENS_VANAF).join(',') }),
		db.query<{ seizoen: string; wijk_code: string; rol: string; n: number }>(RESPONDENTS_SQL),
		scopeNamen(db)
	]);
	const wijken = [...new Set(answers.map((a) => a.wijk_code))].sort(namen.byNaam);
	const rondes = [...new Map(answers.map((a) => [a.seizoen, { ronde: a.seizoen, rondeKey: seizoenKey(a.seizoen) }])).values()].sort((a, b) =>
		a.rondeKey.localeCompare(b.rondeKey)
	);

	// The latest text of each question; a question's thema decides its behaviour.
	const vragen = new Map<string, Werkafspraken['vragen'][number] & { key: string }>();
	for (const a of answers) {
		const known = vragen.get(a.vraag_code);
		const key = seizoenKey(a.seizoen);
		if (!known || key > known.key)
			vragen.set(a.vraag_code, {
				vraag_code: a.vraag_code,
				vraag_tekst: a.vraag_tekst,
				thema: a.thema,
				type: a.type,
				omgekeerd: Boolean(a.omgekeerd),
				gedrag: gedragVoorThema(a.thema),
				key
			});
	}
	const maten = [...new Set([...vragen.values()].map((v) => v.gedrag).filter((g) => g !== null))];

	const rijen: WerkafspraakRij[] = [];
	for (const r of rondes) {
		// The round's grouping, made once from its respondents.
		const g = groepering(new Map(respondents.filter((x) => x.seizoen === r.ronde).map((x) => [celKey(x.wijk_code, x.rol), Number(x.n)])), k);
		const scopes = seasonScopes(g, namen.byNaam);
		const mine = answers.filter((a) => a.seizoen === r.ronde);
		const inScope = (s: { scope: string; wijken: string[] }, w: string) => s.scope === ALLE_WIJKEN || s.wijken.includes(w);
		const behaviour = await behaviourPerScope(db, k, scopes, mine, maten);
		for (const s of scopes) {
			if (wijk !== null && s.scope !== ALLE_WIJKEN && s.scope !== wijk && !s.wijken.includes(wijk)) continue;
			const here = mine.filter((a) => inScope(s, a.wijk_code));
			if (here.length === 0) continue;
			const datum = here.map((a) => a.datum).sort().at(-1)!;
			const enquete_ids = [...new Set(here.map((a) => a.enquete_id))].sort();
			const grp = g.groepen.get(`${s.scope}|${ALLE_ROLLEN}`);
			for (const v of vragen.values()) {
				const q = mine.filter((a) => a.vraag_code === v.vraag_code);
				const inQ = here.filter((a) => a.vraag_code === v.vraag_code);
				const raw = { n: inQ.reduce((x, a) => x + Number(a.n), 0), eens: inQ.reduce((x, a) => x + Number(a.eens), 0) };
				if (raw.n === 0 && raw.eens === 0) continue;
				// Answering respondents per cell (wijk, rol) decide which groups show this question.
				const answering = new Map<string, number>();
				for (const a of q) answering.set(celKey(a.wijk_code, a.rol), (answering.get(celKey(a.wijk_code, a.rol)) ?? 0) + Number(a.n));
				const shown = grp !== undefined && zichtbaar(g, answering).has(grp.id);
				rijen.push({
					enquete_ids,
					ronde: r.ronde,
					rondeKey: r.rondeKey,
					datum,
					wijk_code: s.scope,
					wijk_naam: namen.naam(s.scope),
					wijken: s.wijken,
					vraag_code: v.vraag_code,
					vraag_tekst: v.vraag_tekst,
					thema: v.thema,
					n: shown ? shownCount(raw.n) : HIDDEN,
					eens: shown ? shownCount(raw.eens) : HIDDEN,
					aandeel: shown && raw.n > 0 ? raw.eens / raw.n : null,
					gedrag: v.gedrag ? (behaviour.get(`${v.gedrag}|${s.scope}`) ?? null) : null
				});
			}
		}
	}
	return {
		vragen: [...vragen.values()].map(({ key: _key, ...v }) => v).sort((a, b) => a.vraag_code.localeCompare(b.vraag_code, 'nl', { numeric: true })),
		rondes,
		wijken: wijken.filter((w) => w !== OVERIGE_WIJKEN).map((w) => ({ wijk_code: w, wijk_naam: namen.naam(w) })),
		rijen
	};
}

/**
 * The referral behaviour per measure and wijk group of one round (and all wijken together): the
 * referrals of the three months before the month of each wijk's round, counted with their key sums
 * and published through the cell key method; the share from the published counts.
 */
async function behaviourPerScope(
	db: Database,
	k: number,
	scopes: readonly { scope: string; wijken: string[] }[],
	answers: readonly AnswerRow[],
	maten: readonly GedragMaat[]
): Promise<Map<string, Gedrag>> {
	const out = new Map<string, Gedrag>();
	if (maten.length === 0) return out;
	const datum = new Map<string, string>();
	for (const a of answers) if (a.wijk_code !== ZONDER_WIJK && (!datum.has(a.wijk_code) || a.datum > datum.get(a.wijk_code)!)) datum.set(a.wijk_code, a.datum);
	const measured = await Promise.all(
		[...datum].map(async ([w, d]) => {
			const venster = gedragVenster(d);
			return { wijk: w, ...venster, counts: (await db.query<BehaviourCounts>(BEHAVIOUR_SQL, { wijk: w, van: venster.van, tot: venster.tot }))[0] };
		})
	);
	const part = (maat: GedragMaat, c: BehaviourCounts): { teller: KeyedCount; noemer: KeyedCount; geleverd: boolean } =>
		maat === 'terugkoppeling_4wk'
			? { teller: { n: Number(c.tijdig), sleutel: Number(c.tijdig_sleutel) }, noemer: { n: Number(c.buurtteam), sleutel: Number(c.buurtteam_sleutel) }, geleverd: Number(c.met_terugkoppeling) > 0 }
			: { teller: { n: Number(c.basiszorg), sleutel: Number(c.basiszorg_sleutel) }, noemer: { n: Number(c.totaal), sleutel: Number(c.totaal_sleutel) }, geleverd: true };
	for (const maat of maten) {
		for (const s of scopes) {
			const mine = measured.filter((m) => s.scope === ALLE_WIJKEN || s.wijken.includes(m.wijk));
			if (mine.length === 0) continue;
			let teller = NO_RECORDS;
			let noemer = NO_RECORDS;
			let geleverd = false;
			for (const m of mine) {
				const p = part(maat, m.counts);
				teller = addKeyed(teller, p.teller);
				noemer = addKeyed(noemer, p.noemer);
				geleverd ||= p.geleverd;
			}
			const t = publishCount(teller.n, teller.sleutel, k);
			const n = publishCount(noemer.n, noemer.sleutel, k);
			out.set(`${maat}|${s.scope}`, {
				maat,
				noemer: n,
				teller: t,
				aandeel: geleverd ? publishedShare(t, n) : null,
				van: mine.map((m) => m.van).sort()[0],
				tot: mine.map((m) => m.tot).sort().at(-1)!
			});
		}
	}
	return out;
}
