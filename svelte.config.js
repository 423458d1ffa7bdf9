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
		// contract/ is shared with pipelines/ (which imports it by relative path).
		alias: { $contract: 'contract' }
	}
};

export default config;
