// Every bad input of the contract (docs/formats.md) is rejected: with a Dutch message that names
// file, line, column and rule, and with the database file exactly as it was after the earlier,
// successful load (sha256 before and after).

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type IngestOptions } from '../../pipelines/ingest';
import { BASE_FILES, expectError, fixture, makeTempDir, rejection, sha256, writeFile, type ExpectedError } from './helpers';

let baseDir: string;
let baseDb: string;
let dir: string;
let db: string;

beforeAll(async () => {
	baseDir = makeTempDir();
	baseDb = path.join(baseDir, 'base.duckdb');
	await ingest(baseDb, [...BASE_FILES, fixture('verwijzingen.csv')]);
});

afterAll(() => {
	fs.rmSync(baseDir, { recursive: true, force: true });
});

beforeEach(() => {
	dir = makeTempDir();
	db = path.join(dir, 'monitor.duckdb');
	fs.copyFileSync(baseDb, db);
	return () => fs.rmSync(dir, { recursive: true, force: true });
});

const VERWIJZING_HEADER = 'verwijzing_id;datum;praktijk_code;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein;client_pseudo;terugkoppeling_datum';
const GOOD_ROW = 'X001;2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c101;';

/** A verwijzingen file: the header, a good row (line 2), then the given lines (from line 3). */
function verwijzingenFile(name: string, ...lines: string[]): string {
	return writeFile(dir, name, [VERWIJZING_HEADER, GOOD_ROW, ...lines].join('\n') + '\n');
}

/**
 * Runs the import, expects it to fail with this error, and checks that the database is unchanged
 * and that nothing was left beside it. Returns all errors for further checks.
 */
async function expectRejected(files: string[], want: ExpectedError, opts: IngestOptions = {}) {
	const before = sha256(db);
	const failure = await rejection(() => ingest(db, files, opts));
	const error = expectError(failure.errors, want);
	expect(failure.message).toContain('Er is niets geladen; de database is ongewijzigd.');
	expect(sha256(db)).toBe(before);
	expect(fs.readdirSync(dir).filter((f) => f.startsWith('monitor.duckdb'))).toEqual(['monitor.duckdb']);
	return { failure, error };
}

describe('the header', () => {
	it('rejects a missing required column', async () => {
		const file = writeFile(dir, 'zonder_datum.csv', 'verwijzing_id;wijk_code;leeftijdsgroep;verwijzer;bestemming;domein\nX001;WK034401;4-11;huisarts;buurtteam;jeugd\n');
		const { error } = await expectRejected([file], { file: 'zonder_datum.csv', line: 1, column: 'datum', rule: 'kolom-verplicht' });
		expect(error.message).toBe(
			'zonder_datum.csv, regel 1, kolom "datum": verplichte kolom ontbreekt in de kopregel (verwijzingen vraagt: verwijzing_id, datum, wijk_code, leeftijdsgroep, verwijzer, bestemming, domein) (regel: kolom-verplicht)'
		);
	});

	it('rejects the same column twice', async () => {
		const file = writeFile(dir, 'dubbel.csv', 'wijk_code;wijk_naam;gemeente_code;gemeente_naam;Wijk_Naam\nWK034409;Zuid;GM0344;Utrecht;Zuid\n');
		await expectRejected([file], { file: 'dubbel.csv', line: 1, column: 'Wijk_Naam', rule: 'kolom-dubbel' });
	});

	it('rejects a file whose columns fit no dataset', async () => {
		const file = writeFile(dir, 'raar.csv', 'a;b;c\n1;2;3\n');
		const { error } = await expectRejected([file], { file: 'raar.csv', line: 1, rule: 'dataset-onbekend' });
		expect(error.message).toContain('verwijzingen (verwijzing_id)');
	});

	it('rejects an empty file', async () => {
		const file = writeFile(dir, 'leeg.csv', '');
		await expectRejected([file], { file: 'leeg.csv', rule: 'bestand-leeg' });
	});

	it('rejects a file that does not exist', async () => {
		await expectRejected([path.join(dir, 'weg.csv')], { file: 'weg.csv', rule: 'bestand-onleesbaar' });
	});
});

