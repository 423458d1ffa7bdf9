// Builds a database from the bundled demo exports in data/demo/ (marked as demo data).
import fs from 'node:fs';
import path from 'node:path';
import { ingest } from '../pipelines/ingest';

const root = path.resolve(import.meta.dirname, '..');
export const DEMO_DIR = path.join(root, 'data/demo');

export function demoFiles(): string[] {
	return fs
		.readdirSync(DEMO_DIR)
		.filter((f) => /\.(csv|xlsx|geojson)$/i.test(f))
		.sort()
		.map((f) => path.join(DEMO_DIR, f));
}

/**
 * data/demo/manifest.json: file name -> { enquete } for the survey tool exports (LimeSurvey, Forms),
 * which carry no enquete_id; what `--enquete` says on the command line.
 */
export function demoManifest(dir: string = DEMO_DIR): Record<string, string> {
	const file = path.join(dir, 'manifest.json');
	if (!fs.existsSync(file)) return {};
	const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { enquete?: string }>;
	return Object.fromEntries(Object.entries(manifest).flatMap(([name, o]) => (o.enquete ? [[name, o.enquete]] : [])));
}

export async function buildDemoDatabase(dbPath: string): Promise<void> {
	fs.mkdirSync(path.dirname(dbPath), { recursive: true });
	await ingest(dbPath, demoFiles(), { demo: true, enquete: demoManifest() });
}
