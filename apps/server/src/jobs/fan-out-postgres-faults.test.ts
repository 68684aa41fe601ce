import { rmSync } from 'node:fs';
import type { Job, SourceList } from '@graphlet/contract';
import { createTestDatabase, type TestDatabase } from '@graphlet/formats/testing/databases';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import { corpusOf, importing, poll, viaApp } from '../test-support/fan-out-jobs.ts';
import {
  type PrivatePostgres,
  privatePostgresMissing,
  startPrivatePostgres,
} from '../test-support/private-postgres.ts';
import {
  removeTestQueueKeys,
  startWorker,
  stopWorker,
  TEST_REDIS_URL,
  testQueuePrefix,
} from '../test-support/queue-workers.ts';
import { storedTraces } from '../test-support/stored-traces.ts';
import { getJson, streamedUpload, tempDataDir, testServer } from '../test-support/test-server.ts';
import { TEST_DATABASE_ENV } from '../test-support/test-store-env.ts';

/** How many pipeline tasks of the deployment's imports ran to the end on the task queue. */
async function tasksCompleted(prefix: string): Promise<number> {
  const queue = new Queue('import-tasks', { connection: { url: TEST_REDIS_URL }, prefix });
  try {
    return (await queue.getJobCounts('completed')).completed ?? 0;
  } finally {
    await queue.close();
  }
}

/** Uploads a file through the app; its import job. */
async function importFile(server: Server, bytes: Uint8Array, name: string): Promise<Job> {
  const upload = await streamedUpload(bytes, name);
  return ((await (await upload.send(server)).json()) as { job: Job }).job;
}

describe('imports fanned out per pipeline on PostgreSQL (DATABASE_URL + REDIS_URL)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const outer = process.env[TEST_DATABASE_ENV];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(() => {
    if (outer === undefined) delete process.env[TEST_DATABASE_ENV];
    else process.env[TEST_DATABASE_ENV] = outer;
  });

  /** An API server and `n` worker processes on the PostgreSQL database at `url`. */
  async function deployment(url: string, n: number) {
    // The test servers and workers take their store from this variable (a schema per folder).
    process.env[TEST_DATABASE_ENV] = url;
    const dir = tempDataDir();
    const prefix = testQueuePrefix();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => removeTestQueueKeys(prefix));
    const server = testServer(dir, { redisUrl: TEST_REDIS_URL, queuePrefix: prefix });
    cleanups.push(() => server.close());
    await server.ready;
    const workers = await Promise.all(
      Array.from({ length: n }, () => startWorker(dir, prefix, 2_000)),
    );
    cleanups.push(() => Promise.all(workers.map(stopWorker)).then(() => {}));
    return { dir, prefix, server, workers };
  }

  describe('on the shared server', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase('postgres', 'fanout_pg');
    });
    afterAll(() => database?.drop());

    it('a worker killed mid-import (kill -9): its pipeline task is retried elsewhere, every pipeline written once', async () => {
      const { dir, prefix, server, workers } = await deployment(database.url, 3);
      const job = await importFile(server, corpusOf(11, 12), 'corpus.json');
      await poll(viaApp(server, job.id), importing(2));
      // Every worker is busy with a pipeline now: the killed one takes its task down with it.
      workers[0]!.kill('SIGKILL');
      expect(await poll(viaApp(server, job.id))).toMatchObject({
        state: 'done',
        result: { traces: 12 },
        progress: { tracesImported: 12, tracesTotal: 12 },
      });
      expect(await storedTraces(dir)).toEqual({ traces: 12, uniq: 12 });
      // Fanned out: one task per pipeline ran on the task queue (one job would have run none).
      expect(await tasksCompleted(prefix)).toBeGreaterThanOrEqual(12);
      const { body } = await getJson<SourceList>(server, '/api/sources');
      expect(body.sources.map((s) => s.traces)).toEqual([12]);
    }, 300_000);
  });

  const missing = privatePostgresMissing();
  if (missing !== undefined)
    console.warn(`skipping the PostgreSQL stop test: no private cluster (${missing})`);

  describe.skipIf(missing !== undefined)('on a private cluster', () => {
    let cluster: PrivatePostgres;
    beforeAll(async () => {
      cluster = await startPrivatePostgres();
    }, 120_000);
    afterAll(() => cluster?.remove());

    it('PostgreSQL stopped for 10 s mid-import: the job ends (done, or failed saying why), no trace doubled or lost', async () => {
      const { dir, server } = await deployment(cluster.url, 2);
      const bytes = corpusOf(21, 16);
      const job = await importFile(server, bytes, 'corpus.json');
      await poll(viaApp(server, job.id), importing(2));

      await cluster.stop();
      // Stopped mid-import: pipelines are still to be written.
      expect(await viaApp(server, job.id)()).toMatchObject({ state: 'running' });
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await cluster.start();

      const ended = await poll(viaApp(server, job.id));
      expect(['done', 'failed']).toContain(ended.state);
      if (ended.state === 'failed') {
        // Failed, it says why and leaves nothing: the same file imports again, whole and once.
        expect(ended.error?.message).toMatch(/^(import|jobs): /);
        expect((await getJson<SourceList>(server, '/api/sources')).body.sources).toEqual([]);
        const again = await importFile(server, bytes, 'corpus.json');
        expect(await poll(viaApp(server, again.id))).toMatchObject({ state: 'done' });
      }
      const { body } = await getJson<SourceList>(server, '/api/sources');
      expect(body.sources.map((s) => s.traces)).toEqual([16]);
      expect(await storedTraces(dir)).toEqual({ traces: 16, uniq: 16 });
    }, 300_000);
  });
});
