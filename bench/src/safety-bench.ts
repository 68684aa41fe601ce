// Server under load (issue 13): peak RSS of a server process viewing three large traces
// (~1M nodes each by default) and the autocannon table (50 connections) for /api/traces, the
// largest trace and /api/stats. Each configuration is a fresh server process over the same
// imported data folder, measured one after the other in this run:
//   - `branch`: this checkout with its defaults (CACHE_BYTES 256 MiB, STATS_CACHE_BYTES 32 MiB);
//   - `uncapped`: the same code with CACHE_BYTES at 64 GiB, i.e. the caches bounded by nothing
//     in practice, as before the byte caps (the 1.1 GB -> 3.3 GB);
//   - `main` (only with --baseline-root DIR, a checkout of main with its dependencies
//     installed, e.g. `git worktree add /tmp/main main && pnpm -C /tmp/main install`).
// The stores are written with core's syntheticTraceForBench (one pipeline per store): `cli synth`
// makes corpora of ordinary pipelines (~1,900 nodes each), not single 1M-node traces.
//   pnpm bench safety [--nodes 1000000] [--duration 10] [--connections 50] [--port 8473]
//                     [--baseline-root DIR]

import { spawn } from 'node:child_process';
import { mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '8473' },
    'baseline-root': { type: 'string' },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const log = (text: string) => process.stderr.write(`safety-bench: ${text}\n`);
const MIB = 1024 ** 2;
/** syntheticTraceForBench makes about 15.7 nodes per trainer (450 trainers: 7,083 nodes). */
const NODES_PER_TRAINER = 7083 / 450;

interface Config {
  readonly label: string;
  readonly main: string;
  readonly env: Record<string, string>;
}
const branchMain = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const configs: Config[] = [
  { label: 'branch', main: branchMain, env: {} },
  { label: 'uncapped', main: branchMain, env: { CACHE_BYTES: String(64 * 1024 * MIB) } },
];
if (values['baseline-root'] !== undefined) {
  configs.push({
    label: 'main',
    main: join(values['baseline-root'], 'apps/server/src/main.ts'),
    env: {},
  });
}

interface TraceRow {
  readonly id: string;
  readonly executions: number;
  readonly artifacts: number;
}

