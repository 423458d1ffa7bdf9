// The page and export filters, parsed from the URL query string. The URL is the state: a copied
// link reproduces the view, and /export/<name>.csv takes the same query string as its page.
// Every value is checked against a fixed list or pattern; values only ever reach SQL as parameters.

import { z } from 'zod';
import {
	DOMEINEN,
	GEMEENTE_CODE,
	LEEFTIJD_AGGREGATEN,
	LEEFTIJDSGROEPEN,
	VERWIJZERS,
	WIJK_CODE
} from '$contract/codes';

import { LEEFTIJDEN, NIVEAUS, NOEMERS, PERIODES, type Filters, type Niveau } from '$lib/referrals/filters';

export type { Filters, Niveau, Noemer, Periode } from '$lib/referrals/filters';

const optionalCode = (pattern: RegExp) =>
	z
		.string()
		.regex(pattern)
		.optional()
		.catch(undefined);

const year = z.coerce.number().int().min(2000).max(2100);

const schema = z.object({
	niveau: z.enum(NIVEAUS).catch('wijk'),
	periode: z.enum(PERIODES).catch('kwartaal'),
	lijn: z.enum(['0', '1', '2', 'alle']).catch('2'),
	leeftijd: z.enum(LEEFTIJDEN as unknown as [string, ...string[]]).catch('alle'),
	domein: z.enum(DOMEINEN).optional().catch(undefined),
	verwijzer: z.enum(VERWIJZERS).optional().catch(undefined),
	gemeente: optionalCode(GEMEENTE_CODE),
	wijk: optionalCode(WIJK_CODE),
	praktijk: optionalCode(/^[A-Za-z0-9_.-]{1,40}$/),
	van: year.optional().catch(undefined),
	tot: year.optional().catch(undefined),
	noemer: z.enum(NOEMERS).optional().catch(undefined)
});


/** Parses a query string; unknown or invalid values fall back to the defaults instead of failing. */
export function parseFilters(params: URLSearchParams): Filters {
	const raw: Record<string, string> = {};
	for (const [k, v] of params) if (v !== '') raw[k] = v;
	const f = schema.parse(raw);
	let niveau: Niveau = f.niveau;
	// A practice filter only makes sense per practice; a wijk filter not at gemeente level.
	if (f.praktijk) niveau = 'praktijk';
	else if (f.wijk && niveau === 'gemeente') niveau = 'wijk';
	let [van, tot] = [f.van ?? null, f.tot ?? null];
	if (van !== null && tot !== null && van > tot) [van, tot] = [tot, van];
	return {
		niveau,
		periode: f.periode,
		lijn: f.lijn === 'alle' ? null : (Number(f.lijn) as 0 | 1 | 2),
		leeftijd: f.leeftijd,
		domein: f.domein ?? null,
		verwijzer: f.verwijzer ?? null,
		gemeente: f.gemeente ?? null,
		wijk: f.wijk ?? null,
		praktijk: f.praktijk ?? null,
		van,
		tot,
		noemer: f.noemer ?? null
	};
}

/** The age groups a leeftijd filter stands for. */
export function leeftijdsgroepen(leeftijd: string): readonly string[] {
	if (leeftijd === 'alle') return LEEFTIJDSGROEPEN;
	return LEEFTIJD_AGGREGATEN[leeftijd] ?? [leeftijd];
}

/** The canonical query string of a filter set (defaults left out), for links and exports. */
export function filtersToQuery(f: Filters): string {
	const p = new URLSearchParams();
	const put = (k: string, v: string | number | null, dflt?: string) => {
		if (v !== null && String(v) !== dflt) p.set(k, String(v));
	};
	put('niveau', f.niveau, 'wijk');
	put('periode', f.periode, 'kwartaal');
	put('lijn', f.lijn === null ? 'alle' : f.lijn, '2');
	put('leeftijd', f.leeftijd, 'alle');
	put('domein', f.domein);
	put('verwijzer', f.verwijzer);
	put('gemeente', f.gemeente);
	put('wijk', f.wijk);
	put('praktijk', f.praktijk);
	put('van', f.van);
	put('tot', f.tot);
	put('noemer', f.noemer);
	return p.toString();
}
