// The OJG page's own URL parameters: window length, comparison group, series (rolling 3-month sums by
// default: monthly counts of one practice are mostly below k and would leave the chart empty).
import { z } from 'zod';
import { VENSTERS, VERGELIJKINGEN, type Vergelijking } from './design';

const schema = z.object({
	venster: z.coerce.number().refine((v) => (VENSTERS as readonly number[]).includes(v)).catch(12),
	vergelijking: z.enum(VERGELIJKINGEN).catch('gemeente'),
	gemiddelde: z.enum(['maand', '3']).catch('3')
});

export interface OjgParams {
	venster: number;
	vergelijking: Vergelijking;
	/** '3' = rolling 3-month sums (default), 'maand' = monthly values */
	gemiddelde: 'maand' | '3';
}

export function parseOjgParams(params: URLSearchParams): OjgParams {
	return schema.parse(Object.fromEntries(params));
}
