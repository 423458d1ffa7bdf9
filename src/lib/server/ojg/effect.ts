// OJG-effect: has placing an OJG, POH-jeugd or jeugdconsulent in a practice reduced second-line
// referrals of children? Difference-in-differences per placement against practices without such a
// placement, with placebo-calibrated intervals, pooled over the placements (docs/ojg-effect.md).
//
// Outcome: lijn-2 referrals of 0-17-year-olds with the practice's code (any referrer, the OJG's own
// referrals included) per 1,000 registered 0-17-year-olds per year; a month is 1/12 of that year's
// registered population. The model (estimate.ts) computes on true counts and publishes no count;
// every count this module returns (window counts, monthly and 3-month series, comparison-group
// sums, referrals to the OJG, the follow-up share) is published through the cell key method, and
// every rate and share is computed from published counts.

import type { Database } from '$lib/server/db/database';
import { addKeyed, NO_RECORDS, publishCount, publishedShare, type KeyedCount } from '$lib/server/disclosure/cellKey';
import type { Cell } from '$lib/server/disclosure/suppression';
import { toPct } from '$lib/ojg/did';
import { NO_CALIBRATION_REASON } from '$lib/ojg/calibration';
import { addMonths } from '$lib/shared/periods';
import { DATA_RANGE_SQL } from '$lib/server/db/sql';
import { placementRecords } from './placements';
import { lastDayOf, viewDesigns, type Design, type Vergelijking } from './design';
import { keyedSum, modelMinPublished, modelView, personYears, WEGLATING_LABEL, type Bounds, type EffectStatus, type OutcomeData, type Weglating } from './estimate';
import { followUpCounts, outcomeCounts, practiceNames, registeredChildren, toOjgCounts } from './queries';

export type { EffectStatus };

export interface MonthPoint {
	maand: string;
	/** rate per 1,000 per year from the published monthly count; null when hidden or unknown */
	praktijk: number | null;
	vergelijking: number | null;
	/** rate per 1,000 per year from the published 3-month sum ending in this month */
	praktijk3: number | null;
	vergelijking3: number | null;
	/** second-line referrals of children of the practice (published), monthly and over 3 months */
	tweedeLijn: number | null;
	tweedeLijnOnderdrukt: Cell['onderdrukt'];
	tweedeLijn3: number | null;
	tweedeLijn3Onderdrukt: Cell['onderdrukt'];
	/** the same for the comparison group (published sums over its practices) */
	vergelijkingAantal: number | null;
	vergelijkingAantalOnderdrukt: Cell['onderdrukt'];
	vergelijkingAantal3: number | null;
	vergelijkingAantal3Onderdrukt: Cell['onderdrukt'];
	/** referrals to the OJG / POH-jeugd (published), monthly and over 3 months */
	naarOjg: number | null;
	naarOjgOnderdrukt: Cell['onderdrukt'];
	naarOjg3: number | null;
	naarOjg3Onderdrukt: Cell['onderdrukt'];
}

export interface PlacementEffect {
	id: string;
	praktijk_code: string;
	praktijk_naam: string;
	gemeente_naam: string;
	functie: string;
	start: string;
	eind: string | null;
	status: EffectStatus;
	reden: string | null;
	vergelijking: { praktijken: number; fallback: boolean };
	m0: string;
	pre: [string, string];
	post: [string, string];
	/** published window counts (null when the windows are not in the data) */
	aantallen: { pre: Cell; post: Cell; c_pre: Cell; c_post: Cell } | null;
	/** rates from the published window counts; only for estimated placements */
	rate_pre: number | null;
	rate_post: number | null;
	rate_c_pre: number | null;
	rate_c_post: number | null;
	rr: number | null;
	rr_c: number | null;
	/** the model's estimate (true counts) */
	did: number | null;
	effect_pct: number | null;
	/** calibrated 95% interval; null when not estimated or without calibration (see interval_reden) */
	ci_low_pct: number | null;
	ci_high_pct: number | null;
	interval_reden: string | null;
	se: number | null;
	series: MonthPoint[];
	/** referrals to the OJG/POH-jeugd before and after (published; null when hidden or not in the data) */
	naarOjgPre: number | null;
	naarOjgPreOnderdrukt: Cell['onderdrukt'];
	naarOjgPost: number | null;
	naarOjgPostOnderdrukt: Cell['onderdrukt'];
	/** share of children first seen by the OJG in the post window referred to lijn 2 within 6 months */
	doorverwezenBinnen6m: { aandeel: number | null; beschikbaar: boolean };
}

