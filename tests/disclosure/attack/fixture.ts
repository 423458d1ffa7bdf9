// A fixture database with many small referral cells for the disclosure attack
// (tests/disclosure/referral-attack.test.ts, bench/attack.ts). The CSVs are written in the
// contract's format (docs/formats.md) and loaded with the real pipeline, `ingest()`, so the
// record keys of the cell key method are made the way production makes them (with a fixed
// installation secret here, so every run gives the same keys and the same published figures).
//
// Two gemeenten, seven wijken, five practices, 24 months (2024-01 .. 2025-12), a few hundred
// referrals drawn from a seeded generator: most wijk x month x lijn x age cells are 0 or 1..4.

import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_BESTEMMINGEN, LEEFTIJDSGROEPEN, VERWIJZERS } from '$contract/codes';
import { CELL_KEY_SECRET_BYTES } from '$contract/cellKey';
import { ingest } from '../../../pipelines/ingest';
import { secretPath } from '../../../pipelines/cellKeys';

export interface Wijk {
	code: string;
	naam: string;
	gemeente: string;
	gemeenteNaam: string;
}
export interface Praktijk {
	code: string;
	naam: string;
	/** the wijk where the practice is located */
	wijk: string;
}

/** The reference data: public (wijk and practice lists are shown on every page). */
export interface Reference {
	wijken: Wijk[];
	praktijken: Praktijk[];
	/** 'YYYY-MM', in order */
	months: string[];
	years: number[];
}

export const WIJKEN: Wijk[] = [
	{ code: 'WK098001', naam: 'Haven', gemeente: 'GM0980', gemeenteNaam: 'Aanvalstad' },
	{ code: 'WK098002', naam: 'Oud-Centrum', gemeente: 'GM0980', gemeenteNaam: 'Aanvalstad' },
	{ code: 'WK098003', naam: 'Molenwijk', gemeente: 'GM0980', gemeenteNaam: 'Aanvalstad' },
	{ code: 'WK098004', naam: 'Polder', gemeente: 'GM0980', gemeenteNaam: 'Aanvalstad' },
	{ code: 'WK098101', naam: 'Dorp', gemeente: 'GM0981', gemeenteNaam: 'Verweerdorp' },
	{ code: 'WK098102', naam: 'Buitengebied', gemeente: 'GM0981', gemeenteNaam: 'Verweerdorp' },
	{ code: 'WK098103', naam: 'Beekdal', gemeente: 'GM0981', gemeenteNaam: 'Verweerdorp' }
];

export const PRAKTIJKEN: Praktijk[] = [
	{ code: 'PA01', naam: 'Huisartsen Haven', wijk: 'WK098001' },
	{ code: 'PA02', naam: 'Praktijk Oud-Centrum', wijk: 'WK098002' },
	{ code: 'PA03', naam: 'Gezondheidscentrum Molenwijk', wijk: 'WK098003' },
	{ code: 'PA04', naam: 'Huisarts Dorp', wijk: 'WK098101' },
	{ code: 'PA05', naam: 'Praktijk Beekdal', wijk: 'WK098103' }
];

/** The practice of a wijk's residents (most GP referrals come from it). */
const HOME_PRACTICE: Record<string, string> = {
	WK098001: 'PA01',
	WK098002: 'PA02',
	WK098003: 'PA03',
	WK098004: 'PA03',
	WK098101: 'PA04',
	WK098102: 'PA04',
	WK098103: 'PA05'
};

const MONTHS = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

export const REFERENCE: Reference = { wijken: WIJKEN, praktijken: PRAKTIJKEN, months: MONTHS, years: [2024, 2025] };

