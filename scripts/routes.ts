// The pages of the app, read from src/routes (every +page.svelte), and how to find an id for a
// dynamic route (a link to it on another page). Shared by the browser suite (every page on a phone
// and a desktop screen) and `npm run screenshots`, so a new page is checked and photographed
// without editing either.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where the id of a dynamic route comes from: a page that links to it. */
export const LINKED_FROM: Record<string, string> = { '/wijk/[code]': '/', '/werkplannen/[id]': '/werkplannen' };

/** '/wijk/[code]' for src/routes/wijk/[code]/+page.svelte; route groups are left out. */
export function routesIn(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name === '+page.svelte')
		.map((e) => '/' + path.relative(dir, e.parentPath).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/'))
		.sort();
}

/** A path for `route`: itself, or for a dynamic route the first link to it on its LINKED_FROM page. */
export async function resolveRoute(page: Page, baseUrl: string, route: string): Promise<string> {
	if (!route.includes('[')) return route;
	const from = LINKED_FROM[route];
	if (!from) throw new Error(`no page named to find an id for ${route}: add it to LINKED_FROM`);
	await page.goto(baseUrl + from, { waitUntil: 'networkidle' });
	const prefix = route.slice(0, route.indexOf('['));
	const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	const href = hrefs.find((h) => /^[^?#]*$/.test(h) && h.split('/').length === route.split('/').length);
	if (!href) throw new Error(`no link to ${route} on ${from}`);
	return href;
}
