import { describe, expect, it } from 'vitest';
import { predictProba } from '../predict-proba.ts';
import { xorTable } from '../testing-data.ts';
import { trainForest } from '../train-forest.ts';
import { createForestPool } from './forest-pool.ts';
import { predictProbaParallel } from './predict-proba-parallel.ts';

describe('predictProbaParallel', () => {
  it('gives predictProba’s probabilities to the last bit, on one worker or several', async () => {
    const { matrix, labels } = xorTable(3000, 5, 7, 0.1);
    const forest = trainForest(matrix, labels, { trees: 7, seed: 3, classWeight: 'balanced' });
    const test = xorTable(9001, 5, 8).matrix;
    // Missing values take the NaN code.
    for (let i = 0; i < test.values.length; i += 13) test.values[i] = Number.NaN;
    const expected = predictProba(forest, test);
    for (const threads of [1, 2, 3]) {
      const pool = createForestPool(threads);
      try {
        expect(await predictProbaParallel(forest, test, pool)).toEqual(expected);
        // A small batch is predicted on the calling thread.
        const small = { ...test, values: test.values.subarray(0, 50), nRows: 10 };
        expect(await predictProbaParallel(forest, small, pool)).toEqual(
          predictProba(forest, small),
        );
      } finally {
        await pool.close();
      }
    }
  });

  it('rejects a matrix of another width', async () => {
    const { matrix, labels } = xorTable(200, 4, 1);
    const forest = trainForest(matrix, labels, { trees: 2, seed: 1 });
    const pool = createForestPool(2);
    try {
      await expect(predictProbaParallel(forest, xorTable(10, 3, 2).matrix, pool)).rejects.toThrow(
        /forest: model has 4 features/,
      );
    } finally {
      await pool.close();
    }
  });
});
