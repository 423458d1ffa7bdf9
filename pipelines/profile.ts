// Wall-clock time per step of an import, so that docs/performance.md can say where the time of a
// national import goes (bench/landelijk/ingest.ts prints it). Recording costs one performance.now()
// per step, so it is always on; nothing reads it unless asked.

export interface PhaseTime {
	/** A step of the import, e.g. `read_csv` or `insert` (English: this is for engineers). */
	name: string;
	ms: number;
}

let phases: PhaseTime[] = [];

/** Runs `fn` and adds its time to step `name` (steps with the same name add up). */
export async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
	const start = performance.now();
	try {
		return await fn();
	} finally {
		const ms = performance.now() - start;
		const known = phases.find((p) => p.name === name);
		if (known) known.ms += ms;
		else phases.push({ name, ms });
	}
}

/** The steps recorded since the last call, in the order they first ran; starts a new record. */
export function takePhases(): PhaseTime[] {
	const out = phases;
	phases = [];
	return out;
}

/** Starts step `name`; the returned function ends it (for steps that are not one call). */
export function startPhase(name: string): () => void {
	const start = performance.now();
	return () => {
		const ms = performance.now() - start;
		const known = phases.find((p) => p.name === name);
		if (known) known.ms += ms;
		else phases.push({ name, ms });
	};
}
