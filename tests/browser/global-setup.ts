// Builds the app once for the browser suite (the suite tests what `npm start` serves).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server';

export default function setup() {
	execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: ROOT,
		stdio: 'inherit'
	});
}
