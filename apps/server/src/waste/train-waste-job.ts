/**
 * The `waste-train` job kind: builds the feature table from the stored traces and graphlets,
 * trains the requested variants on worker threads (progress: stage, variant i of n, trees done
 * of total) and stores the model; a corpus that cannot be trained fails with the WasteError code.
 */
import { availableParallelism } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { Trace, WasteVariant } from '@graphlet/core';
import { checkTrainable, createWasteTableBuilder, runWaste, WasteError } from '@graphlet/waste';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import { type JobContext, JobError, type JobRunner } from '../jobs/job-runner.ts';
import { getTracePayload, listGraphlets } from '../store/trace-queries.ts';
import { insertWasteModel } from '../store/waste-model-rows.ts';
import { storedWasteModel } from './stored-waste-model.ts';

export const WASTE_TRAIN_JOB = 'waste-train';

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

/** Registers the job kind; the job's result is `{model:{id}}`. */
export function registerWasteTrainJob(jobs: JobRunner, db: DatabaseSync): void {
  const threads = Math.max(1, Math.min(2, availableParallelism()));
  jobs.register<WasteTrainRequest>(WASTE_TRAIN_JOB, async (request, context) => {
    try {
      const { table, keys } = await buildTable(db, request.traceIds, context);
      checkTrainable(table);
      const run = await runWaste(table, { ...request, threads, signal: context.signal }, (p) =>
        context.progress({
          stage: p.stage,
          variant: p.variant,
          variantIndex: p.variantIndex,
          variantCount: p.variantCount,
          ...(p.stage === 'training' ? { treesDone: p.treesDone, treesTotal: p.treesTotal } : {}),
        }),
      );
      context.progress({ stage: 'saving' });
      const id = wasteModelIdOf(context.id);
      insertWasteModel(
        db,
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
      if (error instanceof WasteError) throw new JobError(error.code, `waste: ${error.message}`);
      throw error;
    }
  });
}

async function buildTable(db: DatabaseSync, ids: readonly string[], context: JobContext) {
  const builder = createWasteTableBuilder();
  context.progress({ stage: 'features', tracesDone: 0, tracesTotal: ids.length });
  for (const [i, id] of ids.entries()) {
    const payload = getTracePayload(db, id);
    // A trace deleted since the request was accepted is skipped, not an error.
    if (payload !== undefined) {
      const trace = JSON.parse(payload) as Trace;
      builder.add(trace, id, listGraphlets(db, id).map(toCoreGraphlet));
    }
    if (i % 16 === 15) {
      context.progress({ tracesDone: i + 1 });
      // Let requests in between: the table is built on the main thread.
      await nextTick();
      if (context.signal.aborted) throw new WasteError('cancelled', 'the training was cancelled');
    }
  }
  context.progress({ tracesDone: ids.length });
  return builder.finish();
}
