/**
 * Worker thread of the feature pool: imports the application's source module, then for each
 * task reads one pipeline, segments it (unless the source has its graphlets) and computes its
 * feature rows, which go back to the main thread with their buffers transferred.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import {
  type FeatureOptions,
  isTraceInputError,
  type PipelineFeatureRows,
  pipelineFeatureRows,
  segmentGraphlets,
} from '@graphlet/core';
import type { FeatureSource, FeatureSourceModule } from './feature-source.ts';

/** What the pool gives every worker. */
export interface FeatureWorkerData {
  readonly sourceModule: string;
  readonly featureOptions: FeatureOptions;
}

/** One task: a pipeline of a source. */
export interface FeatureTask {
  readonly id: number;
  readonly spec: string;
  readonly item: string | number;
}

/**
 * A task's answer: rows (undefined when the source has no such pipeline) and the worker's V8 heap
 * size after it, or a failure.
 */
export type FeatureAnswer =
  | {
      readonly id: number;
      readonly rows: PipelineFeatureRows | undefined;
      readonly heapBytes: number;
    }
  | {
      readonly id: number;
      readonly error: {
        readonly kind: 'trace' | 'source';
        readonly message: string;
        readonly code: string;
      };
    };

const port = parentPort;
if (port !== null) {
  const data = workerData as FeatureWorkerData;
  const module = (await import(data.sourceModule)) as FeatureSourceModule;
  const sources = new Map<string, FeatureSource>();
  const sourceOf = (spec: string) => {
    let source = sources.get(spec);
    if (source === undefined) {
      source = module.openFeatureSource(spec);
      sources.set(spec, source);
    }
    return source;
  };
  port.on('message', async (task: FeatureTask | 'close') => {
    if (task === 'close') {
      void Promise.all([...sources.values()].map((source) => source.close())).finally(() =>
        port.close(),
      );
      sources.clear();
      return;
    }
    let pipeline: Awaited<ReturnType<FeatureSource['read']>>;
    try {
      pipeline = await sourceOf(task.spec).read(task.item);
    } catch (error) {
      port.postMessage(failure(task.id, 'source', error));
      return;
    }
    if (pipeline === undefined) {
      port.postMessage({
        id: task.id,
        rows: undefined,
        heapBytes: heapBytes(),
      } satisfies FeatureAnswer);
      return;
    }
    let rows: PipelineFeatureRows;
    try {
      const graphlets = pipeline.graphlets ?? segmentGraphlets(pipeline.trace).graphlets;
      rows = pipelineFeatureRows(pipeline.trace, graphlets, data.featureOptions);
    } catch (error) {
      if (!isTraceInputError(error)) throw error;
      port.postMessage({
        id: task.id,
        error: { kind: 'trace', message: error.detail, code: error.code },
      } satisfies FeatureAnswer);
      return;
    }
    const buffers =
      rows.kind === 'rows'
        ? [rows.values.buffer, rows.stageCosts.buffer, rows.trainer.buffer, rows.pushed.buffer]
        : [];
    port.postMessage(
      { id: task.id, rows, heapBytes: heapBytes() } satisfies FeatureAnswer,
      buffers as ArrayBuffer[],
    );
  });
}

/** Memory the worker's V8 heap holds now, garbage included (what it adds to the process's RSS). */
function heapBytes(): number {
  return getHeapStatistics().total_heap_size;
}

function failure(id: number, kind: 'trace' | 'source', error: unknown): FeatureAnswer {
  const e = error as { message?: unknown; code?: unknown; name?: unknown };
  return {
    id,
    error: {
      kind,
      message: String(e?.message ?? error),
      code: String(e?.code ?? e?.name ?? 'Error'),
    },
  };
}