describe('the privacy rules', () => {
	it.each(['BSN', 'e_mail', 'geboorte_datum', 'telefoonnummer', 'postcode', 'Naam', 'adres', 'E-mail'])(
		'rejects a column named %j',
		async (name) => {
			const file = writeFile(dir, 'met_identificatie.csv', `${VERWIJZING_HEADER};${name}\n${GOOD_ROW};x\n`);
			// Not a column of the dataset: named by its position (11th), never by what the header says.
			const { error } = await expectRejected([file], { file: 'met_identificatie.csv', line: 1, column: 'kolom 11', rule: 'privacy-kolomnaam' });
			expect(error.message).toContain('het hele bestand is geweigerd');
			expect(error.message).not.toContain(`"${name}"`);
		}
	);

	it('accepts a pc4 column (with a warning that it is not loaded)', async () => {
		const file = writeFile(dir, 'met_pc4.csv', `${VERWIJZING_HEADER};pc4\n${GOOD_ROW};3511\n`);
		const [report] = await ingest(db, [file]);
		expect(report.warnings).toHaveLength(1);
		expect(report.warnings[0]).toContain('kolom "kolom 11"');
		expect(report.warnings[0]).not.toContain('"pc4"');
	});

	it('rejects an elfproef-valid number in client_pseudo, without echoing it', async () => {
		// 111222333 passes the eleven-test: one is enough in a pseudonym.
		const file = verwijzingenFile('bsn_als_pseudo.csv', 'X002;2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;111222333;');
		const { error } = await expectRejected([file], { file: 'bsn_als_pseudo.csv', line: 3, column: 'client_pseudo', rule: 'privacy-bsn' });
		expect(error.message).not.toMatch(/111222333/);
		expect(error.message).toBe(
			'bsn_als_pseudo.csv, regel 3, kolom "client_pseudo": een pseudoniem mag niet herleidbaar zijn, maar deze waarde is een getal dat de elfproef doorstaat (een BSN?); het hele bestand is geweigerd; verwijder de gegevens uit de export en lever opnieuw aan (regel: privacy-bsn)'
		);
	});

	it('rejects a column where over 20% of at least 5 nine-digit values pass the elfproef, without echoing them', async () => {
		// verwijzing_id: 111222333 (passes) and 4 that fail (100000001..100000004): 1 of 5 = 20% is chance; 2 of 6 is not.
		const ids = ['111222333', '100000001', '100000002', '100000003', '100000004'];
		const rows = (extra: string[]) => [...ids, ...extra].map((id) => `${id};2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;;`);
		const fine = writeFile(dir, 'twintig.csv', [VERWIJZING_HEADER, ...rows([])].join('\n') + '\n');
		await ingest(db, [fine], { dryRun: true });
		const file = writeFile(dir, 'bsn_id.csv', [VERWIJZING_HEADER, ...rows(['123456782'])].join('\n') + '\n');
		const { error } = await expectRejected([file], { file: 'bsn_id.csv', line: 2, column: 'verwijzing_id', rule: 'privacy-bsn' });
		expect(error.message).not.toMatch(/111222333|123456782/);
		expect(error.message).toContain('2 van de 6 getallen van 9 cijfers');
	});

	it('rejects a full postcode in any column, without echoing it', async () => {
		const file = verwijzingenFile('postcode.csv', 'X002;2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;3511 AB;');
		const { error } = await expectRejected([file], { file: 'postcode.csv', line: 3, column: 'client_pseudo', rule: 'privacy-postcode' });
		expect(error.message).not.toContain('3511');
	});

	it('rejects a postcode written without space in an unknown column', async () => {
		const file = writeFile(dir, 'postcode2.csv', `${VERWIJZING_HEADER};woonplaats\n${GOOD_ROW};3511AB\n`);
		const { error } = await expectRejected([file], { file: 'postcode2.csv', line: 2, column: 'kolom 11', rule: 'privacy-postcode' });
		expect(error.message).not.toContain('3511AB');
	});

	it('rejects an e-mail address in any column, without echoing it', async () => {
		const file = verwijzingenFile('email.csv', 'X002;2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;j.jansen@example.nl;');
		const { error } = await expectRejected([file], { file: 'email.csv', line: 3, column: 'client_pseudo', rule: 'privacy-email' });
		expect(error.message).not.toContain('jansen');
		expect(error.message).not.toContain('example.nl');
	});

	it('rejects personal data in a reference file too', async () => {
		const file = writeFile(dir, 'praktijken_email.csv', 'praktijk_code;praktijk_naam;wijk_code\nP009;info@praktijk.nl;WK034401\n');
		await expectRejected([file], { file: 'praktijken_email.csv', line: 2, column: 'praktijk_naam', rule: 'privacy-email' });
	});
});

