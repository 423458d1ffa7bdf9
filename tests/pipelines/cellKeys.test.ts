// Record keys of the cell key method: computed by DuckDB at ingest as HMAC-SHA256 of the
// verwijzing_id with the installation secret, checked here against node:crypto's HMAC.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest';
import { BASE_FILES, fixture, query, useTempDatabase } from './helpers';
import { FIXTURE_SECRET_HEX, recordKey } from '../fixtures/cellKeys';

let dir: string;
let db: string;

useTempDatabase((d, p) => ([dir, db] = [d, p]));

const keys = async () => (await query(db, 'SELECT verwijzing_id AS id, celsleutel FROM verwijzingen ORDER BY id')) as { id: string; celsleutel: number }[];

describe('record keys', () => {
	it('are HMAC-SHA256(secret, verwijzing_id) mod 256, with the secret from the file beside the database', async () => {
		fs.writeFileSync(`${db}.celsleutel`, FIXTURE_SECRET_HEX + '\n');
		await ingest(db, [...BASE_FILES, fixture('verwijzingen.csv')]);
		const rows = await keys();
		expect(rows.length).toBeGreaterThan(3);
		for (const r of rows) expect(r.celsleutel).toBe(recordKey(r.id));
	});

	it('create the secret once (owner-only) and keep every key when the file is delivered again', async () => {
		await ingest(db, [...BASE_FILES, fixture('verwijzingen.csv')]);
		const file = `${db}.celsleutel`;
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		const secret = fs.readFileSync(file, 'utf8').trim();
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		const first = await keys();
		for (const r of first) expect(r.celsleutel).toBe(recordKey(r.id, secret));
		await ingest(db, [fixture('verwijzingen.csv'), fixture('verwijzingen_update.csv')]);
		expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
		const again = new Map((await keys()).map((r) => [r.id, r.celsleutel]));
		for (const r of first) expect(again.get(r.id)).toBe(r.celsleutel);
		for (const [id, key] of again) expect(key).toBe(recordKey(id, secret));
	});

	it('are never stored in a dry run, which leaves no secret behind', async () => {
		await ingest(db, BASE_FILES.map((f) => f), { dryRun: false });
		fs.rmSync(`${db}.celsleutel`);
		await ingest(db, [fixture('verwijzingen.csv')], { dryRun: true });
		expect(fs.existsSync(`${db}.celsleutel`)).toBe(false);
	});

	it('refuse a damaged secret file and load nothing', async () => {
		await ingest(db, BASE_FILES);
		fs.writeFileSync(`${db}.celsleutel`, 'geen sleutel\n');
		const before = fs.readFileSync(db);
		await expect(ingest(db, [fixture('verwijzingen.csv')])).rejects.toThrow(/sleutelbestand .* is beschadigd/);
		expect(fs.readFileSync(db).equals(before)).toBe(true);
	});

	it('follow MONITOR_CELSLEUTEL_BESTAND when it is set', async () => {
		const elsewhere = path.join(dir, 'geheim', 'sleutel');
		fs.mkdirSync(path.dirname(elsewhere));
		fs.writeFileSync(elsewhere, FIXTURE_SECRET_HEX);
		process.env.MONITOR_CELSLEUTEL_BESTAND = elsewhere;
		try {
			await ingest(db, [...BASE_FILES, fixture('verwijzingen.csv')]);
		} finally {
			delete process.env.MONITOR_CELSLEUTEL_BESTAND;
		}
		expect(fs.existsSync(`${db}.celsleutel`)).toBe(false);
		for (const r of await keys()) expect(r.celsleutel).toBe(recordKey(r.id));
	});
});

