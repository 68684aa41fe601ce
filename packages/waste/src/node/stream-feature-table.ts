/**
 * Builds the waste feature table pipeline by pipeline on worker threads (§5 "Data"): a
 * graphlet's features need only its own pipeline's graphlets, so each worker reads, segments
 * and featurises one pipeline at a time and the main thread only appends rows, in task order
 * (the table is the same for any number of threads). At most a few pipelines per worker are in
 * flight, so memory holds the table and a handful of traces, never the corpus.
 */
import { Worker } from 'node:worker_threads';
import type { FeatureOptions, PipelineFeatureRows, WasteFeatureTable } from '@graphlet/core';
import { WasteError } from '../waste-error.ts';
import { createWasteTableBuilder } from '../waste-table.ts';
import { FeatureSourceError } from './feature-source.ts';
import type { FeatureAnswer, FeatureTask, FeatureWorkerData } from './feature-worker.ts';

/** One pipeline to read: `item` of source `spec`; `key` is kept per table pipeline. */
export interface PipelineTask {
  readonly spec: string;
  readonly item: string | number;
  readonly key: string;
  /** Prefixes error messages about this pipeline (a file name); none when absent. */
  readonly label?: string | undefined;
}

/** Where the build is, after each pipeline appended. */
export interface FeatureProgress {
  readonly pipelinesDone: number;
  readonly pipelinesTotal: number;
  readonly rows: number;
  /**
   * The most pipelines handed to workers but not yet appended at any one time so far: every
   * trace the build held at once was among them (at most threads x 4, whatever the corpus).
   */
  readonly inFlightMax: number;
  /** Feature workers replaced so far because their heap had grown past the limit. */
  readonly workersRetired: number;
}

export interface StreamTableOptions {
  /** URL of a module exporting `openFeatureSource` (see feature-source.ts). */
  readonly sourceModule: URL;
  readonly threads: number;
  readonly featureOptions?: Partial<FeatureOptions> | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: FeatureProgress) => void) | undefined;
  /** Heap size in MB past which a feature worker is replaced by a fresh one (default 256). */
  readonly workerHeapMb?: number | undefined;
}

