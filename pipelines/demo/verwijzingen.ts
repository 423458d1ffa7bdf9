// One row per referral, from three sources: the practices' GP information systems (HIS), the
// buurtteam registration, and the gemeente's jeugdhulp administration. Counts per unit, month and
// bestemming follow the rates in model.ts; each referral then gets an age group, verwijzer, domein,
// working day, client and (for referrals to the buurtteam) a feedback date.

import { LEEFTIJDSGROEPEN, type Domein, type Verwijzer } from '../../contract/codes';
import {
	DEMO_MAANDEN,
	dayNumber,
	monthOfYear,
	monthYear,
	nextWorkday,
	weekdays
} from './dates';
import {
	BUURTTEAM_AANMELDING_RATES,
	BUURTTEAM_RATES,
	DEMO_END,
	HIS_RATES,
	JEUGDHULP_RATES,
	MAAND_RUIS,
	OJG_EFFECT,
	OJG_SELECTIE_FACTOR,
	OJG_SUBSTITUTIE,
	OJG_TWEEDE_LIJN_JEUGD,
	OJG_VERWIJZER_AANDEEL,
	SEIZOEN,
	ojgCode,
	ojgStatus,
	pickDomein,
	pickHisVerwijzer,
	trendFactor,
	type Rates
} from './model';
import type { DemoPopulatie, PopulatieTabel } from './populatie';
import { CarryRounder, lognormalFactor, pickIndex, pseudonym, rngFor, type Rng } from './random';
import { DEMO_GEMEENTEN, DEMO_OJG_INZET, DEMO_PRAKTIJKEN, DEMO_WIJKEN } from './world';

export interface Verwijzing {
	verwijzing_id: string;
	/** UTC day number */
	datum: number;
	praktijk_code: string | null;
	wijk_code: string;
	leeftijdsgroep: (typeof LEEFTIJDSGROEPEN)[number];
	verwijzer: Verwijzer;
	bestemming: string;
	domein: Domein;
	client_pseudo: string | null;
	terugkoppeling_datum: number | null;
}

export type Bron = 'his' | 'buurtteam' | 'jeugdhulp';

const END_DAY = dayNumber(DEMO_END);

type Draft = Omit<Verwijzing, 'verwijzing_id'>;

/** Expected referrals per age group for one unit, month and rate row. */
function expected(pop: PopulatieTabel, m: number, rates: Rates, factor: number): number[] {
	const perJaar = pop[monthYear(m) - 2016];
	const seizoen = SEIZOEN[monthOfYear(m)];
	return rates.map((r, g) => ((perJaar[g] * r) / 1000 / 12) * seizoen * factor);
}

/**
 * Pseudonymised clients of one source unit, with repeat referrals: a referral is now and then for
 * a client who was referred before (same age group, within two years).
 */
class Clients {
	private recent: { pseudo: string; wijk: string; laatst: number }[][] = LEEFTIJDSGROEPEN.map(() => []);
	private n = 0;
	constructor(
		private seed: number,
		private source: string,
		private missing: (jaren: number) => number
	) {}

	next(rng: Rng, g: number, m: number, wijk: () => string): { pseudo: string | null; wijk: string } {
		if (rng() < this.missing(m / 12)) return { pseudo: null, wijk: wijk() };
		const pool = this.recent[g];
		while (pool.length > 0 && pool[0].laatst < m - 24) pool.shift();
		if (pool.length > 0 && rng() < 0.22) {
			const client = pool[Math.floor(rng() * pool.length)];
			client.laatst = m;
			return client;
		}
		let pseudo = '';
		do pseudo = pseudonym(this.seed, this.source, this.n++);
		while (/^\d+$/.test(pseudo));
		const client = { pseudo, wijk: wijk(), laatst: m };
		pool.push(client);
		if (pool.length > 400) pool.shift();
		return client;
	}
}

function pickDay(rng: Rng, m: number): number {
	const days = weekdays(m);
	return days[Math.floor(rng() * days.length)];
}

/** Feedback from the buurtteam to the practice: more often over the years, mostly after 1-6 weeks. */
function terugkoppeling(rng: Rng, datum: number, jaren: number): number | null {
	if (rng() >= 0.6 + 0.25 * Math.min(1, jaren / 9)) return null;
	const delay = Math.min(120, 7 + Math.floor(-Math.log(1 - rng()) * 12));
	const day = nextWorkday(datum + delay);
	return day > END_DAY ? null : day;
}

function withIds(drafts: Draft[], prefix: string): Verwijzing[] {
	return drafts
		.map((d, seq) => ({ d, seq }))
		.sort((a, b) => a.d.datum - b.d.datum || a.seq - b.seq)
		.map(({ d }, i) => ({ verwijzing_id: `${prefix}-${String(i + 1).padStart(6, '0')}`, ...d }));
}

function wijkPicker(rng: Rng, gemeente: string, eigen: string | null, eigenKans: number): () => string {
	const wijken = DEMO_WIJKEN.filter((w) => w.gemeente === gemeente && w.code !== eigen);
	const weights = wijken.map((w) => w.inwoners2016);
	return () => (eigen !== null && rng() < eigenKans ? eigen : wijken[pickIndex(rng, weights)].code);
}

