// Demo data: realistic, clearly fictitious exports that follow the import contract (formats.md),
// deterministic for a seed. `npm run demo-data` writes them to data/demo/, where they are committed
// so that the app works offline. See data/demo/README.md (written by this script) for the files.

import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEEFTIJDSGROEPEN } from '../../contract/codes';
import { dayNumber, dayToDate, formatDay, type DateStyle } from './dates';
import { enquetesReadme, generateEnquetes } from './enquetes';
import { DEMO_SEED, OJG_EFFECT, OJG_RAMP_MONTHS } from './model';
import { DEMO_JAREN, generatePopulatie, type DemoPopulatie, type PopulatieTabel } from './populatie';
import { regiegroepReadme, writeRegiegroep } from './regiegroep';
import { generateVerwijzingen, type Bron, type Verwijzing } from './verwijzingen';
import { DEMO_GEMEENTEN, DEMO_OJG_INZET, DEMO_PRAKTIJKEN, DEMO_WIJKEN, gemeenteVanPraktijk } from './world';
import { writeWijkgrenzen } from './wijkgrenzen';
import { writeCsv, writeXlsx, type CsvOptions, type DemoFile, type XlsxCell } from './write';

export {
	DEMO_END,
	DEMO_SEED,
	DEMO_START,
	MAAND_RUIS,
	OJG_EFFECT,
	OJG_RAMP_MONTHS,
	OJG_SELECTIE_FACTOR,
	OJG_SUBSTITUTIE,
	OJG_TWEEDE_LIJN_JEUGD,
	OJG_VERWIJZER_AANDEEL
} from './model';
export type { DemoFile } from './write';
export { DEMO_GEMEENTEN, DEMO_OJG_INZET, DEMO_PRAKTIJKEN, DEMO_WIJKEN } from './world';


/** Files this generator writes; other files in the output directory are left alone. */
const OWN_FILE = /^(wijken|praktijken|populatie_[a-z]+|verwijzingen_[a-z]+_[a-z]+|ojg_inzet_[a-z]+)\.(csv|xlsx)$/;

interface CsvVariant extends Partial<CsvOptions> {
	dates?: DateStyle;
	variant: string;
}

const PLAIN: CsvVariant = { variant: 'UTF-8, `;`, LF, datums JJJJ-MM-DD' };

/** Format variant per verwijzingen file: every variant the contract allows appears somewhere. */
const VERWIJZINGEN_VARIANT: Record<string, CsvVariant> = {
	'his-GM9901': PLAIN,
	'his-GM9902': {
		delimiter: ',',
		quoteAll: true,
		dates: 'dd-mm-yyyy',
		variant: 'UTF-8, `,` met alle velden tussen aanhalingstekens (RFC 4180), datums DD-MM-JJJJ'
	},
	'his-GM9903': { eol: '\r\n', variant: 'UTF-8, `;`, CRLF-regeleinden' },
	'buurtteam-GM9901': { dates: 'd-m-yyyy', variant: 'UTF-8, `;`, datums D-M-JJJJ (zonder voorloopnullen)' },
	'buurtteam-GM9902': { encoding: 'utf8-bom', variant: 'UTF-8 met BOM, `;`' },
	'buurtteam-GM9903': {
		delimiter: ',',
		eol: '\r\n',
		variant: 'UTF-8, `,`, CRLF, kolomnamen met hoofdletters'
	},
	'jeugdhulp-GM9901': {
		dates: 'dd-mm-yyyy',
		variant: 'UTF-8, `;`, datums DD-MM-JJJJ, andere kolomvolgorde, zonder optionele kolommen'
	},
	'jeugdhulp-GM9902': { variant: 'UTF-8, `;`, andere kolomvolgorde, zonder optionele kolommen' },
	'jeugdhulp-GM9903': { variant: 'XLSX met echte datumcellen, zonder optionele kolommen' }
};

const VERWIJZING_KOLOMMEN = [
	'verwijzing_id',
	'datum',
	'praktijk_code',
	'wijk_code',
	'leeftijdsgroep',
	'verwijzer',
	'bestemming',
	'domein',
	'client_pseudo',
	'terugkoppeling_datum'
] as const;
/** The jeugdhulp administration has no practice and no feedback column, and its own column order. */
const JEUGDHULP_KOLOMMEN = [
	'datum',
	'verwijzing_id',
	'wijk_code',
	'leeftijdsgroep',
	'verwijzer',
	'bestemming',
	'domein',
	'client_pseudo'
] as const;