/** mulberry32: a small seeded generator, so the fixture is the same on every run. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function weighted<T extends string>(rnd: () => number, weights: Record<T, number>): T {
	const entries = Object.entries(weights) as [T, number][];
	const total = entries.reduce((s, [, w]) => s + w, 0);
	let r = rnd() * total;
	for (const [v, w] of entries) if ((r -= w) < 0) return v;
	return entries[entries.length - 1][0];
}

const BESTEMMING_WEIGHT: Record<string, number> = {
	sociaal_makelaar: 5,
	welzijn: 8,
	vrijwillige_hulp: 3,
	buurtteam: 25,
	ojg: 4,
	poh_ggz: 8,
	poh_jeugd: 3,
	basis_ggz: 8,
	eerstelijns_psycholoog: 4,
	jgz: 5,
	wijkverpleging: 6,
	specialistische_jeugdhulp: 6,
	jeugd_ggz: 4,
	specialistische_ggz: 5,
	ziekenhuis: 3,
	wmo_maatwerk: 2
};
const AGE_WEIGHT: Record<string, number> = { '0-3': 5, '4-11': 12, '12-17': 12, '18-22': 8, '23-64': 40, '65-74': 12, '75+': 11 };
const WIJK_WEIGHTS: Record<string, number> = { WK098001: 30, WK098002: 20, WK098003: 14, WK098004: 8, WK098101: 14, WK098102: 5, WK098103: 9 };
const VERWIJZER_WEIGHT: Record<string, number> = {
	huisarts: 50,
	poh_ggz: 10,
	poh_jeugd: 5,
	ojg: 4,
	poh_ouderen: 5,
	buurtteam: 14,
	jgz: 6,
	wijkverpleging: 4,
	overig: 2
};
const PRACTICE_REFERRERS = new Set(['huisarts', 'poh_ggz', 'poh_jeugd', 'ojg', 'poh_ouderen']);

function domeinOf(rnd: () => number, bestemming: string, age: string): string {
	const young = ['0-3', '4-11', '12-17'].includes(age);
	if (/jeugd|jgz|ojg/.test(bestemming) || (young && rnd() < 0.6)) return 'jeugd';
	if (/ggz|psycholoog/.test(bestemming)) return 'ggz';
	if (['65-74', '75+'].includes(age) && rnd() < 0.5) return 'ouderen';
	if (bestemming === 'ziekenhuis' || bestemming === 'wijkverpleging') return 'somatisch';
	return weighted(rnd, { sociaal: 6, overig: 1, ouderen: 1 });
}

export interface FixtureReferral {
	id: string;
	datum: string;
	praktijk: string | null;
	wijk: string;
	leeftijdsgroep: string;
	verwijzer: string;
	bestemming: string;
	domein: string;
	terugkoppeling: string | null;
}

/** The fixture's reference data, optionally cut down: the first `wijken` wijken (and their practices), the last `months` months. */
export function fixtureReference(size: { wijken?: number; months?: number } = {}): Reference {
	const wijken = WIJKEN.slice(0, size.wijken ?? WIJKEN.length);
	const codes = new Set(wijken.map((w) => w.code));
	const months = MONTHS.slice(MONTHS.length - (size.months ?? MONTHS.length));
	return {
		wijken,
		praktijken: PRAKTIJKEN.filter((p) => codes.has(p.wijk) && wijken.some((w) => HOME_PRACTICE[w.code] === p.code)),
		months,
		years: [...new Set(months.map((m) => Number(m.slice(0, 4))))]
	};
}

/** The referrals of the fixture: `n` of them, from the seed, over the reference's wijken and months. */
export function fixtureReferrals(seed: number, n: number, ref: Reference = REFERENCE): FixtureReferral[] {
	const rnd = seededRandom(seed);
	const MONTHS = ref.months;
	const WIJKEN = ref.wijken;
	const PRAKTIJKEN = ref.praktijken;
	const WIJK_WEIGHT = Object.fromEntries(WIJKEN.map((w) => [w.code, WIJK_WEIGHTS[w.code]]));
	const out: FixtureReferral[] = [];
	for (let i = 0; i < n; i++) {
		// The first and last referral fix the data range to the full 24 months.
		const month = i === 0 ? MONTHS[0] : i === 1 ? MONTHS[MONTHS.length - 1] : MONTHS[Math.floor(rnd() * MONTHS.length)];
		const day = 1 + Math.floor(rnd() * 28);
		const wijk = weighted(rnd, WIJK_WEIGHT);
		const age = weighted(rnd, AGE_WEIGHT);
		const bestemming = weighted(rnd, BESTEMMING_WEIGHT);
		const verwijzer = weighted(rnd, VERWIJZER_WEIGHT);
		const gemeente = WIJKEN.find((w) => w.code === wijk)!.gemeente;
		const practicesOfGemeente = PRAKTIJKEN.filter((p) => WIJKEN.find((w) => w.code === p.wijk)!.gemeente === gemeente);
		const praktijk = PRACTICE_REFERRERS.has(verwijzer)
			? rnd() < 0.8
				? HOME_PRACTICE[wijk]
				: practicesOfGemeente[Math.floor(rnd() * practicesOfGemeente.length)].code
			: null;
		const datum = `${month}-${String(day).padStart(2, '0')}`;
		let terugkoppeling: string | null = null;
		if (bestemming === 'buurtteam' && rnd() < 0.7) {
			const d = new Date(`${datum}T00:00:00Z`);
			d.setUTCDate(d.getUTCDate() + 5 + Math.floor(rnd() * 45));
			terugkoppeling = d.toISOString().slice(0, 10);
		}
		out.push({ id: `AV${String(i + 1).padStart(5, '0')}`, datum, praktijk, wijk, leeftijdsgroep: age, verwijzer, bestemming, domein: domeinOf(rnd, bestemming, age), terugkoppeling });
	}
	return out;
}

