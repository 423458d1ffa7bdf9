// National-scale exports in the import contract's format, for the benchmark (issue 14):
// 350 gemeenten, 3,000 wijken, 5,000 practices, ten years (2016-2025) and 10 million referrals by
// default, with populatie in both shapes, bestemmingen, ojg_inzet placements and a small survey.
// Seeded: the same options give the same bytes. Written as streams, so no file is held in memory.
//
//   npx tsx bench/landelijk/generate.ts --uit /tmp/landelijk [--verwijzingen 1000000] [--seed 1]
//
// The demo generator's logic is reused where it is a per-referral rule: the referral rates per
// bestemming and age group (HIS_RATES), the yearly trend per lijn, the seasonal pattern, and who
// refers (pickHisVerwijzer) to which domein (pickDomein). The demo's per-unit Poisson model is not:
// it plants effects for twelve wijken and would need the populations of 5,000 practices in memory
// per month; here referrals are drawn one at a time from the same marginal distributions.

import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { DEFAULT_BESTEMMINGEN, LEEFTIJDSGROEPEN } from '../../contract/codes';
import { HIS_RATES, SEIZOEN, pickDomein, pickHisVerwijzer, trendFactor } from '../../pipelines/demo/model';
import { pickIndex, rngFor, type Rng } from '../../pipelines/demo/random';

export interface LandelijkOptions {
	/** Referral rows in verwijzingen.csv (default 10,000,000). */
	verwijzingen?: number;
	gemeenten?: number;
	wijken?: number;
	praktijken?: number;
	/** First year; ten years from it (default 2016). */
	startJaar?: number;
	jaren?: number;
	seed?: number;
}

export interface LandelijkFile {
	file: string;
	dataset: string;
	rows: number;
	bytes: number;
}

export const LANDELIJK_DEFAULTS = {
	verwijzingen: 10_000_000,
	gemeenten: 350,
	wijken: 3_000,
	praktijken: 5_000,
	startJaar: 2016,
	jaren: 10,
	seed: 20160101
} as const;

