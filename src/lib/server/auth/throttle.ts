// Slows down password guessing: after too many failed sign-ins for one account, or from one
// address, within a window, further attempts are refused until the window has passed. Counted in
// this process's memory; a successful sign-in clears the account's count.

export interface ThrottleRule {
	/** Failures allowed within `windowMs` before attempts are refused. */
	max: number;
	windowMs: number;
}

export class Throttle {
	readonly #failures = new Map<string, number[]>();

	constructor(readonly rule: ThrottleRule) {}

	#recent(key: string, now: number): number[] {
		const list = (this.#failures.get(key) ?? []).filter((t) => now - t < this.rule.windowMs);
		if (list.length) this.#failures.set(key, list);
		else this.#failures.delete(key);
		return list;
	}

	/** How long until another attempt is allowed (0: now). */
	waitMs(key: string, now = Date.now()): number {
		const list = this.#recent(key, now);
		if (list.length < this.rule.max) return 0;
		return list[list.length - this.rule.max] + this.rule.windowMs - now;
	}

	fail(key: string, now = Date.now()): void {
		this.#failures.set(key, [...this.#recent(key, now), now]);
	}

	clear(key: string): void {
		this.#failures.delete(key);
	}
}