/** Referrals made by the staff of one practice (huisarts, POH's, the OJG). */
function generateHis(seed: number, populatie: DemoPopulatie, praktijkCode: string): Verwijzing[] {
	const praktijk = DEMO_PRAKTIJKEN.find((p) => p.code === praktijkCode)!;
	const gemeente = DEMO_WIJKEN.find((w) => w.code === praktijk.wijk)!.gemeente;
	const pop = populatie.praktijk.get(praktijkCode)!;
	const rng = rngFor(seed, 'his', praktijkCode);
	const clients = new Clients(seed, `his-${praktijkCode}`, () => 0.05);
	const woonwijk = wijkPicker(rng, gemeente, praktijk.wijk, 0.65);
	const heeftInzet = DEMO_OJG_INZET.some((i) => i.praktijk_code === praktijkCode);
	const propensity = lognormalFactor(rng, 0.12);
	const rounder = new CarryRounder(rng);
	const drafts: Draft[] = [];

	const add = (m: number, bestemming: string, comps: number[], verwijzer: (g: number) => Verwijzer) => {
		const n = rounder.round(bestemming, comps.reduce((a, b) => a + b, 0));
		for (let k = 0; k < n; k++) {
			const g = pickIndex(rng, comps);
			const datum = pickDay(rng, m);
			const client = clients.next(rng, g, m, woonwijk);
			drafts.push({
				datum,
				praktijk_code: praktijkCode,
				wijk_code: client.wijk,
				leeftijdsgroep: LEEFTIJDSGROEPEN[g],
				verwijzer: verwijzer(g),
				bestemming,
				domein: pickDomein(rng, bestemming, g),
				client_pseudo: client.pseudo,
				terugkoppeling_datum: bestemming === 'buurtteam' ? terugkoppeling(rng, datum, m / 12) : null
			});
		}
	};

	for (let m = 0; m < DEMO_MAANDEN; m++) {
		const ruis = lognormalFactor(rng, MAAND_RUIS) * propensity;
		const jaren = m / 12;
		const ojg = ojgStatus(praktijkCode, m);
		for (const [bestemming, rates] of Object.entries(HIS_RATES)) {
			const tweedeLijnJeugd = OJG_TWEEDE_LIJN_JEUGD.includes(bestemming);
			const basis = expected(
				pop,
				m,
				rates,
				ruis * trendFactor(bestemming, jaren) * (tweedeLijnJeugd && heeftInzet ? OJG_SELECTIE_FACTOR : 1)
			);
			if (!tweedeLijnJeugd || !ojg) {
				add(m, bestemming, basis, (g) => pickHisVerwijzer(rng, bestemming, g, jaren));
				continue;
			}
			// The placement averts part of the second-line youth referrals; of the rest, the OJG makes
			// some itself, and it takes over the averted ones (and more) as referrals to the OJG.
			const code = ojgCode(ojg.inzet.functie);
			const ramp = ojg.effect / OJG_EFFECT;
			add(
				m,
				bestemming,
				basis.map((x) => x * (1 - ojg.effect)),
				() => (ojg.actief && rng() < OJG_VERWIJZER_AANDEEL * ramp ? code : 'huisarts')
			);
			if (ojg.actief) {
				add(
					m,
					code,
					basis.map((x) => x * ojg.effect * OJG_SUBSTITUTIE),
					() => 'huisarts'
				);
			}
		}
	}
	return withIds(drafts, `HIS-${praktijkCode}`);
}

/** Practices whose patients live in a wijk, weighted: the buurtteam works with them. */
function praktijkPicker(rng: Rng, wijkCode: string): () => string {
	const gemeente = DEMO_WIJKEN.find((w) => w.code === wijkCode)!.gemeente;
	const praktijken = DEMO_PRAKTIJKEN.filter(
		(p) => DEMO_WIJKEN.find((w) => w.code === p.wijk)!.gemeente === gemeente
	);
	const weights = praktijken.map((p) => p.patienten2016 * (p.wijk === wijkCode ? 4 : 1));
	return () => praktijken[pickIndex(rng, weights)].code;
}

