// `npm start`: builds the demo database when none exists, builds the app when the build is missing
// or older than the sources, then serves the dashboard with scripts/serve.ts (HOST, default
// 127.0.0.1; PORT, default 3000; MONITOR_DB selects the database file).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_VERSION } from '../contract/schema';
import { buildDemoDatabase } from './demo-db';
import { serve } from './serve';
import { DEMO_ACCOUNTS, demoPassword } from '../src/lib/server/auth/bootstrap';
import { UserStore, usersPath } from '../src/lib/server/auth/users';

const root = path.resolve(import.meta.dirname, '..');
// BM_BUILD_DIR as in svelte.config.js: the build goes there, and is served from there.
const buildDir = path.resolve(root, process.env.BM_BUILD_DIR ?? 'build');
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
	const stamp = path.join(buildDir, 'index.js');
	if (!fs.existsSync(stamp)) return true;
	const built = fs.statSync(stamp).mtimeMs;
	const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
	return sources.some((p) => fs.existsSync(p) && newestMtime(p) > built);
}

/** A demo database built by an older version of the monitor (only demo data is ever rebuilt). */
async function isOutdatedDemo(file: string): Promise<boolean> {
	try {
		const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
		try {
			const c = await instance.connect();
			const rows = (await c.runAndReadAll(`SELECT key, value FROM meta WHERE key IN ('demo', 'schema_version')`)).getRowObjectsJS();
			c.closeSync();
			const meta = new Map(rows.map((r) => [String(r.key), String(r.value)]));
			return meta.get('demo') === '1' && Number(meta.get('schema_version')) < SCHEMA_VERSION;
		} finally {
			instance.closeSync();
		}
	} catch {
		return false;
	}
}

if (!fs.existsSync(dbPath)) {
	console.log(`Geen database op ${dbPath}: de demodatabase wordt gebouwd uit data/demo/ …`);
	await buildDemoDatabase(dbPath);
} else if (await isOutdatedDemo(dbPath)) {
	console.log(`De demodatabase op ${dbPath} is van een oudere versie van de monitor: hij wordt opnieuw gebouwd uit data/demo/ …`);
	fs.rmSync(dbPath, { force: true });
	await buildDemoDatabase(dbPath);
}
/** What SvelteKit and Vite print on every build that means nothing to someone starting the app. */
const BUILD_NOISE = [
	/Run npm run preview/,
	/npm run preview/,
	/^> Using @sveltejs\/adapter-node/,
	/Generated an empty chunk/,
	/^\s*✔ done\s*$/,
	/Wrote site to/,
	/^\s*$/
];

/** The demo accounts that exist in the accounts file (the server creates them on its first start on the demo data). */
function demoAccountLines(): string[] {
	let accounts;
	try {
		accounts = new UserStore(usersPath()).list();
	} catch {
		return [];
	}
	return DEMO_ACCOUNTS.filter((d) => accounts.some((a) => a.gebruikersnaam === d.gebruikersnaam && a.naam === d.naam && a.actief)).map(
		(d) => `  ${d.gebruikersnaam.padEnd(22)} wachtwoord ${demoPassword(d.gebruikersnaam).padEnd(28)} ${d.naam.replace(/ \(demo\)$/, '')}`
	);
}

if (buildIsStale()) {
	console.log('De app wordt gebouwd (vite build) …');
	const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = `${build.stdout ?? ''}${build.stderr ?? ''}`;
	if (build.status !== 0) {
		process.stderr.write(output);
		console.error('Het bouwen van de app is mislukt (zie hierboven).');
		process.exit(1);
	}
	const rest = output.split('\n').filter((line) => !BUILD_NOISE.some((re) => re.test(line)));
	if (rest.length) console.log(rest.join('\n'));
}
console.log(`Database: ${dbPath}`);
const running = await serve({ buildDir });
const demo = demoAccountLines();
if (demo.length) console.log(`Demo-accounts (fictieve gegevens; wijzig ze met npm run users):\n${demo.join('\n')}`);
console.log('Stoppen: Ctrl+C.');
const stop = () => void running.close();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
