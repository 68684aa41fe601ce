// Connections benchmark, against real server processes (one per case, fresh data dirs, so each
// peak RSS is that case's alone; VmHWM of the server process, worker threads included):
// - first sync of the paper-scale store (default /work/data/paper-s1.sqlite, 3,000 pipelines,
//   6 GB) connected by path (goal < 10 min, < 1.5 GB), then the Figures page's data (/api/stats);
// - the 300-pipeline corpus (/work/data/corpus-300-s1.sqlite) connected by path and uploaded:
//   the upload is the baseline of the same run (the paper-scale store is over the upload limit);
// - the 300-pipeline corpus loaded into PostgreSQL (or MariaDB), its first sync, then 100 new
//   pipeline runs appended and one sync of them (goal < 2 s), beside re-uploading the file,
//   the only way an uploaded source learns of new runs;
// - with --paper-server, the paper-scale store loaded into PostgreSQL and synced as well.
// With --server-root, the servers are another tree's (a baseline: `git archive main | tar -x -C
// DIR`, then `pnpm install --offline` there), run back to back with this tree's.
//   node bench/src/connections-bench.ts [--paper FILE] [--corpus FILE] [--backend postgres|mysql]
//     [--runs 100] [--paper-server] [--skip-paper] [--skip-corpus] [--skip-server] [--port 8472]
//     [--server-root DIR]
// --skip-corpus leaves out the corpus by path and its upload; --skip-server the server-store case.

import { openAsBlob, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pipelineRun, realisticSpacing } from '@graphlet/core/testing';
import { openMlmdStore, openMlmdStoreWriter, readWatermark } from '@graphlet/formats';
import type { TestDatabase } from '@graphlet/formats/testing/databases';
import { loadTestDatabase } from './load-test-database.ts';
import {
  type JobDoc,
  postJson,
  type RunningServer,
  startServer as startServerAt,
  waitForJob,
} from './server-process.ts';

const { values } = parseArgs({
  options: {
    paper: { type: 'string', default: '/work/data/paper-s1.sqlite' },
    corpus: { type: 'string', default: '/work/data/corpus-300-s1.sqlite' },
    backend: { type: 'string', default: 'postgres' },
    runs: { type: 'string', default: '100' },
    'paper-server': { type: 'boolean', default: false },
    'skip-paper': { type: 'boolean', default: false },
    'skip-corpus': { type: 'boolean', default: false },
    'skip-server': { type: 'boolean', default: false },
    port: { type: 'string', default: '8472' },
    'server-root': { type: 'string' },
  },
});
const backend = values.backend as 'postgres' | 'mysql';
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const log = (text: string) => process.stderr.write(`connections-bench: ${text}\n`);
const serverMain =
  values['server-root'] === undefined
    ? fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url))
    : join(values['server-root'], 'apps/server/src/main.ts');

const startServer = () => startServerAt(serverMain, values.port);

