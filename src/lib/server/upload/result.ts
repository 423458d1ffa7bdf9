// The pipeline's JSON output (contract/ingestJson.ts), checked on arrival: the child process is our
// own code, but a half-written line or another version must become a Dutch error, not a crash.
import { z } from 'zod';
import type { JsonProgress, JsonResult } from '$contract/ingestJson';

const report = z.object({
	file: z.string(),
	dataset: z.string(),
	table: z.string(),
	loadId: z.number(),
	sha256: z.string(),
	format: z.enum(['csv', 'xlsx', 'geojson']),
	encoding: z.string().optional(),
	delimiter: z.string().optional(),
	rowsRead: z.number(),
	rowsLoaded: z.number(),
	rowsReplaced: z.number(),
	rowsUnchanged: z.number(),
	rowsRejected: z.number(),
	warnings: z.array(z.string()),
	notes: z.array(z.string()).optional(),
	startedAt: z.string(),
	finishedAt: z.string()
});

const error = z.object({
	file: z.string(),
	line: z.number().nullable(),
	column: z.string().nullable(),
	rule: z.string(),
	detail: z.string(),
	message: z.string()
});

const version = z.object({ name: z.string(), savedAt: z.string(), lastLoadId: z.number() });

const result = z.union([
	z.object({ ok: z.literal(true), action: z.enum(['controleren', 'laden']), db: z.string(), reports: z.array(report) }),
	z.object({
		ok: z.literal(true),
		action: z.literal('terugdraaien'),
		db: z.string(),
		restored: version,
		removedLoads: z.array(z.object({ loadId: z.number(), file: z.string(), dataset: z.string() }))
	}),
	z.object({ ok: z.literal(true), action: z.literal('versies'), db: z.string(), versions: z.array(version) }),
	z.object({
		ok: z.literal(false),
		action: z.enum(['controleren', 'laden', 'terugdraaien', 'versies', 'opdracht']),
		db: z.string().nullable(),
		errors: z.array(error),
		stoppedEarly: z.array(z.string())
	})
]);

const progress = z.object({
	type: z.literal('voortgang'),
	file: z.string(),
	dataset: z.string(),
	phase: z.enum(['lezen', 'controleren', 'laden']),
	done: z.number(),
	total: z.number()
});

/** The result object on stdout, or null when stdout holds none. */
export function parseResult(stdout: string): JsonResult | null {
	const line = stdout.trim().split('\n').at(-1);
	if (!line) return null;
	try {
		const parsed = result.safeParse(JSON.parse(line));
		return parsed.success ? (parsed.data as JsonResult) : null;
	} catch {
		return null;
	}
}

/** One stderr line as progress, or null for anything else (a log line, a stack trace). */
export function parseProgress(line: string): JsonProgress | null {
	if (!line.startsWith('{')) return null;
	try {
		const parsed = progress.safeParse(JSON.parse(line));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