const BRON_NAAM: Record<Bron, string> = {
	his: 'huisartsinformatiesystemen (HIS) van de praktijken',
	buurtteam: 'registratie van het buurtteam',
	jeugdhulp: 'jeugdhulpadministratie van de gemeente'
};

function verwijzingCells(v: Verwijzing, kolommen: readonly (typeof VERWIJZING_KOLOMMEN)[number][], dates: DateStyle) {
	return kolommen.map((k) => {
		const value = v[k];
		if (value === null) return '';
		if (k === 'datum' || k === 'terugkoppeling_datum') return formatDay(value as number, dates);
		return String(value);
	});
}

function populatieRows(tabel: Map<string, PopulatieTabel>): string[][] {
	const rows: string[][] = [];
	DEMO_JAREN.forEach((jaar, j) => {
		for (const [code, perJaar] of tabel) {
			LEEFTIJDSGROEPEN.forEach((groep, g) => rows.push([String(jaar), code, groep, String(perJaar[j][g])]));
		}
	});
	return rows;
}

function decimalComma(x: number): string {
	return String(x).replace('.', ',');
}

async function clearOwnFiles(outDir: string): Promise<void> {
	for (const name of await readdir(outDir)) {
		if (OWN_FILE.test(name)) await rm(join(outDir, name));
	}
}

/** Writes all demo files for a seed into outDir (created if needed) and describes what it wrote. */
export async function generateDemo(outDir: string, seed: number = DEMO_SEED): Promise<DemoFile[]> {
	await mkdir(outDir, { recursive: true });
	await clearOwnFiles(outDir);
	const files: DemoFile[] = [];
	const csv = async (
		file: string,
		dataset: string,
		header: readonly string[],
		rows: string[][],
		v: CsvVariant
	) => {
		const bytes = await writeCsv(join(outDir, file), header, rows, v);
		files.push({ file, dataset, rows: rows.length, bytes, variant: v.variant });
	};
	const xlsx = async (file: string, dataset: string, header: readonly string[], rows: XlsxCell[][], variant: string) => {
		const bytes = await writeXlsx(join(outDir, file), dataset, header, rows);
		files.push({ file, dataset, rows: rows.length, bytes, variant });
	};

	const gemeenteNaam = (code: string) => DEMO_GEMEENTEN.find((g) => g.code === code)!.naam;
	await csv(
		'wijken.csv',
		'wijken',
		['wijk_code', 'wijk_naam', 'gemeente_code', 'gemeente_naam'],
		DEMO_WIJKEN.map((w) => [w.code, w.naam, w.gemeente, gemeenteNaam(w.gemeente)]),
		{ encoding: 'windows-1252', variant: 'Windows-1252 (zoals Nederlandse Excel schrijft), `;`' }
	);
	await csv(
		'praktijken.csv',
		'praktijken',
		['praktijk_code', 'praktijk_naam', 'wijk_code'],
		DEMO_PRAKTIJKEN.map((p) => [p.code, p.naam, p.wijk]),
		{ encoding: 'utf8-bom', variant: 'UTF-8 met BOM, `;`, een naam met aanhalingstekens (RFC 4180)' }
	);

	const populatie = generatePopulatie(seed);
	await csv('populatie_wijk.csv', 'populatie', ['jaar', 'wijk_code', 'leeftijdsgroep', 'aantal'], populatieRows(populatie.wijk), {
		variant: 'UTF-8, `;`, LF (inwoners per wijk)'
	});
	await csv(
		'populatie_praktijk.csv',
		'populatie',
		['jaar', 'praktijk_code', 'leeftijdsgroep', 'aantal'],
		populatieRows(populatie.praktijk),
		{ eol: '\r\n', variant: 'UTF-8, `;`, CRLF (ingeschreven patiënten per praktijk)' }
	);

	for (const { bron, gemeente, rows } of generateVerwijzingen(seed, populatie)) {
		const g = DEMO_GEMEENTEN.find((x) => x.code === gemeente)!;
		const v = VERWIJZINGEN_VARIANT[`${bron}-${gemeente}`];
		const base = `verwijzingen_${bron}_${g.slug}`;
		if (bron === 'jeugdhulp' && gemeente === 'GM9903') {
			const cells = rows.map((r) =>
				JEUGDHULP_KOLOMMEN.map((k): XlsxCell => (k === 'datum' ? dayToDate(r.datum) : (r[k] ?? null)))
			);
			await xlsx(`${base}.xlsx`, 'verwijzingen', JEUGDHULP_KOLOMMEN, cells, v.variant);
			continue;
		}
		const kolommen = bron === 'jeugdhulp' ? JEUGDHULP_KOLOMMEN : VERWIJZING_KOLOMMEN;
		const header =
			bron === 'buurtteam' && gemeente === 'GM9903'
				? kolommen.map((k) => k[0].toUpperCase() + k.slice(1))
				: [...kolommen];
		const cells = rows.map((r) => verwijzingCells(r, kolommen, v.dates ?? 'iso'));
		await csv(`${base}.csv`, 'verwijzingen', header, cells, v);
	}

	// OJG placements are funded and reported per gemeente.
	const ojgHeader = ['praktijk_code', 'functie', 'start', 'eind', 'uren_per_week'];
	for (const g of DEMO_GEMEENTEN) {
		const inzet = DEMO_OJG_INZET.filter((i) => gemeenteVanPraktijk(i.praktijk_code).code === g.code);
		if (g.code === 'GM9901') {
			const rows = inzet.map((i): XlsxCell[] => [
				i.praktijk_code,
				i.functie,
				dayToDate(dayNumber(i.start)),
				i.eind === null ? null : dayToDate(dayNumber(i.eind)),
				i.uren_per_week
			]);
			await xlsx(`ojg_inzet_${g.slug}.xlsx`, 'ojg_inzet', ojgHeader, rows, 'XLSX met echte datumcellen');
			continue;
		}
		const dates: DateStyle = g.code === 'GM9902' ? 'iso' : 'd-m-yyyy';
		const rows = inzet.map((i) => [
			i.praktijk_code,
			i.functie,
			formatDay(dayNumber(i.start), dates),
			i.eind === null ? '' : formatDay(dayNumber(i.eind), dates),
			decimalComma(i.uren_per_week)
		]);
		await csv(`ojg_inzet_${g.slug}.csv`, 'ojg_inzet', ojgHeader, rows, {
			dates,
			variant: `UTF-8, \`;\`, decimale komma${dates === 'd-m-yyyy' ? ', datums D-M-JJJJ' : ''}`
		});
	}

	// bounded: a handful of files each
	files.push(...(await writeRegiegroep(outDir, seed)));
	// bounded: a handful of files
	files.push(...(await generateEnquetes(outDir, seed)).files);
	// The wijk shapes (GeoJSON, not a table) are written beside the tables but not listed with them:
	// `files` is the list of tables the README describes and the tests read as rows.
	await writeWijkgrenzen(outDir, seed);

	await writeReadme(outDir, seed, files, populatie);
	return files;
}

