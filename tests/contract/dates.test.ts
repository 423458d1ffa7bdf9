// The contract's dates: one "today" for imports and edits (the Dutch calendar day, also when the
// server runs in UTC), and the two spellings people type.
import { describe, expect, it } from 'vitest';
import { dutchToIso, EARLIEST_DATE, isIsoDate, today } from '$contract/dates';

describe('today', () => {
	it('is the day in Amsterdam, not the server clock: 23:30 UTC in winter is already the next day there (UTC+1)', () => {
		expect(today(new Date('2024-01-02T23:30:00Z'))).toBe('2024-01-03');
		expect(today(new Date('2024-01-02T22:59:00Z'))).toBe('2024-01-02');
	});

	it('follows summer time (UTC+2): 22:30 UTC on 1 July is 2 July in Amsterdam', () => {
		expect(today(new Date('2024-07-01T22:30:00Z'))).toBe('2024-07-02');
		expect(today(new Date('2024-07-01T21:59:00Z'))).toBe('2024-07-01');
	});
});

describe('calendar dates', () => {
	it.each([
		['2024-02-29', true],
		['2023-02-29', false],
		['2024-04-31', false],
		['2024-4-30', false],
		['30-04-2024', false]
	])('isIsoDate(%s) is %s', (value, expected) => {
		expect(isIsoDate(value)).toBe(expected);
	});

	it('turns a typed Dutch date into ISO and leaves anything else alone', () => {
		expect(dutchToIso('5-3-2024')).toBe('2024-03-05');
		expect(dutchToIso('15-03-2024')).toBe('2024-03-15');
		expect(dutchToIso('2024-03-15')).toBe('2024-03-15');
		expect(dutchToIso('gisteren')).toBe('gisteren');
	});

	it('starts in 2000', () => {
		expect(EARLIEST_DATE).toBe('2000-01-01');
	});
});