export interface OjgEffect {
	venster: number;
	vergelijking: Vergelijking;
	k: number;
	/** the smallest published window count an estimate may rest on (k + D) */
	drempel: number;
	dataVan: string | null;
	dataTot: string | null;
	plaatsingen: PlacementEffect[];
	/** the placebo calibration of the view; null with fewer than 5 placebos */
	kalibratie: { spreidingsfactor: number; vrijheidsgraden: number; placebos: number } | null;
	/** placebos found (also when too few) */
	placebos: number;
	overall: { did: number; effect_pct: number; ci_low_pct: number | null; ci_high_pct: number | null; n: number; interval_reden: string | null } | null;
	/** placements left out of the pooled estimate, by reason */
	weggelaten: { weglating: Weglating; reden: string; aantal: number }[];
}

const cellValue = (c: Cell | undefined) => c?.value ?? null;

function publish(c: KeyedCount, k: number): Cell {
	return publishCount(c.n, c.sleutel, k);
}

const rateOf = (c: Cell | null, py: number | null) => (c === null || c.value === null || py === null || !(py > 0) ? null : (c.value / py) * 1000);

/** The monthly series of a placement: practice and comparison group, monthly and rolling 3-month sums. */
function series(d: Design, data: OutcomeData, toOjg: Map<string, KeyedCount>, bounds: Bounds, k: number): MonthPoint[] {
	const span = [...d.w.pre, d.w.m0, ...d.w.post];
	const t = [d.placement.praktijk_code];
	const c = d.comparison.codes;
	const last3 = (m: string) => [addMonths(m, -2), addMonths(m, -1), m];
	const py = (codes: readonly string[], months: string[]) => {
		const p = personYears(data, codes, months);
		return p.missing ? null : p.py;
	};
	const ojgSum = (months: string[]) => months.reduce((s, m) => addKeyed(s, toOjg.get(m) ?? NO_RECORDS), NO_RECORDS);
	return span.map((m) => {
		const three = last3(m);
		const has3 = three[0] >= bounds.first;
		const tMonth = publish(keyedSum(data, t, [m]), k);
		const cMonth = c.length ? publish(keyedSum(data, c, [m]), k) : null;
		const t3 = has3 ? publish(keyedSum(data, t, three), k) : null;
		const c3 = has3 && c.length ? publish(keyedSum(data, c, three), k) : null;
		const o = publish(ojgSum([m]), k);
		const o3 = has3 ? publish(ojgSum(three), k) : null;
		return {
			maand: m,
			praktijk: rateOf(tMonth, py(t, [m])),
			vergelijking: c.length ? rateOf(cMonth, py(c, [m])) : null,
			praktijk3: has3 ? rateOf(t3, py(t, three)) : null,
			vergelijking3: has3 && c.length ? rateOf(c3, py(c, three)) : null,
			tweedeLijn: tMonth.value,
			tweedeLijnOnderdrukt: tMonth.onderdrukt,
			tweedeLijn3: cellValue(t3 ?? undefined),
			tweedeLijn3Onderdrukt: t3?.onderdrukt ?? null,
			vergelijkingAantal: cellValue(cMonth ?? undefined),
			vergelijkingAantalOnderdrukt: cMonth?.onderdrukt ?? null,
			vergelijkingAantal3: cellValue(c3 ?? undefined),
			vergelijkingAantal3Onderdrukt: c3?.onderdrukt ?? null,
			naarOjg: o.value,
			naarOjgOnderdrukt: o.onderdrukt,
			naarOjg3: cellValue(o3 ?? undefined),
			naarOjg3Onderdrukt: o3?.onderdrukt ?? null
		};
	});
}

