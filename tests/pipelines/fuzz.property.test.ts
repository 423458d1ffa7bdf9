// The pipeline on mangled exports (fast-check): the fixture exports of tests/fixtures/pipelines,
// and a workbook made from one, with bytes flipped, inserted, deleted or cut off, lines dropped,
// doubled or swapped, and cells replaced by awkward values. Whatever comes in, the import either
// loads the file or throws IngestFailedError (never anything else: no crash, no stack trace for
// the user), every error names a rule id documented in docs/formats.md, and a failed import leaves
// the database byte for byte as it was (never half-loaded).

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestFailedError } from '../../pipelines/errors';
import { ingest } from '../../pipelines/ingest';
import { BASE_FILES, FIXTURES, makeTempDir, query, sha256 } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The rule ids of docs/formats.md, "Messages and rule ids". */
function documentedRules(): Set<string> {
	const doc = fs.readFileSync(path.join(ROOT, 'docs/formats.md'), 'utf8');
	const section = doc.slice(doc.indexOf('## Messages and rule ids'), doc.indexOf('\n## ', doc.indexOf('## Messages and rule ids') + 1));
	const rules = new Set<string>();
	for (const line of section.split('\n')) {
		const first = /^\|([^|]+)\|/.exec(line)?.[1] ?? '';
		for (const m of first.matchAll(/`([a-z0-9-]+)`/g)) rules.add(m[1]);
	}
	return rules;
}

interface Export {
	name: string;
	bytes: Uint8Array;
}

type Mutation =
	| { kind: 'flip'; at: number; value: number }
	| { kind: 'insert'; at: number; bytes: number[] }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'truncate'; at: number }
	| { kind: 'dropLine'; line: number }
	| { kind: 'doubleLine'; line: number }
	| { kind: 'swapLines'; a: number; b: number }
	| { kind: 'cell'; line: number; column: number; value: string };

/** Values that have broken importers before: quotes, delimiters, line breaks, odd dates and numbers, control characters. */
const AWKWARD = [
	'',
	' ',
	'"',
	'""',
	'"a;b"',
	';',
	',',
	'\n',
	'\r',
	'\t',
	'\u0000',
	'\ufeff',
	'\ufffd',
	'Ã«',
	'=1+1',
	'-1',
	'1e309',
	'NaN',
	'0,5',
	'1.234,5',
	'2024-02-30',
	'31-12-1999',
	'2099-01-01',
	'45000',
	'WK999999',
	'wk034401',
	'GM0344',
	'P001',
	'123456782',
	'jan@example.nl',
	'3511 AB',
	'x'.repeat(5000)
];

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<(size: number, lines: number) => Mutation> = fc.oneof(
	fc.record({ at: position, value: fc.integer({ min: 0, max: 255 }) }).map((m) => (size: number) => ({ kind: 'flip' as const, at: Math.floor(m.at * size), value: m.value })),
	fc.record({ at: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }).map((m) => (size: number) => ({ kind: 'insert' as const, at: Math.floor(m.at * size), bytes: m.bytes })),
	fc.record({ at: position, length: fc.integer({ min: 1, max: 40 }) }).map((m) => (size: number) => ({ kind: 'delete' as const, at: Math.floor(m.at * size), length: m.length })),
	position.map((at) => (size: number) => ({ kind: 'truncate' as const, at: Math.floor(at * size) })),
	position.map((l) => (_: number, lines: number) => ({ kind: 'dropLine' as const, line: Math.floor(l * lines) })),
	position.map((l) => (_: number, lines: number) => ({ kind: 'doubleLine' as const, line: Math.floor(l * lines) })),
	fc.tuple(position, position).map(([a, b]) => (_: number, lines: number) => ({ kind: 'swapLines' as const, a: Math.floor(a * lines), b: Math.floor(b * lines) })),
	fc
		.record({ line: position, column: fc.integer({ min: 0, max: 12 }), value: fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })) })
		.map((m) => (_: number, lines: number) => ({ kind: 'cell' as const, line: Math.floor(m.line * lines), column: m.column, value: m.value }))
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
	const b = Buffer.from(bytes);
	switch (m.kind) {
		case 'flip': {
			const out = Buffer.from(b);
			if (out.length) out[Math.min(m.at, out.length - 1)] = m.value;
			return out;
		}
		case 'insert':
			return Buffer.concat([b.subarray(0, m.at), Buffer.from(m.bytes), b.subarray(m.at)]);
		case 'delete':
			return Buffer.concat([b.subarray(0, m.at), b.subarray(m.at + m.length)]);
		case 'truncate':
			return b.subarray(0, m.at);
	}
	// Line and cell mutations work on the text (a workbook's bytes are not lines; they get garbled).
	const lines = b.toString('utf8').split('\n');
	const at = (i: number) => Math.min(i, lines.length - 1);
	switch (m.kind) {
		case 'dropLine':
			lines.splice(at(m.line), 1);
			break;
		case 'doubleLine':
			lines.splice(at(m.line), 0, lines[at(m.line)]);
			break;
		case 'swapLines': {
			const [x, y] = [at(m.a), at(m.b)];
			[lines[x], lines[y]] = [lines[y], lines[x]];
			break;
		}
		case 'cell': {
			const cells = lines[at(m.line)].split(';');
			cells[Math.min(m.column, cells.length - 1)] = m.value;
			lines[at(m.line)] = cells.join(';');
			break;
		}
	}
	return Buffer.from(lines.join('\n'), 'utf8');
}

