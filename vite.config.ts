import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// SvelteKit's own compile step dominates the build; the timing report is noise here.
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	ssr: {
		// Native addon: load it from node_modules at run time instead of bundling it.
		external: ['@duckdb/node-api', '@duckdb/node-bindings']
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/browser/**'],
					environment: 'node',
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/browser/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					// One Chromium and one server for the whole browser suite.
					fileParallelism: false
				}
			}
		]
	}
});
