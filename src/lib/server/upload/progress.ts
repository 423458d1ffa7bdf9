// Progress of running checks and loads, for the page to poll (/beheer/upload/voortgang) while its
// form post waits. The page makes up a random token per submit and sends it with the form; the
// pipeline's progress lines are kept under it, for the user who submitted, until a while after
// the run ends. In memory: a progress indicator does not need to survive a restart.
import type { JsonProgress } from '$contract/ingestJson';

export interface FileProgress {
	file: string;
	dataset: string;
	phase: JsonProgress['phase'];
	done: number;
	total: number;
}

export interface RunProgress {
	/** 'controleren' or 'laden' (a dry run or a real one) */
	action: string;
	running: boolean;
	files: FileProgress[];
}

interface Entry extends RunProgress {
	owner: string;
	touched: number;
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const KEEP_MS = 10 * 60 * 1000;
const runs = new Map<string, Entry>();

export const isProgressToken = (t: unknown): t is string => typeof t === 'string' && TOKEN.test(t);

function sweep(now: number): void {
	for (const [token, e] of runs) if (now - e.touched > KEEP_MS) runs.delete(token);
}

/** Starts a run under `token`; returns the callback for the pipeline's progress lines. */
export function trackProgress(token: unknown, owner: string, action: string): { update: (p: JsonProgress) => void; finish: () => void } {
	if (!isProgressToken(token)) return { update: () => {}, finish: () => {} };
	const now = Date.now();
	sweep(now);
	const entry: Entry = { owner, action, running: true, files: [], touched: now };
	runs.set(token, entry);
	return {
		update(p) {
			entry.touched = Date.now();
			const f = entry.files.find((x) => x.file === p.file);
			const next = { file: p.file, dataset: p.dataset || f?.dataset || '', phase: p.phase, done: p.done, total: p.total };
			if (f) Object.assign(f, next);
			else entry.files.push(next);
		},
		finish() {
			entry.touched = Date.now();
			entry.running = false;
		}
	};
}

/** The run under `token`, if it is this owner's. */
export function readProgress(token: unknown, owner: string): RunProgress | null {
	if (!isProgressToken(token)) return null;
	const e = runs.get(token);
	if (!e || e.owner !== owner) return null;
	return { action: e.action, running: e.running, files: e.files.map((f) => ({ ...f })) };
}
