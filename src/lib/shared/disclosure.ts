// Dutch notes about disclosure control, shown where the figures are (pages, reports, exports).

/** Every page and export with referral counts carries this (docs/privacy.md, cell key method). */
export const PERTURBATION_NOTE =
	'Aantallen zijn licht verstoord om herleidbaarheid te voorkomen; totalen kunnen een paar verschillen van de som van de delen.';
