// Trains a forest across worker threads (a pool's, or its own). The workers start first; while
// they load, the calling thread bins the table, then shares it with them (SharedArrayBuffer).
// Trees are handed out one at a time and stored by index, and each tree's seed depends only on
// (seed, index), so the forest equals trainForest's for any number of threads.

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { binFeatures } from '../bin-features.ts';
import { matrixShape, type TrainingMatrix } from '../feature-matrix.ts';
import { checkLabels, type ForestOptions, resolveForestOptions } from '../forest-options.ts';
import type { Forest } from '../train-forest.ts';
import type { Tree } from '../tree.ts';
import { createForestPool, type ForestPool } from './forest-pool.ts';
import type { ForestWorkerData, ForestWorkerTree } from './forest-worker.ts';

export interface ParallelForestOptions extends ForestOptions {
  /** Worker threads (default: the machine's available parallelism); ignored with a pool. */
  threads?: number;
  /** Workers to use and keep (createForestPool); otherwise started and stopped here. */
  pool?: ForestPool;
  /** Called after every finished tree with the number done and the total. */
  onProgress?: (treesDone: number, treesTotal: number) => void;
  /** Aborting stops the workers (a pool's too: it cannot be used again) and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Trains the same forest as `trainForest`, spreading the trees over worker threads.
 * @example
 * const forest = await trainForestParallel(matrix, labels, { seed: 1, threads: 2, onProgress: (done, total) => {} });
 */
export async function trainForestParallel(
  matrix: TrainingMatrix,
  labels: ArrayLike<number>,
  options: ParallelForestOptions = {},
): Promise<Forest> {
  const { nRows, nFeatures } = matrixShape(matrix);
  const y = checkLabels(labels, nRows);
  const resolved = resolveForestOptions(options, nFeatures, y);
  if (nRows === 0) throw new Error('forest: cannot train on zero rows');
  const threads = options.threads ?? availableParallelism();
  if (options.pool === undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new Error(`forest: threads must be a positive integer (got ${threads})`);
  }
  options.signal?.throwIfAborted();
  const total = resolved.trees;
  const pool = options.pool ?? createForestPool(Math.min(threads, total));
  const job = pool.nextJob();
  const workers = pool.workers.slice(0, total);
  const trees: (Tree | undefined)[] = new Array(total);
  const detach: (() => void)[] = [];
  let failed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        failed = true;
        reject(error);
      };
      const onAbort = () => fail(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      detach.push(() => options.signal?.removeEventListener('abort', onAbort));
      let next = 0;
      let done = 0;
      const handOut = (worker: Worker) => {
        if (next < total) worker.postMessage({ job, index: next++ });
      };
      for (const worker of workers) {
        const onMessage = (message: ForestWorkerTree) => {
          if (message.job !== job || failed || options.signal?.aborted) return;
          trees[message.index] = message.tree;
          done++;
          options.onProgress?.(done, total);
          if (done === total) resolve();
          else handOut(worker);
        };
        const onError = (error: Error) =>
          fail(new Error(`forest: worker failed: ${error.message}`));
        const onExit = (code: number) => {
          if (done < total) fail(new Error(`forest: worker exited with code ${code}`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        detach.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
      }
      // Binning overlaps the workers' start-up (loading modules takes about as long).
      const binned = binFeatures(matrix, { maxBins: resolved.maxBins });
      const data: ForestWorkerData = {
        bins: toShared(binned.bins),
        labels: toShared(y),
        edges: binned.edges.slice(),
        nRows: binned.nRows,
        nFeatures: binned.nFeatures,
        options: resolved,
      };
      for (const worker of workers) {
        worker.postMessage(data);
        handOut(worker);
      }
    });
  } finally {
    for (const off of detach) off();
    // A failed or aborted training may leave trees running: its workers are not reused.
    if (options.pool === undefined || failed) await pool.close();
  }
  return { nFeatures, options: resolved, trees: trees as Tree[] };
}

function toShared(bytes: Uint8Array): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  return shared;
}
