// Every route and every export has an access rule, and the gate refuses what the rule does not
// allow. The lists are generated from src/routes and the export registry, so a new page or export
// without a rule fails here (and is refused to everyone by the gate, which denies by default).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_ACCESS, PAGE_ACCESS, PUBLIC_ROUTES, routeIdOf } from '$lib/auth/access';
import { ROLLEN, type Rol, type SessionUser } from '$lib/auth/types';
import { decide, safeReturnPath } from '$lib/server/auth/gate';
import { EXPORTS } from '$lib/server/export/registry';

const ROUTES = path.resolve(import.meta.dirname, '../../src/routes');

/** Route ids of every page and endpoint under src/routes. */
function routeIds(dir = ROUTES): string[] {
	const entries = fs.readdirSync(dir, { withFileTypes: true });
	const here = entries.some((e) => /^\+(page(\.server)?\.ts|page\.svelte|server\.ts)$/.test(e.name)) ? ['/' + path.relative(ROUTES, dir).split(path.sep).join('/')] : [];
	return [...here.map((r) => (r === '/' ? '/' : r.replace(/\/$/, ''))), ...entries.filter((e) => e.isDirectory()).flatMap((e) => routeIds(path.join(dir, e.name)))];
}

const user = (rol: Rol): SessionUser => ({ gebruikersnaam: `t.${rol}`, naam: rol, rol, scope: { gemeenten: null, wijken: null } });
const url = (p: string) => new URL(`http://127.0.0.1${p}`);
const samplePath = (id: string) => id.replace('[code]', 'WK990101').replace('[id]', 'WP-1').replace('[name]', 'verwijzingen').replace('[format]', 'csv');

const routes = routeIds();
const exports = Object.keys(EXPORTS);

describe('access rules', () => {
	it('finds the routes and exports (the lists are not empty by accident)', () => {
		expect(routes).toEqual(expect.arrayContaining(['/', '/verwijzingen', '/login', '/export/[name].[format]', '/beheer/audit']));
		expect(exports).toEqual(expect.arrayContaining(['verwijzingen', 'bronnen', 'swot']));
	});

	it('every route has a rule (or is public)', () => {
		expect(routes.filter((r) => !PUBLIC_ROUTES.has(r) && !Object.hasOwn(PAGE_ACCESS, r))).toEqual([]);
	});

	it('every export has a rule', () => {
		expect(exports.filter((e) => !Object.hasOwn(EXPORT_ACCESS, e))).toEqual([]);
	});

	it.each(routes.filter((r) => !PUBLIC_ROUTES.has(r)))('%s refuses an anonymous request', (id) => {
		const d = decide(null, id, url(samplePath(id)), { name: 'verwijzingen' });
		if (id.startsWith('/export/') || id.endsWith('/voortgang') || id === '/afmelden') expect(d).toMatchObject({ kind: 'refuse', status: 401 });
		else expect(d).toEqual({ kind: 'login', location: id === '/' ? '/login' : `/login?terug=${encodeURIComponent(samplePath(id))}` });
	});

	it.each(exports)('export %s: anonymous 401, each role as the table says, in every format', (name) => {
		const id = '/export/[name].[format]';
		for (const format of ['csv', 'xlsx', 'arrow']) {
			expect(decide(null, id, url(`/export/${name}.${format}`), { name, format })).toMatchObject({ kind: 'refuse', status: 401 });
			for (const rol of ROLLEN) {
				const d = decide(user(rol), id, url(`/export/${name}.${format}`), { name, format });
				expect(d.kind === 'allow', `${rol} ${name}.${format}`).toBe(EXPORT_ACCESS[name].includes(rol));
			}
		}
	});

	it('pages: each role gets exactly what the table gives it, 403 for the rest', () => {
		for (const id of routes.filter((r) => !PUBLIC_ROUTES.has(r) && r !== '/export/[name].[format]')) {
			for (const rol of ROLLEN) {
				const d = decide(user(rol), id, url(samplePath(id)), {});
				expect(d.kind === 'allow' ? 'allow' : d.kind === 'refuse' ? d.status : d.kind, `${rol} ${id}`).toBe(PAGE_ACCESS[id].includes(rol) ? 'allow' : 403);
			}
		}
	});

	it('a route nobody listed is refused to every role', () => {
		for (const rol of ROLLEN) expect(decide(user(rol), '/nieuw', url('/nieuw'), {})).toMatchObject({ kind: 'refuse', status: 403 });
	});

	it('knows which route a path belongs to (to return only to a page the role may open)', () => {
		expect(routeIdOf('/wijk/WK990101')).toBe('/wijk/[code]');
		expect(routeIdOf('/werkplannen/WP-J01')).toBe('/werkplannen/[id]');
		expect(routeIdOf('/werkplannen/rapport')).toBe('/werkplannen/rapport');
		expect(routeIdOf('/export/verwijzingen.csv')).toBe('/export/[name].[format]');
		expect(routeIdOf('/export/verwijzingen.xlsx')).toBe('/export/[name].[format]');
		expect(routeIdOf('/beheer/audit')).toBe('/beheer/audit');
		expect(routeIdOf('/onbekend')).toBeNull();
	});

	it('after signing in only a path on this site is returned to', () => {
		expect(safeReturnPath('/verwijzingen?niveau=wijk')).toBe('/verwijzingen?niveau=wijk');
		expect(safeReturnPath('//evil.example/')).toBeNull();
		expect(safeReturnPath('/\\evil.example')).toBeNull();
		expect(safeReturnPath('https://evil.example/')).toBeNull();
		expect(safeReturnPath('/login?terug=/')).toBeNull();
		expect(safeReturnPath(null)).toBeNull();
	});
});
