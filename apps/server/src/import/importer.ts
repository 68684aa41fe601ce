/**
 * Import semantics: one source per distinct file (by sha256), an import job per new file, the
 * worker writes the traces in ONE transaction on its own connection; the temp file is removed
 * after. A canceled import (or its source deleted meanwhile) leaves nothing behind.
 */
import { rm } from 'node:fs/promises';
import { isFinalJob, type Job } from '@graphlet/contract';
import { DEFAULT_STATS_CACHE_BYTES } from '../config.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Store } from '../store/store.ts';
import { FanOutImport } from './fan-out-import.ts';
import { importInWorker } from './import-in-worker.ts';
import type { ImportRequest } from './import-request.ts';
import { ImportWorkerPool } from './worker-pool.ts';

export interface Submission {
  readonly sourceId: string;
  /** False when the file was imported (or is being imported) already. */
  readonly created: boolean;
  readonly job: Job | null;
}

const IMPORT_JOB = 'import';

/** A source id: the first 16 hex digits of the file's sha256, so the same file keeps its id. */
function sourceIdOf(sha256: string): string {
  return sha256.slice(0, 16);
}

/** Registers the import job kind and accepts files to import. */
export class Importer {
  private readonly store: Store;
  private readonly jobs: JobQueue;
  private readonly inFlight = new Map<string, string>();
  private readonly onImported: () => void;
  private readonly workers = new ImportWorkerPool();
  private readonly fanOut: FanOutImport;

  /**
   * `storeLocation` (the store's file or PostgreSQL URL) is what import workers open;
   * `onImported` runs after each import is committed (the cache's one invalidation path);
   * `maxPageCount` caps the store the worker writes (tests inject a full disk with it).
   */
  constructor(
    store: Store,
    storeLocation: string,
    jobs: JobQueue,
    onImported: () => void = () => {},
    options: { readonly maxPageCount?: number; readonly statsCacheBytes?: number } = {},
  ) {
    this.store = store;
    this.jobs = jobs;
    this.onImported = onImported;
    // Fanned out per pipeline when the queue can (BullMQ), on either store.
    this.fanOut = new FanOutImport(
      storeLocation,
      (request) => sourceIdOf(request.sha256),
      options.statsCacheBytes ?? DEFAULT_STATS_CACHE_BYTES,
    );
    jobs.register<ImportRequest>(
      IMPORT_JOB,
      async (request, context) => {
        const sourceId = sourceIdOf(request.sha256);
        // A retried job (its worker died after the commit) finds its source written: at most once.
        const written = await this.store.findSourceBySha(request.sha256);
        if (written !== undefined && written.jobId === Number(context.id)) {
          if (request.removeAfter) await rm(request.path, { force: true });
          return {
            sourceId,
            traces: written.source.traces,
            graphlets: await this.store.countSourceGraphlets(sourceId),
          };
        }
        try {
          const outcome = await importInWorker(
            this.workers,
            {
              path: request.path,
              name: request.name,
              size: request.size,
              storeLocation,
              maxPageCount: options.maxPageCount,
            },
            { id: sourceId, sha256: request.sha256, jobId: Number(context.id) },
            context,
          );
          if (context.signal.aborted) throw new Error('import: canceled');
          onImported();
          return {
            sourceId,
            traces: outcome.traces,
            graphlets: outcome.graphlets,
            ...(outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}),
          };
        } catch (error) {
          // Canceled after the worker committed but before its answer arrived: undo the write.
          if (context.signal.aborted && (await this.store.deleteSource(sourceId))) onImported();
          throw error;
        } finally {
          this.inFlight.delete(request.sha256);
          if (request.removeAfter) await rm(request.path, { force: true });
        }
      },
      {
        slot: 'import',
        fanOut: this.fanOut,
        discard: (request) => {
          this.inFlight.delete(request.sha256);
          if (request.removeAfter) void rm(request.path, { force: true });
        },
      },
    );
  }

  /** Stops the spare worker; call after the job runner closed. */
  async close(): Promise<void> {
    await this.fanOut.close();
    await this.workers.close();
  }

  /** Cancels the running or queued import of a source; false when none is in flight. */
  async cancelSource(sourceId: string): Promise<boolean> {
    for (const [sha256, jobId] of this.inFlight) {
      if (sourceIdOf(sha256) !== sourceId) continue;
      await this.jobs.cancel(jobId);
      return true;
    }
    return false;
  }

  /** Starts importing a file unless the same content is stored or being imported. */
  async submit(request: ImportRequest): Promise<Submission> {
    const sourceId = sourceIdOf(request.sha256);
    const existing = await this.store.findSourceBySha(request.sha256);
    const running = this.inFlight.get(request.sha256);
    if (existing !== undefined || running !== undefined) {
      if (request.removeAfter) await rm(request.path, { force: true });
      const jobId = running ?? existing?.jobId;
      const job =
        jobId === undefined || jobId === null ? null : (this.jobs.get(String(jobId)) ?? null);
      return { sourceId, created: false, job };
    }
    let job: Job;
    try {
      job = this.jobs.start<ImportRequest>(IMPORT_JOB, request, {
        bytesRead: 0,
        bytesTotal: request.size,
        tracesImported: 0,
        tracesTotal: 0,
        graphletsFound: 0,
      });
    } catch (error) {
      // The queue is full (429): the upload is not kept.
      if (request.removeAfter) await rm(request.path, { force: true });
      throw error;
    }
    this.inFlight.set(request.sha256, job.id);
    // The job may run in another process (BullMQ workers): its end is seen here through events.
    const unsubscribe = this.jobs.subscribe(job.id, (current) => {
      if (!isFinalJob(current)) return;
      unsubscribe();
      this.inFlight.delete(request.sha256);
      if (current.state === 'done') this.onImported();
    });
    return { sourceId, created: true, job };
  }
}
