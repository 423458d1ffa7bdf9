// Gathers every published referral table a reader can request, through the CSV exports exactly as
// /export/<name>.csv returns them (the registry EXPORTS, ExportContext {db, params, k}), and maps
// each published figure to the box of leaves it sums (space.ts). Membership comes from the filters
// and the row keys only.
//
// What is read, per export:
// - verwijzingen: niveau (gemeente, wijk, praktijk) x periode (maand, kwartaal, jaar) x lijn (0, 1,
//   2, alle) x leeftijd (every LEEFTIJDEN value) x noemer (automatic, patienten; where the export
//   has it), optionally x gemeente filter. The wijk and praktijk filters and van/tot only choose
//   rows of a view (the same cells), so they are not requested separately. The count column is a
//   published cell; a rate (per_1000) shown beside a count that is not shown is turned into a count
//   interval with the shown population (it never should be).
// - bestemmingen: every scope (all, per gemeente, per wijk of residence, per practice, practices per
//   gemeente and per wijk of location) x years (all, each year) x leeftijd. Each row is a cell;
//   aandeel_pct (share of the block's total, 1 decimal) is a ratio between a cell and the total.
// - kerncijfers: niveau gemeente and wijk, optionally x gemeente filter. tweede_lijn_per_1000 with
//   the population published in verwijzingen.csv gives a lijn-2 year count interval; basiszorg_pct
//   is a ratio of lijn 0-1 to all referrals of the unit and year. terugkoppeling_4wk_pct concerns a
//   property (feedback within 4 weeks) outside the leaf space and is not used.

import Papa from 'papaparse';
import { EXPORTS } from '$lib/server/export/registry';
import type { Database } from '$lib/server/db/database';
import { LEEFTIJDEN, NIVEAUS, PERIODES } from '$lib/referrals/filters';
import { leeftijdsgroepen } from '$lib/server/referrals/filters';
import { dims, type Box, type Space } from './space';

/** What a published figure tells about the published count of its box. */
export type Published =
	/** the published count lies in [lo, hi] (lo = hi for a shown number; an interval when derived from a rounded rate) */
	| { kind: 'count'; lo: number; hi: number }
	/** "<k" */
	| { kind: 'small' }
	/** "x": hidden to protect another cell */
	| { kind: 'hidden' };

export interface PublishedCell {
	/** export, query string and row, for reports */
	source: string;
	box: Box;
	published: Published;
	/** a count shown as a count cell (rate-derived intervals are not cells of their own) */
	countCell: boolean;
}

/** The published count of `part` divided by that of `whole` lies in [lo, hi] (a rounded share). */
export interface PublishedRatio {
	source: string;
	part: Box;
	whole: Box;
	lo: number;
	hi: number;
}

export interface Publication {
	cells: PublishedCell[];
	ratios: PublishedRatio[];
	requests: number;
	ms: number;
}

export interface GatherOptions {
	k: number;
	/** also request every view with each gemeente filter (default true) */
	gemeenteFilter?: boolean;
	/** restrict the leeftijd filter values (default: all of LEEFTIJDEN) */
	leeftijden?: readonly string[];
	/** which exports (default all three) */
	exports?: readonly ('verwijzingen' | 'bestemmingen' | 'kerncijfers')[];
	/** requests in flight at once (default 4) */
	concurrency?: number;
}

type CsvRow = Record<string, string>;

function parseCsv(text: string): CsvRow[] {
	const parsed = Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`CSV: ${parsed.errors[0].message}`);
	return parsed.data;
}

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s.replace(',', '.')));

/** A count cell as written by countCell: a number, "<k" or "x". */
export function parseCount(text: string, k: number): Published {
	if (text === `<${k}`) return { kind: 'small' };
	if (text === 'x') return { kind: 'hidden' };
	const v = num(text);
	if (v === null || !Number.isInteger(v)) throw new Error(`unexpected count cell "${text}"`);
	return { kind: 'count', lo: v, hi: v };
}

/** A rounded rate per 1,000 over `personYears` as an interval for the count (2 decimals). */
function countFromRate(rate: number, personYears: number): Published {
	const lo = Math.max(0, Math.ceil((((rate - 0.005) * personYears) / 1000) - 1e-9));
	const hi = Math.floor((((rate + 0.005) * personYears) / 1000) + 1e-9);
	return { kind: 'count', lo, hi };
}

