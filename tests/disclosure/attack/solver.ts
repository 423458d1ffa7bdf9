// The attacker: every additive relation a reader would assume about the published tables, as one
// linear programme (HiGHS, the `highs` npm package), and for every published cell whose true count
// is 1..k-1 the smallest and largest value its sum can take. A cell is pinned when only one
// integer lies between them.
//
// Unknowns: the leaves (space.ts) that no published 0 rules out, each >= 0.
// Constraints, with D the largest perturbation the reader assumes (0 = shown numbers are exact):
// - a shown count v >= 1: true sum in [max(1, v - D), v + D]; a shown 0: true sum 0 (a true 0
//   stays 0 and only a true 0 is published as 0, in the old and in the new method);
// - "<k": true sum in [1, k - 1 + D];
// - "x" (hidden to protect another cell): nothing;
// - a count interval [lo, hi] from a rounded rate: [max(1, lo - D) or 0, hi + D];
// - a rounded share r in [lo, hi] of two published counts: part - hi*whole <= D(1 + hi) and
//   part - lo*whole >= -D(1 + lo) (the published counts are each within D of the true ones).
// Identical rows (the same leaves) are merged by intersecting their bounds.
//
// The LP relaxation is solved (leaves continuous): its range contains the integer range, and a
// cell counts as pinned when ceil(min - 1e-6) == floor(max + 1e-6). (`mipCheck` re-solves, as
// integer programmes, the cells whose rounded LP range holds exactly two integers.)
//
// Cost control, in three passes; every pass only ever proves "not pinned", so only the cells the
// first two cannot move reach the full LP, which alone decides "pinned":
// 1. moves: the true table (feasible by construction, checked: `violations`) with one leaf of the
//    cell +-1, possibly repaired by one other leaf +-1: an integer table that satisfies every row
//    and moves the cell by 1 shows it is not pinned (even for an integer attacker);
// 2. neighbourhood LPs: all leaves fixed at their true values except up to 150 near the cell; a
//    solution of that small LP is a feasible table of the full LP;
// 3. the full LP: one model, two objectives (min, max) per remaining cell, only the costs change
//    between solves (warm start). Every solution found also widens the observed range of all cells.

import loadHighs, { type Highs } from 'highs';
import { forEachLeaf, type Space } from './space';
import type { Publication, Published } from './gather';
import type { Truth } from './truth';

export interface AttackOptions {
	/** the largest perturbation the reader assumes (0: shown numbers are exact) */
	D: number;
	k: number;
	/** random objectives tried before the per-cell solves (default 0) */
	probes?: number;
	/** also solve the integer programme for cells whose LP range holds exactly two integers (default false) */
	mipCheck?: boolean;
	/** false: only build the constraints and check the true table against them (default true) */
	solve?: boolean;
	/** progress messages (every 250 solves) */
	log?: (message: string) => void;
	/** try neighbourhood LPs before the full LP (default true) */
	neighbourhood?: boolean;
	/** at most this many small cells get full-LP solves (in order); the rest stay undecided */
	maxFullLpCells?: number;
	/** give up after this many ms (the result then says `complete: false`) */
	timeLimitMs?: number;
}

export interface SmallCell {
	/** the published figures that are this cell (same leaves) */
	sources: string[];
	published: string[];
	trueValue: number;
	min: number;
	max: number;
	pinned: boolean;
	/** left unsolved by the time limit */
	undecided?: boolean;
}

export interface Violation {
	source: string;
	trueValue: number;
	lo: number;
	hi: number;
}

export interface AttackResult {
	D: number;
	variables: number;
	/** leaves plus auxiliary sum columns */
	columns: number;
	rows: number;
	nonzeros: number;
	/** published count cells with a true count of 1..k-1 (every occurrence) */
	smallPublished: number;
	/** distinct small cells (by their set of leaves) */
	small: SmallCell[];
	pinned: SmallCell[];
	/** small cells the time limit left unsolved */
	undecided: number;
	/** pinned cells whose pinned value is not the true value (impossible unless a constraint is false) */
	wrongPins: SmallCell[];
	/** published figures the true table does not satisfy under the assumed D */
	violations: Violation[];
	/** small cells shown not pinned by a one- or two-leaf move of the true table (no LP needed) */
	decidedByMoves: number;
	/** small cells shown not pinned by a neighbourhood LP */
	decidedByNeighbourhood: number;
	neighbourhoodSolves: number;
	solves: number;
	mipSolves: number;
	complete: boolean;
	/** HiGHS status when the LP failed (8 = infeasible), else null */
	failed: number | null;
	buildMs: number;
	solveMs: number;
}

