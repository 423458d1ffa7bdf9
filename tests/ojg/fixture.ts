// A hand-made database for the OJG-effect tests, with record keys (celsleutel) chosen by the test, so
// that every published count can be worked out by hand from the perturbation table
// (src/lib/server/disclosure/cellKey.ts). With all keys 0 a cell's key is 0, and the table gives:
//   true 1 → +0, 2 → -1, 3 → -2, 4 or more → -3 (the first column of each row with keys).
// A key of 128 gives +0 for 4 or more (128 lies in the "+0" block 93..162 of the >= 4 row).

import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_SQL, SCHEMA_VERSION, SEED_SQL } from '$contract/schema';

export interface Referral {
	datum: string;
	praktijk: string;
	bestemming?: string;
	leeftijd?: string;
	client?: string | null;
	sleutel?: number;
}

export interface Practice {
	code: string;
	gemeente: 'GM9901' | 'GM9902';
	/** registered 4-11-year-olds per year (the only 0-17 group loaded), by year */
	kinderen: Record<number, number>;
}

export interface Placement {
	praktijk: string;
	functie: string;
	start: string;
	eind?: string | null;
}

/** `n` referrals of one practice in a month (days 1..28), all with key `sleutel`. */
export function month(m: string, n: number, praktijk: string, extra: Partial<Referral> = {}): Referral[] {
	return Array.from({ length: n }, (_, i) => ({ datum: `${m}-${String((i % 28) + 1).padStart(2, '0')}`, praktijk, ...extra }));
}

/** `total` referrals spread over months as evenly as possible (the first months get the remainder). */
export function spread(months: string[], total: number, praktijk: string, extra: Partial<Referral> = {}): Referral[] {
	const base = Math.floor(total / months.length);
	const rest = total % months.length;
	return months.flatMap((m, i) => month(m, base + (i < rest ? 1 : 0), praktijk, extra));
}

/** YYYY-MM months from..to inclusive. */
export function months(from: string, to: string): string[] {
	const out: string[] = [];
	let [y, m] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	while (y < ty || (y === ty && m <= tm)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
	}
	return out;
}

const q = (v: string | number | null | undefined) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

/** Writes the database to `file`. Wijk WK990101 is in GM9901, WK990201 in GM9902. */
export async function createOjgDb(file: string, practices: Practice[], referrals: Referral[], placements: Placement[]): Promise<void> {
	const instance = await DuckDBInstance.create(file);
	const c = await instance.connect();
	await c.run(SCHEMA_SQL);
	await c.run(SEED_SQL);
	await c.run(`INSERT INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}'), ('updated_at', '2026-01-05T10:00:00Z')`);
	await c.run(`INSERT INTO wijken VALUES ('WK990101', 'Noord', 'GM9901', 'Testmaas', 1), ('WK990201', 'Centrum', 'GM9902', 'Proefdorp', 1)`);
	const wijk = (p: Practice) => (p.gemeente === 'GM9901' ? 'WK990101' : 'WK990201');
	await c.run(`INSERT INTO praktijken VALUES ${practices.map((p) => `(${q(p.code)}, ${q(`Praktijk ${p.code}`)}, ${q(wijk(p))}, 1)`).join(', ')}`);
	const pops = practices.flatMap((p) => Object.entries(p.kinderen).map(([jaar, n]) => `(${jaar}, ${q(p.code)}, '4-11', ${n}, 1)`));
	if (pops.length) await c.run(`INSERT INTO populatie_praktijk VALUES ${pops.join(', ')}`);
	const byCode = new Map(practices.map((p) => [p.code, p]));
	const rows = referrals.map(
		(r, i) =>
			`(${q(`V${i + 1}`)}, DATE ${q(r.datum)}, ${q(r.praktijk)}, ${q(wijk(byCode.get(r.praktijk)!))}, ${q(r.leeftijd ?? '4-11')}, 'huisarts', ${q(r.bestemming ?? 'jeugd_ggz')}, 'jeugd', ${q(r.client ?? null)}, NULL, 1, ${r.sleutel ?? 0})`
	);
	for (let i = 0; i < rows.length; i += 1000) await c.run(`INSERT INTO verwijzingen (verwijzing_id, datum, praktijk_code, wijk_code, leeftijdsgroep, verwijzer, bestemming, domein, client_pseudo, terugkoppeling_datum, load_id, celsleutel) VALUES ${rows.slice(i, i + 1000).join(',\n')}`);
	if (placements.length)
		await c.run(`INSERT INTO ojg_inzet VALUES ${placements.map((p) => `(${q(p.praktijk)}, ${q(p.functie)}, DATE ${q(p.start)}, ${p.eind ? `DATE ${q(p.eind)}` : 'NULL'}, 16, 1)`).join(', ')}`);
	await c.run(`INSERT INTO loads VALUES (1, 'fixture.csv', 'abc', 'verwijzingen', ${referrals.length}, ${referrals.length}, 0, 0, '[]', TIMESTAMP '2026-01-05 10:00:00', TIMESTAMP '2026-01-05 10:00:01', 'test')`);
	c.closeSync();
	instance.closeSync();
}
