// Runs the import pipeline the way an operator does (`npm run ingest`), as a child process: the web
// server may not import pipelines/ (docs/architecture.md "The rules (`.dependency-cruiser.cjs`)"), and a
// child keeps the import's memory and native DuckDB handles out of the server. It is this Node
// with the tsx loader on pipelines/cli.ts, with --json: the result comes as one JSON object on
// stdout, progress as JSON lines on stderr (contract/ingestJson.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { JsonProgress, JsonResult } from '$contract/ingestJson';
import { databasePath } from '$lib/server/db/config';
import { pipelineRoot, RUN_TIMEOUT_MS } from './config';
import { parseProgress, parseResult } from './result';

export interface RunOptions {
	/** The analytic database; default the server's own (MONITOR_DB). */
	dbPath?: string;
	onProgress?: (p: JsonProgress) => void;
	timeoutMs?: number;
}

export interface RunOutcome {
	/** 0: done; 1: the pipeline refused (result.ok false); 2: a wrong command line. */
	code: number;
	result: JsonResult;
}

/** The child ended without a result (crashed, killed, timed out): the details are in the server log. */
export class PipelineCrashedError extends Error {
	constructor(
		message: string,
		readonly log: string
	) {
		super(message);
		this.name = 'PipelineCrashedError';
	}
}

/** The child's command line: node --import tsx <root>/pipelines/cli.ts --json --db <db> <args>. */
export function pipelineCommand(args: readonly string[], dbPath: string = databasePath()): { command: string; args: string[]; cwd: string } {
	const root = pipelineRoot();
	const cli = path.join(root, 'pipelines', 'cli.ts');
	if (!fs.existsSync(cli)) throw new PipelineCrashedError(`De importpijplijn is niet gevonden (${cli}). Start de server vanuit de map van de monitor of zet MONITOR_ROOT.`, '');
	// --import resolves tsx from the working directory: the checkout's node_modules.
	return { command: process.execPath, args: ['--import', 'tsx', cli, '--json', '--db', dbPath, ...args], cwd: root };
}

export async function runPipeline(args: readonly string[], opts: RunOptions = {}): Promise<RunOutcome> {
	const cmd = pipelineCommand(args, opts.dbPath);
	return new Promise((resolve, reject) => {
		const child = spawn(cmd.command, cmd.args, { cwd: cmd.cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let log = '';
		let pending = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => {
			pending += d;
			let nl: number;
			while ((nl = pending.indexOf('\n')) >= 0) {
				const line = pending.slice(0, nl);
				pending = pending.slice(nl + 1);
				const p = parseProgress(line);
				if (p) opts.onProgress?.(p);
				else if (log.length < 100_000) log += line + '\n';
			}
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? RUN_TIMEOUT_MS);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(new PipelineCrashedError(`De importpijplijn kon niet worden gestart: ${e.message}`, log));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			log += pending;
			const result = parseResult(stdout);
			if (result && code !== null && code <= 2) resolve({ code, result });
			else reject(new PipelineCrashedError(signal ? `De importpijplijn is gestopt (${signal}).` : `De importpijplijn stopte zonder resultaat (code ${code}).`, log + stdout));
		});
	});
}
