// The OJG page's own URL parameters: window length, comparison group, rolling mean.
import { z } from 'zod';
import { VENSTERS, VERGELIJKINGEN, type Vergelijking } from './design';

const schema = z.object({
	venster: z.coerce.number().refine((v) => (VENSTERS as readonly number[]).includes(v)).catch(12),
	vergelijking: z.enum(VERGELIJKINGEN).catch('gemeente'),
	gemiddelde: z.enum(['maand', '3']).catch('maand')
});

export interface OjgParams {
	venster: number;
	vergelijking: Vergelijking;
	/** 'maand' = monthly values, '3' = rolling 3-month mean */
	gemiddelde: 'maand' | '3';
}

export function parseOjgParams(params: URLSearchParams): OjgParams {
	return schema.parse(Object.fromEntries(params));
}
