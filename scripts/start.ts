// `npm start`: builds the demo database when none exists, builds the app when the build is missing
// or older than the sources, then serves the dashboard (PORT, default 3000; MONITOR_DB selects the
// database file).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDemoDatabase } from './demo-db';

const root = path.resolve(import.meta.dirname, '..');
const dbPath = path.resolve(process.env.MONITOR_DB ?? path.join(root, 'data/monitor.duckdb'));
process.env.MONITOR_DB = dbPath;

function newestMtime(p: string): number {
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
	return newest;
}

function buildIsStale(): boolean {
	const stamp = path.join(root, 'build/index.js');
	if (!fs.existsSync(stamp)) return true;
	const built = fs.statSync(stamp).mtimeMs;
	const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
	return sources.some((p) => fs.existsSync(p) && newestMtime(p) > built);
}

if (!fs.existsSync(dbPath)) {
	console.log(`Geen database op ${dbPath}: de demodatabase wordt gebouwd uit data/demo/ …`);
	await buildDemoDatabase(dbPath);
}
if (buildIsStale()) {
	console.log('De app wordt gebouwd (vite build) …');
	execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
}
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
console.log(`Basiszorg Monitor draait op http://localhost:${port} (database: ${dbPath})`);
await import(pathToFileURL(path.join(root, 'build/index.js')).href);
