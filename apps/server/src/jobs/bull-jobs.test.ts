import { rmSync } from 'node:fs';
import type { Job, SourceList, TraceList } from '@graphlet/contract';
import { stringifyTraceDocument } from '@graphlet/formats';
import { fixturePath } from '@graphlet/formats/testing';
import { generateCorpusPipeline } from '@graphlet/synth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import {
  removeTestQueueKeys,
  startWorker,
  stopWorker,
  TEST_REDIS_URL,
  testQueuePrefix,
} from '../test-support/queue-workers.ts';
import {
  getJson,
  streamedUpload,
  tempDataDir,
  testServer,
  uploadJson,
  waitForJob,
} from '../test-support/test-server.ts';

const corpus = new TextEncoder().encode(
  stringifyTraceDocument(Array.from({ length: 10 }, (_, i) => generateCorpusPipeline(11, i))),
);

async function untilRunning(server: Server, id: string): Promise<void> {
  for (;;) {
    const { body } = await getJson<Job>(server, `/api/jobs/${id}`);
    if (body.state === 'running' && Number(body.progress.tracesImported) > 0) return;
    expect(['queued', 'running']).toContain(body.state);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('jobs on BullMQ (REDIS_URL): one API process, worker processes', () => {
  let dir: string;
  let prefix: string;
  let server: Server;
  const workers: Awaited<ReturnType<typeof startWorker>>[] = [];

  beforeEach(() => {
    dir = tempDataDir();
    prefix = testQueuePrefix();
    server = testServer(dir, { redisUrl: TEST_REDIS_URL, queuePrefix: prefix });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map(stopWorker));
    await server.close();
    await removeTestQueueKeys(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports in a worker process; the API streams its events and serves the result', async () => {
    workers.push(await startWorker(dir, prefix), await startWorker(dir, prefix));
    const { status, body } = await uploadJson(
      server,
      fixturePath('tfx-1.15-interactive-two-trainers.sqlite'),
    );
    expect(status).toBe(202);
    const events = await (await server.app.request(`/api/jobs/${body.job!.id}/events`)).text();
    expect(events).toContain('"state":"done"');
    expect(await waitForJob(server, body.job!.id)).toMatchObject({
      state: 'done',
      progress: { tracesImported: 1, graphletsFound: 2 },
    });
    const { body: traces } = await getJson<TraceList>(server, '/api/traces');
    expect(traces.traces).toHaveLength(1);
  }, 60_000);

  it('a worker killed mid-import (kill -9) loses nothing: another worker retries, writing once', async () => {
    const first = await startWorker(dir, prefix);
    workers.push(first);
    const upload = await streamedUpload(corpus, 'corpus.json');
    const { job } = (await (await upload.send(server)).json()) as { job: Job };
    await untilRunning(server, job.id);
    first.kill('SIGKILL');
    workers.push(await startWorker(dir, prefix));
    const done = await waitForJob(server, job.id);
    expect(done).toMatchObject({ state: 'done', result: { traces: 10 } });
    const { body: sources } = await getJson<SourceList>(server, '/api/sources');
    expect(sources.sources).toHaveLength(1);
    expect(sources.sources[0]!.traces).toBe(10);
    expect((await getJson<TraceList>(server, '/api/traces')).body.traces).toHaveLength(10);
  }, 120_000);

  it('cancels a running job in a worker: it ends canceled and writes nothing', async () => {
    workers.push(await startWorker(dir, prefix));
    const upload = await streamedUpload(corpus, 'corpus.json');
    const { job } = (await (await upload.send(server)).json()) as { job: Job };
    await untilRunning(server, job.id);
    const response = await server.app.request(`/api/jobs/${job.id}`, { method: 'DELETE' });
    expect(await response.json()).toMatchObject({ state: 'canceled' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await getJson<SourceList>(server, '/api/sources')).body.sources).toEqual([]);
  }, 60_000);
});
