// Building the app for `npm start` and `npm run screenshots`: only when the build is missing or
// older than the sources, and quietly. Vite and SvelteKit print hints for developers on every
// build ("Run npm run preview to preview your production build locally", "Generated an empty
// chunk") that do not apply to someone starting the dashboard; real warnings and errors stay.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** BM_BUILD_DIR as in svelte.config.js: the build goes there, and is served from there. */
export function buildDirFromEnv(): string {
	return path.resolve(ROOT, process.env.BM_BUILD_DIR ?? 'build');
}

/** Lines of a build's output that mean nothing to someone starting the app. */
export const BUILD_NOISE: readonly RegExp[] = [
	/npm run preview/,
	/^> Using @sveltejs\/adapter-node/,
	/Generated an empty chunk/,
	/^\s*✔ done\s*$/,
	/Wrote site to/,
	/^\s*$/,
	// SvelteKit's advice when BM_KIT_DIR moves its output folder (side-by-side builds): the
	// project's tsconfig follows the default folder on purpose.
	/^Your tsconfig\.json should extend/,
	/^\s*[{}]\s*$/,
	/^\s*"extends": ".*tsconfig\.json"\s*$/
];

/** The build's output without the noise: what is left is worth showing (warnings, errors). */
export function quietBuildOutput(output: string): string {
	return output
		.split('\n')
		.filter((line) => !BUILD_NOISE.some((re) => re.test(line)))
		.join('\n');
}

function newestMtime(p: string): number {
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
	return newest;
}

export function buildIsStale(buildDir: string): boolean {
	const stamp = path.join(buildDir, 'index.js');
	if (!fs.existsSync(stamp)) return true;
	const built = fs.statSync(stamp).mtimeMs;
	const sources = ['src', 'static', 'contract', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(ROOT, p));
	return sources.some((p) => fs.existsSync(p) && newestMtime(p) > built);
}

/**
 * Builds the app into `buildDir` when it is missing or stale (SvelteKit's own output folder next
 * to it follows BM_KIT_DIR). Prints what is left of the build output after the noise; on failure
 * prints all of it and returns false.
 */
export function buildApp(buildDir: string): boolean {
	if (!buildIsStale(buildDir)) return true;
	console.log('De app wordt gebouwd (vite build) …');
	const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, BM_BUILD_DIR: path.relative(ROOT, buildDir) || '.' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = `${build.stdout ?? ''}${build.stderr ?? ''}`;
	if (build.status !== 0) {
		process.stderr.write(output);
		console.error('Het bouwen van de app is mislukt (zie hierboven).');
		return false;
	}
	const rest = quietBuildOutput(output);
	if (rest.trim()) console.log(rest);
	return true;
}
