// `npm run demo-db [-- <file.duckdb>]`: (re)builds the demo database.
import fs from 'node:fs';
import path from 'node:path';
import { buildDemoDatabase } from './demo-db';

const target = path.resolve(process.argv[2] ?? process.env.MONITOR_DB ?? 'data/monitor.duckdb');
fs.rmSync(target, { force: true });
const started = Date.now();
await buildDemoDatabase(target);
console.log(`Demodatabase gebouwd: ${target} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