const live = new Set<ReturnType<typeof spawn>>();
const dir = mkdtempSync(join(tmpdir(), 'graphlet-safety-bench-'));
let dataDir = join(dir, 'data');
try {
  const trainers = Math.max(1, Math.round(Number(values.nodes) / NODES_PER_TRAINER));
  const stores: string[] = [];
  for (let i = 0; i < 3; i++) {
    const path = join(dir, `big-${i}.sqlite`);
    log(`writing store ${i + 1} of 3 (${trainers + i} trainers)`);
    writeMlmdStore(path, [{ ...syntheticTraceForBench(trainers + i), pipeline: `big-${i}` }]);
    stores.push(path);
  }

  // Each code base imports into its own data folder (main cannot open a store migrated further).
  const imported = new Map<string, { importSeconds: number[]; traces: TraceRow[] }>();
  const results: Record<string, unknown> = {};
  for (const config of configs) {
    dataDir = join(dir, `data-${config.main === branchMain ? 'branch' : config.label}`);
    let data = imported.get(dataDir);
    if (data === undefined) {
      log(`${config.label}: importing the three stores`);
      const importer = await startServer(config);
      const importSeconds: number[] = [];
      for (const store of stores) importSeconds.push(await timedImport(store));
      const list = (await (
        await fetch(`${base}/api/traces?sort=executions&order=desc`)
      ).json()) as { traces: TraceRow[] };
      await stopServer(importer);
      data = { importSeconds, traces: list.traces };
      imported.set(dataDir, data);
    }
    const ids = data.traces.map((t) => t.id);
    const largest = data.traces[0]!;
    log(`${config.label}: viewing three traces`);
    const server = await startServer(config);
    const viewMs: number[] = [];
    let viewRetries = 0;
    for (const id of ids) {
      const start = performance.now();
      const view = async () => {
        const response = await fetch(`${base}/api/traces/${id}`);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`safety-bench: GET trace answered ${response.status}`);
      };
      // A kept-alive connection the server closed (its keep-alive timer ran out while this client,
      // on a busy machine, was still reading the previous answer) fails at once: ask again, as a
      // browser does for a GET.
      await view().catch((error: Error) => {
        if ((error.cause as { code?: string } | undefined)?.code !== 'UND_ERR_SOCKET') throw error;
        viewRetries++;
        return view();
      });
      viewMs.push(Math.round(performance.now() - start));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const memory = processMemory(server.pid!);
    // The table measures answers as a browser asks for them, after one uncached statistics run.
    const statsStart = performance.now();
    await (await fetch(`${base}/api/stats`)).arrayBuffer();
    const statsColdMs = Math.round(performance.now() - statsStart);
    log(`${config.label}: autocannon`);
    const table: Record<string, unknown> = {};
    for (const [name, path] of [
      ['/api/traces', '/api/traces'],
      ['largest trace', `/api/traces/${largest.id}`],
      ['/api/stats', '/api/stats'],
    ] as const) {
      table[name] = await cannon(path);
    }
    results[config.label] = {
      importSeconds: data.importSeconds,
      viewMs,
      viewRetries,
      statsColdMs,
      peakRssMiB: memory.peakMiB,
      idleRssMiB: memory.nowMiB,
      afterLoadRssMiB: processMemory(server.pid!).nowMiB,
      autocannon: table,
    };
    await stopServer(server);
  }
  const branch = results.branch as { peakRssMiB: number; idleRssMiB: number };
  const ratios = Object.fromEntries(
    Object.entries(results)
      .filter(([label]) => label !== 'branch')
      .map(([label, r]) => {
        const other = r as { peakRssMiB: number; idleRssMiB: number };
        return [
          `branchOver_${label}`,
          {
            peakRss: round(branch.peakRssMiB / other.peakRssMiB),
            idleRss: round(branch.idleRssMiB / other.idleRssMiB),
          },
        ];
      }),
  );
  const first = [...imported.values()][0]!;
  const out = {
    traces: first.traces.map((t) => ({ id: t.id, nodes: t.executions + t.artifacts })),
    connections: Number(values.connections),
    durationSeconds: Number(values.duration),
    ...results,
    ratios,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} finally {
  // A server left running by a failed step must not outlive the bench (nor keep its port).
  for (const child of live) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

function round(x: number): number {
  return Number(x.toFixed(2));
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MiB (Linux). */
function processMemory(pid: number): { peakMiB: number; nowMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { peakMiB: Math.round(kib('VmHWM') / 1024), nowMiB: Math.round(kib('VmRSS') / 1024) };
}

async function startServer(config: Config) {
  const child = spawn(process.execPath, ['--no-warnings', config.main], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DEMO: '0', ...config.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`safety-bench: the ${config.label} server did not start`);
}

function stopServer(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Uploads a store and waits for its import; seconds. */
async function timedImport(path: string): Promise<number> {
  const start = performance.now();
  const form = new FormData();
  form.append('file', await openAsBlob(path), 'big.sqlite');
  const response = await fetch(`${base}/api/sources`, { method: 'POST', body: form });
  const body = (await response.json()) as { job: { id: string } | null };
  if (!response.ok || body.job === null)
    throw new Error(`safety-bench: upload answered ${response.status}`);
  for (;;) {
    // While an import commits, the event loop is held; a kept-alive connection may then be
    // closed under a poll (ECONNRESET): poll again on a new one.
    const job = (await fetch(`${base}/api/jobs/${body.job.id}`)
      .then((r) => r.json())
      .catch(() => ({ state: 'unknown' }))) as { state: string };
    if (job.state === 'done') break;
    if (job.state === 'failed')
      throw new Error(`safety-bench: import failed ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return round((performance.now() - start) / 1000);
}

/** autocannon for `duration` seconds at `connections`: requests per second, latency, failures. */
async function cannon(path: string) {
  const result = await autocannon({
    url: `${base}${path}`,
    connections: Number(values.connections),
    duration: Number(values.duration),
    headers: { 'accept-encoding': 'gzip' },
  });
  return {
    requestsPerSecond: round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
