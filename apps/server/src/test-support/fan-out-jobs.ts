/** Helpers of the fan-out fault tests: a synthetic corpus file, polling a job, a free port. */
import { createServer } from 'node:net';
import { isFinalJob, type Job } from '@graphlet/contract';
import { stringifyTraceDocument } from '@graphlet/formats';
import { generateCorpusPipeline } from '@graphlet/synth';
import type { Server } from '../create-app.ts';
import { getJson } from './test-server.ts';

/** A JSON trace document of `pipelines` synthetic pipelines of `seed`, as bytes to upload. */
export const corpusOf = (seed: number, pipelines: number): Uint8Array =>
  new TextEncoder().encode(
    stringifyTraceDocument(
      Array.from({ length: pipelines }, (_, i) => generateCorpusPipeline(seed, i)),
    ),
  );

/** Polls `read` until the job is final (or `until` holds); generous, as the machine is shared. */
export async function poll(
  read: () => Promise<Job>,
  until: (job: Job) => boolean = isFinalJob,
): Promise<Job> {
  for (let i = 0; i < 3000; i++) {
    const job = await read();
    if (until(job) || isFinalJob(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('test: the job did not get there in time');
}

/** Reads job `id` through an in-process app. */
export const viaApp = (server: Server, id: string) => async (): Promise<Job> =>
  (await getJson<Job>(server, `/api/jobs/${id}`)).body;

/** Holds once the job has imported at least `n` traces. */
export const importing = (n: number) => (job: Job) => Number(job.progress.tracesImported) >= n;

/** A TCP port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
