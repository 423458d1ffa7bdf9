// One database, one server and one Chromium per browser test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser';
import { startServer, type RunningServer } from './server';
import { ADMIN, sessionFetch, signIn, useSession, type Session } from './session';
import type { Rol } from '../../src/lib/auth/types';
import { UserStore } from '../../src/lib/server/auth/users';

export interface Suite {
	dir: string;
	dbPath: string;
	server: RunningServer;
	browser: Browser;
	/** The beheerder's session; pages from openPage(suite.browser) use it. */
	session: Session;
	/** fetch a path of the server as the beheerder. */
	fetch: (path: string, init?: RequestInit) => Promise<Response>;
	/** Stops and starts the server on the same files (sessions end: signs in again). */
	restart: () => Promise<void>;
}

export interface TestAccount {
	gebruikersnaam: string;
	naam: string;
	rol: Rol;
	gemeenten?: string[];
	wijken?: string[];
	wachtwoord: string;
}

/**
 * Registers beforeAll/afterAll that build a database with `build`, write `accounts` (beheerder
 * always exists), serve it (with `env`), start Chromium and sign in as beheerder.
 */
export function serveDatabase(build: (dbPath: string) => Promise<void>, env: Record<string, string> = {}, accounts: TestAccount[] = []): Suite {
	const suite = {} as Suite;
	beforeAll(async () => {
		suite.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-browser-'));
		suite.dbPath = path.join(suite.dir, 'monitor.duckdb');
		await build(suite.dbPath);
		const users = new UserStore(path.join(suite.dir, 'gebruikers.json'));
		for (const a of accounts) await users.add(a);
		const serverEnv = { MONITOR_USERS: users.path, MONITOR_ADMIN_PASSWORD: ADMIN.wachtwoord, ...env };
		suite.server = await startServer(suite.dbPath, serverEnv);
		suite.browser = await launch();
		suite.session = await signIn(suite.server.url);
		useSession(suite.browser, suite.session);
		suite.fetch = (p, init) => sessionFetch(suite.session, p, init);
		suite.restart = async () => {
			await suite.server.stop();
			suite.server = await startServer(suite.dbPath, serverEnv);
			suite.session = await signIn(suite.server.url);
			useSession(suite.browser, suite.session);
		};
	});
	afterAll(async () => {
		await suite.browser?.close();
		await suite.server?.stop();
		if (suite.dir) fs.rmSync(suite.dir, { recursive: true, force: true });
	});
	return suite;
}
