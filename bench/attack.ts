// `npx tsx bench/attack.ts [--small] [--referrals N] [--seed S] [--D d] [--no-gemeente-filter] [--mip]
//   [--time-limit s] [--no-neighbourhood] [--no-control] [--cache file] [--list]`:
// the disclosure attack of tests/disclosure/referral-attack.test.ts on its fixture database,
// with the figures printed: how many published referral cells with a true count of 1..k-1 an
// LP attacker pins exactly, against the current exports with D = 0 (shown numbers exact: the old
// cell suppression) and D = MAX_PERTURBATION (the cell key method), and against a deliberately weak
// publication (true counts, "<k" for 1..k-1, nothing else hidden) as a control.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../src/lib/server/db/database';
import { MAX_PERTURBATION } from '../src/lib/server/disclosure/cellKey';
import { buildAttackFixture, DEFAULT_REFERRALS, DEFAULT_SEED } from '../tests/disclosure/attack/fixture';
import { gatherPublication } from '../tests/disclosure/attack/gather';
import { attack, type AttackResult } from '../tests/disclosure/attack/solver';
import { makeSpace } from '../tests/disclosure/attack/space';
import { readTruth } from '../tests/disclosure/attack/truth';
import { weakPublication } from '../tests/disclosure/attack/weak';

const K = 5;
const args = process.argv.slice(2);
const opt = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const referrals = Number(opt('--referrals') ?? DEFAULT_REFERRALS);
// --small: the cut-down fixture of the test (4 wijken, 3 practices, 12 months, 160 referrals).
const small = args.includes('--small');
const size = small ? { wijken: 4, months: 12, referrals: 160 } : { referrals };
const seed = Number(opt('--seed') ?? DEFAULT_SEED);
const onlyD = opt('--D');
const list = args.includes('--list');
const timeLimit = opt('--time-limit');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-attack-'));
try {
	const t0 = performance.now();
	const fx = await buildAttackFixture(dir, { seed, ...size });
	const db = new Database(fx.dbPath);
	const space = makeSpace(fx.reference);
	const truth = await readTruth(db, space);
	const tFixture = performance.now() - t0;
	// --cache FILE: keep the gathered tables between runs (the fixture is deterministic).
	const cache = opt('--cache');
	const pub =
		cache && fs.existsSync(cache)
			? (JSON.parse(fs.readFileSync(cache, 'utf8')) as Awaited<ReturnType<typeof gatherPublication>>)
			: await gatherPublication(db, space, { k: K, gemeenteFilter: !args.includes('--no-gemeente-filter') });
	if (cache && !fs.existsSync(cache)) fs.writeFileSync(cache, JSON.stringify(pub));
	console.log(
		`fixture: ${truth.total} referrals, ${space.wijken.length} wijken, ${space.praktijken.length - 1} practices, ${space.months.length} months (${(tFixture / 1000).toFixed(1)} s)`
	);
	console.log(`gathered: ${pub.requests} CSV exports, ${pub.cells.length} published count figures, ${pub.ratios.length} shares (${(pub.ms / 1000).toFixed(1)} s)`);

	const report = (label: string, r: AttackResult) => {
		console.log(
			`${label}: ${r.pinned.length} of ${r.small.length} small cells pinned (${r.smallPublished} published small figures); ` +
				`${r.decidedByMoves} shown unpinned by one/two-leaf moves, ${r.decidedByNeighbourhood} by ${r.neighbourhoodSolves} neighbourhood LP solves; LP ${r.variables} leaves (${r.columns} columns) x ${r.rows} rows, ${r.nonzeros} nonzeros; ${r.solves} solves${r.mipSolves ? ` (${r.mipSolves} integer)` : ''}; ` +
				`build ${(r.buildMs / 1000).toFixed(1)} s, solve ${(r.solveMs / 1000).toFixed(1)} s${r.failed !== null ? ` (LP FAILED, HiGHS status ${r.failed})` : r.complete ? '' : ` (time limit: ${r.undecided} cells undecided)`}`
		);
		if (r.violations.length) {
			console.log(`  ${r.violations.length} published figures the true table breaks under D = ${r.D}, e.g.:`);
			for (const v of r.violations.slice(0, 10)) console.log(`    ${v.source}: true ${v.trueValue}, assumed [${v.lo}, ${v.hi}]`);
		}
		if (r.wrongPins.length) console.log(`  ${r.wrongPins.length} pins on a wrong value`);
		for (const t of r.pinned.slice(0, list ? Infinity : 5)) console.log(`  pinned ${t.trueValue}: ${t.sources[0]} (shown ${t.published[0]}${t.sources.length > 1 ? `, +${t.sources.length - 1} more` : ''})`);
	};
	const mipCheck = args.includes('--mip');
	for (const D of onlyD === undefined ? [0, MAX_PERTURBATION] : [Number(onlyD)]) {
		report(`current exports, D = ${D}`, await attack(space, pub, truth, { D, k: K, mipCheck, neighbourhood: !args.includes('--no-neighbourhood'), timeLimitMs: timeLimit ? Number(timeLimit) * 1000 : undefined, log: (m) => console.error(`  [D = ${D}] ${m}`) }));
	}
	if (!args.includes('--no-control'))
		report('control: weak publication (true counts, <k only), D = 0', await attack(space, weakPublication(pub, space, truth, K), truth, { D: 0, k: K, mipCheck, timeLimitMs: timeLimit ? Number(timeLimit) * 1000 : undefined }));
	db.close();
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
