// The referral model behind the demo data: rates per age group, seasonality, the slow shift towards
// the basiszorg, and the planted effect of an OJG / POH-jeugd placement. The exported constants are
// the "truth" that estimators in the app can be tested against.

import { DEFAULT_BESTEMMINGEN, type Domein, type Lijn, type Verwijzer } from '../../contract/codes';
import { monthIndex } from './dates';
import { pickWeighted, type Rng } from './random';
import { DEMO_OJG_INZET, type DemoOjgInzet } from './world';

export const DEMO_SEED = 20160101;
export const DEMO_START = '2016-01-01';
export const DEMO_END = '2025-12-31';

/**
 * Planted effect: once a placement is fully ramped up, the practice's second-line referrals of
 * 0-17 year olds (bestemming in OJG_TWEEDE_LIJN_JEUGD) are this fraction lower than they would have
 * been without it (the same practice's own trend). The pilot reports "more than 30%".
 */
export const OJG_EFFECT = 0.35;
/** The effect builds up linearly over this many months from the start month (and fades as long after an end). */
export const OJG_RAMP_MONTHS = 3;
/** Referrals to the OJG / POH-jeugd per averted second-line referral (substitution; low threshold, so > 1). */
export const OJG_SUBSTITUTIE = 2;
/** Share of the remaining second-line referrals that the OJG / POH-jeugd makes itself (verwijzer ojg/poh_jeugd). */
export const OJG_VERWIJZER_AANDEEL = 0.3;
/** Practices that got a placement had somewhat more second-line youth referrals beforehand (selection). */
export const OJG_SELECTIE_FACTOR = 1.12;
export const OJG_TWEEDE_LIJN_JEUGD: readonly string[] = ['specialistische_jeugdhulp', 'jeugd_ggz'];

/**
 * Variation between months of one practice or wijk: a lognormal factor with this coefficient of
 * variation, shared by all its referrals that month. Counts otherwise track their expectation
 * closely (see CarryRounder), so the planted effect is visible in a single practice.
 */
export const MAAND_RUIS = 0.08;

/** Relative volume per calendar month (January..December): summer and December dip. */
export const SEIZOEN: readonly number[] = [1.08, 1.05, 1.08, 1.02, 1.02, 1.03, 0.78, 0.76, 1.07, 1.07, 1.08, 0.86];

/** Linear change per year of the referral volume, by lijn: more stays in the voorveld and basiszorg. */
export const TREND_PER_JAAR: Record<Lijn, number> = { 0: 0.04, 1: 0.035, 2: -0.02 };

export function trendFactor(bestemming: string, jarenSinds2016: number): number {
	return 1 + TREND_PER_JAAR[DEFAULT_BESTEMMINGEN[bestemming]] * jarenSinds2016;
}

/** Referrals per 1,000 per year in 2016, per age group (order of LEEFTIJDSGROEPEN). */
export type Rates = readonly [number, number, number, number, number, number, number];

/** Referrals made by practice staff (GP information system), per 1,000 registered patients. */
export const HIS_RATES: Readonly<Record<string, Rates>> = {
	specialistische_jeugdhulp: [12, 23, 24.5, 0, 0, 0, 0],
	jeugd_ggz: [2.5, 13, 21, 0, 0, 0, 0],
	jgz: [6, 2.5, 1.5, 0, 0, 0, 0],
	ziekenhuis: [6, 4, 5, 7, 10, 18.5, 24],
	specialistische_ggz: [0, 0, 0, 10, 7.5, 3.5, 1.5],
	basis_ggz: [0, 1.5, 4, 9.5, 7.5, 2.5, 1.5],
	eerstelijns_psycholoog: [0, 1.5, 3.5, 5, 4, 1.5, 1],
	poh_ggz: [0, 0, 2.5, 12, 13, 7, 4],
	buurtteam: [2.5, 4, 5, 6, 7, 7.5, 12],
	wijkverpleging: [0, 0, 0, 0, 1, 8.5, 32.5],
	wmo_maatwerk: [0, 0, 0, 1, 1.5, 5, 17],
	welzijn: [0, 1, 1, 1.5, 2.5, 5, 8.5],
	sociaal_makelaar: [0, 0, 1, 1.5, 2.5, 4, 4],
	vrijwillige_hulp: [0, 0, 0, 1, 1, 1.5, 3.5]
};

/** Referrals made by the buurtteam, per 1,000 inhabitants of the wijk. */
export const BUURTTEAM_RATES: Readonly<Record<string, Rates>> = {
	specialistische_jeugdhulp: [2.5, 5, 7, 0, 0, 0, 0],
	jeugd_ggz: [1, 1.5, 3.5, 0, 0, 0, 0],
	jgz: [2.5, 1.5, 1, 0, 0, 0, 0],
	basis_ggz: [0, 0, 1, 2.5, 2.5, 1, 1],
	specialistische_ggz: [0, 0, 0, 1.5, 1.5, 1, 0.5],
	wmo_maatwerk: [0, 0, 0, 1, 2.5, 6, 12],
	welzijn: [0, 1, 1.5, 2.5, 3.5, 5, 7],
	sociaal_makelaar: [0, 0, 1, 1.5, 2.5, 3.5, 3.5],
	vrijwillige_hulp: [0, 0, 0, 1, 1.5, 2.5, 3.5],
	wijkverpleging: [0, 0, 0, 0, 0.5, 1.5, 5]
};