/** The LP did not solve to optimality (infeasible: some published figure the true table breaks). */
class LpFailed extends Error {
	constructor(readonly status: number) {
		super(`the attack LP ended with HiGHS status ${status}`);
	}
}

let highsPromise: Promise<Highs> | undefined;
export const highs = () => (highsPromise ??= loadHighs());

const EPS = 1e-6;

function bounds(p: Published, D: number, k: number): { lo: number; hi: number } | null {
	if (p.kind === 'hidden') return null;
	if (p.kind === 'small') return { lo: 1, hi: k - 1 + D };
	if (p.hi === 0) return { lo: 0, hi: 0 };
	return { lo: p.lo >= 1 ? Math.max(1, p.lo - D) : 0, hi: p.hi + D };
}

const describe = (p: Published, k: number) =>
	p.kind === 'hidden' ? 'x' : p.kind === 'small' ? `<${k}` : p.lo === p.hi ? String(p.lo) : `${p.lo}..${p.hi}`;

interface Row {
	vars: number[];
	coef: number[] | null; // null: all 1
	lo: number;
	hi: number;
}

export async function attack(s: Space, pub: Publication, truth: Truth, opts: AttackOptions): Promise<AttackResult> {
	const t0 = performance.now();
	const { D, k } = opts;
	const violations: Violation[] = [];

	// 1. Published zeros rule leaves out.
	const zero = new Uint8Array(s.size);
	const boxed = pub.cells.map((c) => ({ c, b: bounds(c.published, D, k) }));
	for (const { c, b } of boxed) if (b && b.hi === 0) forEachLeaf(s, c.box, (i) => (zero[i] = 1));
	const varOf = new Int32Array(s.size).fill(-1);
	const leafOf: number[] = [];
	for (let i = 0; i < s.size; i++) if (!zero[i]) varOf[i] = leafOf.push(i) - 1;

	const varsOf = (box: Parameters<typeof forEachLeaf>[1]) => {
		const vars: number[] = [];
		let trueValue = 0;
		forEachLeaf(s, box, (i) => {
			trueValue += truth.counts[i];
			if (varOf[i] >= 0) vars.push(varOf[i]);
		});
		return { vars: vars.sort((a, b) => a - b), trueValue };
	};

	// 2. Count rows (merged by leaf set) and the small cells.
	const rows = new Map<string, Row>();
	const small = new Map<string, SmallCell & { vars: number[] }>();
	let smallPublished = 0;
	for (const { c, b } of boxed) {
		const { vars, trueValue } = varsOf(c.box);
		if (b && (trueValue < b.lo || trueValue > b.hi)) violations.push({ source: c.source, trueValue, lo: b.lo, hi: b.hi });
		const key = vars.join(',');
		if (b && vars.length > 0) {
			const r = rows.get(key);
			if (r) {
				r.lo = Math.max(r.lo, b.lo);
				r.hi = Math.min(r.hi, b.hi);
			} else rows.set(key, { vars, coef: null, lo: b.lo, hi: b.hi });
		}
		if (c.countCell && trueValue >= 1 && trueValue <= k - 1) {
			smallPublished++;
			const t = small.get(key) ?? { vars, sources: [], published: [], trueValue, min: NaN, max: NaN, pinned: false };
			t.sources.push(c.source);
			t.published.push(describe(c.published, k));
			small.set(key, t);
		}
	}
	const allRows: Row[] = [...rows.values()];

	// 3. Ratio rows. A share's whole (and a large part) is an auxiliary column fixed to the sum of its
	// leaves by one row, so the many shares of one destination block stay sparse.
	const n = leafOf.length;
	const auxOf = new Map<string, number>();
	let columns = n;
	const sumColumn = (vars: number[]): number => {
		if (vars.length === 1) return vars[0];
		const key = vars.join(',');
		let col = auxOf.get(key);
		if (col === undefined) {
			col = columns++;
			auxOf.set(key, col);
			allRows.push({ vars: [...vars, col], coef: [...vars.map(() => 1), -1], lo: 0, hi: 0 });
		}
		return col;
	};
	const ratioRows = new Map<string, { part: number; whole: number; lo: number; hi: number }>();
	for (const r of pub.ratios) {
		const part = varsOf(r.part);
		const whole = varsOf(r.whole);
		const tv = { p: part.trueValue, w: whole.trueValue };
		const upperOk = tv.p - r.hi * tv.w <= D * (1 + r.hi) + EPS;
		const lowerOk = tv.p - r.lo * tv.w >= -D * (1 + r.lo) - EPS;
		if (!upperOk || !lowerOk) violations.push({ source: r.source, trueValue: tv.p / Math.max(1, tv.w), lo: r.lo, hi: r.hi });
		if (whole.vars.length === 0) continue;
		const key = `${part.vars.join(',')}/${whole.vars.join(',')}`;
		const prev = ratioRows.get(key);
		if (prev) {
			prev.lo = Math.max(prev.lo, r.lo);
			prev.hi = Math.min(prev.hi, r.hi);
			continue;
		}
		ratioRows.set(key, { part: part.vars.length ? sumColumn(part.vars) : -1, whole: sumColumn(whole.vars), lo: r.lo, hi: r.hi });
	}
	for (const { part, whole, lo, hi } of ratioRows.values()) {
		// part - hi * whole <= D (1 + hi), part - lo * whole >= -D (1 + lo)
		const vars = part < 0 ? [whole] : [part, whole];
		allRows.push({ vars, coef: part < 0 ? [-hi] : [1, -hi], lo: -Infinity, hi: D * (1 + hi) });
		allRows.push({ vars, coef: part < 0 ? [-lo] : [1, -lo], lo: -D * (1 + lo), hi: Infinity });
	}

	// 4. The model.
	const h = await highs();
	const colUpper = new Float64Array(columns).fill(h.infinity);
	for (const r of rows.values()) for (const v of r.vars) colUpper[v] = Math.min(colUpper[v], r.hi);
	let nonzeros = 0;
	for (const r of allRows) nonzeros += r.vars.length;
	const starts = new Int32Array(allRows.length + 1);
	const indices = new Int32Array(nonzeros);
	const values = new Float64Array(nonzeros);
	let at = 0;
	allRows.forEach((r, i) => {
		starts[i] = at;
		r.vars.forEach((v, j) => {
			indices[at] = v;
			values[at++] = r.coef ? r.coef[j] : 1;
		});
	});
	starts[allRows.length] = at;
	const inf = (x: number) => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
	const targets = [...small.values()];
	const result: AttackResult = {
		D,
		variables: n,
		columns,
		rows: allRows.length,
		nonzeros,
		smallPublished,
		small: targets,
		pinned: [],
		undecided: 0,
		wrongPins: [],
		violations,
		decidedByMoves: 0,
		decidedByNeighbourhood: 0,
		neighbourhoodSolves: 0,
		solves: 0,
		mipSolves: 0,
		complete: true,
		failed: null,
		buildMs: performance.now() - t0,
		solveMs: 0
	};
	if (opts.solve === false) {
		result.complete = false;
		return result;
	}
	if (n === 0) {
		for (const t of targets) Object.assign(t, { min: t.trueValue, max: t.trueValue, pinned: true });
		result.pinned = targets;
		return result;
	}
	opts.log?.(`model: ${n} leaves, ${columns} columns, ${allRows.length} rows, ${nonzeros} nonzeros, ${targets.length} small cells, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	const t1 = performance.now();
	const model = h.createModel({
		numCols: columns,
		numRows: allRows.length,
		colCost: new Float64Array(columns),
		colLower: new Float64Array(columns),
		colUpper,
		rowLower: Float64Array.from(allRows, (r) => inf(r.lo)),
		rowUpper: Float64Array.from(allRows, (r) => inf(r.hi)),
		matrix: { format: 'csr', numRows: allRows.length, numCols: columns, starts, indices, values }
	});
	try {
		model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
		// Observed range of every small cell over all feasible tables found so far (the true one first).
		const obsLo = targets.map((t) => t.trueValue);
		const obsHi = targets.map((t) => t.trueValue);
		const undecided = () => targets.flatMap((t, i) => (Math.ceil(obsLo[i] - EPS) < Math.floor(obsHi[i] + EPS) ? [] : [i]));
		const absorb = (x: Float64Array) => {
			targets.forEach((t, i) => {
				let sum = 0;
				for (const v of t.vars) sum += x[v];
				if (sum < obsLo[i]) obsLo[i] = sum;
				if (sum > obsHi[i]) obsHi[i] = sum;
			});
		};
		// Local moves: the true table with one leaf of a small cell one up or down (and every sum column
		// that holds it; possibly with one other leaf moved to repair a broken row) is checked against
		// every row it touches. A move that keeps every row satisfied is a feasible integer table in
		// which the cell differs by 1 from the truth: not pinned, and no LP needed for it.
		const xTrue = new Float64Array(columns);
		leafOf.forEach((leaf, v) => (xTrue[v] = truth.counts[leaf]));
		for (const [key, col] of auxOf) for (const v of key.split(',')) xTrue[col] += xTrue[Number(v)];
		const activity = new Float64Array(allRows.length);
		const rowsOfCol: { row: number; coef: number }[][] = Array.from({ length: columns }, () => []);
		allRows.forEach((r, i) => {
			r.vars.forEach((v, j) => {
				const coef = r.coef ? r.coef[j] : 1;
				activity[i] += coef * xTrue[v];
				rowsOfCol[v].push({ row: i, coef });
			});
		});
		const auxOfLeaf: number[][] = Array.from({ length: n }, () => []);
		for (const [key, col] of auxOf) for (const v of key.split(',')) auxOfLeaf[Number(v)].push(col);
		const changeOf = (v: number, delta: number, change = new Map<number, number>()) => {
			for (const col of [v, ...auxOfLeaf[v]]) for (const { row, coef } of rowsOfCol[col]) change.set(row, (change.get(row) ?? 0) + coef * delta);
			return change;
		};
		const broken = (change: Map<number, number>) => {
			const out: number[] = [];
			for (const [row, d] of change) {
				const a = activity[row] + d;
				if (a < allRows[row].lo - EPS || a > allRows[row].hi + EPS) out.push(row);
			}
			return out;
		};
		const inBounds = (v: number, delta: number) => xTrue[v] + delta >= 0 && xTrue[v] + delta <= colUpper[v];
		// One leaf of the cell moves by delta; when that breaks rows, a second leaf outside the cell
		// that sits in the first broken row may move by +-1 to repair them.
		const moveWorks = (cell: ReadonlySet<number>, v: number, delta: number): boolean => {
			if (!inBounds(v, delta)) return false;
			const first = changeOf(v, delta);
			const rows = broken(first);
			if (rows.length === 0) return true;
			// Repair only through the smallest broken row, and only a small one (this is a cheap first pass).
			const smallest = rows.reduce((a, b) => (allRows[b].vars.length < allRows[a].vars.length ? b : a));
			if (allRows[smallest].vars.length > 40) return false;
			for (const w of allRows[smallest].vars) {
				if (w >= n || cell.has(w) || w === v) continue;
				for (const d2 of [1, -1]) {
					if (!inBounds(w, d2)) continue;
					if (broken(changeOf(w, d2, new Map(first))).length === 0) return true;
				}
			}
			return false;
		};
		targets.forEach((t, i) => {
			const cell = new Set(t.vars);
			for (const v of t.vars) {
				if (moveWorks(cell, v, 1)) obsHi[i] = Math.max(obsHi[i], t.trueValue + 1);
				else if (moveWorks(cell, v, -1)) obsLo[i] = Math.min(obsLo[i], t.trueValue - 1);
				if (obsHi[i] > t.trueValue || obsLo[i] < t.trueValue) break;
			}
		});
		result.decidedByMoves = targets.length - undecided().length;
		opts.log?.(`moves: ${result.decidedByMoves} of ${targets.length} small cells shown not pinned, ${((performance.now() - t0) / 1000).toFixed(1)} s`);

		// Neighbourhood LPs: every leaf outside the cell's neighbourhood (the leaves of the small rows
		// that hold the cell's leaves) is fixed at its true value, the rest is free. A solution of this
		// small LP, with the fixed leaves, is a feasible table of the full LP, so when it moves the
		// cell's sum by 1 or more the cell is not pinned; only the cells it cannot move need the full LP.
		const neighbourhood = (t: SmallCell & { vars: number[] }, i: number) => {
			const free = new Set<number>(t.vars);
			// The leaves of the small rows holding the cell's leaves, smallest rows first, at most 150.
			const near = t.vars.flatMap((v) => rowsOfCol[v].map(({ row }) => row)).filter((row) => allRows[row].vars.length <= 40);
			near.sort((a, b) => allRows[a].vars.length - allRows[b].vars.length);
			for (const row of near) {
				if (free.size >= 150) break;
				for (const w of allRows[row].vars) if (w < n) free.add(w);
			}
			for (const v of [...free]) for (const a of auxOfLeaf[v]) free.add(a);
			const cols = [...free];
			const local = new Map(cols.map((c, j) => [c, j]));
			const rowSet = new Set<number>();
			for (const c of cols) for (const { row } of rowsOfCol[c]) rowSet.add(row);
			const rowList = [...rowSet];
			const st = new Int32Array(rowList.length + 1);
			const idx: number[] = [];
			const val: number[] = [];
			const lo = new Float64Array(rowList.length);
			const hi = new Float64Array(rowList.length);
			rowList.forEach((row, j) => {
				st[j] = idx.length;
				const r = allRows[row];
				let freeTrue = 0;
				r.vars.forEach((v, q) => {
					const j2 = local.get(v);
					if (j2 === undefined) return;
					const coef = r.coef ? r.coef[q] : 1;
					freeTrue += coef * xTrue[v];
					idx.push(j2);
					val.push(coef);
				});
				const fixed = activity[row] - freeTrue;
				lo[j] = r.lo === -Infinity ? -h.infinity : r.lo - fixed;
				hi[j] = r.hi === Infinity ? h.infinity : r.hi - fixed;
			});
			st[rowList.length] = idx.length;
			const cost = new Float64Array(cols.length);
			for (const v of t.vars) cost[local.get(v)!] = 1;
			const sub = h.createModel({
				numCols: cols.length,
				numRows: rowList.length,
				colCost: cost,
				colLower: new Float64Array(cols.length),
				colUpper: Float64Array.from(cols, (c) => (c < n ? colUpper[c] : h.infinity)),
				rowLower: lo,
				rowUpper: hi,
				matrix: { format: 'csr', numRows: rowList.length, numCols: cols.length, starts: st, indices: Int32Array.from(idx), values: Float64Array.from(val) }
			});
			try {
				sub.options.set({ output_flag: false });
				for (const sense of [h.constants.objectiveSense.minimize, h.constants.objectiveSense.maximize]) {
					result.neighbourhoodSolves++;
					sub.changeObjectiveSense(sense);
					const status = sub.run().modelStatus;
					if (status === h.constants.modelStatus.unbounded) {
						obsHi[i] = Infinity;
						return;
					}
					if (status !== h.constants.modelStatus.optimal) return;
					const value = sub.getObjectiveValue();
					obsLo[i] = Math.min(obsLo[i], value);
					obsHi[i] = Math.max(obsHi[i], value);
					if (Math.ceil(obsLo[i] - EPS) < Math.floor(obsHi[i] + EPS)) return;
				}
			} finally {
				sub.dispose();
			}
		};
		if (opts.neighbourhood !== false) for (const i of undecided()) neighbourhood(targets[i], i);
		result.decidedByNeighbourhood = targets.length - result.decidedByMoves - undecided().length;
		opts.log?.(`neighbourhood LPs: ${result.decidedByNeighbourhood} more, ${undecided().length} left for the full LP, ${((performance.now() - t0) / 1000).toFixed(1)} s`);

		const { minimize, maximize } = h.constants.objectiveSense;
		const solve = (costs: Float64Array, sense: typeof minimize): number => {
			result.solves++;
			if (opts.log && result.solves % 25 === 0) opts.log(`${result.solves} solves, ${((performance.now() - t1) / 1000).toFixed(1)} s, ${undecided().length} cells undecided`);
			model.changeObjectiveSense(sense);
			model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, costs);
			const status = model.run().modelStatus;
			if (status === h.constants.modelStatus.unbounded || status === h.constants.modelStatus.unboundedOrInfeasible) {
				return sense === maximize ? Infinity : -Infinity;
			}
			if (status !== h.constants.modelStatus.optimal) throw new LpFailed(status);
			absorb(model.getSolution().colValue);
			return model.getObjectiveValue();
		};
		const costsFor = (vars: readonly number[]) => {
			const c = new Float64Array(columns);
			for (const v of vars) c[v] = 1;
			return c;
		};

		// Optional probes: the sum of all small cells up and down, and random directions (seeded).
		let seed = 12345;
		const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
		const union = [...new Set(targets.flatMap((t) => t.vars))];
		if (targets.length && (opts.probes ?? 0) > 0) {
			solve(costsFor(union), minimize);
			solve(costsFor(union), maximize);
			for (let p = 0; p < opts.probes!; p++) {
				const c = Float64Array.from({ length: columns }, (_, i) => (i < n ? rnd() * 2 - 1 : 0));
				solve(c, minimize);
			}
		}

		// Full-LP solves for what the moves, neighbourhoods and probes did not decide.
		const deadline = opts.timeLimitMs === undefined ? Infinity : t1 + opts.timeLimitMs;
		for (const i of undecided().slice(0, opts.maxFullLpCells ?? Infinity)) {
			const t = targets[i];
			if (performance.now() > deadline) {
				result.complete = false;
				break;
			}
			if (Math.ceil(obsLo[i] - EPS) < Math.floor(obsHi[i] + EPS)) continue; // decided by an earlier solve
			const c = costsFor(t.vars);
			t.min = solve(c, minimize);
			if (Math.ceil(t.min - EPS) < t.trueValue) {
				t.max = Math.max(t.trueValue, obsHi[i]);
				continue;
			}
			t.max = solve(c, maximize);
		}
		for (const [i, t] of targets.entries()) {
			const open = Number.isNaN(t.min) && Math.ceil(obsLo[i] - EPS) === Math.floor(obsHi[i] + EPS);
			if (Number.isNaN(t.min)) t.min = obsLo[i];
			if (Number.isNaN(t.max)) t.max = obsHi[i];
			// A cell the time limit left unsolved is undecided, not pinned.
			t.undecided = open;
			t.pinned = !open && Math.ceil(t.min - EPS) === Math.floor(t.max + EPS);
		}

		// Optional: integer programmes where the LP leaves exactly two integers.
		if (opts.mipCheck) {
			const near = targets.filter((t) => !t.pinned && Math.floor(t.max + EPS) - Math.ceil(t.min - EPS) === 1);
			if (near.length) {
				model.changeColsIntegrality({ kind: 'range', from: 0, to: columns - 1 }, new Int32Array(columns).fill(h.constants.variableType.integer));
				for (const t of near) {
					if (performance.now() > deadline) {
						result.complete = false;
						break;
					}
					const c = costsFor(t.vars);
					result.mipSolves++;
					const lo = solve(c, minimize);
					result.mipSolves++;
					const hi = lo < t.trueValue - 0.5 ? t.max : solve(c, maximize);
					t.min = Math.max(t.min, lo);
					t.max = Math.min(t.max, hi);
					t.pinned = Math.ceil(t.min - EPS) === Math.floor(t.max + EPS);
				}
			}
		}
	} catch (e) {
		if (!(e instanceof LpFailed)) throw e;
		result.failed = e.status;
		result.complete = false;
	} finally {
		model.dispose();
	}
	result.pinned = targets.filter((t) => t.pinned);
	result.undecided = targets.filter((t) => t.undecided).length;
	if (result.undecided > 0) result.complete = false;
	result.wrongPins = result.pinned.filter((t) => Math.ceil(t.min - EPS) !== t.trueValue);
	result.solveMs = performance.now() - t1;
	return result;
}
