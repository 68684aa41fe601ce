/**
 * Runs the import worker thread on a file: it reads, segments and writes the source itself;
 * progress is forwarded. Canceling sets the shared flag: the worker rolls its transaction back.
 */
import { type JobContext, JobError } from '../jobs/job-queue.ts';
import type { ImportTarget, ImportWorkerMessage } from './worker-messages.ts';
import type { ImportWorkerPool } from './worker-pool.ts';

export interface ImportFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly storeLocation: string;
  readonly maxPageCount?: number | undefined;
}

export interface WorkerImport {
  readonly traces: number;
  readonly graphlets: number;
  readonly warnings: readonly string[];
}

/** A worker that does not stop within this time of being canceled is terminated. */
const CANCEL_GRACE_MS = 5_000;

/** Imports `file` as `target` off the main thread; rejects with a JobError on bad input. */
export function importInWorker(
  workers: ImportWorkerPool,
  file: ImportFile,
  target: ImportTarget,
  context: JobContext,
): Promise<WorkerImport> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const cancel = new SharedArrayBuffer(4);
    const worker = workers.take();
    let grace: NodeJS.Timeout | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      context.signal.removeEventListener('abort', onAbort);
      clearTimeout(grace);
      finish();
      workers.release(worker);
    };
    const stopped = () => reject(new JobError('interrupted', 'import: stopped'));
    // The worker sees the flag between traces and answers 'canceled' once it rolled back.
    const onAbort = () => {
      Atomics.store(new Int32Array(cancel), 0, 1);
      grace = setTimeout(() => {
        settle(stopped);
        void worker.terminate();
      }, CANCEL_GRACE_MS);
    };
    context.signal.addEventListener('abort', onAbort);
    worker.on('message', (message: ImportWorkerMessage) => {
      switch (message.type) {
        case 'progress': {
          const { type: _, ...progress } = message;
          context.progress(progress);
          return;
        }
        case 'done':
          settle(() => resolve(message));
          return;
        case 'canceled':
          settle(stopped);
          return;
        case 'failed':
          settle(() => reject(new JobError(message.code, message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.postMessage({ ...file, target, cancel });
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`import: the worker stopped early (exit code ${code})`))),
    );
  });
}
