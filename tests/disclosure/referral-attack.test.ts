// The disclosure attack (issue 12, part 4) on referral counts: a fixture database with many small
// cells (tests/disclosure/attack/fixture.ts, loaded with the real ingest), the published referral
// tables a reader can request through the CSV exports (attack/gather.ts), and an LP attacker that
// uses every additive relation a reader would assume (attack/solver.ts). With the cell key method
// and D = MAX_PERTURBATION it must pin no true count of 1..k-1; against a deliberately weak
// publication of the same tables it must pin some (the control that shows the attack works).
//
// To stay well under a minute on a busy machine the test uses a cut-down fixture (one gemeente:
// 4 wijken, 3 practices, 12 months, 160 referrals) and 6 of the 10 leeftijd values (alle, both
// aggregates and three single groups); `npx tsx bench/attack.ts` runs the full fixture (2
// gemeenten, 7 wijken, 5 practices, 24 months, 420 referrals) over every filter value and prints
// the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '$lib/server/db/database';
import { MAX_PERTURBATION } from '$lib/server/disclosure/cellKey';
import { buildAttackFixture } from './attack/fixture';
import { gatherPublication, type Publication } from './attack/gather';
import { attack } from './attack/solver';
import { makeSpace, type Space } from './attack/space';
import { readTruth, trueCount, type Truth } from './attack/truth';
import { weakPublication } from './attack/weak';

const K = 5;
const LEEFTIJDEN = ['alle', '0-17', '18+', '4-11', '23-64', '75+'];
let dir: string;
let db: Database;
let space: Space;
let truth: Truth;
let pub: Publication;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-attack-'));
	const fx = await buildAttackFixture(dir, { wijken: 4, months: 12, referrals: 160 });
	db = new Database(fx.dbPath);
	space = makeSpace(fx.reference);
	truth = await readTruth(db, space);
	pub = await gatherPublication(db, space, { k: K, gemeenteFilter: false, leeftijden: LEEFTIJDEN });
}, 120_000);

afterAll(() => {
	db?.close();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the attack fixture and the gathered tables', () => {
	it('has many small cells: most non-zero wijk x month x lijn counts of one age group are 1..4', () => {
		const cells = pub.cells.filter((c) => c.countCell && /^verwijzingen\.csv\?niveau=wijk&periode=maand&lijn=[012]&leeftijd=(4-11|23-64|75%2B) /.test(c.source));
		const counts = cells.map((c) => trueCount(truth, space, c.box)).filter((n) => n > 0);
		expect(counts.length).toBeGreaterThan(50);
		expect(counts.filter((n) => n < K).length / counts.length).toBeGreaterThan(0.9);
	});

	it('reads the three referral exports, every count cell a number or <k', () => {
		for (const name of ['verwijzingen.csv', 'bestemmingen.csv', 'kerncijfers.csv']) expect(pub.cells.some((c) => c.source.startsWith(name))).toBe(true);
		expect(pub.requests).toBeGreaterThan(400);
		expect(pub.ratios.length).toBeGreaterThan(200);
	});

	it('is perturbed: with D = 0 (shown numbers exact) the true table breaks published counts', async () => {
		const exact = await attack(space, pub, truth, { D: 0, k: K, solve: false });
		expect(exact.violations.length).toBeGreaterThan(0);
	});

	it(`keeps every published figure within D = ${MAX_PERTURBATION} of the truth (zeros exact, shares and rates consistent)`, async () => {
		const r = await attack(space, pub, truth, { D: MAX_PERTURBATION, k: K, solve: false });
		expect(r.violations).toEqual([]);
	});
});

describe('the attack', () => {
	it(`pins no true count of 1..${K - 1} in the published tables (cell key method, D = ${MAX_PERTURBATION})`, async () => {
		const r = await attack(space, pub, truth, { D: MAX_PERTURBATION, k: K, timeLimitMs: 60_000 });
		expect(r.failed).toBeNull();
		expect(r.small.length).toBeGreaterThan(200);
		expect(r.pinned.map((t) => `${t.sources[0]}: ${t.trueValue}`)).toEqual([]);
		expect(r.undecided).toBe(0);
	}, 150_000);

	it('pins small counts of a weak publication of the same tables (true counts, <k only): the attack works', async () => {
		const weak = weakPublication(pub, space, truth, K);
		const r = await attack(space, weak, truth, { D: 0, k: K, neighbourhood: false, maxFullLpCells: 10, timeLimitMs: 60_000 });
		expect(r.failed).toBeNull();
		expect(r.violations).toEqual([]);
		expect(r.pinned.length).toBeGreaterThanOrEqual(5);
		expect(r.wrongPins).toEqual([]);
	}, 120_000);
});
