// The page cache: what is kept, for whom, and how much (src/lib/server/http/pageCache.ts). The
// end-to-end checks (another user, a swap) are in tests/browser/page-cache.test.ts.
import { describe, expect, it } from 'vitest';
import { PageCache, pageKey } from '$lib/server/http/pageCache';
import type { SessionUser } from '$lib/auth/types';

const admin: SessionUser = { gebruikersnaam: 'beheerder', naam: 'Beheer', rol: 'beheerder', scope: { gemeenten: null, wijken: null } };
const beleid: SessionUser = { gebruikersnaam: 'b', naam: 'B', rol: 'beleid', scope: { gemeenten: ['GM9901'], wijken: null } };
const get = (url: string) => new Request(url);
const page = (text: string, init: ResponseInit = {}) => new Response(text, { status: 200, headers: { 'content-type': 'text/html' }, ...init });

describe('pageKey', () => {
	const url = 'http://127.0.0.1:3000/verwijzingen?niveau=wijk';
	it('differs by user, scope, version, day and address, and is null for what may not be kept', () => {
		const base = pageKey(get(url), '/verwijzingen', admin, () => 'v1', '2026-12-01');
		expect(base).not.toBeNull();
		const others = [
			pageKey(get(url), '/verwijzingen', beleid, () => 'v1', '2026-12-01'),
			pageKey(get(url), '/verwijzingen', { ...beleid, scope: { gemeenten: ['GM9902'], wijken: null } }, () => 'v1', '2026-12-01'),
			pageKey(get(url), '/verwijzingen', admin, () => 'v2', '2026-12-01'),
			pageKey(get(url), '/verwijzingen', admin, () => 'v1', '2026-12-02'),
			pageKey(get(url + '&periode=jaar'), '/verwijzingen', admin, () => 'v1', '2026-12-01'),
			pageKey(get('http://127.0.0.1:3000/verwijzingen/__data.json?niveau=wijk'), '/verwijzingen', admin, () => 'v1', '2026-12-01')
		];
		expect(new Set([base, ...others]).size).toBe(7);
		expect(pageKey(new Request(url, { method: 'POST' }), '/verwijzingen', admin, () => 'v1')).toBeNull();
		expect(pageKey(get('http://x/werkplannen'), '/werkplannen', admin, () => 'v1')).toBeNull(); // reads the edits store
		expect(pageKey(get('http://x/swot'), '/swot', admin, () => 'v1')).toBeNull();
		expect(pageKey(get(url), '/verwijzingen', null, () => 'v1')).toBeNull();
		expect(pageKey(get(url), '/verwijzingen', admin, () => null)).toBeNull();
		expect(pageKey(get(url), null, admin, () => 'v1')).toBeNull();
		// a request that is never kept does not look at the database file
		let asked = 0;
		const version = () => (asked++, 'v1');
		pageKey(get('http://x/swot'), '/swot', admin, version);
		pageKey(get('http://x/login'), '/login', null, version);
		expect(asked).toBe(0);
	});
});

describe('PageCache', () => {
	it('serves a kept page again, body and headers, and never keeps a cookie or a failure', async () => {
		const cache = new PageCache();
		const sent = await cache.put('a', page('<p>een</p>', { headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'sha256-x'" } }));
		expect(await sent.text()).toBe('<p>een</p>');
		const again = cache.get('a')!;
		expect(await again.text()).toBe('<p>een</p>');
		expect(again.headers.get('content-security-policy')).toBe("script-src 'sha256-x'");
		expect(await cache.get('a')!.text()).toBe('<p>een</p>'); // each hit is a fresh body
		await cache.put('c', page('x', { headers: { 'set-cookie': 'bm_sessie=1' } }));
		await cache.put('e', new Response('fout', { status: 500 }));
		expect([cache.get('c'), cache.get('e'), cache.size]).toEqual([null, null, 1]);
	});

	it('drops the least recently used pages past its byte budget, and never keeps one page over its limit', async () => {
		const cache = new PageCache(25, 12);
		await cache.put('a', page('x'.repeat(10)));
		await cache.put('b', page('x'.repeat(10)));
		cache.get('a'); // a is now the most recent
		await cache.put('c', page('x'.repeat(10))); // 30 > 25: b goes
		expect([cache.get('a') !== null, cache.get('b'), cache.get('c') !== null, cache.bytes]).toEqual([true, null, true, 20]);
		const big = await cache.put('d', page('x'.repeat(13)));
		expect((await big.text()).length).toBe(13);
		expect([cache.get('d'), cache.size]).toEqual([null, 2]);
	});
});
