import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDate, formatNumber, formatRate, formatShare } from '$lib/shared/format';
import { toCsv } from '$lib/server/export/csv';
import { filtersToQuery, parseFilters } from '$lib/server/referrals/filters';
import { monthRange, periodLabelNl, quarterOf } from '$lib/shared/periods';

describe('nl-NL formatting', () => {
	it('uses a decimal comma and a thousands dot', () => {
		expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
		expect(formatRate(4.2857)).toBe('4,3');
		expect(formatShare(0.44068)).toBe('44,1%');
		expect(formatNumber(null)).toBe('–');
	});
	it('signs changes with a real minus sign', () => {
		expect(formatChange(-61.04)).toBe('−61,0');
		expect(formatChange(3)).toBe('+3,0');
	});
	it('writes hidden counts as <k or x', () => {
		expect(formatCount(null, 'klein', 5)).toBe('<5');
		expect(formatCount(null, 'aanvullend', 5)).toBe('x');
		expect(formatCount(1200, null, 5)).toBe('1.200');
	});
	it('writes Dutch dates', () => {
		expect(formatDate('2024-03-01')).toBe('1 maart 2024');
	});
});

describe('CSV for Dutch Excel', () => {
	it('has a BOM, semicolons, decimal commas, CRLF and RFC 4180 quoting', () => {
		const csv = toCsv(
			[
				{ naam: 'Noord; oost', v: 7.125, n: 14 },
				{ naam: 'Zei "hallo"', v: null, n: 0 }
			],
			[
				{ header: 'naam', value: (r) => r.naam },
				{ header: 'per_1000', value: (r) => r.v, digits: 2 },
				{ header: 'n', value: (r) => r.n }
			]
		);
		expect(csv).toBe('\uFEFFnaam;per_1000;n\r\n"Noord; oost";7,13;14\r\n"Zei ""hallo""";;0\r\n');
	});
});

describe('filters from the URL', () => {
	it('falls back to defaults for invalid values and never passes them on', () => {
		const f = parseFilters(new URLSearchParams("niveau=x&periode=jaar&lijn=9&wijk=1'; DROP TABLE wijken&gemeente=GM9901"));
		expect(f).toMatchObject({ niveau: 'wijk', periode: 'jaar', lijn: 2, wijk: null, gemeente: 'GM9901' });
	});
	it('a praktijk implies niveau praktijk; a wijk lifts niveau gemeente to wijk', () => {
		expect(parseFilters(new URLSearchParams('praktijk=P1&niveau=gemeente')).niveau).toBe('praktijk');
		expect(parseFilters(new URLSearchParams('wijk=WK990101&niveau=gemeente')).niveau).toBe('wijk');
	});
	it('swaps a reversed year range and round-trips through the query string', () => {
		const f = parseFilters(new URLSearchParams('van=2025&tot=2019&lijn=alle&leeftijd=0-17'));
		expect([f.van, f.tot, f.lijn]).toEqual([2019, 2025, null]);
		expect(parseFilters(new URLSearchParams(filtersToQuery(f)))).toEqual(f);
		expect(filtersToQuery(parseFilters(new URLSearchParams('')))).toBe('');
	});
});

describe('periods', () => {
	it('lists months across a year boundary and labels them in Dutch', () => {
		expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
		expect(quarterOf('2024-08')).toBe('2024-K3');
		expect(periodLabelNl('2024-03')).toBe('mrt 2024');
		expect(periodLabelNl('2024-K3')).toBe('K3 2024');
	});
});
