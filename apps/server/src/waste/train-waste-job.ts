/**
 * The `waste-train` job kind: builds the feature table from the stored traces and graphlets on
 * worker threads, one trace at a time (progress: traces done of total, rows, the most traces
 * read ahead at once), trains the requested variants (progress: stage, variant i of n, trees
 * done of total), stores each forest as soon as it is trained and then the model; a corpus that
 * cannot be trained fails with the WasteError code.
 */
import { availableParallelism } from 'node:os';
import {
  featureDefinitions,
  resolveFeatureOptions,
  VARIANT_DEFINITIONS,
  type WasteVariant,
} from '@graphlet/core';
import { forestToBytes } from '@graphlet/forest';
import {
  checkTrainable,
  estimateWasteMemory,
  runWaste,
  type TrainableCounts,
  WasteError,
  type WasteMemoryEstimate,
} from '@graphlet/waste';
import { FeatureSourceError, streamFeatureTable } from '@graphlet/waste/node';
import type { JobQueue } from '../jobs/job-queue.ts';
import { type JobContext, JobError } from '../jobs/job-queue.ts';
import type { TaskPool } from '../offload/task-pool.ts';
import type { Store } from '../store/store.ts';
import { storedWasteModel } from './stored-waste-model.ts';

export const WASTE_TRAIN_JOB = 'waste-train';

/** Worker threads of a training job, for the feature table and for each forest. */
const WASTE_TRAIN_THREADS = Math.max(1, Math.min(2, availableParallelism()));

/** What a training job is asked to do. */
export interface WasteTrainRequest {
  readonly variants: readonly WasteVariant[];
  /** Trace ids in order; `scope` null records that they were the whole corpus. */
  readonly traceIds: readonly string[];
  readonly scope: readonly string[] | null;
  readonly trees: number;
  readonly seed: number;
}

/** The id of the model a job stores. */
const wasteModelIdOf = (jobId: string) => `wm-${jobId}`;

/**
 * Peak memory of a training request, from the counts of the graphlets table: one forest at a
 * time, its blob and SQLite's copy of the blob while the row is written, beside the server's
 * caches (`cacheBytes`). Measured for the four main variants: 1,557 MB at the paper's scale
 * (estimated 1,583 MB before the caches were counted), 890 MB on 1,144 of its pipelines
 * (146,436 graphlets; estimated 791 MB without the caches, 1,047 MB with the default 256 MB).
 */
export function wasteTrainMemory(
  counts: TrainableCounts,
  request: Pick<WasteTrainRequest, 'variants' | 'trees'>,
  cacheBytes: number,
): WasteMemoryEstimate {
  const features = featureDefinitions(resolveFeatureOptions());
  return estimateWasteMemory({
    rows: counts.rows,
    features: features.length,
    variantFeatures: Math.max(
      ...request.variants.map((v) => features.filter(VARIANT_DEFINITIONS[v].uses).length),
    ),
    trees: request.trees,
    threads: WASTE_TRAIN_THREADS,
    forestsHeld: 1,
    // The blob (forestToBytes) and SQLite's copy of it while the row is written.
    extraNodeBytes: 58,
    extraProcessBytes: cacheBytes,
  });
}

/** Registers the job kind; the job's result is `{model:{id}}`. */
/** Registers the training job kind on `store`; its feature workers open `storeLocation` themselves. */
export function registerWasteTrainJob(
  jobs: JobQueue,
  store: Store,
  storeLocation: string,
  tasks: TaskPool,
): void {
  const threads = WASTE_TRAIN_THREADS;
  jobs.register<WasteTrainRequest>(
    WASTE_TRAIN_JOB,
    async (request, context) => {
      const id = wasteModelIdOf(context.id);
      // Forest writes run beside training, on task workers; all have landed before the model row.
      const forestWrites: Promise<unknown>[] = [];
      try {
        const { table, keys } = await buildTable(storeLocation, request.traceIds, context, threads);
        checkTrainable(table);
        const options = { ...request, threads, signal: context.signal, keepForests: false };
        const run = await runWaste(table, options, (p) => {
          if (p.stage === 'evaluated' && p.evaluation.forest !== undefined) {
            // Stored now and let go: a forest on the paper's scale takes ~200 MB. Its bytes move
            // (transferred, not copied) to a task worker, which writes the blob off the event loop.
            const bytes = forestToBytes(p.evaluation.forest);
            const write = tasks.run(
              `forest:${id}:${p.variant}`,
              { task: 'forest', storeLocation, modelId: id, variant: p.variant, bytes },
              [bytes.buffer as ArrayBuffer],
            );
            write.catch(() => {});
            forestWrites.push(write);
          }
          context.progress({
            stage: p.stage,
            variant: p.variant,
            variantIndex: p.variantIndex,
            variantCount: p.variantCount,
            ...(p.stage === 'training' ? { treesDone: p.treesDone, treesTotal: p.treesTotal } : {}),
          });
        });
        context.progress({ stage: 'saving' });
        await Promise.all(forestWrites);
        await store.insertWasteModel(
          storedWasteModel({
            id,
            jobId: context.id,
            table,
            keys,
            run,
            traces: request.scope,
            ...request,
          }),
        );
        context.progress({ stage: 'done' });
        return { model: { id } };
      } catch (error) {
        await Promise.allSettled(forestWrites);
        await store.deleteWasteForests(id);
        if (error instanceof WasteError) throw new JobError(error.code, `waste: ${error.message}`);
        if (error instanceof FeatureSourceError) {
          throw new JobError(
            'invalid_trace',
            `waste: a stored trace cannot be read: ${error.message}`,
          );
        }
        throw error;
      }
    },
    { slot: 'train' },
  );
}

async function buildTable(
  storeLocation: string,
  ids: readonly string[],
  context: JobContext,
  threads: number,
) {
  context.progress({ stage: 'features', tracesDone: 0, tracesTotal: ids.length, rows: 0 });
  let reported = 0;
  return streamFeatureTable(
    ids.map((traceId) => ({ spec: storeLocation, item: traceId, key: traceId })),
    {
      sourceModule: new URL('./store-feature-source.ts', import.meta.url),
      threads,
      signal: context.signal,
      onProgress: ({ pipelinesDone, rows, inFlightMax, workersRetired }) => {
        // A trace deleted since the request was accepted reads as none and is skipped.
        const now = performance.now();
        if (now - reported < 250 && pipelinesDone < ids.length) return;
        reported = now;
        context.progress({
          tracesDone: pipelinesDone,
          rows,
          tracesInFlightMax: inFlightMax,
          featureWorkersRetired: workersRetired,
        });
      },
    },
  );
}