/** The buurtteam's own referrals and its intake of clients sent by others than the practice. */
function generateBuurtteam(seed: number, populatie: DemoPopulatie, gemeente: string): Verwijzing[] {
	const drafts: Draft[] = [];
	for (const wijk of DEMO_WIJKEN.filter((w) => w.gemeente === gemeente)) {
		const rng = rngFor(seed, 'buurtteam', wijk.code);
		const pop = populatie.wijk.get(wijk.code)!;
		const clients = new Clients(seed, `bt-${wijk.code}`, (jaren) => 0.15 - 0.01 * jaren);
		const praktijk = praktijkPicker(rng, wijk.code);
		const propensity = lognormalFactor(rng, 0.15);
		const rounder = new CarryRounder(rng);
		const channels: { verwijzer: Verwijzer; bestemming: string; rates: Rates }[] = [
			...Object.entries(BUURTTEAM_RATES).map(([bestemming, rates]) => ({
				verwijzer: 'buurtteam' as Verwijzer,
				bestemming,
				rates
			})),
			...Object.entries(BUURTTEAM_AANMELDING_RATES).map(([verwijzer, rates]) => ({
				verwijzer: verwijzer as Verwijzer,
				bestemming: 'buurtteam',
				rates: rates!
			}))
		];
		for (let m = 0; m < DEMO_MAANDEN; m++) {
			const ruis = lognormalFactor(rng, MAAND_RUIS) * propensity;
			const jaren = m / 12;
			for (const { verwijzer, bestemming, rates } of channels) {
				const comps = expected(pop, m, rates, ruis * trendFactor(bestemming, jaren));
				const n = rounder.round(`${verwijzer}>${bestemming}`, comps.reduce((a, b) => a + b, 0));
				for (let k = 0; k < n; k++) {
					const g = pickIndex(rng, comps);
					// Buurtteam members who work "for" a practice register it; others rarely do.
					const praktijkKans =
						verwijzer === 'buurtteam' ? 0.2 + 0.015 * jaren : verwijzer === 'wijkverpleging' ? 0.1 : 0;
					const praktijkCode = rng() < praktijkKans ? praktijk() : null;
					// The OJG also works with the buurtteam: it averts the same share there.
					const ojg = praktijkCode === null ? null : ojgStatus(praktijkCode, m);
					if (ojg && g <= 2 && OJG_TWEEDE_LIJN_JEUGD.includes(bestemming) && rng() < ojg.effect) continue;
					const client = clients.next(rng, g, m, () => wijk.code);
					drafts.push({
						datum: pickDay(rng, m),
						praktijk_code: praktijkCode,
						wijk_code: client.wijk,
						leeftijdsgroep: LEEFTIJDSGROEPEN[g],
						verwijzer,
						bestemming,
						domein: pickDomein(rng, bestemming, g),
						client_pseudo: client.pseudo,
						terugkoppeling_datum: null
					});
				}
			}
		}
	}
	return withIds(drafts, `BT-${gemeente}`);
}

/** Youth care referrals by the JGZ and others (e.g. a gecertificeerde instelling), from the gemeente. */
function generateJeugdhulp(seed: number, populatie: DemoPopulatie, gemeente: string): Verwijzing[] {
	const drafts: Draft[] = [];
	for (const wijk of DEMO_WIJKEN.filter((w) => w.gemeente === gemeente)) {
		const rng = rngFor(seed, 'jeugdhulp', wijk.code);
		const pop = populatie.wijk.get(wijk.code)!;
		const clients = new Clients(seed, `jh-${wijk.code}`, () => 0.08);
		const rounder = new CarryRounder(rng);
		for (let m = 0; m < DEMO_MAANDEN; m++) {
			const ruis = lognormalFactor(rng, MAAND_RUIS);
			for (const { verwijzer, bestemming, rates } of JEUGDHULP_RATES) {
				const comps = expected(pop, m, rates, ruis * trendFactor(bestemming, m / 12));
				const n = rounder.round(`${verwijzer}>${bestemming}`, comps.reduce((a, b) => a + b, 0));
				for (let k = 0; k < n; k++) {
					const g = pickIndex(rng, comps);
					const client = clients.next(rng, g, m, () => wijk.code);
					drafts.push({
						datum: pickDay(rng, m),
						praktijk_code: null,
						wijk_code: client.wijk,
						leeftijdsgroep: LEEFTIJDSGROEPEN[g],
						verwijzer,
						bestemming,
						domein: 'jeugd',
						client_pseudo: client.pseudo,
						terugkoppeling_datum: null
					});
				}
			}
		}
	}
	return withIds(drafts, `JH-${gemeente}`);
}

/** All referrals, per source and gemeente, each list sorted by date. */
export function generateVerwijzingen(
	seed: number,
	populatie: DemoPopulatie
): { bron: Bron; gemeente: string; rows: Verwijzing[] }[] {
	const result: { bron: Bron; gemeente: string; rows: Verwijzing[] }[] = [];
	const byDate = (a: Verwijzing, b: Verwijzing) =>
		a.datum - b.datum || (a.verwijzing_id < b.verwijzing_id ? -1 : a.verwijzing_id > b.verwijzing_id ? 1 : 0);
	for (const g of DEMO_GEMEENTEN) {
		const praktijken = DEMO_PRAKTIJKEN.filter(
			(p) => DEMO_WIJKEN.find((w) => w.code === p.wijk)!.gemeente === g.code
		);
		result.push({
			bron: 'his',
			gemeente: g.code,
			rows: praktijken.flatMap((p) => generateHis(seed, populatie, p.code)).sort(byDate)
		});
		result.push({ bron: 'buurtteam', gemeente: g.code, rows: generateBuurtteam(seed, populatie, g.code) });
		result.push({ bron: 'jeugdhulp', gemeente: g.code, rows: generateJeugdhulp(seed, populatie, g.code) });
	}
	return result;
}
