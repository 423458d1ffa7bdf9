// `npm start`: builds the demo database when none exists, builds the app when the build is missing
// or older than the sources, then serves the dashboard with scripts/serve.ts (HOST, default
// 127.0.0.1; PORT, default 3000; MONITOR_DB selects the database file).
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_VERSION } from '../contract/schema';
import { buildDemoDatabase } from './demo-db';
import { serve } from './serve';
import { buildApp, buildDirFromEnv, ROOT } from './app-build';
import { DEMO_ACCOUNTS, demoPassword } from '../src/lib/server/auth/bootstrap';
import { UserStore, usersPath } from '../src/lib/server/auth/users';

const buildDir = buildDirFromEnv();
const dbPath = path.resolve(process.env.MONITOR_DB ?? path.join(ROOT, 'data/monitor.duckdb'));
process.env.MONITOR_DB = dbPath;

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

if (!buildApp(buildDir)) process.exit(1);
console.log(`Database: ${dbPath}`);
const running = await serve({ buildDir });
const demo = demoAccountLines();
if (demo.length) console.log(`Demo-accounts (fictieve gegevens; wijzig ze met npm run users):\n${demo.join('\n')}`);
console.log('Stoppen: Ctrl+C.');
const stop = () => void running.close();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