/** Buffered line writer on a file stream that respects back-pressure. */
class LineWriter {
	#stream: fs.WriteStream;
	#buf: string[] = [];
	#size = 0;
	rows = 0;
	constructor(readonly file: string) {
		this.#stream = fs.createWriteStream(file);
	}
	async line(text: string): Promise<void> {
		this.#buf.push(text);
		this.#size += text.length + 1;
		this.rows++;
		if (this.#size > 1 << 20) await this.flush();
	}
	async flush(): Promise<void> {
		if (this.#buf.length === 0) return;
		const chunk = this.#buf.join('\n') + '\n';
		this.#buf = [];
		this.#size = 0;
		if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
	}
	async close(): Promise<number> {
		await this.flush();
		this.#stream.end();
		await once(this.#stream, 'finish');
		return fs.statSync(this.file).size;
	}
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m, d) / 86_400_000);

interface World {
	gemeenten: string[];
	/** wijk code -> index of its gemeente */
	wijken: { code: string; gemeente: number; inwoners: number; ageWeights: number[] }[];
	praktijken: { code: string; wijk: number; patienten: number }[];
}

/** Codes outside the real CBS ranges would collide at 350 gemeenten; these are fictitious anyway. */
function buildWorld(o: Required<LandelijkOptions>): World {
	const rng = rngFor(o.seed, 'landelijk-wereld');
	const gemeenten = Array.from({ length: o.gemeenten }, (_, i) => `GM${pad(i + 1, 4)}`);
	const wijken: World['wijken'] = [];
	const perGemeente = new Array<number>(o.gemeenten).fill(0);
	for (let w = 0; w < o.wijken; w++) {
		// Every gemeente gets at least one wijk; the rest lean towards the first (larger) gemeenten.
		const g = w < o.gemeenten ? w : Math.min(o.gemeenten - 1, Math.floor(o.gemeenten * rng() ** 1.6));
		perGemeente[g]++;
		const young = 0.6 + rng() * 0.8;
		const old = 0.6 + rng() * 0.8;
		wijken.push({
			code: `WK${pad(g + 1, 4)}${pad(perGemeente[g], 2)}`,
			gemeente: g,
			inwoners: Math.round(2000 + rng() * 12000),
			ageWeights: [0.04 * young, 0.08 * young, 0.06 * young, 0.06, 0.52, 0.13 * old, 0.11 * old]
		});
	}
	const praktijken: World['praktijken'] = [];
	for (let p = 0; p < o.praktijken; p++) {
		praktijken.push({ code: `P${pad(p + 1, 5)}`, wijk: p < o.wijken ? p : Math.floor(rng() * o.wijken), patienten: Math.round(1500 + rng() * 6000) });
	}
	// Wijk codes must be unique: at most 99 wijken per gemeente.
	if (perGemeente.some((n) => n > 99)) throw new Error('te veel wijken per gemeente voor WK + 4 + 2 cijfers');
	return { gemeenten, wijken, praktijken };
}

/** Writes the national exports into `outDir`; returns what was written. */
export async function generateLandelijk(outDir: string, options: LandelijkOptions = {}): Promise<LandelijkFile[]> {
	const o: Required<LandelijkOptions> = { ...LANDELIJK_DEFAULTS, ...options };
	fs.mkdirSync(outDir, { recursive: true });
	const world = buildWorld(o);
	const out: LandelijkFile[] = [];
	const years = Array.from({ length: o.jaren }, (_, i) => o.startJaar + i);
	const write = async (file: string, dataset: string, header: string, fill: (w: LineWriter) => Promise<void>) => {
		const w = new LineWriter(path.join(outDir, file));
		await w.line(header);
		await fill(w);
		const bytes = await w.close();
		out.push({ file, dataset, rows: w.rows - 1, bytes });
	};

	await write('wijken.csv', 'wijken', 'wijk_code;wijk_naam;gemeente_code;gemeente_naam', async (w) => {
		for (const [i, wijk] of world.wijken.entries()) {
			await w.line(`${wijk.code};Wijk ${i + 1};${world.gemeenten[wijk.gemeente]};Gemeente ${wijk.gemeente + 1}`);
		}
	});
	await write('praktijken.csv', 'praktijken', 'praktijk_code;praktijk_naam;wijk_code', async (w) => {
		for (const [i, p] of world.praktijken.entries()) await w.line(`${p.code};Huisartsenpraktijk ${i + 1};${world.wijken[p.wijk].code}`);
	});
	await write('bestemmingen.csv', 'bestemmingen', 'bestemming;lijn', async (w) => {
		for (const [b, lijn] of Object.entries(DEFAULT_BESTEMMINGEN)) await w.line(`${b};${lijn}`);
	});
	await write('populatie_wijk.csv', 'populatie_wijk', 'jaar;wijk_code;leeftijdsgroep;aantal', async (w) => {
		for (const y of years) {
			for (const wijk of world.wijken) {
				const total = wijk.ageWeights.reduce((a, b) => a + b, 0);
				for (const [g, weight] of wijk.ageWeights.entries()) {
					await w.line(`${y};${wijk.code};${LEEFTIJDSGROEPEN[g]};${Math.round((wijk.inwoners * weight) / total * (1 + 0.01 * (y - o.startJaar)))}`);
				}
			}
		}
	});
	await write('populatie_praktijk.csv', 'populatie_praktijk', 'jaar;praktijk_code;leeftijdsgroep;aantal', async (w) => {
		for (const y of years) {
			for (const p of world.praktijken) {
				const weights = world.wijken[p.wijk].ageWeights;
				const total = weights.reduce((a, b) => a + b, 0);
				for (const [g, weight] of weights.entries()) await w.line(`${y};${p.code};${LEEFTIJDSGROEPEN[g]};${Math.round((p.patienten * weight) / total)}`);
			}
		}
	});
	await write('ojg_inzet.csv', 'ojg_inzet', 'praktijk_code;functie;start;eind;uren_per_week', async (w) => {
		// About a third of the practices get an OJG or POH-jeugd, starting in a month of the period.
		const rng = rngFor(o.seed, 'landelijk-ojg');
		for (const p of world.praktijken) {
			if (rng() > 0.33) continue;
			const startMonth = 12 + Math.floor(rng() * (o.jaren * 12 - 24));
			const y = o.startJaar + Math.floor(startMonth / 12);
			const start = iso(dayOf(y, startMonth % 12, 1));
			const ended = rng() < 0.2;
			const eind = ended ? iso(dayOf(y + 1 + Math.floor(rng() * 2), startMonth % 12, 0)) : '';
			const functie = rng() < 0.6 ? 'ojg' : 'poh_jeugd';
			await w.line(`${p.code};${functie};${start};${eind > iso(dayOf(o.startJaar + o.jaren, 0, 0)) ? '' : eind};${8 + Math.floor(rng() * 5) * 4}`);
		}
	});

	await writeVerwijzingen(path.join(outDir, 'verwijzingen.csv'), world, o, years, out);

	// A small survey, so that the survey tables are not empty at national scale.
	await write('enquetes.csv', 'enquetes', 'enquete_id;naam;soort;seizoen;wijk_code;datum;genodigden', async (w) => {
		for (let i = 0; i < 20; i++) await w.line(`LB25-${pad(i + 1, 3)};Leerbijeenkomst voorjaar 2025 wijk ${i + 1};leerbijeenkomst;voorjaar-2025;${world.wijken[i].code};2025-04-${pad(1 + (i % 28), 2)};40`);
	});
	await write('enquete_vragen.csv', 'enquete_vragen', 'enquete_id;vraag_code;vraag_tekst;thema;type;omgekeerd', async (w) => {
		for (let i = 0; i < 20; i++) {
			const id = `LB25-${pad(i + 1, 3)}`;
			await w.line(`${id};ROL;Wat is uw rol?;;rol;0`);
			await w.line(`${id};Q1;Ik weet wie ik in de wijk kan bellen;elkaar kennen;likert5;0`);
			await w.line(`${id};Q2;Rapportcijfer voor de samenwerking;algemeen;cijfer10;0`);
		}
	});
	await write('enquete_responsen.csv', 'enquete_responsen', 'respons_id;enquete_id;datum;rol;Q1;Q2', async (w) => {
		const rng = rngFor(o.seed, 'landelijk-enquete');
		const rollen = ['huisarts', 'poh', 'buurtteam', 'jgz', 'wijkverpleging'];
		for (let i = 0; i < 20; i++) {
			for (let r = 0; r < 25; r++) {
				await w.line(`R${i + 1}-${r + 1};LB25-${pad(i + 1, 3)};2025-04-${pad(1 + (i % 28), 2)};${rollen[r % rollen.length]};${1 + Math.floor(rng() * 5)};${5 + Math.floor(rng() * 6)}`);
			}
		}
	});
	return out;
}

const HIS_BESTEMMINGEN = Object.keys(HIS_RATES);

/**
 * A client pseudonym that no privacy rule mistakes for a BSN, a date or a name: digit runs of at
 * most four, separated by a letter (K0042Q1733).
 */
function pseudo(n: number): string {
	const letters = 'BCDFGHJKLMNPQRSTVWXZ';
	return `K${pad(Math.floor(n / 10_000) % 10_000, 4)}${letters[n % letters.length]}${pad(n % 10_000, 4)}`;
}

async function writeVerwijzingen(file: string, world: World, o: Required<LandelijkOptions>, years: number[], out: LandelijkFile[]): Promise<void> {
	const rng: Rng = rngFor(o.seed, 'landelijk-verwijzingen');
	const w = new LineWriter(file);
	await w.line('verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein;client_pseudo;terugkoppeling_datum');

	// Where referrals fall: practices by list size; months by season and trend; bestemming by rate.
	const praktijkWeights = world.praktijken.map((p) => p.patienten);
	const cumulative = (ws: readonly number[]) => {
		const c = new Float64Array(ws.length);
		let s = 0;
		ws.forEach((x, i) => (c[i] = s += x));
		return c;
	};
	const pick = (c: Float64Array) => {
		const x = rng() * c[c.length - 1];
		let lo = 0;
		let hi = c.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (c[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	const praktijkC = cumulative(praktijkWeights);
	const months = years.flatMap((y) => Array.from({ length: 12 }, (_, m) => ({ y, m })));
	const monthC = cumulative(months.map(({ y, m }) => SEIZOEN[m] * (1 + 0.02 * (y - o.startJaar))));
	// Per age group: the bestemmingen with their 2016 rates.
	const byAge = LEEFTIJDSGROEPEN.map((_, g) => HIS_BESTEMMINGEN.map((b) => HIS_RATES[b][g]));
	const lastDay = dayOf(o.startJaar + o.jaren, 0, 0);
	const clients = Math.max(1000, Math.round(o.verwijzingen / 2.5));

	for (let i = 0; i < o.verwijzingen; i++) {
		const p = world.praktijken[pick(praktijkC)];
		const wijk = world.wijken[rng() < 0.85 ? p.wijk : Math.floor(rng() * world.wijken.length)];
		const g = pickIndex(rng, wijk.ageWeights);
		const { y, m } = months[pick(monthC)];
		const weights = byAge[g].map((r, k) => r * trendFactor(HIS_BESTEMMINGEN[k], y - o.startJaar));
		const bestemming = HIS_BESTEMMINGEN[pickIndex(rng, weights)];
		const verwijzer = pickHisVerwijzer(rng, bestemming, g, y - o.startJaar);
		const domein = pickDomein(rng, bestemming, g);
		const day = dayOf(y, m, 1 + Math.floor(rng() * 28));
		const feedback = bestemming === 'buurtteam' && rng() < 0.6 ? Math.min(lastDay, day + 3 + Math.floor(rng() * 40)) : -1;
		const withPraktijk = rng() < 0.97;
		await w.line(
			`V${pad(i + 1, 9)};${iso(day)};${withPraktijk ? p.code : ''};${wijk.code};${LEEFTIJDSGROEPEN[g]};${verwijzer};${bestemming};${domein};` +
				`${pseudo(Math.floor(rng() * clients))};${feedback < 0 ? '' : iso(feedback)}`
		);
	}
	const bytes = await w.close();
	out.push({ file: 'verwijzingen.csv', dataset: 'verwijzingen', rows: w.rows - 1, bytes });
}

function parseArgs(argv: readonly string[]): { outDir: string; options: LandelijkOptions } {
	let outDir = 'data/landelijk';
	const options: LandelijkOptions = {};
	const numeric: Record<string, keyof LandelijkOptions> = {
		'--verwijzingen': 'verwijzingen',
		'--gemeenten': 'gemeenten',
		'--wijken': 'wijken',
		'--praktijken': 'praktijken',
		'--seed': 'seed'
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--uit') outDir = argv[++i];
		else if (numeric[a]) options[numeric[a]] = Number(argv[++i].replaceAll('_', ''));
		else throw new Error(`onbekende optie: ${a}`);
	}
	return { outDir, options };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
	const { outDir, options } = parseArgs(process.argv.slice(2));
	const t0 = performance.now();
	const files = await generateLandelijk(outDir, options);
	for (const f of files) console.log(`${f.file}: ${f.rows.toLocaleString('nl-NL')} rijen, ${(f.bytes / 2 ** 20).toFixed(1)} MB`);
	console.log(`klaar in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${outDir}`);
}