async function writeReadme(
	outDir: string,
	seed: number,
	files: DemoFile[],
	populatie: DemoPopulatie
): Promise<void> {
	const fmt = (n: number) => n.toLocaleString('nl-NL');
	const size = (bytes: number) => (bytes < 1024 ? `${fmt(bytes)} B` : `${fmt(Math.round(bytes / 1024))} kB`);
	const lijsten = [...populatie.praktijk].map(([code, t]) => ({ code, n: t[t.length - 1].reduce((a, b) => a + b, 0) }));
	const kleinste = lijsten.reduce((a, b) => (b.n < a.n ? b : a));
	const grootste = lijsten.reduce((a, b) => (b.n > a.n ? b : a));
	const totaal = files.filter((f) => f.dataset === 'verwijzingen').reduce((s, f) => s + f.rows, 0);
	const text = `# Demodata Basiszorg Monitor

**Alle gegevens in deze map zijn verzonnen.** De gemeenten (codes GM99xx), wijken (WK99xxyy),
praktijken en cliënten bestaan niet; de codes liggen buiten de echte CBS-reeksen en elke praktijknaam
eindigt op "(fictief)". De cijfers zijn realistisch van orde van grootte, maar beschrijven niemand.

De bestanden volgen het importcontract (de exportformaten die de monitor inleest) en laten bewust de "rommelige maar geldige"
varianten zien die het contract toestaat: Windows-1252, UTF-8 met BOM, \`,\` of \`;\`, CRLF, drie
datumnotaties, aanhalingstekens volgens RFC 4180, een decimale komma, ontbrekende optionele kolommen,
kolomnamen met hoofdletters en XLSX met echte datumcellen.

## Opnieuw maken

\`\`\`sh
npm run demo-data
\`\`\`

Het script (\`pipelines/demo/generate.ts\`) gebruikt een vaste seed (${seed}) en een eigen
pseudo-toevalsgenerator: dezelfde seed geeft byte-voor-byte dezelfde bestanden. De gegevens lopen van
januari 2016 tot en met december 2025; geen enkele datum ligt na 31-12-2025.

## Bestanden

| bestand | dataset | rijen | grootte | variant |
|---|---|---:|---:|---|
${files.map((f) => `| \`${f.file}\` | ${f.dataset} | ${fmt(f.rows)} | ${size(f.bytes)} | ${f.variant} |`).join('\n')}