describe('dates', () => {
	it('rejects a date after the day of the import', async () => {
		const file = verwijzingenFile('toekomst.csv', 'X002;2024-07-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c102;');
		const { error } = await expectRejected(
			[file],
			{ file: 'toekomst.csv', line: 3, column: 'datum', rule: 'datum-toekomst' },
			{ today: '2024-06-30' }
		);
		expect(error.message).toBe('toekomst.csv, regel 3, kolom "datum": datum 2024-07-01 ligt na vandaag (2024-06-30) (regel: datum-toekomst)');
	});

	it('rejects a future date against the real calendar too', async () => {
		const file = verwijzingenFile('ver_weg.csv', 'X002;01-01-2999;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c102;');
		await expectRejected([file], { file: 'ver_weg.csv', line: 3, column: 'datum', rule: 'datum-toekomst' });
	});

	it('rejects a date before 2000', async () => {
		const file = verwijzingenFile('oud.csv', 'X002;31-12-1999;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c102;');
		const { error } = await expectRejected([file], { file: 'oud.csv', line: 3, column: 'datum', rule: 'datum-te-vroeg' });
		expect(error.message).toBe('oud.csv, regel 3, kolom "datum": datum 1999-12-31 ligt voor 2000-01-01 (regel: datum-te-vroeg)');
	});

	it('rejects a bad date in XLSX, naming the sheet row', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Blad1');
		ws.addRow(['praktijk_code', 'functie', 'start']);
		ws.addRow(['P001', 'ojg', new Date(Date.UTC(2024, 0, 8))]);
		ws.addRow([]);
		ws.addRow(['P002', 'ojg', new Date(Date.UTC(1999, 11, 1))]);
		const file = path.join(dir, 'inzet.xlsx');
		await wb.xlsx.writeFile(file);
		await expectRejected([file], { file: 'inzet.xlsx', line: 4, column: 'start', rule: 'datum-te-vroeg' });
	});

	it('rejects a date that does not exist', async () => {
		const file = verwijzingenFile('31feb.csv', 'X002;31-02-2024;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c102;');
		await expectRejected([file], { file: '31feb.csv', line: 3, column: 'datum', rule: 'datum-formaat' });
	});

	it('rejects feedback dated before the referral', async () => {
		const file = verwijzingenFile('terugkoppeling.csv', 'X002;2024-05-10;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c102;2024-05-01');
		await expectRejected([file], { file: 'terugkoppeling.csv', line: 3, column: 'terugkoppeling_datum', rule: 'datum-volgorde' });
	});

	it('rejects an OJG placement that ends before it starts', async () => {
		const file = writeFile(dir, 'ojg_volgorde.csv', 'praktijk_code;functie;start;eind;uren_per_week\nP001;ojg;2024-03-01;2024-02-01;8\n');
		await expectRejected([file], { file: 'ojg_volgorde.csv', line: 2, column: 'eind', rule: 'datum-volgorde' });
	});
});

