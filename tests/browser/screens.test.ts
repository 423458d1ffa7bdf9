// Every page on a phone (390x844) and a desktop screen (1366x900), on the demo data: no page
// scrolls sideways, no chart text is drawn under 11 CSS px, axe-core finds no violation of any
// impact, and no id occurs twice (a duplicated id labels a chart wrong for a screen reader). The
// routes are read from src/routes (every +page.svelte, scripts/routes.ts, the same list
// `npm run screenshots` photographs), with the ids of dynamic routes taken from links on the
// pages, so a new page is checked without editing this file.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoDatabase } from '../../scripts/demo-db';
import { resolveRoute as resolveOn, routesIn } from '../../scripts/routes';
import { openPage } from './browser';
import { query } from '../pipelines/helpers';
import { ROOT } from './server';
import { serveDatabase } from './suite';

const require = createRequire(import.meta.url);
const suite = serveDatabase(buildDemoDatabase);

const SCREENS = [
	{ name: 'telefoon', width: 390, height: 844 },
	{ name: 'desktop', width: 1366, height: 900 }
];
/** Every chart, and any new one, keeps its text at 11 px or more (a narrow variant, never scaled down). */
const MIN_CHART_TEXT = 11;

const resolveRoute = (page: Page, route: string) => resolveOn(page, suite.server.url, route);

/**
 * Ids that occur more than once, and aria-labelledby / aria-describedby references that name no
 * element: either labels a chart or a section with the wrong text for a screen reader (a
 * duplicated id resolves to the first element that has it).
 */
function idProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const seen = new Map<string, number>();
		for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
		for (const [id, n] of seen) if (n > 1) problems.push(`id "${id}" ${n} times`);
		for (const attr of ['aria-labelledby', 'aria-describedby']) {
			for (const el of document.querySelectorAll(`[${attr}]`)) {
				for (const ref of el.getAttribute(attr)!.split(/\s+/).filter(Boolean)) if (!document.getElementById(ref)) problems.push(`${attr} "${ref}" names nothing`);
			}
		}
		return problems;
	});
}

interface Measure {
	scrollWidth: number;
	viewport: number;
	small: { chart: string; text: string; px: number }[];
	charts: number;
}

function measure(page: Page): Promise<Measure> {
	return page.evaluate((min) => {
		const small: { chart: string; text: string; px: number }[] = [];
		for (const t of document.querySelectorAll('svg text')) {
			const el = t as SVGTextElement;
			if (el.getClientRects().length === 0 || !el.textContent?.trim() || el.querySelector('tspan')) continue;
			const ctm = el.getScreenCTM();
			if (!ctm) continue;
			const px = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(ctm.a, ctm.b);
			if (px < min - 0.05) small.push({ chart: el.closest('svg')?.getAttribute('data-chart') ?? '?', text: el.textContent.trim().slice(0, 30), px: Math.round(px * 10) / 10 });
		}
		for (const t of document.querySelectorAll('svg tspan')) {
			const el = t as SVGTSpanElement;
			if (el.getClientRects().length === 0) continue;
			const ctm = (el.closest('text') as SVGTextElement).getScreenCTM();
			const px = ctm ? parseFloat(getComputedStyle(el).fontSize) * Math.hypot(ctm.a, ctm.b) : min;
			if (px < min - 0.05) small.push({ chart: el.closest('svg')?.getAttribute('data-chart') ?? '?', text: (el.textContent ?? '').slice(0, 30), px: Math.round(px * 10) / 10 });
		}
		const charts = [...document.querySelectorAll('svg[data-chart]')].filter((s) => s.getClientRects().length > 0).length;
		return { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, small, charts };
	}, MIN_CHART_TEXT);
}

async function axeViolations(page: Page) {
	await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
	return page.evaluate(async () => {
		// @ts-expect-error injected global
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
	}) as Promise<string[]>;
}

const ROUTES = routesIn(path.join(ROOT, 'src/routes'));