In totaal ${fmt(totaal)} verwijzingen, gesplitst naar bron en gemeente:
${(['his', 'buurtteam', 'jeugdhulp'] as Bron[]).map((b) => `- \`verwijzingen_${b}_*\`: ${BRON_NAAM[b]}`).join('\n')}

## Wat zit erin

- 3 gemeenten, ${DEMO_WIJKEN.length} wijken, ${DEMO_PRAKTIJKEN.length} praktijken (in 2025 van ${fmt(kleinste.n)} tot
  ${fmt(grootste.n)} ingeschreven patiënten; de kleine praktijk ${kleinste.code} zorgt voor maandcellen met minder dan
  5 verwijzingen).
- Seizoenspatroon: minder verwijzingen in juli en augustus (ca. 25% lager) en in december.
- Trend: steeds meer verwijzingen blijven in het voorveld en de basiszorg (lijn 0 en 1 stijgen,
  lijn 2 daalt langzaam).
- Terugkoppeling door het buurtteam aan de praktijk: bij ca. 60% (2016) oplopend tot ruim 80% (2025)
  van de verwijzingen naar het buurtteam, meestal na 1 tot 6 weken.
- Cliënten hebben een pseudoniem (12 hexadecimale tekens); ongeveer een vijfde van de verwijzingen
  is een herhaalde verwijzing van dezelfde cliënt. Bij een klein deel ontbreekt het pseudoniem.
- Aantallen volgen de verwachte waarde per praktijk (of wijk), maand en bestemming nauwkeurig; de
  variatie tussen maanden komt uit een gedeelde maandfactor (zie \`MAAND_RUIS\` in
  \`pipelines/demo/model.ts\`). Zo is een ingebouwd effect in één praktijk over een jaar zichtbaar.
- Ondersteuners Jeugd en Gezin (OJG), POH's jeugd en een jeugdconsulent in ${DEMO_OJG_INZET.length} praktijken:
${DEMO_OJG_INZET.map((i) => `  - ${i.praktijk_code}: ${i.functie}, vanaf ${i.start}${i.eind ? ` tot en met ${i.eind}` : ''}, ${String(i.uren_per_week).replace('.', ',')} uur per week`).join('\n')}

  Ingebouwd effect: na de start dalen de verwijzingen van 0-17-jarigen naar de tweede lijn
  (specialistische jeugdhulp en jeugd-GGZ) van die praktijk met ${Math.round(OJG_EFFECT * 100)}% (opgebouwd in
  ${OJG_RAMP_MONTHS} maanden) ten opzichte van de eigen trend; in plaats daarvan verschijnen verwijzingen naar
  de OJG / POH jeugd. Na het einde van een inzet (P005) verdwijnt het effect weer in
  ${OJG_RAMP_MONTHS} maanden. Buurtteamverwijzingen die aan de praktijk gekoppeld zijn dalen evenveel.
  Praktijken zonder inzet houden hun trend. De praktijken met een inzet verwezen vooraf iets vaker
  naar de tweede lijn (selectie, \`OJG_SELECTIE_FACTOR\`), dus vergelijk een praktijk met zichzelf.
  (Zie \`OJG_EFFECT\` in \`pipelines/demo/model.ts\`.)
${regiegroepReadme()}${enquetesReadme()}`;
	await writeFile(join(outDir, 'README.md'), text);
}

async function main() {
	const outDir = resolve(fileURLToPath(new URL('../../data/demo', import.meta.url)));
	const files = await generateDemo(outDir, DEMO_SEED);
	// bounded: one per demo file
	const width = Math.max(...files.map((f) => f.file.length));
	for (const f of files) {
		console.log(`${f.file.padEnd(width)}  ${String(f.rows).padStart(6)} rijen  ${String(Math.round(f.bytes / 1024)).padStart(5)} kB`);
	}
	const total = files.reduce((s, f) => s + f.bytes, 0);
	console.log(`Geschreven naar ${outDir}: ${files.length} bestanden, ${(total / 1024 / 1024).toFixed(1)} MB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
}
