// Corpus-wide search benchmark: a real server process on a fresh data folder imports the
// 300-pipeline corpus (default /work/data/corpus-300-s1.sqlite; the import fills the search
// index), then answers GET /api/search for rare, common, URI and pipeline queries. Baselines of
// the same run: GET /api/health (the HTTP floor) and the same substring found by a LIKE scan over
// the indexed table's columns without the FTS5 index (the store file, read directly).
//   node bench/src/search-bench.ts [--store FILE] [--repeat 30] [--port N]   (default: a free port)

import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: '/work/data/corpus-300-s1.sqlite' },
    repeat: { type: 'string', default: '30' },
    port: { type: 'string' },
  },
});
const repeat = Number(values.repeat);
const port = values.port ?? String(await freePort());
const base = `http://127.0.0.1:${port}`;
// Never talk to a server this bench did not start.
if (await answers(`${base}/api/health`)) throw new Error(`search-bench: port ${port} is taken`);
const round = (x: number) => Number(x.toFixed(2));
const log = (text: string) => process.stderr.write(`search-bench: ${text}\n`);

/** Queries by kind: a term in a few nodes, one in most graphlets, a URI part, a pipeline name. */
const QUERIES = {
  rare: 'Pusher',
  common: 'Trainer',
  uri: '/artifacts/',
  none: 'no-such-node-anywhere',
};

const dir = mkdtempSync(join(tmpdir(), 'graphlet-search-bench-'));
const dataDir = join(dir, 'data');
const serverMain = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const server = spawn(process.execPath, ['--no-warnings', serverMain], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: port, DEMO: '0' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

try {
  await waitForHealth();
  log(`importing ${values.store}`);
  const importMs = await timedImport(values.store);
  const traces = (await (await fetch(`${base}/api/traces`)).json()) as {
    traces: { pipeline: string; executions: number; artifacts: number }[];
  };
  const nodes = traces.traces.reduce((n, t) => n + t.executions + t.artifacts, 0);
  const pipelineQuery = traces.traces[Math.floor(traces.traces.length / 2)]?.pipeline ?? 'pipeline';

  const health = await timed('/api/health');
  const search: Record<string, { p50Ms: number; p99Ms: number; hits: number; more: boolean }> = {};
  for (const [name, q] of Object.entries({ ...QUERIES, pipeline: pipelineQuery })) {
    const path = `/api/search?q=${encodeURIComponent(q)}&limit=20`;
    const answer = (await (await fetch(`${base}${path}`)).json()) as {
      hits: unknown[];
      more: boolean;
    };
    const t = await timed(path);
    search[name] = { ...t, hits: answer.hits.length, more: answer.more };
  }

  // The same substring without the index: a LIKE scan of the table the index reads.
  const db = new DatabaseSync(join(dataDir, 'graphlet-explorer.sqlite'), { readOnly: true });
  const scan = db.prepare(
    `SELECT id FROM search_nodes WHERE label LIKE ?1 OR type LIKE ?1 OR name LIKE ?1 OR uri LIKE ?1
     ORDER BY id LIMIT 21`,
  );
  const fts = db.prepare(
    'SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid LIMIT 21',
  );
  const indexedRows = (db.prepare('SELECT count(*) AS n FROM search_nodes').get() as { n: number })
    .n;
  const sql: Record<string, { scanMs: number; ftsMs: number; scanOverFts: number }> = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const scanMs = median(() => scan.all(`%${q}%`), Math.min(repeat, 5));
    const ftsMs = median(() => fts.all(`"${q}"`), repeat);
    sql[name] = { scanMs: round(scanMs), ftsMs: round(ftsMs), scanOverFts: round(scanMs / ftsMs) };
  }
  db.close();

  const worst = Math.max(...Object.values(search).map((s) => s.p99Ms));
  process.stdout.write(
    `${JSON.stringify(
      {
        corpus: {
          store: values.store,
          pipelines: traces.traces.length,
          nodes,
          indexedRows,
          importSeconds: round(importMs / 1000),
          storeMb: round(statSync(join(dataDir, 'graphlet-explorer.sqlite')).size / 2 ** 20),
        },
        repeat,
        healthP50Ms: health.p50Ms,
        search,
        worstSearchP99OverHealthP50: round(worst / Math.max(health.p50Ms, 0.01)),
        sqlOnly: sql,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** A port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error('search-bench: the server exited');
    if (await answers(`${base}/api/health`)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('search-bench: the server did not start');
}

/**
 * Uploads a store (multipart, streamed through node:http: fetch gives up on an answer that takes
 * over 5 minutes, as a 600 MB upload on a busy machine can) and waits for its import job.
 */
async function timedImport(path: string): Promise<number> {
  const start = performance.now();
  const boundary = `bench${Date.now()}`;
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="corpus.sqlite"\r\ncontent-type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(`${base}/api/sources`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': Buffer.byteLength(head) + statSync(path).size + Buffer.byteLength(tail),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        (res.statusCode ?? 500) < 300
          ? resolve(body)
          : reject(new Error(`search-bench: upload answered ${res.statusCode}: ${body}`)),
      );
    });
    req.write(head);
    const file = createReadStream(path);
    file.on('error', reject);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
  const body = JSON.parse(text) as { job: { id: string } | null };
  for (let state = 'queued'; body.job !== null && state !== 'done'; ) {
    // The server writes a big import in one transaction: a poll may wait minutes for its answer.
    const job = JSON.parse(await getText(`${base}/api/jobs/${body.job.id}`)) as { state: string };
    state = job.state;
    if (state === 'failed') throw new Error(`search-bench: import failed ${JSON.stringify(job)}`);
    if (state !== 'done') await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return performance.now() - start;
}

/** GET through node:http, which (unlike fetch) waits as long as the answer takes. */
function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

/** Sequential GETs of `path`: median and 99th percentile in ms. */
async function timed(path: string): Promise<{ p50Ms: number; p99Ms: number }> {
  const ms: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await (await fetch(`${base}${path}`)).arrayBuffer();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? NaN);
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

function median(work: () => unknown, times: number): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    work();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? Number.NaN;
}