describe('every page on a phone and a desktop screen', () => {
	it('finds the pages in src/routes', () => {
		expect(ROUTES).toContain('/');
		expect(ROUTES).toContain('/wijk/[code]');
		expect(ROUTES.length).toBeGreaterThanOrEqual(15);
	});

	for (const screen of SCREENS) {
		for (const route of ROUTES) {
			it(`${route} at ${screen.width}x${screen.height}: no sideways scroll, chart text of ${MIN_CHART_TEXT} px or more, no axe violations, no duplicate ids`, async () => {
				// /login shows its form only to someone who is not signed in.
				const { page, errors, close } = await openPage(suite.browser, { anonymous: route === '/login' });
				try {
					await page.setViewportSize({ width: screen.width, height: screen.height });
					const url = await resolveRoute(page, route);
					const res = await page.goto(suite.server.url + url, { waitUntil: 'networkidle' });
					expect(res?.status(), url).toBe(200);
					const m = await measure(page);
					expect(m.scrollWidth, `${url} is ${m.scrollWidth} px wide at ${m.viewport}`).toBeLessThanOrEqual(m.viewport);
					expect(m.small, `chart text under ${MIN_CHART_TEXT} px on ${url}`).toEqual([]);
					expect(await axeViolations(page), url).toEqual([]);
					expect(await idProblems(page), url).toEqual([]);
					expect(errors).toEqual([]);
				} finally {
					await close();
				}
			});
		}
	}

	it('the footer says up to which month the data runs, beside the load time', async () => {
		const [{ laatste }] = await query(suite.dbPath, `SELECT strftime(max(datum), '%Y-%m') AS laatste FROM verwijzingen`);
		const [jaar, maand] = String(laatste).split('-').map(Number);
		const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
		const { page, close } = await openPage(suite.browser);
		await page.goto(suite.server.url + '/', { waitUntil: 'networkidle' });
		expect(await page.locator('[data-gegevens-tot]').textContent()).toBe(`Gegevens t/m ${MAANDEN[maand - 1]} ${jaar}`);
		expect(await page.locator('footer').textContent()).toMatch(/Gegevens t\/m \S+ \d{4}, geladen op \d/);
		await close();
	});

	it('shows its charts without JavaScript (rendered on the server), the one that fits the screen', async () => {
		for (const screen of SCREENS) {
			const { page, close } = await openPage(suite.browser, { javaScript: false });
			await page.setViewportSize({ width: screen.width, height: screen.height });
			await page.goto(suite.server.url + '/verwijzingen?periode=kwartaal', { waitUntil: 'load' });
			const shown = await page.locator('#verwijzingen-trend svg[data-chart="line"]').evaluateAll((svgs) =>
				svgs.filter((s) => s.getClientRects().length > 0).map((s) => s.getAttribute('width'))
			);
			expect(shown).toEqual([screen.width < 700 ? '300' : '760']);
			await close();
		}
	});

	it('keeps the server-side DOM (linkedom) out of the browser bundle; Plot is in it', () => {
		// The suite's global setup built the app into BM_KIT_DIR (svelte.config.js).
		const client = path.join(ROOT, process.env.BM_KIT_DIR ?? '.svelte-kit', 'output/client/_app/immutable');
		const js = fs.readdirSync(client, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.js'));
		const text = js.map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')).join('\n');
		expect(js.length).toBeGreaterThan(5);
		expect(text).not.toMatch(/linkedom/);
		// Plot is: charts draw again in the browser when the data changes (a Plot error message as its mark).
		expect(text).toMatch(/missing facet data/);
	});

	it('prints the wide variant of a chart, also from a phone', async () => {
		const { page, close } = await openPage(suite.browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(suite.server.url + '/verwijzingen?periode=jaar', { waitUntil: 'networkidle' });
		await page.emulateMedia({ media: 'print' });
		const shown = await page.locator('#verwijzingen-trend svg[data-chart="line"]').evaluateAll((svgs) =>
			svgs.filter((s) => s.getClientRects().length > 0).map((s) => s.getAttribute('width'))
		);
		expect(shown).toEqual(['760']);
		await close();
	});
});
