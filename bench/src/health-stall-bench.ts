// Health under heavy work, over loopback against real server processes: a probe asks
// GET /api/health every 100 ms during a large import, an uncached /api/stats request and a waste
// training, and reports the worst wait and the p99 (from each probe's due time to its answer).
// The baseline is another tree of the project (default: `git archive main`, installed offline)
// measured in the same run, baseline first, on the same store.
//   node bench/src/health-stall-bench.ts [--pipelines 60 | --store corpus.sqlite] [--trees 50]
//     [--baseline main | --baseline-dir /path/to/tree]
// Wall-clock waits include time the server was not scheduled: on a crowded machine (load far
// above its cores) the idle probe alone waits tens of ms; `idle` is measured for that reason.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from '@graphlet/synth';

const { values } = parseArgs({
  options: {
    pipelines: { type: 'string', default: '60' },
    store: { type: 'string' },
    trees: { type: 'string', default: '50' },
    baseline: { type: 'string', default: 'main' },
    'baseline-dir': { type: 'string' },
  },
});
// Each server listens on a port the system picks (PORT=0), read from the line it prints.
let base = '';
const round = (x: number) => Number(x.toFixed(1));
const log = (text: string) => process.stderr.write(`health-stall: ${text}\n`);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'graphlet-health-stall-'));

interface Stalls {
  samples: number;
  worstMs: number;
  p99Ms: number;
  seconds: number;
}

try {
  let store = values.store;
  if (store === undefined) {
    store = join(dir, 'corpus.sqlite');
    log(`generating ${values.pipelines} synthetic pipelines`);
    writeCorpus(store, { pipelines: Number(values.pipelines), seed: 1 });
  }
  const baselineTree = values['baseline-dir'] ?? checkout(values.baseline);
  const baseline = await measure(baselineTree, store);
  const current = await measure(root, store);
  const ratio = (k: 'import' | 'stats' | 'training') => {
    const [b, c] = [baseline[k], current[k]];
    return typeof b === 'string' || typeof c === 'string'
      ? null
      : round(b.worstMs / Math.max(1, c.worstMs));
  };
  process.stdout.write(
    `${JSON.stringify(
      {
        store: {
          path: values.store ?? `synthetic, ${values.pipelines} pipelines`,
          trees: Number(values.trees),
        },
        baseline: {
          tree: values['baseline-dir'] ?? values.baseline,
          commit: commitOf(baselineTree),
          ...baseline,
        },
        current: { tree: 'this tree', commit: commitOf(root), ...current },
        worstBaselineOverCurrent: {
          import: ratio('import'),
          stats: ratio('stats'),
          training: ratio('training'),
        },
        targetWorstMs: 200,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** A tree of `ref` (git archive), its dependencies installed from the local store. */
function checkout(ref: string): string {
  const tree = join(dir, `tree-${ref.replaceAll('/', '-')}`);
  log(`checking out ${ref} into ${tree}`);
  execFileSync('sh', [
    '-c',
    `mkdir -p "${tree}" && git -C "${root}" archive "${ref}" | tar -x -C "${tree}"`,
  ]);
  execFileSync('pnpm', ['install', '--frozen-lockfile', '--offline', '--silent'], {
    cwd: tree,
    stdio: 'ignore',
  });
  return tree;
}

function commitOf(tree: string): string {
  try {
    return execFileSync(
      'git',
      ['-C', root, 'rev-parse', '--short', tree === root ? 'HEAD' : values.baseline],
      {
        encoding: 'utf8',
      },
    ).trim();
  } catch {
    return 'unknown';
  }
}

/** Starts the server of `tree` on a fresh data folder and probes health through the three loads. */
async function measure(tree: string, store: string) {
  const data = mkdtempSync(join(dir, 'data-'));
  const server = spawn(process.execPath, ['--no-warnings', join(tree, 'apps/server/src/main.ts')], {
    env: { ...process.env, DATA_DIR: data, PORT: '0', DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const listening = new Promise<void>((resolve) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const url = /on (http:\/\/[^/ ]+)\//.exec(chunk.toString())?.[1];
      if (url !== undefined && base === '') {
        base = url;
        resolve();
      }
    });
  });
  let exited = false;
  server.once('exit', () => {
    exited = true;
  });
  try {
    base = '';
    await Promise.race([listening, new Promise((resolve) => server.once('exit', resolve))]);
    await waitForHealth(() => exited);
    log(`${tree}: idle`);
    const idle = await probed(() => new Promise((resolve) => setTimeout(resolve, 3_000)));
    log(`${tree}: import`);
    const form = new FormData();
    form.append('file', await openAsBlob(store), 'store.sqlite');
    const imported = await probed(async () => {
      const response = await retried(() =>
        fetch(`${base}/api/sources`, { method: 'POST', body: form }),
      );
      const body = (await response.json()) as { job: { id: string } | null };
      if (!response.ok || body.job === null) throw new Error(`upload answered ${response.status}`);
      await waitForJob(body.job.id);
    });
    log(`${tree}: stats`);
    const stats = await probed(async () => {
      const response = await fetch(`${base}/api/stats`);
      if (!response.ok) throw new Error(`stats answered ${response.status}`);
      await response.arrayBuffer();
    });
    log(`${tree}: training`);
    // A store the classifier cannot train on (one pipeline: no split by pipeline) says why.
    let refused: string | undefined;
    const training = await probed(async () => {
      const response = await fetch(`${base}/api/waste/train`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variant: 'RF:Input+Pre', trees: Number(values.trees) }),
      });
      const body = (await response.json()) as { job: { id: string }; error: { message: string } };
      if (response.status === 422) refused = body.error.message;
      else if (response.status !== 202) throw new Error(`training answered ${response.status}`);
      else await waitForJob(body.job.id);
    });
    return { idle, import: imported, stats, training: refused ?? training };
  } finally {
    if (!exited) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }
}

/** Runs `work` while asking /api/health every 100 ms; the waits from each probe's due time. */
async function probed(work: () => Promise<void>): Promise<Stalls> {
  const waits: number[] = [];
  let running = true;
  const start = performance.now();
  const probe = (async () => {
    for (let k = 1; running; k++) {
      const due = start + k * 100;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      if (!running) break;
      await (await retried(() => fetch(`${base}/api/health`))).arrayBuffer();
      waits.push(performance.now() - due);
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await probe;
  }
  const sorted = waits.sort((a, b) => a - b);
  return {
    samples: sorted.length,
    worstMs: round(sorted.at(-1) ?? 0),
    p99Ms: round(sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0),
    seconds: round((performance.now() - start) / 1000),
  };
}

/**
 * Runs a request again once when the connection was reset: undici may reuse a keep-alive socket
 * the server has just closed (its 5 s idle timeout); uploads are idempotent (same sha256).
 */
async function retried(request: () => Promise<Response>): Promise<Response> {
  try {
    return await request();
  } catch {
    return request();
  }
}

async function waitForJob(id: string): Promise<void> {
  for (;;) {
    const job = (await (await retried(() => fetch(`${base}/api/jobs/${id}`))).json()) as {
      state: string;
      error?: { message: string };
    };
    if (job.state === 'done') return;
    if (job.state !== 'queued' && job.state !== 'running')
      throw new Error(`job ${id} ended ${job.state}: ${job.error?.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits for the spawned server; an exit (a port taken by another server) fails at once. */
async function waitForHealth(exited: () => boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (exited()) throw new Error('the server exited before it answered');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start');
}
