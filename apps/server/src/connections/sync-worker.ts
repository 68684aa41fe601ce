/**
 * The main thread's side of a connection's sync worker: started on the first sync, kept for the
 * next ones (loading a worker costs more than a poll's reads), replaced if it dies or a sync is
 * stopped, terminated when the connection is removed or the server stops.
 */
import { Worker } from 'node:worker_threads';
import type { JobContext } from '../jobs/job-queue.ts';
import type { ImportedTrace } from '../store/imported-source.ts';
import type { TraceUpdate } from '../store/replace-trace.ts';
import type { SyncCounts, SyncWorkerInput, SyncWorkerMessage } from './sync-messages.ts';

const WORKER_URL = new URL('./sync-worker-entry.ts', import.meta.url);

/** How a worker's sync ended. */
export type SyncOutcome =
  | {
      readonly ok: true;
      /** Null after a read of named pipelines (`only`). */
      readonly watermark: string | null;
      readonly changes: SyncCounts;
      readonly schemaVersion: number | null;
    }
  | { readonly ok: false; readonly code: string; readonly problem: string };

/** What the sync job does with the worker's messages. */
export interface SyncHandlers {
  onOpened(schemaVersion: number, pipelines: number): void;
  /** Writes one trace (`update`: an extended stored one); the worker sends the next once it is written. */
  onTrace(trace: ImportedTrace, update?: TraceUpdate): Promise<void>;
  /** The stored trace JSON of a pipeline, which a later sync extends. */
  storedPayload(pipeline: string): Promise<string | undefined>;
}

/** One connection's worker thread, running one sync at a time. */
export class SyncWorker {
  private worker: Worker | undefined;
  private next = 1;
  /** Workers terminated on purpose, whose exit is no failure. */
  private readonly stopped = new WeakSet<Worker>();

  /** Runs one sync; resolves with its outcome (a failed read is an outcome, not a rejection). */
  run(
    input: Omit<SyncWorkerInput, 'type' | 'sync'>,
    context: JobContext,
    handlers: SyncHandlers,
  ): Promise<SyncOutcome> {
    const worker = this.spawn();
    const sync = this.next++;
    return new Promise((resolve, reject) => {
      let schemaVersion: number | null = null;
      let settled = false;
      let writes = Promise.resolve();
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        context.signal.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onExit);
        worker.unref();
        finish();
      };
      const onAbort = () => {
        // The worker may be mid-read: it cannot be reused.
        this.close();
        settle(() => resolve({ ok: false, code: 'interrupted', problem: 'the sync was stopped' }));
      };
      const onFailure = (error: Error) => settle(() => reject(error));
      const onExit = (code: number) =>
        settle(() =>
          // Terminated on purpose (the connection was removed, a sync stopped): not a failure.
          this.stopped.has(worker)
            ? resolve({ ok: false, code: 'interrupted', problem: 'the sync was stopped' })
            : reject(new Error(`sync: the worker stopped early (exit code ${code})`)),
        );
      const onMessage = (message: SyncWorkerMessage) => {
        if (settled || message.sync !== sync) return;
        try {
          switch (message.type) {
            case 'opened':
              schemaVersion = message.schemaVersion;
              handlers.onOpened(message.schemaVersion, message.pipelines);
              return;
            case 'trace': {
              // Writes run one after another in arrival order; the end waits for the last one.
              const { trace, update } = message;
              writes = writes
                .then(() => handlers.onTrace(trace, update))
                .then(
                  () => {
                    if (!settled) worker.postMessage({ type: 'ack' });
                  },
                  (error: unknown) => {
                    // A write failed (the connection was removed): this worker's read is abandoned.
                    this.close();
                    settle(() => reject(error));
                  },
                );
              return;
            }
            case 'stored': {
              const { pipeline } = message;
              void writes
                .then(() => handlers.storedPayload(pipeline))
                .then(
                  (payload) => {
                    if (!settled) worker.postMessage({ type: 'stored', payload: payload ?? null });
                  },
                  (error: unknown) => {
                    this.close();
                    settle(() => reject(error));
                  },
                );
              return;
            }
            case 'done': {
              const { watermark, changes } = message;
              void writes.then(() =>
                settle(() => resolve({ ok: true, watermark, changes, schemaVersion })),
              );
              return;
            }
            case 'failed': {
              const { code, problem } = message;
              void writes.then(() => settle(() => resolve({ ok: false, code, problem })));
            }
          }
        } catch (error) {
          // A write failed (the connection was removed): this worker's read is abandoned.
          this.close();
          settle(() => reject(error));
        }
      };
      context.signal.addEventListener('abort', onAbort);
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ ...input, type: 'sync', sync } satisfies SyncWorkerInput);
    });
  }

  /** Terminates the thread (and closes its store connection). */
  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker === undefined) return;
    this.stopped.add(worker);
    void worker.terminate();
  }

  private spawn(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(WORKER_URL);
    // Between syncs an idle worker must not keep the process alive.
    worker.unref();
    const forget = () => {
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    this.worker = worker;
    return worker;
  }
}
