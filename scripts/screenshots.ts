// `npm run screenshots`: every page of the demo at 390x844 (a phone) and 1366x900 (a laptop), as
// PNGs in docs/screenshots/<page>-<width>.png, and the README section "Schermafbeeldingen" that
// shows them. Users would rather look than read, and a reviewer sees at a glance what a change did
// to every page on both screens.
//
// It builds the app when the build is stale (scripts/app-build.ts), builds a fresh demo database in
// a temporary folder (so what the pictures show does not depend on local edits or loads), serves it
// with scripts/serve.ts on a free port, signs in as the demo beheerder (who sees every page) and
// visits every page of src/routes (scripts/routes.ts, the list the browser suite checks), with
// Debian's Chromium through playwright-core.
//
//   npm run screenshots                         every page, both widths
//   npm run screenshots -- /swot /werkplannen   only these pages (the README section is left alone)
//   npm run screenshots -- --db data/monitor.duckdb   a copy of this demo database instead of a new one
//
// Settings: BM_BUILD_DIR (the build to serve, default build), CHROMIUM_PATH (/usr/bin/chromium),
// SCREENSHOT_MAX_SCREENS (a picture shows at most this many screen heights of a long page, default 3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildApp, buildDirFromEnv, ROOT } from './app-build';
import { resolveRoute, routesIn } from './routes';

export const SCREENS = [
	{ naam: 'desktop', width: 1366, height: 900 },
	{ naam: 'telefoon', width: 390, height: 844 }
] as const;

const OUT_DIR = path.join(ROOT, 'docs/screenshots');
const README = path.join(ROOT, 'README.md');
const BEGIN = '<!-- schermafbeeldingen:begin (npm run screenshots schrijft dit deel) -->';
const END = '<!-- schermafbeeldingen:end -->';
const ACCOUNT = { gebruikersnaam: 'beheerder', wachtwoord: 'demo-beheerder' };
/** A dynamic route's title names the one record shown ("Beekveld"); the README says what kind. */
const KIND: Record<string, string> = { '/wijk/[code]': 'Wijk', '/werkplannen/[id]': 'Werkplan' };

/** '/werkplannen/rapport' -> 'werkplannen-rapport', '/wijk/[code]' -> 'wijk-code', '/' -> 'overzicht'. */
export function fileStem(route: string): string {
	const stem = route
		.split('/')
		.filter(Boolean)
		.map((s) => s.replace(/[[\]]/g, ''))
		.join('-');
	return stem || 'overzicht';
}

export interface Shot {
	route: string;
	/** the page's own name, from its <title> ("Werkafspraken · Basiszorg Monitor") */
	titel: string;
	stem: string;
}

/** The README section: a compact table of page, desktop and phone, each picture a link to itself. */
export function readmeSection(shots: readonly Shot[]): string {
	const img = (s: Shot, w: number, shown: number) =>
		`<a href="docs/screenshots/${s.stem}-${w}.png"><img src="docs/screenshots/${s.stem}-${w}.png" width="${shown}" alt="${s.titel}, ${w === 390 ? 'telefoon' : 'desktop'}"></a>`;
	const rows = shots.map((s) => `| ${s.titel}<br>\`${s.route}\` | ${img(s, 1366, 360)} | ${img(s, 390, 120)} |`);
	return [
		BEGIN,
		'Elke pagina van de demo op een laptop (1366×900) en een telefoon (390×844), gemaakt met `npm run screenshots`',
		'(lange pagina’s: de eerste drie schermhoogtes). Klik op een afbeelding voor het origineel.',
		'',
		'| pagina | desktop | telefoon |',
		'|---|---|---|',
		...rows,
		END
	].join('\n');
}

/** README with the section between the markers replaced (or added before "Eigen gegevens laden"). */
export function withSection(readme: string, section: string): string {
	const start = readme.indexOf(BEGIN);
	const end = readme.indexOf(END);
	if (start >= 0 && end > start) return readme.slice(0, start) + section + readme.slice(end + END.length);
	const anchor = readme.indexOf('\n## Eigen gegevens laden');
	const block = `\n## Schermafbeeldingen\n\n${section}\n`;
	return anchor >= 0 ? readme.slice(0, anchor) + block + readme.slice(anchor) : `${readme.trimEnd()}\n${block}`;
}