/** Clients referred to the buurtteam by others than the practice (its intake registration). */
export const BUURTTEAM_AANMELDING_RATES: Readonly<Partial<Record<Verwijzer, Rates>>> = {
	jgz: [3.5, 3.5, 2.5, 0, 0, 0, 0],
	wijkverpleging: [0, 0, 0, 0, 1, 3.5, 8.5],
	overig: [1.5, 2.5, 3.5, 3.5, 2.5, 1.5, 1.5]
};

/** Second-line youth care referrals registered by the gemeente's jeugdhulp administration. */
export const JEUGDHULP_RATES: readonly { verwijzer: Verwijzer; bestemming: string; rates: Rates }[] = [
	{ verwijzer: 'jgz', bestemming: 'specialistische_jeugdhulp', rates: [2.5, 2.5, 1.5, 0, 0, 0, 0] },
	{ verwijzer: 'jgz', bestemming: 'jeugd_ggz', rates: [0.5, 1.5, 1.5, 0, 0, 0, 0] },
	{ verwijzer: 'overig', bestemming: 'specialistische_jeugdhulp', rates: [1, 1.5, 2.5, 0, 0, 0, 0] }
];

const GGZ_BESTEMMINGEN = new Set(['specialistische_ggz', 'basis_ggz', 'eerstelijns_psycholoog', 'poh_ggz']);

/** Age group index: 0-2 jeugd, 3-4 volwassenen, 5-6 ouderen. */
const isJeugd = (g: number) => g <= 2;
const isOuderen = (g: number) => g >= 5;

export function pickDomein(rng: Rng, bestemming: string, g: number): Domein {
	if (bestemming === 'ziekenhuis') return 'somatisch';
	if (isJeugd(g)) return pickWeighted<Domein>(rng, [['jeugd', 0.97], ['overig', 0.03]]);
	if (GGZ_BESTEMMINGEN.has(bestemming)) return 'ggz';
	if (bestemming === 'wijkverpleging') {
		return isOuderen(g) ? pickWeighted<Domein>(rng, [['ouderen', 0.8], ['somatisch', 0.2]]) : 'somatisch';
	}
	if (isOuderen(g)) return pickWeighted<Domein>(rng, [['ouderen', 0.75], ['sociaal', 0.22], ['overig', 0.03]]);
	if (bestemming === 'buurtteam') {
		return pickWeighted<Domein>(rng, [['sociaal', 0.65], ['ggz', 0.3], ['overig', 0.05]]);
	}
	return pickWeighted<Domein>(rng, [['sociaal', 0.9], ['overig', 0.1]]);
}

/** Who in the practice made a referral (not for second-line youth referrals: see generateHis). */
export function pickHisVerwijzer(rng: Rng, bestemming: string, g: number, jaren: number): Verwijzer {
	if (rng() < 0.01) return 'overig';
	if (bestemming === 'ziekenhuis' || bestemming === 'poh_ggz' || bestemming === 'jgz') return 'huisarts';
	if (isJeugd(g)) {
		return g === 2 && GGZ_BESTEMMINGEN.has(bestemming) && rng() < 0.2 ? 'poh_ggz' : 'huisarts';
	}
	if (GGZ_BESTEMMINGEN.has(bestemming)) return rng() < (isOuderen(g) ? 0.3 : 0.45) ? 'poh_ggz' : 'huisarts';
	if (isOuderen(g)) return rng() < 0.25 + 0.03 * jaren ? 'poh_ouderen' : 'huisarts';
	if (bestemming === 'wijkverpleging') return 'huisarts';
	return rng() < 0.3 ? 'poh_ggz' : 'huisarts';
}

/** How the placement's professional appears as verwijzer and bestemming. */
export function ojgCode(functie: DemoOjgInzet['functie']): 'ojg' | 'poh_jeugd' {
	return functie === 'poh_jeugd' ? 'poh_jeugd' : 'ojg';
}

export interface OjgStatus {
	inzet: DemoOjgInzet;
	/** Fraction of second-line youth referrals averted this month (0..OJG_EFFECT). */
	effect: number;
	/** Whether the placement is in place this month (substitution referrals happen only then). */
	actief: boolean;
}

/** The placement's state in a month, or null for practices without a placement (at that time). */
export function ojgStatus(praktijkCode: string, m: number): OjgStatus | null {
	const inzet = DEMO_OJG_INZET.find((i) => i.praktijk_code === praktijkCode);
	if (!inzet) return null;
	const start = monthIndex(inzet.start);
	if (m < start) return null;
	const ramp = Math.min(1, (m - start + 1) / OJG_RAMP_MONTHS);
	const eind = inzet.eind === null ? Infinity : monthIndex(inzet.eind);
	const fade = m <= eind ? 1 : Math.max(0, 1 - (m - eind) / OJG_RAMP_MONTHS);
	if (fade === 0) return null;
	return { inzet, effect: OJG_EFFECT * ramp * fade, actief: m <= eind };
}
