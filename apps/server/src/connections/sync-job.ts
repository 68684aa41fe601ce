/**
 * The `sync` job: reads a connection's store on its worker thread and writes each pipeline's trace
 * as it arrives (one transaction each, replacing the pipeline's stored trace), then records the
 * watermark. A sync that stops part way keeps what it wrote and leaves the old watermark, so the
 * next one reads the same changes again and replaces the same traces: nothing lost or doubled.
 * On a job queue a first sync is fanned out per pipeline over the workers (sync-fan-out.ts).
 */
import type { JobQueue } from '../jobs/job-queue.ts';
import { runSync } from './run-sync.ts';
import type { SyncDeps, SyncInput } from './sync-connection.ts';
import { SyncFanOut } from './sync-fan-out.ts';

export const SYNC_JOB = 'sync';

/** Registers the sync job kind (on a job queue, a first sync fans out per pipeline). */
export function registerSyncJob(jobs: JobQueue, deps: SyncDeps): void {
  jobs.register<SyncInput>(
    SYNC_JOB,
    (input, context) => runSync(deps, input.connectionId, context),
    {
      fanOut: new SyncFanOut(deps),
    },
  );
}
