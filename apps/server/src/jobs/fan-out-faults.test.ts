import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Job, SourceList, TraceList } from '@graphlet/contract';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { statsKey } from '../offload/corpus-statistics.ts';
import { corpusOf, freePort, importing, poll, viaApp } from '../test-support/fan-out-jobs.ts';
import {
  removeTestQueueKeys,
  startApi,
  startWorker,
  stopWorker,
  TEST_REDIS_URL,
  testQueuePrefix,
} from '../test-support/queue-workers.ts';
import { storedResult, storedTraces } from '../test-support/stored-traces.ts';
import { getJson, streamedUpload, tempDataDir, testServer } from '../test-support/test-server.ts';

const viaHttp = (url: string, id: string) => async () =>
  (await (await fetch(`${url}/api/jobs/${id}`)).json()) as Job;

async function uploadHttp(url: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${url}/api/sources`, { method: 'POST', body: form });
  return (await response.json()) as { source: { id: string }; job: Job | null };
}

describe('imports fanned out per pipeline over worker processes (REDIS_URL)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A data folder and queue prefix, removed after the test. */
  function deployment(redisUrl = TEST_REDIS_URL) {
    const dir = tempDataDir();
    const prefix = testQueuePrefix();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    if (redisUrl === TEST_REDIS_URL) cleanups.push(() => removeTestQueueKeys(prefix));
    const workers = async (n: number) => {
      const started = await Promise.all(
        Array.from({ length: n }, () => startWorker(dir, prefix, 2_000, redisUrl)),
      );
      cleanups.push(() => Promise.all(started.map(stopWorker)).then(() => {}));
      return started;
    };
    return { dir, prefix, workers };
  }

  it('two API processes and three workers: a job started through one is streamed, served and deduplicated through the other', async () => {
    const { dir, prefix, workers } = deployment();
    const a = await startApi(dir, prefix);
    cleanups.push(() => stopWorker(a.child));
    const b = await startApi(dir, prefix);
    cleanups.push(() => stopWorker(b.child));
    await workers(3);

    const corpus = corpusOf(11, 8);
    const first = await uploadHttp(a.url, corpus, 'corpus.json');
    const events = await (await fetch(`${b.url}/api/jobs/${first.job!.id}/events`)).text();
    expect(events).toContain('"state":"done"');
    for (const url of [a.url, b.url])
      expect(await poll(viaHttp(url, first.job!.id))).toMatchObject({
        state: 'done',
        result: { traces: 8 },
      });
    const traces = (await (await fetch(`${b.url}/api/traces`)).json()) as TraceList;
    expect(traces.traces).toHaveLength(8);
    // The fan-in computed the corpus statistics: the Figures page's answer is cached already.
    const warm = await storedResult(dir, statsKey(null));
    expect(warm).toBeDefined();
    expect(await (await fetch(`${b.url}/api/stats`)).text()).toBe(warm);

    // The same file through the other API process is the same source, not a second import.
    const again = await uploadHttp(b.url, corpus, 'again.json');
    expect(again.source.id).toBe(first.source.id);

    // Two imports at once, one per API process: distinct job ids, both done, nothing doubled.
    const [x, y] = await Promise.all([
      uploadHttp(a.url, corpusOf(12, 3), 'x.json'),
      uploadHttp(b.url, corpusOf(13, 4), 'y.json'),
    ]);
    expect(x.job!.id).not.toBe(y.job!.id);
    expect(await poll(viaHttp(b.url, x.job!.id))).toMatchObject({ state: 'done' });
    expect(await poll(viaHttp(a.url, y.job!.id))).toMatchObject({ state: 'done' });
    const sources = (await (await fetch(`${a.url}/api/sources`)).json()) as SourceList;
    expect(sources.sources.map((s) => s.traces).sort()).toEqual([3, 4, 8]);
    expect(await storedTraces(dir)).toEqual({ traces: 15, uniq: 15 });
  }, 300_000);

  it('a worker killed mid-import (kill -9): its pipeline task is retried elsewhere, every pipeline written once', async () => {
    const { dir, prefix, workers } = deployment();
    const server = testServer(dir, { redisUrl: TEST_REDIS_URL, queuePrefix: prefix });
    cleanups.push(() => server.close());
    const [victim] = await workers(3);
    const upload = await streamedUpload(corpusOf(11, 12), 'corpus.json');
    const { job } = (await (await upload.send(server)).json()) as { job: Job };
    await poll(viaApp(server, job.id), importing(2));
    // Every worker is busy with a pipeline now: the killed one takes its task down with it.
    victim!.kill('SIGKILL');
    const done = await poll(viaApp(server, job.id));
    expect(done).toMatchObject({
      state: 'done',
      result: { traces: 12 },
      progress: { tracesImported: 12, tracesTotal: 12 },
    });
    expect(await storedTraces(dir)).toEqual({ traces: 12, uniq: 12 });
    const { body } = await getJson<SourceList>(server, '/api/sources');
    expect(body.sources.map((s) => s.traces)).toEqual([12]);
  }, 300_000);

  it('Redis restarted mid-import (no persistence): the job fails saying so, leaves nothing; the file imports again whole', async () => {
    const port = await freePort();
    const redisUrl = `redis://127.0.0.1:${port}`;
    let redis = await startRedis(port);
    cleanups.push(() => stopProcess(redis));
    const { dir, prefix, workers } = deployment(redisUrl);
    const server = testServer(dir, { redisUrl, queuePrefix: prefix });
    cleanups.push(() => server.close());
    await workers(2);
    const bytes = corpusOf(11, 10);
    const upload = await streamedUpload(bytes, 'corpus.json');
    const { job } = (await (await upload.send(server)).json()) as { job: Job };
    await poll(viaApp(server, job.id), importing(1));

    await stopProcess(redis, 'SIGKILL');
    redis = await startRedis(port);
    const lost = await poll(viaApp(server, job.id));
    expect(lost).toMatchObject({ state: 'failed', error: { code: 'interrupted' } });
    expect(lost.error!.message).toMatch(/Redis\) restarted and lost this job; start it again/);
    // A task still running when Redis went may finish later: it writes into no source.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await getJson<SourceList>(server, '/api/sources')).body.sources).toEqual([]);

    const retry = await streamedUpload(bytes, 'corpus.json');
    const { job: again } = (await (await retry.send(server)).json()) as { job: Job };
    expect(again.id).not.toBe(job.id);
    expect(await poll(viaApp(server, again.id))).toMatchObject({
      state: 'done',
      result: { traces: 10 },
    });
    expect(await storedTraces(dir)).toEqual({ traces: 10, uniq: 10 });
  }, 300_000);
});

/** A Redis of the test's own on `port`, without persistence; resolves once it answers PING. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      client.disconnect();
    }
  }
  throw new Error('test: redis-server did not start');
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