/** Connects a store on a fresh server and times its first sync. */
async function connectCase(kind: 'sqlite' | 'mysql' | 'postgres', where: string) {
  const server = await startServer();
  try {
    const start = performance.now();
    const created = await postJson(server, '/api/connections', {
      kind,
      ...(kind === 'sqlite' ? { path: where } : { url: where }),
      name: basename(where),
    });
    const job = await waitForJob(server, (created.job as JobDoc).id);
    const seconds = (performance.now() - start) / 1000;
    const id = (created.connection as { id: string }).id;
    return { server, id, seconds, job };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Uploads a file on a fresh server and times upload, import and segmentation. */
async function uploadCase(file: string) {
  const server = await startServer();
  try {
    const start = performance.now();
    const form = new FormData();
    form.append('file', await openAsBlob(file), basename(file));
    const response = await fetch(`${server.base}/api/sources`, { method: 'POST', body: form });
    const answer = (await response.json()) as { job: JobDoc };
    await waitForJob(server, answer.job.id);
    return {
      seconds: round((performance.now() - start) / 1000),
      cpuSeconds: server.cpuSeconds(),
      peakRssMb: server.peakRssMb(),
    };
  } finally {
    await server.stop();
  }
}

/** Times a GET (the Figures page's statistics, the corpus list). */
async function timeGet(server: RunningServer, path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${server.base}${path}`);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return round((performance.now() - start) / 1000);
}

/** Appends `n` new runs spread over the store's first ten pipelines. */
async function appendRuns(url: string, n: number): Promise<void> {
  const store = await openMlmdStore(url);
  let pipelines: string[];
  let base: number;
  try {
    pipelines = (await store.pipelines()).slice(0, 10).map((p) => p.name);
    const w = await readWatermark(store);
    base = Math.max(w.executionId, w.artifactId) + 1000;
  } finally {
    await store.close();
  }
  const writer = await openMlmdStoreWriter(url, { append: true });
  const at = Date.UTC(2026, 0, 1);
  try {
    for (let i = 0; i < n; i++) {
      await writer.writeTrace(
        pipelineRun(pipelines[i % pipelines.length]!, base + 10 * i, 0, {
          spacing: realisticSpacing,
          startMs: at + i * 100_000,
        }),
      );
    }
  } finally {
    await writer.close();
  }
}

const result: Record<string, unknown> = {};
const databases: TestDatabase[] = [];

/** Runs one case; a failure is reported in the result (with the seconds it took) instead of ending the run. */
async function measure(key: string, what: string, body: () => Promise<unknown>): Promise<void> {
  log(`${what}...`);
  const start = performance.now();
  try {
    result[key] = await body();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    result[key] = {
      error: `${(error as Error).message}${cause === undefined ? '' : ` (${cause})`}`,
      afterSeconds: round((performance.now() - start) / 1000),
    };
  }
}

try {
  if (!values['skip-paper']) {
    await measure('paperByPath', `${values.paper} by path (paper scale)`, async () => {
      const c = await connectCase('sqlite', values.paper);
      try {
        const firstSync = {
          seconds: round(c.seconds),
          cpuSeconds: c.server.cpuSeconds(),
          peakRssMb: c.server.peakRssMb(),
        };
        const statsCold = await timeGet(c.server, '/api/stats');
        const statsWarm = await timeGet(c.server, '/api/stats');
        const traces = await timeGet(c.server, '/api/traces');
        return {
          store: values.paper,
          bytes: statSync(values.paper).size,
          overUploadLimit: statSync(values.paper).size > 1024 ** 3,
          result: c.job.result,
          ...firstSync,
          figuresStatsSecondsCold: statsCold,
          figuresStatsSecondsWarm: statsWarm,
          tracesListSeconds: traces,
          peakRssMbAfterFigures: c.server.peakRssMb(),
          goals: {
            firstSyncUnder10Min: firstSync.seconds < 600,
            rssUnder1500Mb: firstSync.peakRssMb < 1500,
          },
        };
      } finally {
        await c.server.stop();
      }
    });
  }

  if (!values['skip-corpus']) {
    await measure('corpusByPath', `${values.corpus} by path`, async () => {
      const c = await connectCase('sqlite', values.corpus);
      try {
        return {
          seconds: round(c.seconds),
          cpuSeconds: c.server.cpuSeconds(),
          peakRssMb: c.server.peakRssMb(),
        };
      } finally {
        await c.server.stop();
      }
    });

    await measure('corpusUpload', `upload of ${values.corpus} (baseline)`, async () => ({
      store: values.corpus,
      bytes: statSync(values.corpus).size,
      ...(await uploadCase(values.corpus)),
    }));
  }

  if (!values['skip-server']) {
    await measure('corpusOnServer', `${values.corpus} into ${backend}, 100 new runs`, async () => {
      const loaded = await loadTestDatabase(values.corpus, backend, 'connections_bench');
      databases.push(loaded.db);
      const c = await connectCase(backend, loaded.db.url);
      try {
        const firstSync = {
          seconds: round(c.seconds),
          cpuSeconds: c.server.cpuSeconds(),
          peakRssMb: c.server.peakRssMb(),
        };
        const runs = Number(values.runs);
        await appendRuns(loaded.db.url, runs);
        const cpuBefore = c.server.cpuSeconds();
        const start = performance.now();
        const sync = await postJson(c.server, `/api/connections/${c.id}/sync`);
        const job = await waitForJob(c.server, (sync.job as JobDoc).id);
        const incrementalSeconds = round((performance.now() - start) / 1000);
        const incrementalCpuSeconds = round(c.server.cpuSeconds() - cpuBefore, 2);
        const upload = result.corpusUpload as { seconds?: number } | undefined;
        return {
          backend,
          loadSeconds: round(loaded.seconds, 1),
          firstSync,
          newRuns: runs,
          incrementalSyncSeconds: incrementalSeconds,
          incrementalSyncCpuSeconds: incrementalCpuSeconds,
          incrementalResult: job.result,
          goals: { incrementalUnder2s: incrementalSeconds < 2 },
          ratios:
            upload?.seconds === undefined
              ? undefined
              : {
                  firstSyncOverUpload: round(firstSync.seconds / upload.seconds),
                  incrementalOverReupload: round(incrementalSeconds / upload.seconds, 4),
                },
        };
      } finally {
        await c.server.stop();
      }
    });
  }

  if (values['paper-server']) {
    await measure('paperOnServer', `${values.paper} into ${backend} (paper scale)`, async () => {
      const paper = await loadTestDatabase(values.paper, backend, 'connections_bench');
      databases.push(paper.db);
      const p = await connectCase(backend, paper.db.url);
      try {
        return {
          backend,
          loadSeconds: round(paper.seconds, 1),
          firstSync: { seconds: round(p.seconds), peakRssMb: p.server.peakRssMb() },
        };
      } finally {
        await p.server.stop();
      }
    });
  }
} finally {
  for (const db of databases) await db.drop();
}
process.stdout.write(
  `${JSON.stringify({ server: serverMain, load: loadavg().map((x) => round(x, 1)), ...result }, null, 2)}\n`,
);
