import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Connection, ConnectionCreated, CorpusChange, Job } from '@graphlet/contract';
import { pipelineRun, pipelineRuns } from '@graphlet/core/testing';
import { writeMlmdStoreTo } from '@graphlet/formats';
import {
  adminServer,
  createTestDatabase,
  type TestDatabase,
  testDatabases,
} from '@graphlet/formats/testing/databases';
import { generateCorpusPipeline } from '@graphlet/synth';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import { newSecretsKey } from '../secrets/secret-box.ts';
import { openEventStream } from '../test-support/event-stream.ts';
import { eventually } from '../test-support/eventually.ts';
import { importing, poll, viaApp } from '../test-support/fan-out-jobs.ts';
import {
  removeTestQueueKeys,
  startWorker,
  stopWorker,
  TEST_REDIS_URL,
} from '../test-support/queue-workers.ts';
import { tempDataDir, testServer } from '../test-support/test-server.ts';
import { TEST_DATABASE_ENV, testStoreConfig } from '../test-support/test-store-env.ts';

const HOOK_TIMEOUT = 120_000;

async function post(server: Server, path: string, body?: object): Promise<Response> {
  return server.app.request(path, {
    method: 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

/** The first column of `sql`'s rows, read straight from PostgreSQL. */
async function column(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query({ text: sql, rowMode: 'array' })).rows.map((row) => row[0]);
  } finally {
    await client.end();
  }
}

/** Connects the PostgreSQL MLMD store at `url` (no poll during the test). */
const connectStore = (server: Server, url: string, name: string) =>
  post(server, '/api/connections', { kind: 'postgres', url, name, pollSeconds: 3600 });

/** The worker (BullMQ's processedBy) of each sync task that ran to the end. */
async function syncTasksRun(prefix: string): Promise<string[]> {
  const queue = new Queue('sync-tasks', { connection: { url: TEST_REDIS_URL }, prefix });
  try {
    return (await queue.getJobs(['completed'])).map((job) => job.processedBy ?? '?');
  } finally {
    await queue.close();
  }
}

describe('connection syncs as queued jobs (PostgreSQL + Redis, two APIs, worker processes)', () => {
  const mlmd = testDatabases('h15_qsync');
  let store: TestDatabase;
  const outer = process.env[TEST_DATABASE_ENV];
  beforeAll(async () => {
    store = await createTestDatabase('postgres', 'h15_qsync_store');
    process.env[TEST_DATABASE_ENV] = store.url;
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    if (outer === undefined) delete process.env[TEST_DATABASE_ENV];
    else process.env[TEST_DATABASE_ENV] = outer;
    await store?.drop();
    await mlmd.dropAll();
  }, HOOK_TIMEOUT);

  it('runs on a worker with the sealed password, its events reach the other API, and a worker without the key says so', async () => {
    const db = await mlmd.create('mysql', 'src');
    await writeMlmdStoreTo(db.url, [pipelineRuns('p0', 0, 0, 2), pipelineRuns('p1', 100, 0, 2)]);
    const user = `h15_ro_${randomBytes(3).toString('hex')}`;
    const password = `pw-${randomBytes(6).toString('hex')}`;
    await adminServer('mysql', `CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
    await adminServer('mysql', `GRANT SELECT ON ${db.name}.* TO '${user}'@'%'`);
    const dir = tempDataDir();
    const prefix = `h15_qsync_${randomBytes(4).toString('hex')}`;
    const key = newSecretsKey();
    const config = { redisUrl: TEST_REDIS_URL, queuePrefix: prefix, secretsKey: key };
    const [a, b] = [testServer(dir, config), testServer(dir, config)] as [Server, Server];
    const workers = [] as Awaited<ReturnType<typeof startWorker>>[];
    const logs: string[] = [];
    try {
      await Promise.all([a.ready, b.ready]);
      for (let i = 0; i < 2; i++)
        workers.push(await startWorker(dir, prefix, 2_000, TEST_REDIS_URL, { SECRETS_KEY: key }));
      for (const w of workers) w.stdout!.on('data', (chunk: Buffer) => logs.push(String(chunk)));
      const stream = await openEventStream(b);
      try {
        const url = db.urlAs(user, password);
        // A password kept in one API process's memory cannot reach the workers: refused.
        const memory = await post(a, '/api/connections', { kind: 'mysql', url, name: 'memory' });
        expect(memory.status).toBe(400);
        expect(await memory.text()).toMatch(/worker processes.*storeCredentials/);

        const created = await post(a, '/api/connections', {
          kind: 'mysql',
          url,
          name: 'team store',
          storeCredentials: true,
          pollSeconds: 3600,
        });
        expect(created.status).toBe(202);
        const { connection, job } = (await created.json()) as ConnectionCreated;
        expect(await poll(viaApp(b, job!.id))).toMatchObject({
          state: 'done',
          result: { full: true, traces: 2 },
        });
        // Sealed at rest, never in the clear.
        const schema = testStoreConfig(dir).databaseSchema!;
        const secrets = await column(store.url, `SELECT secret FROM ${schema}.connections`);
        expect(secrets).toHaveLength(1);
        expect(secrets[0]).toMatch(/^gcm1:/);
        expect(secrets[0]).not.toContain(password);

        // The worker's events reached API B's stream: the traces written, the state ready.
        const traces = await eventually(async () => {
          const ids = stream.events
            .filter((e) => e.event === 'change')
            .flatMap((e) => (e.data as CorpusChange).traces);
          return ids.length >= 2 ? ids : undefined;
        }, 'the change events on API B');
        expect(new Set(traces).size).toBe(2);
        await eventually(async () => {
          const states = stream.events
            .filter((e) => e.event === 'connection')
            .map((e) => e.data as Connection)
            .filter((c) => c.id === connection.id)
            .map((c) => c.state);
          return states.includes('syncing') && states.at(-1) === 'ready' ? states : undefined;
        }, 'the connection events on API B');

        // A worker without the key fails the sync saying which setting it lacks.
        await Promise.all(workers.splice(0).map(stopWorker));
        const keyless = await startWorker(dir, prefix, 2_000, TEST_REDIS_URL, {
          SECRETS_KEY: undefined,
        });
        workers.push(keyless);
        keyless.stdout!.on('data', (chunk: Buffer) => logs.push(String(chunk)));
        const again = await post(b, `/api/connections/${connection.id}/sync`);
        const failed = await poll(viaApp(a, ((await again.json()) as { job: Job }).job.id));
        expect(failed).toMatchObject({ state: 'failed', error: { code: 'secrets_key_missing' } });
        expect(failed.error?.message).toMatch(/SECRETS_KEY or SECRETS_KEY_FILE/);
        const listed = (await (await a.app.request('/api/connections')).json()) as {
          connections: Connection[];
        };
        expect(listed.connections[0]).toMatchObject({ state: 'failed', traces: 2 });
        for (const text of [...logs, JSON.stringify(failed), JSON.stringify(stream.events)])
          expect(text).not.toContain(password);
      } finally {
        await stream.close();
      }
    } finally {
      await Promise.all(workers.map(stopWorker));
      await Promise.all([a.close(), b.close()]);
      await removeTestQueueKeys(prefix);
      rmSync(dir, { recursive: true, force: true });
      await adminServer('mysql', `DROP USER IF EXISTS '${user}'@'%'`);
    }
  }, 240_000);

  it('fans a first sync out per pipeline over the workers, and reads a later one in one job', async () => {
    const db = await mlmd.create('postgres', 'fan');
    const names = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    await writeMlmdStoreTo(
      db.url,
      names.map((p, i) => pipelineRuns(p, 100 * i, 0, 2)),
    );
    const dir = tempDataDir();
    const prefix = `h15_fsync_${randomBytes(4).toString('hex')}`;
    const config = { redisUrl: TEST_REDIS_URL, queuePrefix: prefix };
    const [a, b] = [testServer(dir, config), testServer(dir, config)] as [Server, Server];
    const workers = [] as Awaited<ReturnType<typeof startWorker>>[];
    try {
      await Promise.all([a.ready, b.ready]);
      for (let i = 0; i < 2; i++) workers.push(await startWorker(dir, prefix, 2_000));
      const created = await connectStore(a, db.url, 'fanned');
      expect(created.status).toBe(202);
      const { connection, job } = (await created.json()) as ConnectionCreated;
      expect(await poll(viaApp(b, job!.id))).toMatchObject({
        state: 'done',
        progress: { full: 1, tracesImported: 12, tracesTotal: 12 },
        result: { full: true, traces: 12 },
      });
      // One task per pipeline and one for `default` (empty here), run by both workers.
      const ran = await syncTasksRun(prefix);
      expect(ran).toHaveLength(13);
      expect(new Set(ran).size).toBe(2);
      // The fan-in cached the corpus statistics: the Figures page is warm.
      const schema = testStoreConfig(dir).databaseSchema!;
      expect(await column(store.url, `SELECT key FROM ${schema}.results`)).toContain('stats:v2:*');
      const listed = async () =>
        ((await (await b.app.request('/api/connections')).json()) as { connections: Connection[] })
          .connections[0];
      expect(await listed()).toMatchObject({ state: 'ready', traces: 12 });
      const traces = (await (
        await a.app.request(`/api/traces?source=${connection.id}`)
      ).json()) as { traces: { pipeline: string }[] };
      expect(traces.traces.map((t) => t.pipeline).sort()).toEqual(names);

      // A later sync reads the changes since the watermark the plan took: one job, no tasks.
      await writeMlmdStoreTo(db.url, [pipelineRun('p03', 300, 2)], { append: true });
      const again = await post(b, `/api/connections/${connection.id}/sync`);
      expect(await poll(viaApp(a, ((await again.json()) as { job: Job }).job.id))).toMatchObject({
        state: 'done',
        progress: { full: 0, tracesImported: 1 },
        result: { full: false, traces: 1, extended: 1 },
      });
      expect(await syncTasksRun(prefix)).toHaveLength(13);
      expect(await listed()).toMatchObject({ state: 'ready', traces: 12 });
    } finally {
      await Promise.all(workers.map(stopWorker));
      await Promise.all([a.close(), b.close()]);
      await removeTestQueueKeys(prefix);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('a worker killed mid first sync (kill -9): its pipeline is read again elsewhere, every trace stored once', async () => {
    const db = await mlmd.create('postgres', 'kill');
    await writeMlmdStoreTo(
      db.url,
      Array.from({ length: 12 }, (_, i) => generateCorpusPipeline(11, i)),
    );
    const dir = tempDataDir();
    const prefix = `h15_ksync_${randomBytes(4).toString('hex')}`;
    const server = testServer(dir, { redisUrl: TEST_REDIS_URL, queuePrefix: prefix });
    const workers = [] as Awaited<ReturnType<typeof startWorker>>[];
    try {
      await server.ready;
      for (let i = 0; i < 3; i++) workers.push(await startWorker(dir, prefix, 2_000));
      const created = await connectStore(server, db.url, 'killed');
      const { connection, job } = (await created.json()) as ConnectionCreated;
      await poll(viaApp(server, job!.id), importing(2));
      // Every worker is busy with a pipeline now: the killed one takes its task down with it.
      workers[0]!.kill('SIGKILL');
      expect(await poll(viaApp(server, job!.id))).toMatchObject({
        state: 'done',
        progress: { tracesImported: 12, tracesTotal: 12 },
        result: { full: true, traces: 12 },
      });
      const traces = (await (
        await server.app.request(`/api/traces?source=${connection.id}`)
      ).json()) as { traces: { id: string; pipeline: string }[] };
      expect(traces.traces).toHaveLength(12);
      expect(new Set(traces.traces.map((t) => t.pipeline)).size).toBe(12);
    } finally {
      await Promise.all(workers.map(stopWorker));
      await server.close();
      await removeTestQueueKeys(prefix);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
