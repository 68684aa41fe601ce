/** A real server for the web benchmark: free port, temp data folder, no demo corpus; uploads by HTTP. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A running server and how to stop it. */
export interface BenchServer {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** Builds the web app when apps/web/dist is missing (pnpm from PATH). */
export function ensureWebBuild(): void {
  if (existsSync(join(root, 'apps/web/dist/index.html'))) return;
  process.stderr.write('web-bench: building the web app...\n');
  const built = spawnSync('pnpm', ['--filter', '@graphlet/web', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error('web-bench: the web build failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node apps/server/src/main.ts` (or WEB_BENCH_SERVER, another checkout's main.ts) on a free
 * port with a fresh DATA_DIR and DEMO=0, serving `webDir`, else WEB_DIR, else this checkout's
 * apps/web/dist.
 */
export async function startServer(webDir?: string): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'web-bench-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--no-warnings=ExperimentalWarning',
      process.env.WEB_BENCH_SERVER ?? join(root, 'apps/server/src/main.ts'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DEMO: '0',
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_DIR: webDir ?? process.env.WEB_DIR ?? join(root, 'apps/web/dist'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error('web-bench: the server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, dataDir, stop };
}

/** Uploads an MLMD store, waits for its import job, and returns the ids of its traces. */
export async function uploadStore(url: string, file: string): Promise<string[]> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)]), 'bench.sqlite');
  const response = await fetch(`${url}/api/sources`, { method: 'POST', body: form });
  if (!response.ok) throw new Error(`web-bench: upload answered ${response.status}`);
  const { source, job } = (await response.json()) as {
    source: { id: string };
    job: { id: string } | null;
  };
  const deadline = Date.now() + 300_000;
  while (job !== null) {
    const state = ((await (await fetch(`${url}/api/jobs/${job.id}`)).json()) as { state: string })
      .state;
    if (state === 'done') break;
    if (state === 'failed' || state === 'error' || Date.now() > deadline) {
      throw new Error(`web-bench: import job ended ${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { traces } = (await (await fetch(`${url}/api/traces`)).json()) as {
    traces: { id: string; sourceId: string }[];
  };
  return traces.filter((t) => t.sourceId === source.id).map((t) => t.id);
}