async function runAll(jobs: (() => Promise<void>)[], concurrency: number): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) await jobs[next++]();
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function gatherPublication(db: Database, s: Space, opts: GatherOptions): Promise<Publication> {
	const t0 = performance.now();
	const k = opts.k;
	const d = dims(s);
	const cells: PublishedCell[] = [];
	const ratios: PublishedRatio[] = [];
	let requests = 0;
	const leeftijden = opts.leeftijden ?? LEEFTIJDEN;
	const which = new Set(opts.exports ?? ['verwijzingen', 'bestemmingen', 'kerncijfers']);
	const gemeenten = [...new Set(s.ref.wijken.map((w) => w.gemeente))];
	const gemeenteFilters: (string | null)[] = [null, ...(opts.gemeenteFilter === false ? [] : gemeenten)];

	const request = async (name: string, query: Record<string, string>) => {
		const params = new URLSearchParams(query);
		requests++;
		const text = await EXPORTS[name]({ db, params, k });
		return { rows: parseCsv(text), source: `${name}.csv?${params}` };
	};

	// Requests run a few at a time (DuckDB answers on its own threads); kerncijfers last, as it
	// reads the populations that verwijzingen.csv shows.
	const jobs: (() => Promise<void>)[] = [];
	const later = (name: string, query: Record<string, string>, handle: (rows: CsvRow[], source: string) => void) =>
		jobs.push(async () => {
			const { rows, source } = await request(name, query);
			handle(rows, source);
		});

	// Populations as verwijzingen.csv shows them: `${niveau}|${code}|${year}|${leeftijd}`.
	const populations = new Map<string, number>();

	if (which.has('verwijzingen') || which.has('kerncijfers')) {
		// The noemer filter (since the cell key rewrite): 'patienten' counts, per gemeente or wijk, the
		// referrals made by the practices located there. Older exports have no noemer column: every
		// gemeente and wijk row then counts the referrals of the unit's residents.
		const probe = await request('verwijzingen', { niveau: 'wijk', periode: 'jaar', lijn: 'alle', noemer: 'patienten' });
		const noemers = probe.rows.length && 'noemer' in probe.rows[0] ? [null, 'patienten'] : [null];
		for (const gemeente of gemeenteFilters)
			for (const niveau of NIVEAUS)
				for (const noemer of niveau === 'praktijk' ? [null] : noemers)
					for (const periode of PERIODES)
						for (const lijn of ['0', '1', '2', 'alle'])
							for (const leeftijd of leeftijden) {
								if (!which.has('verwijzingen') && !(periode === 'jaar' && lijn === '2' && leeftijd === 'alle' && niveau !== 'praktijk' && noemer === null)) continue;
								const q: Record<string, string> = { niveau, periode, lijn, leeftijd };
								if (gemeente) q.gemeente = gemeente;
								if (noemer) q.noemer = noemer;
								later('verwijzingen', q, (rows, source) => {
									const groups = leeftijdsgroepen(leeftijd);
									for (const r of rows) {
										const perPractice = niveau === 'praktijk' || r.noemer === 'patienten';
										const box: Box = {
											w: perPractice ? d.allWijken() : niveau === 'gemeente' ? d.wijkenOfGemeente(r.niveau_code) : d.wijk(r.niveau_code),
											p:
												niveau === 'praktijk'
													? d.praktijk(r.niveau_code)
													: !perPractice
														? d.allPraktijken()
														: niveau === 'gemeente'
															? d.praktijkenInGemeente(r.niveau_code)
															: d.praktijkenInWijk(r.niveau_code),
											m: d.monthsOf(r.periode),
											b: d.lijn(lijn === 'alle' ? null : Number(lijn)),
											g: d.ages(groups)
										};
										if (box.w.length === 0 || box.m.length === 0 || (box.p.length === 0 && !perPractice)) throw new Error(`${source}: unknown row ${JSON.stringify(r)}`);
										const published = parseCount(r.verwijzingen, k);
										const rowSource = `${source} ${r.niveau_code} ${r.periode}`;
										if (which.has('verwijzingen')) cells.push({ source: rowSource, box, published, countCell: true });
										const pop = num(r.populatie);
										if (pop !== null && !perPractice) populations.set(`${niveau}|${r.niveau_code}|${r.periode}|${leeftijd}`, pop);
										const rate = num(r.per_1000);
										// A rate beside a count that is not shown would give the count away: use it.
										if (which.has('verwijzingen') && rate !== null && pop !== null && published.kind !== 'count') {
											cells.push({ source: `${rowSource} per_1000`, box, published: countFromRate(rate, (pop * box.m.length) / 12), countCell: false });
										}
									}
								});
						}
	}

	if (which.has('bestemmingen')) {
		const scopes: { q: Record<string, string>; w: number[]; p: number[] }[] = [
			{ q: {}, w: d.allWijken(), p: d.allPraktijken() },
			...gemeenten.map((g) => ({ q: { niveau: 'gemeente', gemeente: g }, w: d.wijkenOfGemeente(g), p: d.allPraktijken() })),
			...s.wijken.map((w) => ({ q: { wijk: w }, w: d.wijk(w), p: d.allPraktijken() })),
			{ q: { niveau: 'praktijk' }, w: d.allWijken(), p: d.withPraktijk() },
			...gemeenten.map((g) => ({ q: { niveau: 'praktijk', gemeente: g }, w: d.allWijken(), p: d.praktijkenInGemeente(g) })),
			...[...new Set(s.ref.praktijken.map((p) => p.wijk))].map((w) => ({ q: { niveau: 'praktijk', wijk: w }, w: d.allWijken(), p: d.praktijkenInWijk(w) })),
			...s.ref.praktijken.map((p) => ({ q: { praktijk: p.code }, w: d.allWijken(), p: d.praktijk(p.code) }))
		];
		const years: { van: number | null; tot: number | null }[] = [{ van: null, tot: null }, ...s.ref.years.map((y) => ({ van: y, tot: y }))];
		for (const scope of scopes)
			for (const { van, tot } of years)
				for (const leeftijd of leeftijden) {
					const q: Record<string, string> = { ...scope.q, leeftijd };
					if (van !== null) q.van = String(van);
					if (tot !== null) q.tot = String(tot);
					later('bestemmingen', q, (rows, source) => {
						const m = d.yearsRange(van, tot);
						const g = d.ages(leeftijdsgroepen(leeftijd));
						const whole: Box = { w: scope.w, p: scope.p, m, b: d.lijn(null), g };
						for (const r of rows) {
							const box: Box = { w: scope.w, p: scope.p, m, b: d.bestemming(r.bestemming), g };
							if (box.b.length === 0) throw new Error(`${source}: unknown bestemming ${r.bestemming}`);
							cells.push({ source: `${source} ${r.bestemming}`, box, published: parseCount(r.verwijzingen, k), countCell: true });
							const pct = num(r.aandeel_pct);
							if (pct !== null) ratios.push({ source: `${source} ${r.bestemming} aandeel_pct`, part: box, whole, lo: Math.max(0, pct - 0.05) / 100, hi: (pct + 0.05) / 100 });
						}
					});
				}
	}
	await runAll(jobs, opts.concurrency ?? 4);

	if (which.has('kerncijfers')) {
		for (const gemeente of gemeenteFilters)
			for (const niveau of ['gemeente', 'wijk']) {
				const q: Record<string, string> = { niveau };
				if (gemeente) q.gemeente = gemeente;
				const { rows, source } = await request('kerncijfers', q);
				for (const r of rows) {
					const w = niveau === 'gemeente' ? d.wijkenOfGemeente(r.niveau_code) : d.wijk(r.niveau_code);
					const m = d.monthsOf(r.jaar);
					const g = d.ages(leeftijdsgroepen('alle'));
					const rowSource = `${source} ${r.niveau_code} ${r.jaar}`;
					const rate = num(r.tweede_lijn_per_1000);
					const pop = populations.get(`${niveau}|${r.niveau_code}|${r.jaar}|alle`);
					const lijn2: Box = { w, p: d.allPraktijken(), m, b: d.lijn(2), g };
					if (rate !== null && pop !== undefined) cells.push({ source: `${rowSource} tweede_lijn_per_1000`, box: lijn2, published: countFromRate(rate, pop), countCell: false });
					const pct = num(r.basiszorg_pct);
					if (pct !== null)
						ratios.push({
							source: `${rowSource} basiszorg_pct`,
							part: { w, p: d.allPraktijken(), m, b: d.lijnen((l) => l <= 1), g },
							whole: { w, p: d.allPraktijken(), m, b: d.lijn(null), g },
							lo: Math.max(0, pct - 0.05) / 100,
							hi: (pct + 0.05) / 100
						});
				}
			}
	}
	return { cells, ratios, requests, ms: performance.now() - t0 };
}
