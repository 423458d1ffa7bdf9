// Difference-in-differences of rates (rate ratios) with its Wald standard error on the log scale:
//   RR_t = rate_post / rate_pre of the practice, RR_c the same for the comparison group,
//   DiD = RR_t / RR_c, effect = (DiD - 1) x 100%, se = sqrt(1/a_pre + 1/a_post + 1/c_pre + 1/c_post).
// The Wald interval exp(ln DiD ± 1.96·se) assumes Poisson counts and is too narrow for referral
// counts; the page publishes the placebo-calibrated interval of calibration.ts instead, and
// keeps ciLow/ciHigh only as the uncalibrated reference (tests compare the two).

export const Z95 = 1.959963984540054;

export interface Cells {
	/** referrals of the practice before / after the start */
	aPre: number;
	aPost: number;
	/** referrals of the comparison group before / after */
	cPre: number;
	cPost: number;
}

export interface PersonTime {
	aPre: number;
	aPost: number;
	cPre: number;
	cPost: number;
}

export interface DidEstimate {
	ratePre: number;
	ratePost: number;
	rateCPre: number;
	rateCPost: number;
	rr: number;
	rrC: number;
	did: number;
	lnDid: number;
	se: number;
	ciLow: number;
	ciHigh: number;
}

/** DiD of two rate ratios; every count must be > 0 and every person-time > 0. Rates per 1,000. */
export function did(cells: Cells, personYears: PersonTime): DidEstimate {
	const ratePre = (cells.aPre / personYears.aPre) * 1000;
	const ratePost = (cells.aPost / personYears.aPost) * 1000;
	const rateCPre = (cells.cPre / personYears.cPre) * 1000;
	const rateCPost = (cells.cPost / personYears.cPost) * 1000;
	const rr = ratePost / ratePre;
	const rrC = rateCPost / rateCPre;
	const value = rr / rrC;
	const lnDid = Math.log(value);
	const se = Math.sqrt(1 / cells.aPre + 1 / cells.aPost + 1 / cells.cPre + 1 / cells.cPost);
	return {
		ratePre,
		ratePost,
		rateCPre,
		rateCPost,
		rr,
		rrC,
		did: value,
		lnDid,
		se,
		ciLow: Math.exp(lnDid - Z95 * se),
		ciHigh: Math.exp(lnDid + Z95 * se)
	};
}

/** A ratio as a percentage change: 0.68 → -32. */
export function toPct(ratio: number): number {
	return (ratio - 1) * 100;
}
