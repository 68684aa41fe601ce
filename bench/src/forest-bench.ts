// Benchmark of @graphlet/forest at the paper's scale (§5: ~420,000 graphlets, ~40 features):
// training on 1 and 2 threads, prediction on the test rows, the freshness-curve sweep and one
// operating point (what the waste page computes in the browser at every move of its threshold
// marker), on a seeded synthetic table with a known signal. Prints JSON.
//   node bench/src/forest-bench.ts [--full] [--rows N] [--trees N] [--csv OUT]
// --full is 420,000 x 40 (the default is 100,000 x 40); --csv writes the table (with a `split`
// column) for bench/sklearn/compare.py to train scikit-learn on the same rows.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  balancedAccuracy,
  classify,
  confusionMatrix,
  type FeatureMatrix,
  freshnessCurve,
  operatingPoint,
  predictProba,
  splitmix32,
  trainForest,
} from '@graphlet/forest';
import { trainForestParallel } from '@graphlet/forest/node';

const N_FEATURES = 40;

/** A synthetic "graphlet" table: ~20% positives driven by a few features and their interactions. */
function syntheticTable(nRows: number, seed: number) {
  const random = splitmix32(seed);
  const uniform = () => random() / 4294967296;
  const values = new Float64Array(nRows * N_FEATURES);
  const labels = new Uint8Array(nRows);
  const cost = new Float64Array(nRows);
  for (let r = 0; r < nRows; r++) {
    const row = r * N_FEATURES;
    for (let f = 0; f < N_FEATURES; f++) {
      let v: number;
      if (f < 20)
        v = uniform(); // continuous (similarities)
      else if (f < 30)
        v = Math.floor(uniform() * 10); // counts
      else if (f < 35)
        v = uniform() < 0.3 ? 1 : 0; // flags (code match, one-hot model type)
      else v = uniform() < 0.1 ? Number.NaN : uniform(); // sometimes missing
      values[row + f] = v;
    }
    const x = (f: number) => values[row + f]!;
    const missing = Number.isNaN(x(35)) ? 0.8 : x(35);
    const score =
      2.5 * x(0) +
      (x(1) > 0.7 && (x(20) === 2 || x(20) === 3) ? 2 : 0) +
      1.5 * x(30) * x(2) -
      (x(21) > 6 ? 1 : 0) +
      missing +
      1.2 * (uniform() - 0.5) * 2;
    labels[r] = score > 2.9 ? 1 : 0;
    cost[r] = 1 + 10 * uniform() + 5 * x(22);
  }
  return { values, labels, cost };
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    rows: { type: 'string' },
    trees: { type: 'string', default: '100' },
    csv: { type: 'string' },
    'skip-serial': { type: 'boolean', default: false },
  },
});
const rows = args.rows === undefined ? (args.full ? 420_000 : 100_000) : Number(args.rows);
const trees = Number(args.trees);
const table = syntheticTable(rows, 2021);
const nTrain = Math.round(rows * 0.8);
const train: FeatureMatrix = {
  values: table.values.subarray(0, nTrain * N_FEATURES),
  nRows: nTrain,
  nFeatures: N_FEATURES,
};
const test: FeatureMatrix = {
  values: table.values.subarray(nTrain * N_FEATURES),
  nRows: rows - nTrain,
  nFeatures: N_FEATURES,
};
const trainLabels = table.labels.subarray(0, nTrain);
const testLabels = table.labels.subarray(nTrain);

if (args.csv !== undefined) {
  const header = ['split', 'pushed', ...Array.from({ length: N_FEATURES }, (_, f) => `f${f}`)];
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = [r < nTrain ? 'train' : 'test', String(table.labels[r])];
    for (let f = 0; f < N_FEATURES; f++) {
      const v = table.values[r * N_FEATURES + f]!;
      cells.push(Number.isNaN(v) ? '' : String(v));
    }
    lines.push(cells.join(','));
  }
  writeFileSync(args.csv, `${lines.join('\n')}\n`);
}

const options = { trees, seed: 1, classWeight: 'balanced' as const };
let train1ThreadSec: number | null = null;
if (!args['skip-serial']) {
  const t1 = process.hrtime.bigint();
  trainForest(train, trainLabels, options);
  train1ThreadSec = seconds(t1);
}
const t2 = process.hrtime.bigint();
const forest = await trainForestParallel(train, trainLabels, { ...options, threads: 2 });
const train2ThreadSec = seconds(t2);

const tp = process.hrtime.bigint();
const probability = predictProba(forest, test);
const predictSec = seconds(tp);
const ts = process.hrtime.bigint();
const curve = freshnessCurve({
  probability,
  pushed: testLabels,
  cost: table.cost.subarray(nTrain),
});
const sweepSec = seconds(ts);
const testSet = { probability, pushed: testLabels, cost: table.cost.subarray(nTrain) };
const to = process.hrtime.bigint();
for (let i = 0; i <= 100; i++) operatingPoint(testSet, i / 100);
const operatingPointMs = (seconds(to) * 1000) / 101;

let positives = 0;
for (const y of table.labels) positives += y;
const nodes = forest.trees.reduce((sum, tree) => sum + tree.nodeCount, 0);
console.log(
  JSON.stringify({
    rows,
    features: N_FEATURES,
    trees,
    trainRows: nTrain,
    testRows: rows - nTrain,
    positiveShare: positives / rows,
    train1ThreadSec,
    train2ThreadSec,
    predictSec,
    sweepSec,
    operatingPointMs,
    balancedAccuracy: balancedAccuracy(confusionMatrix(testLabels, classify(probability))),
    curvePoints: curve.length,
    meanNodesPerTree: nodes / forest.trees.length,
  }),
);
