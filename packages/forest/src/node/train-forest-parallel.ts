// Trains a forest across worker threads. The workers start first; while they load, the calling
// thread bins the table, then shares it with them (SharedArrayBuffer). Trees are handed out one
// at a time and stored by index, and each tree's seed depends only on (seed, index), so the
// forest equals trainForest's for any number of threads.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { binFeatures } from '../bin-features.ts';
import { matrixShape, type TrainingMatrix } from '../feature-matrix.ts';
import { checkLabels, type ForestOptions, resolveForestOptions } from '../forest-options.ts';
import type { Forest } from '../train-forest.ts';
import type { Tree } from '../tree.ts';
import type { ForestWorkerData } from './forest-worker.ts';

export interface ParallelForestOptions extends ForestOptions {
  /** Worker threads (default: the machine's available parallelism). */
  threads?: number;
  /** Called after every finished tree with the number done and the total. */
  onProgress?: (treesDone: number, treesTotal: number) => void;
  /** Aborting stops the workers and rejects with the signal's reason. */
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
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`forest: threads must be a positive integer (got ${threads})`);
  }
  options.signal?.throwIfAborted();
  const total = resolved.trees;
  const trees: (Tree | undefined)[] = new Array(total);
  const workers: Worker[] = [];
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onAbort = () => reject(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      let next = 0;
      let done = 0;
      const handOut = (worker: Worker) => {
        if (next < total) worker.postMessage(next++);
      };
      for (let w = 0; w < Math.min(threads, total); w++) {
        const worker = new Worker(new URL('./forest-worker.ts', import.meta.url));
        workers.push(worker);
        worker.on('message', (message: { index: number; tree: Tree }) => {
          if (options.signal?.aborted) return;
          trees[message.index] = message.tree;
          done++;
          options.onProgress?.(done, total);
          if (done === total) resolve();
          else handOut(worker);
        });
        worker.on('error', (error) => reject(new Error(`forest: worker failed: ${error.message}`)));
        worker.on('exit', (code) => {
          if (done < total) reject(new Error(`forest: worker exited with code ${code}`));
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
    if (onAbort !== undefined) options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { nFeatures, options: resolved, trees: trees as Tree[] };
}

function toShared(bytes: Uint8Array): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  return shared;
}
