// Forest prediction on a pool's worker threads: the forest is coded once (threshold ranks, leaf
// values in, on shared memory), the matrix encoded to byte codes on shared memory, and each
// worker sums every tree's leaf values for its share of the rows. Each row adds its trees in
// tree order, as predictProba does, so the probabilities are the same to the last bit.

import type { Worker } from 'node:worker_threads';
import { checkMatrix, type FeatureMatrix } from '../feature-matrix.ts';
import { predictProba } from '../predict-proba.ts';
import { codedForest, encodeMatrix } from '../threshold-codes.ts';
import type { Forest } from '../train-forest.ts';
import type { ForestPool } from './forest-pool.ts';
import type { ForestWorkerPredict, ForestWorkerPredicted } from './forest-worker.ts';

/** Rows below which one thread predicts (handing rows to workers costs a message round trip). */
const PARALLEL_MIN_ROWS = 4096;

/**
 * The same probabilities as predictProba, computed on the pool's workers.
 * @example const p = await predictProbaParallel(forest, matrix, pool);
 */
export async function predictProbaParallel(
  forest: Forest,
  matrix: FeatureMatrix,
  pool: ForestPool,
): Promise<Float64Array> {
  checkMatrix(matrix, 'forest');
  const { values, nRows, nFeatures } = matrix;
  if (nFeatures !== forest.nFeatures) {
    throw new Error(`forest: model has ${forest.nFeatures} features, matrix has ${nFeatures}`);
  }
  const workers = pool.workers;
  const coded = nRows >= PARALLEL_MIN_ROWS && workers.length > 1 ? codedForest(forest) : undefined;
  if (coded === undefined || coded.maxCode > 0xffff) return predictProba(forest, matrix);
  const codes = encodeMatrix(coded, values, nFeatures, true);
  const out = new Float64Array(new SharedArrayBuffer(nRows * Float64Array.BYTES_PER_ELEMENT));
  const job = pool.nextJob();
  const share = Math.ceil(nRows / workers.length);
  await Promise.all(
    workers.map((worker, w) =>
      rowsOn(worker, {
        job,
        predict: {
          nodes: coded.nodes,
          roots: coded.roots,
          codes,
          nFeatures,
          out,
          start: Math.min(nRows, w * share),
          end: Math.min(nRows, (w + 1) * share),
        },
      }),
    ),
  );
  const result = out.slice();
  const scale = 1 / forest.trees.length;
  for (let r = 0; r < nRows; r++) result[r]! *= scale;
  return result;
}

/** Sends one worker its rows and waits for its answer. */
function rowsOn(worker: Worker, message: ForestWorkerPredict): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (answer: ForestWorkerPredicted) => {
      if (answer.job !== message.job || answer.predicted !== true) return;
      off();
      resolve();
    };
    const onError = (error: Error) => {
      off();
      reject(new Error(`forest: worker failed: ${error.message}`));
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`forest: worker exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}
