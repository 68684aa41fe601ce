// Worker threads kept across forests: starting a worker (and loading the forest's modules in it)
// costs 50-150 ms, which on a small table is as long as the forest. A pool is handed to
// trainForestParallel; each training is a numbered job so a late answer never lands in another.

import { Worker } from 'node:worker_threads';

/** Worker threads for trainForestParallel; close it when done. */
export interface ForestPool {
  readonly workers: readonly Worker[];
  /** Next job number (trainForestParallel tags its messages with it). */
  nextJob(): number;
  close(): Promise<void>;
}

/**
 * Starts `threads` forest workers.
 * @example const pool = createForestPool(2); try { await trainForestParallel(m, y, { pool }); } finally { await pool.close(); }
 */
export function createForestPool(threads: number): ForestPool {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`forest: threads must be a positive integer (got ${threads})`);
  }
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL('./forest-worker.ts', import.meta.url)),
  );
  let job = 0;
  return {
    workers,
    nextJob: () => ++job,
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