describe('codes, code lists and numbers', () => {
	it('rejects a malformed wijk code', async () => {
		const file = verwijzingenFile('wijkcode.csv', 'X002;2024-05-01;P001;WK34401;4-11;huisarts;buurtteam;jeugd;c102;');
		const { error } = await expectRejected([file], { file: 'wijkcode.csv', line: 3, column: 'wijk_code', rule: 'wijk-code' });
		expect(error.message).toContain('WK gevolgd door 6 cijfers');
	});

	it('rejects a wijk code that is not in the database', async () => {
		const file = verwijzingenFile('wijk_onbekend.csv', 'X002;2024-05-01;P001;WK999999;4-11;huisarts;buurtteam;jeugd;c102;');
		const { error } = await expectRejected([file], { file: 'wijk_onbekend.csv', line: 3, column: 'wijk_code', rule: 'wijk-onbekend' });
		expect(error.detail).toBe('wijk "WK999999" staat niet in de wijken; lever de wijk eerst aan met het bestand wijken');
	});

	it('rejects a praktijk code that is not in the database', async () => {
		const file = verwijzingenFile('praktijk_onbekend.csv', 'X002;2024-05-01;P999;WK034401;4-11;huisarts;buurtteam;jeugd;c102;');
		await expectRejected([file], { file: 'praktijk_onbekend.csv', line: 3, column: 'praktijk_code', rule: 'praktijk-onbekend' });
	});

	it('rejects a praktijk in an unknown wijk', async () => {
		const file = writeFile(dir, 'praktijk_wijk.csv', 'praktijk_code;praktijk_naam;wijk_code\nP009;Nieuw;WK034499\n');
		await expectRejected([file], { file: 'praktijk_wijk.csv', line: 2, column: 'wijk_code', rule: 'wijk-onbekend' });
	});

	it('rejects populatie for an unknown praktijk or wijk', async () => {
		const p = writeFile(dir, 'pop_praktijk.csv', 'jaar;praktijk_code;leeftijdsgroep;aantal\n2024;P001;0-3;10\n2024;P777;0-3;10\n');
		await expectRejected([p], { file: 'pop_praktijk.csv', line: 3, column: 'praktijk_code', rule: 'praktijk-onbekend' });
		const w = writeFile(dir, 'pop_wijk.csv', 'jaar;wijk_code;leeftijdsgroep;aantal\n2024;WK034477;0-3;10\n');
		await expectRejected([w], { file: 'pop_wijk.csv', line: 2, column: 'wijk_code', rule: 'wijk-onbekend' });
	});

	it('rejects an unknown bestemming', async () => {
		const file = verwijzingenFile('bestemming.csv', 'X002;2024-05-01;P001;WK034401;4-11;huisarts;kapper;jeugd;c102;');
		const { error } = await expectRejected([file], { file: 'bestemming.csv', line: 3, column: 'bestemming', rule: 'bestemming-onbekend' });
		expect(error.message).toContain('bestemmingen (bestemming; lijn)');
	});

	it('rejects a value outside a code list, naming the allowed values', async () => {
		const file = verwijzingenFile('verwijzer.csv', 'X002;2024-05-01;P001;WK034401;4-11;dokter;buurtteam;jeugd;c102;');
		const { error } = await expectRejected([file], { file: 'verwijzer.csv', line: 3, column: 'verwijzer', rule: 'waarde-lijst' });
		expect(error.detail).toBe(
			'"dokter" is geen toegestane waarde; kies uit: huisarts, poh_ggz, poh_jeugd, ojg, poh_ouderen, buurtteam, jgz, wijkverpleging, overig'
		);
	});

	it('rejects an empty required value', async () => {
		const file = verwijzingenFile('leeg_domein.csv', 'X002;2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;;c102;');
		await expectRejected([file], { file: 'leeg_domein.csv', line: 3, column: 'domein', rule: 'waarde-verplicht' });
	});

	it('rejects a malformed gemeente code', async () => {
		const file = writeFile(dir, 'gemeente.csv', 'wijk_code;wijk_naam;gemeente_code;gemeente_naam\nWK034409;Zuid;0344;Utrecht\n');
		await expectRejected([file], { file: 'gemeente.csv', line: 2, column: 'gemeente_code', rule: 'gemeente-code' });
	});

	it('rejects numbers that are not numbers, not whole, or out of range', async () => {
		const uren = writeFile(dir, 'uren.csv', 'praktijk_code;functie;start;eind;uren_per_week\nP001;ojg;2024-03-01;;zestien\n');
		await expectRejected([uren], { file: 'uren.csv', line: 2, column: 'uren_per_week', rule: 'getal-formaat' });
		const aantal = writeFile(dir, 'aantal.csv', 'jaar;wijk_code;leeftijdsgroep;aantal\n2024;WK034401;0-3;41,5\n2024;WK034401;4-11;-3\n1999;WK034402;0-3;5\n');
		const { failure } = await expectRejected([aantal], { file: 'aantal.csv', line: 2, column: 'aantal', rule: 'getal-geheel' });
		expectError(failure.errors, { file: 'aantal.csv', line: 3, column: 'aantal', rule: 'getal-bereik' });
		expectError(failure.errors, { file: 'aantal.csv', line: 4, column: 'jaar', rule: 'getal-bereik' });
	});

	it('rejects a bestemming name that is not a code word', async () => {
		const file = writeFile(dir, 'bestemmingen_fout.csv', 'bestemming;lijn\nSchuld hulp;0\nwelzijn;3\n');
		const { failure } = await expectRejected([file], { file: 'bestemmingen_fout.csv', line: 2, column: 'bestemming', rule: 'code-formaat' });
		expectError(failure.errors, { file: 'bestemmingen_fout.csv', line: 3, column: 'lijn', rule: 'getal-bereik' });
	});
});

