// One database, one server and one Chromium per browser test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser';
import { startServer, type RunningServer } from './server';

export interface Suite {
	dir: string;
	dbPath: string;
	server: RunningServer;
	browser: Browser;
}

/** Registers beforeAll/afterAll that build a database with `build`, serve it (with `env`) and start Chromium. */
export function serveDatabase(build: (dbPath: string) => Promise<void>, env: Record<string, string> = {}): Suite {
	const suite = {} as Suite;
	beforeAll(async () => {
		suite.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-browser-'));
		suite.dbPath = path.join(suite.dir, 'monitor.duckdb');
		await build(suite.dbPath);
		suite.server = await startServer(suite.dbPath, env);
		suite.browser = await launch();
	});
	afterAll(async () => {
		await suite.browser?.close();
		await suite.server?.stop();
		if (suite.dir) fs.rmSync(suite.dir, { recursive: true, force: true });
	});
	return suite;
}
