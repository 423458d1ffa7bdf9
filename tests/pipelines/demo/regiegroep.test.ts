// The regiegroep part of the demo data (pipelines/demo/regiegroep.ts): a portfolio that covers the
// driehoeken and has a history worth a meeting, and SWOT rounds that exercise both kinds of matching.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../../pipelines/demo/generate';
import { buildRegiegroep, SWOT_RONDES, VERGADERINGEN, writeRegiegroep } from '../../../pipelines/demo/regiegroep';
import { diffSwot } from '$lib/regiegroep/swot';
import { meetingChanges, overdueMilestones } from '$lib/regiegroep/werkplannen';
import type { Kwadrant } from '$contract/regiegroep';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const plannen = buildRegiegroep(DEMO_SEED);
const werkplannen = plannen.map((p) => ({ werkplan_id: p.id, titel: p.titel, thema: p.thema, driehoek: p.driehoek, trekker: p.trekker, partners: null, wijk_code: p.wijk, start: p.start, eind: p.eind, doel: p.doel }));
const mijlpalen = plannen.flatMap((p) => p.mijlpaalRows.map((m) => ({ werkplan_id: p.id, mijlpaal_id: m.id, omschrijving: m.omschrijving, deadline: m.deadline, gereed_op: m.gereed_op })));
const voortgang = plannen.flatMap((p) => p.updates.map((u) => ({ werkplan_id: p.id, ...u })));

describe('demo portfolio', () => {
	it('covers the three driehoeken and werkplannen outside them, in one focus wijk mostly', () => {
		const per = (d: string | null) => plannen.filter((p) => p.driehoek === d).length;
		expect(per('ouderen')).toBeGreaterThanOrEqual(3);
		expect(per('jeugd')).toBeGreaterThanOrEqual(3);
		expect(per('ggz')).toBeGreaterThanOrEqual(3);
		expect(per(null)).toBeGreaterThanOrEqual(3);
		expect(plannen.filter((p) => p.wijk === 'WK990105').length).toBeGreaterThan(plannen.length / 2);
	});

	it('has a status update before most meetings, and every status somewhere', () => {
		const meetings = new Set(voortgang.map((u) => u.vergadering));
		expect([...meetings].sort()).toEqual(VERGADERINGEN);
		const statuses = new Set(voortgang.map((u) => u.status));
		for (const s of ['niet_gestart', 'op_schema', 'aandacht', 'achter', 'afgerond', 'gestopt']) expect(statuses, s).toContain(s);
		// Every update is dated before its meeting, in the two weeks before it.
		for (const u of voortgang) {
			expect(u.datum < u.vergadering).toBe(true);
			expect(Date.parse(u.vergadering) - Date.parse(u.datum)).toBeLessThanOrEqual(14 * 86_400_000);
		}
	});

	it('gives the last meeting something to discuss: status changes, milestones reached and missed', () => {
		const last = VERGADERINGEN.at(-1)!;
		const c = meetingChanges(werkplannen, mijlpalen, voortgang, VERGADERINGEN.at(-2)!, last);
		expect(c.statuswijzigingen.length).toBeGreaterThanOrEqual(1);
		expect(c.bereikt.length).toBeGreaterThanOrEqual(1);
		expect(overdueMilestones(mijlpalen, last).length).toBeGreaterThanOrEqual(1);
		expect(c.nieuw.map((w) => w.werkplan_id)).toEqual([]);
		// Laaggeletterdheid started on 15-09-2025: new at the meeting of 28-10-2025.
		const oct = meetingChanges(werkplannen, mijlpalen, voortgang, '2025-09-09', '2025-10-28');
		expect(oct.nieuw.map((w) => w.werkplan_id)).toEqual(['WP-X06']);
	});

	it('writes no date after 2025 and no milestone reached after the end of the demo period', () => {
		for (const m of mijlpalen) {
			expect(m.deadline <= '2025-12-31').toBe(true);
			if (m.gereed_op) expect(m.gereed_op <= '2025-12-31').toBe(true);
		}
		for (const p of plannen) if (p.eind) expect(p.eind <= '2025-12-31').toBe(true);
	});
});

describe('demo SWOT rounds', () => {
	let rows: string[][];
	beforeAll(async () => {
		const dir = await mkdtemp(join(tmpdir(), 'demo-swot-'));
		try {
			await writeRegiegroep(dir, DEMO_SEED);
			const text = new TextDecoder('windows-1252').decode(await readFile(join(dir, 'swot.csv')));
			rows = text.trim().split('\n').slice(1).map((l) => l.split(';'));
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('writes three rounds for three wijken', () => {
		const rounds = new Map<string, Set<string>>();
		for (const r of rows) rounds.set(r[0], (rounds.get(r[0]) ?? new Set()).add(r[1]));
		expect([...rounds.keys()].sort()).toEqual(['WK990102', 'WK990105', 'WK990301']);
		for (const dates of rounds.values()) expect(dates.size).toBe(SWOT_RONDES.length);
	});

	it('lets Riëndonk (no ids, spelling varies per round) be matched on text', () => {
		const round = (d: string) =>
			rows.filter((r) => r[0] === 'WK990102' && r[1] === d).map((r) => ({ item_id: r[3] || null, kwadrant: r[2] as Kwadrant, omschrijving: r[4] }));
		const [r1, r2] = [round('15-03-2024'), round('15-11-2024')];
		expect(r1.every((i) => i.item_id === null)).toBe(true);
		// The spelling differs (a full stop in round 2) ...
		expect(r2.some((i) => i.omschrijving.endsWith('.'))).toBe(true);
		// ... yet all 8 items of round 1 are found again; S5 and B4 are new (see SWOT_WIJKEN).
		const d = diffSwot(r1, r2);
		const count = (f: 'nieuw' | 'opgelost') => Object.values(d).reduce((n, q) => n + q[f].length, 0);
		expect(Object.values(d).reduce((n, q) => n + q.gebleven.length, 0)).toBe(8);
		expect(count('nieuw')).toBe(2);
		expect(count('opgelost')).toBe(0);
	});
});
