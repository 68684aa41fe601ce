import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorBody, Job, SourceList, TraceList } from '@graphlet/contract';
import { stringifyTraceDocument } from '@graphlet/formats';
import { generateCorpusPipeline } from '@graphlet/synth';
import { describe, expect, it } from 'vitest';
import { getJson, streamedUpload, waitForJob, withServer } from '../test-support/test-server.ts';

/** A JSON corpus of `count` synthetic pipelines that takes a few seconds to import. */
const corpusBytes = (seed: number, count = 8) =>
  new TextEncoder().encode(
    stringifyTraceDocument(
      Array.from({ length: count }, (_, i) => generateCorpusPipeline(seed, i)),
    ),
  );

const uploadJob = async (server: Parameters<typeof waitForJob>[0], bytes: Uint8Array) => {
  const response = await (await streamedUpload(bytes, 'corpus.json')).send(server);
  return { response, body: (await response.json()) as { source: { id: string }; job: Job } };
};

/** Waits until the job is running (the import worker is reading or segmenting). */
async function running(server: Parameters<typeof waitForJob>[0], id: string): Promise<void> {
  for (;;) {
    const { body } = await getJson<Job>(server, `/api/jobs/${id}`);
    if (body.state === 'running') return;
    expect(body.state).toBe('queued');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const nothingStored = async (server: Parameters<typeof waitForJob>[0]) => {
  expect((await getJson<SourceList>(server, '/api/sources')).body.sources).toEqual([]);
  expect((await getJson<TraceList>(server, '/api/traces')).body.traces).toEqual([]);
};

describe('canceling jobs', () => {
  const bytes = corpusBytes(5);

  it('DELETE /api/jobs/:id stops a running import: the job ends canceled, nothing is written', async () => {
    await withServer(async (server, dir) => {
      const { body } = await uploadJob(server, bytes);
      await running(server, body.job.id);
      const response = await server.app.request(`/api/jobs/${body.job.id}`, { method: 'DELETE' });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: body.job.id, state: 'canceled' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await nothingStored(server);
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
      // A finished job is answered unchanged; the same file imports afresh afterwards.
      const again = await server.app.request(`/api/jobs/${body.job.id}`, { method: 'DELETE' });
      expect(await again.json()).toMatchObject({ state: 'canceled' });
      const retry = await uploadJob(server, bytes);
      expect(await waitForJob(server, retry.body.job.id)).toMatchObject({ state: 'done' });
    });
  }, 60_000);

  it('deleting a source while it imports cancels the import; the source never appears', async () => {
    await withServer(async (server) => {
      const { body } = await uploadJob(server, bytes);
      await running(server, body.job.id);
      const deleted = await server.app.request(`/api/sources/${body.source.id}`, {
        method: 'DELETE',
      });
      expect(deleted.status).toBe(204);
      expect(await waitForJob(server, body.job.id)).toMatchObject({ state: 'canceled' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await nothingStored(server);
    });
  }, 60_000);

  // With worker processes (TEST_QUEUE=redis) a second import runs at once on a free worker.
  it.skipIf(process.env.TEST_QUEUE === 'redis')(
    'caps the import queue with 429 and Retry-After; a queued job cancels without running',
    async () => {
      await withServer(
        async (server, dir) => {
          // Large enough to be still running on a quiet machine while the two small uploads
          // arrive (eight pipelines could finish in between, leaving the queue room).
          const first = await uploadJob(server, corpusBytes(5, 20));
          const second = await uploadJob(server, corpusBytes(6, 2));
          expect(second.response.status).toBe(202);
          const third = await uploadJob(server, corpusBytes(7, 2));
          expect(third.response.status).toBe(429);
          expect(Number(third.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          expect((third.body as unknown as ErrorBody).error.code).toBe('queue_full');

          expect((await getJson<Job>(server, `/api/jobs/${second.body.job.id}`)).body.state).toBe(
            'queued',
          );
          const canceled = await server.app.request(`/api/jobs/${second.body.job.id}`, {
            method: 'DELETE',
          });
          expect(await canceled.json()).toMatchObject({ state: 'canceled' });
          expect(await waitForJob(server, first.body.job.id)).toMatchObject({ state: 'done' });
          const sources = (await getJson<SourceList>(server, '/api/sources')).body.sources;
          expect(sources.map((s) => s.id)).toEqual([first.body.source.id]);
          expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
        },
        { jobQueueLimit: 1 },
      );
    },
    60_000,
  );
});
