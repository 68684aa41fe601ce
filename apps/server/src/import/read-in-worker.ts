/** Runs the import worker thread on a file and collects its traces, forwarding progress. */
import type { SourceKind } from '@graphlet/contract';
import type { JsonFormat } from '@graphlet/formats';
import { type JobContext, JobError } from '../jobs/job-runner.ts';
import type { ImportedTrace } from '../store/imported-source.ts';
import type { ImportWorkerInput, ImportWorkerMessage } from './worker-messages.ts';
import type { ImportWorkerPool } from './worker-pool.ts';

export interface WorkerReading {
  readonly kind: SourceKind;
  readonly format: JsonFormat | null;
  readonly warnings: readonly string[];
  readonly schemaVersion: number | null;
  readonly traces: ImportedTrace[];
}

/** Reads and segments `input.path` off the main thread; rejects with a JobError on bad input. */
export function readInWorker(
  workers: ImportWorkerPool,
  input: ImportWorkerInput,
  context: JobContext,
): Promise<WorkerReading> {
  return new Promise((resolve, reject) => {
    const traces: ImportedTrace[] = [];
    let settled = false;
    const worker = workers.take();
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      context.signal.removeEventListener('abort', onAbort);
      finish();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new JobError('interrupted', 'import: stopped')));
    context.signal.addEventListener('abort', onAbort);
    worker.on('message', (message: ImportWorkerMessage) => {
      switch (message.type) {
        case 'progress': {
          const { type: _, ...progress } = message;
          context.progress(progress);
          return;
        }
        case 'trace':
          traces.push(message.trace);
          return;
        case 'done':
          settle(() =>
            resolve({
              kind: message.kind,
              format: message.format,
              schemaVersion: message.schemaVersion,
              warnings: message.warnings,
              traces,
            }),
          );
          return;
        case 'failed':
          settle(() => reject(new JobError(message.code, message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.postMessage(input);
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`import: the worker stopped early (exit code ${code})`))),
    );
  });
}