/** Pipelines in flight per worker: enough to keep it busy while the main thread appends. */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * Heap size, in MB, past which a feature worker is retired: it gets no more pipelines, a fresh
 * worker takes its place, and it is terminated (its whole heap returned) once it has answered.
 * Uncapped, V8 lets a worker's heap grow to ~450 MB at the paper's scale, mostly garbage (after a
 * collection its live data stays under ~100 MB on the 300-pipeline corpus). A hard limit
 * (`resourceLimits`) would be cheaper but is best effort: a worker past it can abort the whole
 * process (nodejs/node#47224), so a large pipeline must never meet one.
 */
const WORKER_HEAP_MB = 256;

/** A feature worker and the tasks sent to it and not yet answered. */
interface WorkerSlot {
  readonly worker: Worker;
  readonly sent: Set<number>;
  /** Replaced in its slot; terminated once `sent` is empty. */
  retired: boolean;
}

/**
 * The feature table of `tasks`, and each kept pipeline's key. A trace that cannot be segmented
 * rejects with WasteError('invalid_trace'), a source that cannot be read with FeatureSourceError,
 * an abort with WasteError('cancelled').
 * @example const { table, keys } = await streamFeatureTable(tasks, { sourceModule, threads: 2 });
 */
export async function streamFeatureTable(
  tasks: readonly PipelineTask[],
  options: StreamTableOptions,
): Promise<{ readonly table: WasteFeatureTable; readonly keys: readonly string[] }> {
  const builder = createWasteTableBuilder(options.featureOptions);
  const total = tasks.length;
  const workerCount = Math.max(1, Math.min(options.threads, total));
  const data: FeatureWorkerData = {
    sourceModule: options.sourceModule.href,
    featureOptions: builder.options,
  };
  const slots: WorkerSlot[] = [];
  const heapLimit = (options.workerHeapMb ?? WORKER_HEAP_MB) * 1024 * 1024;
  let retirements = 0;
  const retiring: Promise<number>[] = [];
  const done = new Map<number, PipelineFeatureRows | undefined>();
  let appended = 0;
  let rows = 0;
  let inFlightMax = 0;
  let onAbort: (() => void) | undefined;
  try {
    if (total > 0) {
      await new Promise<void>((resolve, reject) => {
        if (options.signal?.aborted) throw cancelled();
        onAbort = () => reject(cancelled());
        options.signal?.addEventListener('abort', onAbort, { once: true });
        let next = 0;
        const post = (slot: WorkerSlot, id: number) => {
          const task = tasks[id]!;
          slot.sent.add(id);
          slot.worker.postMessage({ id, spec: task.spec, item: task.item } satisfies FeatureTask);
        };
        const send = (w: number) => {
          // Bounded look-ahead: never more than the window past the next row to append.
          if (next < total && next < appended + workerCount * IN_FLIGHT_PER_WORKER) {
            post(slots[w]!, next++);
            inFlightMax = Math.max(inFlightMax, next - appended);
          }
        };
        const start = (slot: number) => {
          const worker = new Worker(new URL('./feature-worker.ts', import.meta.url), {
            workerData: data,
          });
          const sent = new Set<number>();
          const mine: WorkerSlot = { worker, sent, retired: false };
          slots[slot] = mine;
          worker.on('message', (answer: FeatureAnswer) => {
            if (options.signal?.aborted) return;
            sent.delete(answer.id);
            if ('error' in answer) {
              reject(taskError(tasks[answer.id]!, answer.error));
              return;
            }
            if (!mine.retired && answer.heapBytes > heapLimit) {
              // Its successor takes the slot (and the next pipelines) now; this one finishes what it has.
              mine.retired = true;
              retirements++;
              start(slot);
            }
            if (mine.retired && sent.size === 0) retiring.push(worker.terminate());
            done.set(answer.id, answer.rows);
            try {
              while (done.has(appended)) {
                const result = done.get(appended);
                done.delete(appended);
                if (result !== undefined) rows += builder.addRows(result, tasks[appended]!.key);
                appended++;
                options.onProgress?.({
                  pipelinesDone: appended,
                  pipelinesTotal: total,
                  rows,
                  inFlightMax,
                  workersRetired: retirements,
                });
              }
            } catch (error) {
              reject(error);
              return;
            }
            if (appended === total) resolve();
            // Refill every worker: appending may have opened the window for idle ones.
            for (let w = 0; w < slots.length; w++) send(w);
          });
          worker.on('error', (error) =>
            reject(new Error(`waste: feature worker failed: ${error.message}`)),
          );
          worker.on('exit', (code) => {
            if (!mine.retired && appended < total)
              reject(new Error(`waste: feature worker exited with code ${code}`));
          });
          return mine;
        };
        for (let w = 0; w < workerCount; w++) {
          start(w);
          for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) send(w);
        }
      });
    }
  } finally {
    if (onAbort !== undefined) options.signal?.removeEventListener('abort', onAbort);
    // Terminating returns each worker's whole heap to the system before training starts.
    await Promise.all([...slots.map((slot) => slot.worker.terminate()), ...retiring]);
  }
  return builder.finish();
}

function cancelled(): WasteError {
  return new WasteError('cancelled', 'the waste run was cancelled');
}

function taskError(
  task: PipelineTask,
  error: { readonly kind: 'trace' | 'source'; readonly message: string; readonly code: string },
): Error {
  const prefix = task.label === undefined ? '' : `${task.label}: `;
  if (error.kind === 'trace') {
    return new WasteError('invalid_trace', `${prefix}${error.message}`);
  }
  return new FeatureSourceError(error.message, error.code);
}
