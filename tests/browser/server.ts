// Starts the built app (build/index.js) on a free port against a given database.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BUILD_DIR = path.resolve(ROOT, process.env.BM_BUILD_DIR ?? 'build');

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as net.AddressInfo).port;
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

export interface RunningServer {
	url: string;
	/** the server process (for its memory use in benchmarks) */
	pid: number;
	stop: () => Promise<void>;
	output: () => string;
}

export async function startServer(dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> {
	const port = await freePort();
	let log = '';
	const child: ChildProcess = spawn(process.execPath, [path.join(BUILD_DIR, 'index.js')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MONITOR_DB: dbPath, ORIGIN: `http://127.0.0.1:${port}`, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
		try {
			const res = await fetch(url + '/bronnen');
			if (res.status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`server did not start: ${log}`);
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		pid: child.pid!,
		output: () => log,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
