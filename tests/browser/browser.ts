// Debian's Chromium driven by playwright-core (no browser download), plus axe-core.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { addSessionCookie, type Session } from './session';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run']
	});
}

/** A page that records console errors and uncaught exceptions; signed in when the suite signed in. */
export async function openPage(browser: Browser, options: { acceptDownloads?: boolean; anonymous?: boolean; session?: Session; javaScript?: boolean } = {}) {
	const context = await browser.newContext({ acceptDownloads: options.acceptDownloads ?? false, locale: 'nl-NL', javaScriptEnabled: options.javaScript ?? true });
	if (options.session) await context.addCookies([{ name: 'bm_sessie', value: options.session.token, url: options.session.url, httpOnly: true, sameSite: 'Lax' }]);
	else if (!options.anonymous) await addSessionCookie(browser, context);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return { page, errors, close: () => context.close() };
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page) {
	// Evaluated, not added as a <script>: the app's Content-Security-Policy blocks inline scripts
	// without its nonce, and evaluation through the DevTools protocol is not subject to it.
	await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
	const result = await page.evaluate(async () => {
		// @ts-expect-error injected global
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
			id: v.id,
			impact: v.impact,
			targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
		}));
	});
	return (result as { id: string; impact: string; targets: string[] }[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function expectAccessible(page: Page) {
	expect(await seriousViolations(page)).toEqual([]);
}
