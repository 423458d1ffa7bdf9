// Builds a database from the bundled demo exports in data/demo/ (marked as demo data).
import fs from 'node:fs';
import path from 'node:path';
import { ingest } from '../pipelines/ingest';

const root = path.resolve(import.meta.dirname, '..');
export const DEMO_DIR = path.join(root, 'data/demo');

export function demoFiles(): string[] {
	return fs
		.readdirSync(DEMO_DIR)
		.filter((f) => /\.(csv|xlsx)$/i.test(f))
		.sort()
		.map((f) => path.join(DEMO_DIR, f));
}

export async function buildDemoDatabase(dbPath: string): Promise<void> {
	fs.mkdirSync(path.dirname(dbPath), { recursive: true });
	await ingest(dbPath, demoFiles(), { demo: true });
}
