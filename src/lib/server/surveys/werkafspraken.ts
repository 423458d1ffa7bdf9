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
// Suppression per round and question: respondents, "eens" and "niet eens" are counts of people;
// a count of 1 to k-1 is hidden with complementary suppression over eens + niet eens = n and over
// the wijken and all wijken together. The behaviour's referrals likewise: all counted, those that
// kept the agreement and the rest; a share is shown only when all three are.

import { addMonths } from '$lib/shared/periods';
import { seizoenKey, type VraagType } from '$contract/surveys';
import { ALLE_WIJKEN, ZONDER_WIJK, type Count } from '$lib/surveys/types';
import type { Database } from '$lib/server/db/database';
import { suppress, suppressedShare } from '$lib/server/disclosure/suppression';
import { ANSWERS_FROM, count, hasSurveyTables, scopeNamen, SCORE_SQL } from './enquetes';
import { SHARE_COUNTS_SQL, type ShareCounts } from '$lib/server/referrals/kerncijfers';

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
		v.vraag_code, v.vraag_tekst, coalesce(nullif(trim(v.thema), ''), 'Algemeen') AS thema, v.type,
		count(*) FILTER (WHERE a.waarde IS NOT NULL) AS n,
		count(*) FILTER (WHERE ${SCORE_SQL} >= CASE v.type ${Object.entries(EENS_VANAF)
			.map(([type, min]) => `WHEN '${type}' THEN ${min}`)
			.join(' ')} END) AS eens
	${ANSWERS_FROM}
	WHERE e.soort = 'werkafspraken_monitor' AND r.compleet
		AND list_contains(string_split($types, ','), v.type)
	GROUP BY ALL
	ORDER BY ALL`;

const BEHAVIOUR_SQL = `
	SELECT ${SHARE_COUNTS_SQL}
	FROM verwijzingen v JOIN bestemmingen b USING (bestemming)
	WHERE v.wijk_code = $wijk AND v.datum >= CAST($van AS DATE) AND v.datum <= CAST($tot AS DATE)`;

export interface Gedrag {
	maat: GedragMaat;
	/** the referrals counted: to the buurtteam (terugkoppeling) or all (basiszorg) */
	noemer: Count;
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
	wijk_code: string;
	wijk_naam: string;
	vraag_code: string;
	vraag_tekst: string;
	thema: string;
	n: Count;
	eens: Count;
	aandeel: number | null;
	gedrag: Gedrag | null;
}

export interface Werkafspraken {
	vragen: { vraag_code: string; vraag_tekst: string; thema: string; gedrag: GedragMaat | null }[];
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
	vraag_code: string;
	vraag_tekst: string;
	thema: string;
	type: VraagType;
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
export async function werkafspraken(db: Database, k: number, wijk: string | null = null): Promise<Werkafspraken> {
	if (!(await hasSurveyTables(db))) return { vragen: [], rondes: [], wijken: [], rijen: [] };
	const [answers, namen] = await Promise.all([
		// The whole region is always read, so that choosing a wijk does not change what is hidden.
		db.query<AnswerRow>(ANSWERS_SQL, { types: Object.keys(EENS_VANAF).join(',') }),
		scopeNamen(db)
	]);
	const wijken = [...new Set(answers.map((a) => a.wijk_code))].sort(namen.byNaam);
	const scopes = [ALLE_WIJKEN, ...wijken];
	const rondes = [...new Map(answers.map((a) => [a.seizoen, { ronde: a.seizoen, rondeKey: seizoenKey(a.seizoen) }])).values()].sort((a, b) =>
		a.rondeKey.localeCompare(b.rondeKey)
	);

	// The latest text of each question; a question's thema decides its behaviour.
	const vragen = new Map<string, { vraag_code: string; vraag_tekst: string; thema: string; gedrag: GedragMaat | null; key: string }>();
	for (const a of answers) {
		const known = vragen.get(a.vraag_code);
		const key = seizoenKey(a.seizoen);
		if (!known || key > known.key) vragen.set(a.vraag_code, { vraag_code: a.vraag_code, vraag_tekst: a.vraag_tekst, thema: a.thema, gedrag: gedragVoorThema(a.thema), key });
	}

	// Counts per round, question and wijk (several enquetes of one wijk and round add up).
	const counts = new Map<string, number>();
	const add = (key: string, x: number) => counts.set(key, (counts.get(key) ?? 0) + x);
	const meta = new Map<string, { enquete_ids: Set<string>; datum: string }>();
	for (const r of rondes)
		for (const v of vragen.keys()) for (const s of scopes) for (const c of ['n', 'eens', 'oneens']) counts.set(`${c}|${r.ronde}|${v}|${s}`, 0);
	for (const a of answers) {
		for (const s of [ALLE_WIJKEN, a.wijk_code]) {
			add(`n|${a.seizoen}|${a.vraag_code}|${s}`, a.n);
			add(`eens|${a.seizoen}|${a.vraag_code}|${s}`, a.eens);
			add(`oneens|${a.seizoen}|${a.vraag_code}|${s}`, a.n - a.eens);
			const m = meta.get(`${a.seizoen}|${s}`) ?? { enquete_ids: new Set<string>(), datum: a.datum };
			m.enquete_ids.add(a.enquete_id);
			if (a.datum > m.datum) m.datum = a.datum;
			meta.set(`${a.seizoen}|${s}`, m);
		}
	}
	const groups: string[][] = [];
	for (const r of rondes)
		for (const v of vragen.keys()) {
			for (const c of ['n', 'eens', 'oneens']) groups.push(scopes.map((s) => `${c}|${r.ronde}|${v}|${s}`));
			for (const s of scopes) groups.push([`n|${r.ronde}|${v}|${s}`, `eens|${r.ronde}|${v}|${s}`, `oneens|${r.ronde}|${v}|${s}`]);
		}
	const cells = suppress(counts, groups, k);

	const behaviour = await behaviourPerRound(db, k, rondes.map((r) => r.ronde), wijken, meta, [...new Set([...vragen.values()].map((v) => v.gedrag).filter((g) => g !== null))]);

	const rijen: WerkafspraakRij[] = [];
	for (const s of scopes) {
		if (wijk !== null && s !== ALLE_WIJKEN && s !== wijk) continue;
		for (const r of rondes) {
			const m = meta.get(`${r.ronde}|${s}`);
			if (!m) continue;
			for (const v of vragen.values()) {
				const key = `${r.ronde}|${v.vraag_code}|${s}`;
				if (counts.get(`n|${key}`) === 0 && counts.get(`eens|${key}`) === 0) continue;
				const n = count(cells.get(`n|${key}`));
				const eens = count(cells.get(`eens|${key}`));
				const raw = { n: counts.get(`n|${key}`)!, eens: counts.get(`eens|${key}`)! };
				rijen.push({
					enquete_ids: [...m.enquete_ids].sort(),
					ronde: r.ronde,
					rondeKey: r.rondeKey,
					datum: m.datum,
					wijk_code: s,
					wijk_naam: namen.naam(s),
					vraag_code: v.vraag_code,
					vraag_tekst: v.vraag_tekst,
					thema: v.thema,
					n,
					eens,
					aandeel: n.value !== null && eens.value !== null ? suppressedShare(raw.eens, raw.n, k) : null,
					gedrag: v.gedrag ? (behaviour.get(`${v.gedrag}|${r.ronde}|${s}`) ?? null) : null
				});
			}
		}
	}
	return {
		vragen: [...vragen.values()].map(({ key: _key, ...v }) => v).sort((a, b) => a.vraag_code.localeCompare(b.vraag_code, 'nl', { numeric: true })),
		rondes,
		wijken: wijken.map((w) => ({ wijk_code: w, wijk_naam: namen.naam(w) })),
		rijen
	};
}

/** The referral behaviour per measure, round and wijk (and all wijken together), suppressed. */
async function behaviourPerRound(
	db: Database,
	k: number,
	rondes: readonly string[],
	wijken: readonly string[],
	meta: ReadonlyMap<string, { datum: string }>,
	maten: readonly GedragMaat[]
): Promise<Map<string, Gedrag>> {
	const out = new Map<string, Gedrag>();
	if (maten.length === 0) return out;
	const windows: { ronde: string; wijk: string; van: string; tot: string }[] = [];
	for (const ronde of rondes)
		for (const w of wijken) {
			const m = meta.get(`${ronde}|${w}`);
			if (m && w !== ZONDER_WIJK) windows.push({ ronde, wijk: w, ...gedragVenster(m.datum) });
		}
	const measured = await Promise.all(
		windows.map(async (w) => ({ ...w, counts: (await db.query<ShareCounts>(BEHAVIOUR_SQL, { wijk: w.wijk, van: w.van, tot: w.tot }))[0] }))
	);
	const part = (maat: GedragMaat, c: ShareCounts) =>
		maat === 'terugkoppeling_4wk' ? { teller: c.tijdig, noemer: c.buurtteam, geleverd: c.met_terugkoppeling > 0 } : { teller: c.basiszorg, noemer: c.totaal, geleverd: true };

	for (const maat of maten) {
		const raw = new Map<string, { teller: number; noemer: number; geleverd: boolean; van: string; tot: string }>();
		for (const w of measured) {
			const p = part(maat, w.counts);
			raw.set(`${w.ronde}|${w.wijk}`, { ...p, van: w.van, tot: w.tot });
			const all = raw.get(`${w.ronde}|${ALLE_WIJKEN}`) ?? { teller: 0, noemer: 0, geleverd: false, van: w.van, tot: w.tot };
			raw.set(`${w.ronde}|${ALLE_WIJKEN}`, {
				teller: all.teller + p.teller,
				noemer: all.noemer + p.noemer,
				geleverd: all.geleverd || p.geleverd,
				van: w.van < all.van ? w.van : all.van,
				tot: w.tot > all.tot ? w.tot : all.tot
			});
		}
		// The referrals counted (n), those that kept the agreement (t) and the rest (r) are one cube:
		// all wijken = the wijken for each, n = t + r per wijk; a share needs all three shown.
		const counts = new Map<string, number>();
		for (const [key, v] of raw) {
			counts.set(`n|${key}`, v.noemer);
			counts.set(`t|${key}`, v.teller);
			counts.set(`r|${key}`, v.noemer - v.teller);
		}
		const groups: string[][] = [];
		for (const r of rondes) {
			const keys = [`${r}|${ALLE_WIJKEN}`, ...wijken.map((w) => `${r}|${w}`)].filter((key) => raw.has(key));
			for (const c of ['n', 't', 'r']) groups.push(keys.map((key) => `${c}|${key}`));
			for (const key of keys) groups.push([`n|${key}`, `t|${key}`, `r|${key}`]);
		}
		const cells = suppress(counts, groups, k);
		for (const [key, v] of raw) {
			const noemer = count(cells.get(`n|${key}`));
			const shown = noemer.value !== null && cells.get(`t|${key}`)!.value !== null && cells.get(`r|${key}`)!.value !== null;
			out.set(`${maat}|${key}`, {
				maat,
				noemer,
				aandeel: shown && v.geleverd ? suppressedShare(v.teller, v.noemer, k) : null,
				van: v.van,
				tot: v.tot
			});
		}
	}
	return out;
}