/** The OJG-effect for a window length and comparison choice, per placement and pooled. */
/** The OJG effect of one view; computed once per version of the database (Database.memo). */
export function ojgEffect(db: Database, venster: number, vergelijking: Vergelijking, k: number): Promise<OjgEffect> {
	return db.memo('ojgEffect', [venster, vergelijking, k], () => computeOjgEffect(db, venster, vergelijking, k));
}

async function computeOjgEffect(db: Database, venster: number, vergelijking: Vergelijking, k: number): Promise<OjgEffect> {
	const empty: OjgEffect = { venster, vergelijking, k, drempel: modelMinPublished(k), dataVan: null, dataTot: null, plaatsingen: [], kalibratie: null, placebos: 0, overall: null, weggelaten: [] };
	const [[range], { placements, practices }, names] = await Promise.all([
		db.deliveryPeriod<{ eerste: string | null; laatste: string | null }>(DATA_RANGE_SQL),
		placementRecords(db),
		practiceNames(db)
	]);
	if (!range?.eerste || !range.laatste) return empty;
	const lastMonth = range.laatste.slice(0, 7);
	const bounds: Bounds = {
		first: range.eerste.slice(0, 7),
		lastComplete: lastDayOf(lastMonth) === range.laatste ? lastMonth : addMonths(lastMonth, -1),
		dataTot: range.laatste
	};
	const [counts, population] = await Promise.all([outcomeCounts(db, range.eerste, range.laatste), registeredChildren(db)]);
	const data: OutcomeData = { counts, population };
	const designs = viewDesigns(placements, practices, venster, vergelijking);
	const model = modelView(designs, placements, data, bounds, k);
	const name = new Map(names.map((n) => [n.praktijk_code, n]));

	// The referrals to the OJG and the follow-up of every placement, each in one query for all of them.
	const spans = model.placements.map((pm) => [...pm.design.w.pre, pm.design.w.m0, ...pm.design.w.post]);
	const inDataOf = spans.map((span) => span[0] >= bounds.first && span[span.length - 1] <= lastMonth);
	const followed = model.placements.map((pm, i) => inDataOf[i] && pm.design.w.post[pm.design.w.post.length - 1] <= bounds.lastComplete);
	const windows = model.placements.flatMap((pm, i) =>
		followed[i] ? [{ praktijk: pm.design.placement.praktijk_code, van: `${pm.design.w.post[0]}-01`, tot: lastDayOf(pm.design.w.post[pm.design.w.post.length - 1]) }] : []
	);
	const seriesStart = spans.filter((_, i) => inDataOf[i]).reduce((first, span) => (addMonths(span[0], -2) < first ? addMonths(span[0], -2) : first), lastMonth);
	const [ojgCounts, followUps] = await Promise.all([
		inDataOf.some(Boolean) ? toOjgCounts(db, `${seriesStart}-01`, range.laatste) : new Map<string, KeyedCount>(),
		followUpCounts(db, windows, bounds.dataTot)
	]);
	let nextFollowUp = 0;

	const plaatsingen = model.placements.map((pm, i): PlacementEffect => {
			const d = pm.design;
			const inData = inDataOf[i];
			const toOjg = new Map<string, KeyedCount>();
			if (inData) for (const m of [addMonths(spans[i][0], -2), addMonths(spans[i][0], -1), ...spans[i]]) {
				const c = ojgCounts.get(`${d.placement.praktijk_code}|${m}`);
				if (c) toOjg.set(m, c);
			}
			const sumOjg = (months: string[]) => months.reduce((s, m) => addKeyed(s, toOjg.get(m) ?? NO_RECORDS), NO_RECORDS);
			const ojgPre = inData ? publish(sumOjg(d.w.pre), k) : null;
			const ojgPost = inData ? publish(sumOjg(d.w.post), k) : null;
			const est = pm.status === 'geschat' ? pm.est : null;
			const pub = pm.published;
			const pyw = pm.personYears;
			const rates = est && pub && pyw ? { pre: rateOf(pub.aPre, pyw.aPre), post: rateOf(pub.aPost, pyw.aPost), cPre: rateOf(pub.cPre, pyw.cPre), cPost: rateOf(pub.cPost, pyw.cPost) } : null;
			const followUp = followed[i] ? followUps[nextFollowUp++] : null;
			return {
				id: d.id,
				praktijk_code: d.placement.praktijk_code,
				praktijk_naam: name.get(d.placement.praktijk_code)?.praktijk_naam ?? d.placement.praktijk_code,
				gemeente_naam: name.get(d.placement.praktijk_code)?.gemeente_naam ?? '',
				functie: d.placement.functie,
				start: d.placement.start,
				eind: d.placement.eind,
				status: pm.status,
				reden: pm.reden,
				vergelijking: { praktijken: d.comparison.codes.length, fallback: d.comparison.fallback },
				m0: d.w.m0,
				pre: [d.w.pre[0], d.w.pre[d.w.pre.length - 1]],
				post: [d.w.post[0], d.w.post[d.w.post.length - 1]],
				aantallen: pub && { pre: pub.aPre, post: pub.aPost, c_pre: pub.cPre, c_post: pub.cPost },
				rate_pre: rates?.pre ?? null,
				rate_post: rates?.post ?? null,
				rate_c_pre: rates?.cPre ?? null,
				rate_c_post: rates?.cPost ?? null,
				rr: rates && rates.pre && rates.post !== null ? rates.post / rates.pre : null,
				rr_c: rates && rates.cPre && rates.cPost !== null ? rates.cPost / rates.cPre : null,
				did: est?.did ?? null,
				effect_pct: est ? toPct(est.did) : null,
				ci_low_pct: est && pm.interval ? toPct(pm.interval.low) : null,
				ci_high_pct: est && pm.interval ? toPct(pm.interval.high) : null,
				interval_reden: est && !pm.interval ? NO_CALIBRATION_REASON : null,
				se: est?.se ?? null,
				series: inData ? series(d, data, toOjg, bounds, k) : [],
				naarOjgPre: ojgPre?.value ?? null,
				naarOjgPreOnderdrukt: ojgPre?.onderdrukt ?? null,
				naarOjgPost: ojgPost?.value ?? null,
				naarOjgPostOnderdrukt: ojgPost?.onderdrukt ?? null,
				doorverwezenBinnen6m:
					followUp && followUp.gezien.n > 0 ? { aandeel: publishedShare(publish(followUp.doorverwezen, k), publish(followUp.gezien, k)), beschikbaar: true } : { aandeel: null, beschikbaar: false }
			};
		});
	const weggelaten = new Map<Weglating, number>();
	for (const p of model.placements) if (p.weglating) weggelaten.set(p.weglating, (weggelaten.get(p.weglating) ?? 0) + 1);
	const c = model.calibration;
	const pooled = model.pooled;
	return {
		venster,
		vergelijking,
		k,
		drempel: modelMinPublished(k),
		dataVan: range.eerste,
		dataTot: range.laatste,
		plaatsingen,
		kalibratie: c && { spreidingsfactor: c.phi, vrijheidsgraden: c.nu, placebos: c.placebos },
		placebos: model.placebos,
		overall: pooled && {
			did: pooled.did,
			effect_pct: toPct(pooled.did),
			ci_low_pct: pooled.low === null ? null : toPct(pooled.low),
			ci_high_pct: pooled.high === null ? null : toPct(pooled.high),
			n: pooled.n,
			interval_reden: c ? null : NO_CALIBRATION_REASON
		},
		weggelaten: [...weggelaten].map(([weglating, aantal]) => ({ weglating, reden: WEGLATING_LABEL[weglating], aantal }))
	};
}
