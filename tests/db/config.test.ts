// Runtime settings: a bad value stops the server with a Dutch sentence instead of a silent default.
import { afterEach, describe, expect, it } from 'vitest';
import { databaseMemoryMb, minCell } from '$lib/server/db/config';

const saved = { ...process.env };
afterEach(() => {
	process.env = { ...saved };
});

describe('databaseMemoryMb', () => {
	it('is 512 MB unless MONITOR_DB_MEMORY_MB says otherwise', () => {
		delete process.env.MONITOR_DB_MEMORY_MB;
		expect(databaseMemoryMb()).toBe(512);
		process.env.MONITOR_DB_MEMORY_MB = '2048';
		expect(databaseMemoryMb()).toBe(2048);
	});

	it.each(['veel', '12', '1.5', '-1'])('refuses %s in Dutch', (raw) => {
		process.env.MONITOR_DB_MEMORY_MB = raw;
		expect(() => databaseMemoryMb()).toThrow(/MONITOR_DB_MEMORY_MB moet een geheel getal van 64 of meer/);
	});
});

describe('minCell', () => {
	it('is 5 by default and refuses 0', () => {
		delete process.env.MONITOR_MIN_CELL;
		expect(minCell()).toBe(5);
		process.env.MONITOR_MIN_CELL = '0';
		expect(() => minCell()).toThrow(/MONITOR_MIN_CELL/);
	});
});