function describeMutations(ms: Mutation[]): string {
	return ms.map((m) => JSON.stringify(m, (_, v) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v))).join(', ');
}

let dir: string;
let baseDb: string;
let db: string;
let exports: Export[];
let baseLoads: number;
const rules = documentedRules();

beforeAll(async () => {
	dir = makeTempDir();
	baseDb = path.join(dir, 'basis.duckdb');
	db = path.join(dir, 'monitor.duckdb');
	await ingest(baseDb, BASE_FILES);
	baseLoads = (await query(baseDb, 'SELECT count(*)::INT AS n FROM loads'))[0].n as number;
	exports = fs
		.readdirSync(FIXTURES)
		.filter((f) => f.endsWith('.csv'))
		.sort()
		.map((name) => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)) }));
	// One workbook, so that garbled zip archives and sheets get their turn as well.
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Verwijzingen');
	for (const line of fs.readFileSync(path.join(FIXTURES, 'verwijzingen.csv'), 'utf8').trim().split('\n')) ws.addRow(line.split(';'));
	exports.push({ name: 'verwijzingen.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the pipeline on mangled exports', () => {
	it('documents the rule ids it checks against', () => {
		expect(rules.size).toBeGreaterThan(40);
		for (const rule of ['bestand-te-groot', 'bestand-te-veel-rijen', 'xlsx-te-groot', 'xlsx-uitpakfactor', 'csv-velden', 'database-bezet']) expect(rules).toContain(rule);
	});

	it('loads or refuses with rules, never throws anything else, never half-loads', async () => {
		const outcomes = { geladen: 0, geweigerd: 0 };
		await fc.assert(
			fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (pick, makers) => {
				const original = exports[pick % exports.length];
				let bytes: Uint8Array = original.bytes;
				const applied: Mutation[] = [];
				for (const make of makers) {
					const m = make(bytes.length, Buffer.from(bytes).toString('utf8').split('\n').length);
					applied.push(m);
					bytes = apply(bytes, m);
				}
				const context = `${original.name} met ${describeMutations(applied)}`;

				fs.copyFileSync(baseDb, db);
				const before = sha256(db);
				let failure: unknown = null;
				try {
					const reports = await ingest(db, [{ name: original.name, bytes }]);
					expect(reports, context).toHaveLength(1);
					outcomes.geladen++;
				} catch (e) {
					failure = e;
				}
				if (failure === null) {
					// Loaded, with its provenance.
					const [loads] = await query(db, 'SELECT count(*)::INT AS n FROM loads');
					expect(loads.n, context).toBe(baseLoads + 1);
					return;
				}
				expect(failure, `${context}: ${(failure as Error)?.stack ?? String(failure)}`).toBeInstanceOf(IngestFailedError);
				const errors = (failure as IngestFailedError).errors;
				expect(errors.length, context).toBeGreaterThan(0);
				for (const e of errors) {
					expect(rules, `${context}: ${e.message}`).toContain(e.rule);
					expect(e.message.endsWith(`(regel: ${e.rule})`), `${context}: ${e.message}`).toBe(true);
					expect(e.file, context).toBe(original.name);
				}
				expect(sha256(db), `${context}: database changed by a failed import`).toBe(before);
				outcomes.geweigerd++;
			}),
			// A new seed each run (fast-check prints it with a failure); FUZZ_SEED replays one, FUZZ_RUNS runs longer.
			{ numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined }
		);
		// Both sides were exercised.
		expect(outcomes.geladen).toBeGreaterThan(5);
		expect(outcomes.geweigerd).toBeGreaterThan(50);
	}, Number(process.env.FUZZ_RUNS ?? 300) * 400);
});
