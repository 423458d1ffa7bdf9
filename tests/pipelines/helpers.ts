// Shared helpers for the pipeline tests: temp directories, fixtures, hashing and reading back.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, afterEach, beforeEach } from 'vitest';
import { IngestFailedError, type IngestError } from '../../pipelines/errors';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pipelines');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** The reference data every referral test needs, as hand-written in the fixtures. */
export const BASE_FILES = ['wijken.csv', 'praktijken.csv'].map(fixture);

/**
 * A new temporary folder with a database path in it for every test, removed afterwards; `set`
 * receives both (the test file keeps them in its own variables).
 */
export function useTempDatabase(set: (dir: string, db: string) => void): void {
	let dir = '';
	beforeEach(() => {
		dir = makeTempDir();
		set(dir, path.join(dir, 'monitor.duckdb'));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
}

export function makeTempDir(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'bzm-pipelines-'));
}

export function sha256(file: string): string {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Writes a file into dir and returns its path. Strings are written as UTF-8. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
	const p = path.join(dir, name);
	fs.writeFileSync(p, content);
	return p;
}

export type Row = Record<string, unknown>;

/** Reads from a database file the way the web server does: read-only, then closed. */
export async function query(dbPath: string, sql: string): Promise<Row[]> {
	const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
	try {
		const conn = await instance.connect();
		try {
			const reader = await conn.runAndReadAll(sql);
			return reader.getRowObjectsJson() as Row[];
		} finally {
			conn.closeSync();
		}
	} finally {
		instance.closeSync();
	}
}

/** Runs fn, which must throw IngestFailedError, and returns that error. */
export async function rejection(fn: () => Promise<unknown>): Promise<IngestFailedError> {
	try {
		await fn();
	} catch (e) {
		if (e instanceof IngestFailedError) return e;
		throw e;
	}
	throw new Error('verwacht: IngestFailedError, maar de import slaagde');
}

export interface ExpectedError {
	file: string;
	line?: number;
	column?: string;
	rule: string;
}

/** The error list holds an error at exactly this place, and its message says so. */
export function expectError(errors: readonly IngestError[], want: ExpectedError): IngestError {
	const found = errors.find(
		(e) => e.file === want.file && e.rule === want.rule && e.line === want.line && e.column === want.column
	);
	expect(found, `geen fout ${JSON.stringify(want)} in:\n${errors.map((e) => e.message).join('\n')}`).toBeDefined();
	const m = found!.message;
	expect(m.startsWith(want.file)).toBe(true);
	if (want.line !== undefined) expect(m).toContain(`regel ${want.line}`);
	if (want.column !== undefined) expect(m).toContain(`kolom "${want.column}"`);
	expect(m).toContain(`(regel: ${want.rule})`);
	return found!;
}
