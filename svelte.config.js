import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BM_BUILD_DIR / BM_KIT_DIR let several builds run side by side in one checkout.
		adapter: adapter({ out: process.env.BM_BUILD_DIR ?? 'build' }),
		outDir: process.env.BM_KIT_DIR ?? '.svelte-kit',
		// The app sends no cross-site forms; SvelteKit's default CSRF check stays on.
		// Content-Security-Policy on every page: SvelteKit puts the hash of its own inline scripts in the
		// policy, so scripts need no 'unsafe-inline'. Hashes rather than nonces: a rendered page is kept
		// and served again (src/lib/server/http/pageCache.ts), and a nonce must not be reused. Styles do: Svelte
		// writes style attributes (chart sizes, colours from the theme). The other security headers:
		// src/lib/server/http/security.ts.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// contract/ is shared with pipelines/ (which imports it by relative path).
		alias: { $contract: 'contract' }
	}
};

export default config;