function populations(seed: number, ref: Reference) {
	const WIJKEN = ref.wijken;
	const PRAKTIJKEN = ref.praktijken;
	const WIJK_WEIGHT = WIJK_WEIGHTS;
	const rnd = seededRandom(seed ^ 0x5eed);
	const wijk: string[] = [];
	const praktijk: string[] = [];
	for (const year of ref.years) {
		for (const w of WIJKEN)
			for (const g of LEEFTIJDSGROEPEN) wijk.push(`${year};${w.code};${g};${Math.round(WIJK_WEIGHT[w.code] * (20 + rnd() * 40) * AGE_WEIGHT[g] / 10)}`);
		for (const p of PRAKTIJKEN) for (const g of LEEFTIJDSGROEPEN) praktijk.push(`${year};${p.code};${g};${Math.round((80 + rnd() * 200) * AGE_WEIGHT[g] / 10)}`);
	}
	return { wijk, praktijk };
}

export interface AttackFixture {
	dbPath: string;
	reference: Reference;
	referrals: FixtureReferral[];
}

export const DEFAULT_SEED = 20261130;
export const DEFAULT_REFERRALS = 420;

/** Writes the CSVs into `dir`, loads them with `ingest()` into `dir`/monitor.duckdb and returns its path. */
export async function buildAttackFixture(
	dir: string,
	opts: { seed?: number; referrals?: number; wijken?: number; months?: number } = {}
): Promise<AttackFixture> {
	const seed = opts.seed ?? DEFAULT_SEED;
	const ref = fixtureReference(opts);
	const WIJKEN = ref.wijken;
	const PRAKTIJKEN = ref.praktijken;
	const referrals = fixtureReferrals(seed, opts.referrals ?? DEFAULT_REFERRALS, ref);
	for (const r of referrals) {
		if (!(r.bestemming in DEFAULT_BESTEMMINGEN) || !(VERWIJZERS as readonly string[]).includes(r.verwijzer)) throw new Error(`fixture: bad row ${r.id}`);
	}
	const pop = populations(seed, ref);
	const write = (name: string, lines: string[]) => {
		const p = path.join(dir, name);
		fs.writeFileSync(p, lines.join('\n') + '\n');
		return p;
	};
	const files = [
		write('wijken.csv', ['wijk_code;wijk_naam;gemeente_code;gemeente_naam', ...WIJKEN.map((w) => `${w.code};${w.naam};${w.gemeente};${w.gemeenteNaam}`)]),
		write('praktijken.csv', ['praktijk_code;praktijk_naam;wijk_code', ...PRAKTIJKEN.map((p) => `${p.code};${p.naam};${p.wijk}`)]),
		write('populatie_wijk.csv', ['jaar;wijk_code;leeftijdsgroep;aantal', ...pop.wijk]),
		write('populatie_praktijk.csv', ['jaar;praktijk_code;leeftijdsgroep;aantal', ...pop.praktijk]),
		write('verwijzingen.csv', [
			'verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein;terugkoppeling_datum',
			...referrals.map((r) => [r.id, r.datum, r.praktijk ?? '', r.wijk, r.leeftijdsgroep, r.verwijzer, r.bestemming, r.domein, r.terugkoppeling ?? ''].join(';'))
		])
	];
	const dbPath = path.join(dir, 'monitor.duckdb');
	// A fixed installation secret (the pipeline would make a random one): the same keys every run.
	const rnd = seededRandom(seed ^ 0xce11);
	const secret = Array.from({ length: CELL_KEY_SECRET_BYTES }, () => Math.floor(rnd() * 256).toString(16).padStart(2, '0')).join('');
	fs.writeFileSync(secretPath(dbPath), secret + '\n', { mode: 0o600 });
	await ingest(dbPath, files, { today: '2026-06-01' });
	return { dbPath, reference: ref, referrals };
}
