// Server benchmark, over loopback against a real server process on a fresh data dir:
// - upload + import + segmentation of a ~7,000-node store, end to end (target < 1 s);
// - the trace endpoint for that trace, cold and warm (target < 200 ms), and its payload size;
// - list endpoints under 50 concurrent clients over a synthetic corpus (target p99 < 50 ms).
// The baseline measured in the same run is `GET /api/health` under the same load, so
// `listP99OverHealthP99` separates the endpoints' own cost from the machine's.
//   node bench/src/server-bench.ts [--pipelines 300] [--clients 50] [--requests 2000] [--port 8471]

import { spawn } from 'node:child_process';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import { writeCorpus } from '@graphlet/synth';

const { values } = parseArgs({
  options: {
    pipelines: { type: 'string', default: '300' },
    clients: { type: 'string', default: '50' },
    requests: { type: 'string', default: '2000' },
    port: { type: 'string', default: '8471' },
  },
});
const clients = Number(values.clients);
const requests = Number(values.requests);
const base = `http://127.0.0.1:${values.port}`;
const round = (x: number) => Number(x.toFixed(2));
const log = (text: string) => process.stderr.write(`server-bench: ${text}\n`);

const dir = mkdtempSync(join(tmpdir(), 'graphlet-server-bench-'));
const serverMain = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const server = spawn(process.execPath, ['--no-warnings', serverMain], {
  env: { ...process.env, DATA_DIR: join(dir, 'data'), PORT: values.port, DEMO: '0' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

try {
  await waitForHealth();

  // Both stores are written before any request: an idle keep-alive connection that the server
  // closed meanwhile would otherwise make the next upload fail (EPIPE).
  const small = join(dir, 'trace-7000.sqlite');
  writeMlmdStore(small, [syntheticTraceForBench(450)]);
  const corpus = join(dir, 'corpus.sqlite');
  log(`generating ${values.pipelines} synthetic pipelines`);
  writeCorpus(corpus, { pipelines: Number(values.pipelines), seed: 1 });

  const upload = await timedImport(small);
  const { id: traceId, nodes } = await firstTraceOf(upload.sourceId);
  const cold = await timedGet(`/api/traces/${traceId}`);
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) warm.push((await timedGet(`/api/traces/${traceId}`)).ms);

  log('importing the corpus');
  const corpusImport = await timedImport(corpus);

  const health = await load('/api/health');
  const traces = await load('/api/traces?sort=graphlets&order=desc');
  const sources = await load('/api/sources');

  const result = {
    upload7000: { nodes, endToEndMs: round(upload.ms), targetMs: 1000 },
    traceEndpoint: {
      coldMs: round(cold.ms),
      warmMedianMs: round(percentile(warm, 0.5)),
      payloadBytesUncompressed: cold.bytes,
      targetMs: 200,
    },
    corpus: { pipelines: Number(values.pipelines), importSeconds: round(corpusImport.ms / 1000) },
    lists: {
      clients,
      requests,
      healthP99Ms: health.p99,
      tracesP50Ms: traces.p50,
      tracesP99Ms: traces.p99,
      sourcesP99Ms: sources.p99,
      targetP99Ms: 50,
      listP99OverHealthP99: round(Math.max(traces.p99, sources.p99) / Math.max(health.p99, 0.01)),
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server-bench: the server did not start');
}

/** Uploads a file and waits for its import job; the time covers upload, import and segmentation. */
async function timedImport(path: string): Promise<{ ms: number; sourceId: string }> {
  const form = new FormData();
  form.append('file', await openAsBlob(path), 'store.sqlite');
  const start = performance.now();
  const response = await fetch(`${base}/api/sources`, { method: 'POST', body: form });
  const body = (await response.json()) as { source: { id: string }; job: { id: string } | null };
  if (!response.ok) throw new Error(`server-bench: upload answered ${response.status}`);
  for (let state = 'queued'; state !== 'done'; ) {
    if (body.job === null) break;
    const job = (await (await fetch(`${base}/api/jobs/${body.job.id}`)).json()) as {
      state: string;
      error?: unknown;
    };
    state = job.state;
    if (state === 'failed') throw new Error(`server-bench: import failed ${JSON.stringify(job)}`);
    if (state !== 'done') await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { ms: performance.now() - start, sourceId: body.source.id };
}

async function firstTraceOf(sourceId: string): Promise<{ id: string; nodes: number }> {
  const list = (await (await fetch(`${base}/api/traces?source=${sourceId}`)).json()) as {
    traces: { id: string; executions: number; artifacts: number }[];
  };
  const trace = list.traces[0];
  if (trace === undefined) throw new Error('server-bench: the uploaded store has no trace');
  return { id: trace.id, nodes: trace.executions + trace.artifacts };
}

async function timedGet(path: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - start, bytes };
}

/** `requests` GETs of `path` spread over `clients` concurrent loops; latency percentiles in ms. */
async function load(path: string): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      latencies.push((await timedGet(path)).ms);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return { p50: round(percentile(latencies, 0.5)), p99: round(percentile(latencies, 0.99)) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