describe('keys, structure and encoding', () => {
	it('rejects the same id twice in one file, naming both lines', async () => {
		const file = verwijzingenFile('dubbel_id.csv', 'X002;2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c102;', 'X001;2024-05-02;P002;WK034402;0-3;jgz;jgz;jeugd;c103;');
		const { error } = await expectRejected([file], { file: 'dubbel_id.csv', line: 4, column: 'verwijzing_id', rule: 'sleutel-dubbel' });
		expect(error.detail).toBe('dezelfde sleutel (verwijzing_id) staat ook op regel 2; elke sleutel mag maar een keer in een bestand voorkomen');
	});

	it('rejects a duplicate composite key (populatie)', async () => {
		const file = writeFile(dir, 'pop_dubbel.csv', 'jaar;wijk_code;leeftijdsgroep;aantal\n2024;WK034401;0-3;10\n2024;wk034401;0 - 3;11\n');
		await expectRejected([file], { file: 'pop_dubbel.csv', line: 3, column: 'jaar', rule: 'sleutel-dubbel' });
	});

	it('rejects a row with more values than the header', async () => {
		const file = verwijzingenFile('velden.csv', 'X002;2024-05-01;P001;WK034401;4-11;huisarts;buurtteam;jeugd;c102;;extra');
		await expectRejected([file], { file: 'velden.csv', line: 3, rule: 'csv-velden' });
	});

	it('rejects mojibake', async () => {
		await expectRejected([fixture('praktijken_mojibake.csv')], { file: 'praktijken_mojibake.csv', line: 2, column: 'praktijk_naam', rule: 'mojibake' });
	});

	it('stops after 20 errors and says so', async () => {
		const bad = Array.from({ length: 30 }, (_, i) => `Y${i};2024-05-01;P001;WK034401;4-11;dokter;buurtteam;jeugd;;`);
		const file = verwijzingenFile('veel_fouten.csv', ...bad);
		const { failure } = await expectRejected([file], { file: 'veel_fouten.csv', line: 3, column: 'verwijzer', rule: 'waarde-lijst' });
		expect(failure.errors).toHaveLength(20);
		expect(failure.errors.at(-1)?.line).toBe(22);
		expect(failure.stoppedEarly).toEqual(['veel_fouten.csv']);
		expect(failure.message).toContain('gestopt na 20 fouten in veel_fouten.csv');
	});
});

describe('all or nothing', () => {
	it('loads none of the files when one of them fails, also the good ones before it', async () => {
		const wijken = writeFile(dir, 'wijken_nieuw.csv', 'wijk_code;wijk_naam;gemeente_code;gemeente_naam\nWK034409;Zuid;GM0344;Utrecht\n');
		const bad = verwijzingenFile('verwijzingen_fout.csv', 'X002;2024-05-01;P001;WK034409;4-11;huisarts;kapper;jeugd;c102;');
		// wijken_nieuw loads first (and makes WK034409 known), then the referral file fails.
		await expectRejected([bad, wijken], { file: 'verwijzingen_fout.csv', line: 3, column: 'bestemming', rule: 'bestemming-onbekend' });
	});

	it('reports the problems of every file that fails its own checks', async () => {
		const a = writeFile(dir, 'a.csv', 'wijk_code;wijk_naam;gemeente_code\nWK034409;Zuid;GM0344\n');
		const b = writeFile(dir, 'b.csv', `${VERWIJZING_HEADER};email\n${GOOD_ROW};\n`);
		const { failure } = await expectRejected([a, b], { file: 'a.csv', line: 1, column: 'gemeente_naam', rule: 'kolom-verplicht' });
		expectError(failure.errors, { file: 'b.csv', line: 1, column: 'kolom 11', rule: 'privacy-kolomnaam' });
	});

	it('refuses to run without files', async () => {
		const failure = await rejection(() => ingest(db, []));
		expect(failure.errors[0].rule).toBe('geen-bestanden');
	});
});
