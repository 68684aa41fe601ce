import { describe, expect, it } from 'vitest';
import { predictProba } from '../predict-proba.ts';
import { xorTable } from '../testing-data.ts';
import { trainForest } from '../train-forest.ts';
import { createForestPool } from './forest-pool.ts';
import { trainForestParallel } from './train-forest-parallel.ts';

describe('trainForestParallel', () => {
  it('grows the same trees as trainForest for the same seed, whatever the thread count', async () => {
    const { matrix, labels } = xorTable(1500, 5, 4, 0.1);
    const options = { trees: 9, seed: 123, classWeight: 'balanced' as const };
    const serial = trainForest(matrix, labels, options);
    for (const threads of [1, 3]) {
      const progress: number[] = [];
      const parallel = await trainForestParallel(matrix, labels, {
        ...options,
        threads,
        onProgress: (done, total) => {
          expect(total).toBe(9);
          progress.push(done);
        },
      });
      expect(parallel.trees).toEqual(serial.trees);
      expect(parallel.options).toEqual(serial.options);
      expect(predictProba(parallel, matrix)).toEqual(predictProba(serial, matrix));
      expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('reuses a pool across forests and gives each the trees trainForest grows', async () => {
    const pool = createForestPool(2);
    try {
      for (const [seed, features] of [
        [5, 4],
        [6, 3],
      ] as const) {
        const { matrix, labels } = xorTable(700, features, seed, 0.1);
        const options = { trees: 6, seed, classWeight: 'balanced' as const };
        const pooled = await trainForestParallel(matrix, labels, { ...options, pool });
        expect(pooled.trees).toEqual(trainForest(matrix, labels, options).trees);
      }
      expect(pool.workers).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  it('stops when aborted', async () => {
    const { matrix, labels } = xorTable(2000, 5, 4, 0.1);
    const controller = new AbortController();
    const training = trainForestParallel(matrix, labels, {
      trees: 50,
      threads: 2,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort(new Error('cancelled by the user'));
      },
    });
    await expect(training).rejects.toThrow('cancelled by the user');
    const aborted = AbortSignal.abort(new Error('already'));
    await expect(trainForestParallel(matrix, labels, { signal: aborted })).rejects.toThrow(
      'already',
    );
  });

  it('rejects a bad thread count before starting workers', async () => {
    const { matrix, labels } = xorTable(10, 2, 1);
    await expect(trainForestParallel(matrix, labels, { threads: 0 })).rejects.toThrow(
      /forest: threads/,
    );
  });
});