async function signIn(url: string): Promise<string> {
	const res = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, accept: 'text/html' },
		body: new URLSearchParams(ACCOUNT).toString()
	});
	const token = /bm_sessie=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
	if (res.status !== 303 || !token) throw new Error(`aanmelden als ${ACCOUNT.gebruikersnaam} mislukt: ${res.status}`);
	return token;
}

async function context(browser: Browser, url: string, token: string | null, screen: (typeof SCREENS)[number]): Promise<BrowserContext> {
	const ctx = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: 1, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	if (token) await ctx.addCookies([{ name: 'bm_sessie', value: token, url, httpOnly: true, sameSite: 'Lax' }]);
	return ctx;
}

async function main() {
	const args = process.argv.slice(2);
	const only = args.filter((a) => a.startsWith('/'));
	const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : null;
	const maxScreens = Number(process.env.SCREENSHOT_MAX_SCREENS ?? 3);
	const buildDir = buildDirFromEnv();
	if (!buildApp(buildDir)) process.exit(1);

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-screenshots-'));
	// The server reads these when it starts; a fresh demo database gets the demo accounts.
	process.env.MONITOR_DB = path.join(dir, 'monitor.duckdb');
	process.env.MONITOR_USERS = path.join(dir, 'gebruikers.json');
	delete process.env.MONITOR_EDITS_DB;
	delete process.env.MONITOR_ADMIN_PASSWORD;
	delete process.env.ORIGIN;
	if (dbArg) {
		// A copy, so the pictures' sign-in and the server's files never touch the original.
		fs.copyFileSync(dbArg, process.env.MONITOR_DB);
		if (fs.existsSync(`${dbArg}.celsleutel`)) fs.copyFileSync(`${dbArg}.celsleutel`, `${process.env.MONITOR_DB}.celsleutel`);
	} else {
		console.log('De demodatabase wordt gebouwd …');
		const { buildDemoDatabase } = await import('./demo-db');
		await buildDemoDatabase(process.env.MONITOR_DB);
	}
	const { serve } = await import('./serve');
	const running = await serve({ buildDir, host: '127.0.0.1', port: 0, announce: false });
	const url = running.url.replace('localhost', '127.0.0.1');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run']
	});
	const shots: Shot[] = [];
	const failures: string[] = [];
	try {
		const token = await signIn(url);
		const routes = routesIn(path.join(ROOT, 'src/routes')).filter((r) => only.length === 0 || only.includes(r));
		fs.mkdirSync(OUT_DIR, { recursive: true });
		for (const route of routes) {
			let titel = route;
			for (const screen of SCREENS) {
				// /login shows its form only to someone who is not signed in.
				const ctx = await context(browser, url, route === '/login' ? null : token, screen);
				try {
					const page = await ctx.newPage();
					const target = await resolveRoute(page, url, route);
					const res = await page.goto(url + target, { waitUntil: 'networkidle' });
					if (res?.status() !== 200) failures.push(`${target}: status ${res?.status()}`);
					const own = (await page.title()).split(' · ')[0] || route;
					titel = KIND[route] ? `${KIND[route]}: ${own}` : own;
					const height = await page.evaluate(() => document.documentElement.scrollHeight);
					const file = path.join(OUT_DIR, `${fileStem(route)}-${screen.width}.png`);
					await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: screen.width, height: Math.min(height, screen.height * maxScreens) } });
					console.log(`  ${path.relative(ROOT, file)}`);
				} finally {
					await ctx.close();
				}
			}
			shots.push({ route, titel, stem: fileStem(route) });
		}
	} finally {
		await browser.close();
		await running.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
	if (only.length === 0) {
		fs.writeFileSync(README, withSection(fs.readFileSync(README, 'utf8'), readmeSection(shots)));
		console.log('README.md: de sectie "Schermafbeeldingen" is bijgewerkt.');
	}
	if (failures.length) {
		console.error(`Niet elke pagina gaf status 200:\n${failures.join('\n')}`);
		process.exit(1);
	}
	// The server's database handles keep the event loop alive; everything is written.
	process.exit(0);
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (invokedDirectly) await main();
