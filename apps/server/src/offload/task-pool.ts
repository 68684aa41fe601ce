/** Runs statistics and layout tasks on worker threads, one task per thread, equal tasks shared. */
import { ImportWorkerPool } from '../import/worker-pool.ts';
import { MissingTraceError } from './corpus-statistics.ts';
import type { TaskInput, TaskOutput } from './task-messages.ts';

const TASK_WORKER_URL = new URL('./task-worker-entry.ts', import.meta.url);

/** Off-main-thread statistics and layouts; concurrent requests for the same answer share one task. */
export class TaskPool {
  private readonly workers = new ImportWorkerPool(TASK_WORKER_URL);
  private readonly running = new Map<string, Promise<string | null>>();
  private readonly starts = new Map<TaskInput['task'], number>();

  /** Runs `input` (deduplicated by `key`): the JSON answer; rejects MissingTraceError for an unknown id. */
  run(
    key: string,
    input: TaskInput,
    transfer: readonly ArrayBuffer[] = [],
  ): Promise<string | null> {
    let task = this.running.get(key);
    if (task === undefined) {
      this.starts.set(input.task, this.started(input.task) + 1);
      task = this.execute(input, transfer).finally(() => this.running.delete(key));
      this.running.set(key, task);
    }
    return task;
  }

  /** How many tasks of this kind ran (equal tasks shared count once), for tests and the operator. */
  started(task: TaskInput['task']): number {
    return this.starts.get(task) ?? 0;
  }

  /** Stops the spare worker. */
  close(): Promise<void> {
    return this.workers.close();
  }

  private execute(input: TaskInput, transfer: readonly ArrayBuffer[]): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const worker = this.workers.take();
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        finish();
        this.workers.release(worker);
      };
      worker.on('message', (message: TaskOutput) => {
        if (message.type === 'done') settle(() => resolve(message.json));
        else if (message.type === 'missing')
          settle(() => reject(new MissingTraceError(message.id)));
        else settle(() => reject(new Error(`${input.task}: ${message.message}`)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`${input.task}: the worker stopped early (exit ${code})`))),
      );
      worker.postMessage(input, [...transfer]);
    });
  }
}
