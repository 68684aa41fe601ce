// Benchmark of the waste classifier pipeline (paper §5) on the synthetic corpus: feature
// extraction (rows/s, segmentation timed apart), then per Table 3 variant the forest's training
// seconds, prediction of the test rows and the freshness-curve sweep. Prints JSON.
//   node bench/src/waste-bench.ts [--pipelines N] [--rows R] [--trees N] [--threads N] [--variant NAME]
// --rows tiles the extracted table (whole pipelines, renamed) up to R rows to time training at the
// paper's scale (~420,000 graphlets) without generating thousands of pipelines.

import { parseArgs } from 'node:util';
import {
  createFeatureTableBuilder,
  isWasteVariant,
  segmentGraphlets,
  selectMatrix,
  selectRows,
  splitByPipeline,
  variantColumns,
  WASTE_VARIANTS,
  type WasteFeatureTable,
  type WasteVariant,
} from '@graphlet/core';
import {
  balancedAccuracy,
  classify,
  confusionMatrix,
  freshnessCurve,
  predictProba,
} from '@graphlet/forest';
import { trainForestParallel } from '@graphlet/forest/node';
import { generateCorpus } from '@graphlet/synth';

const { values: args } = parseArgs({
  options: {
    pipelines: { type: 'string', default: '40' },
    rows: { type: 'string' },
    trees: { type: 'string', default: '100' },
    threads: { type: 'string', default: '2' },
    variant: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const pipelines = Number(args.pipelines);
const trees = Number(args.trees);
const threads = Number(args.threads);
const seed = Number(args.seed);
const variants: readonly WasteVariant[] =
  args.variant === undefined
    ? WASTE_VARIANTS
    : isWasteVariant(args.variant)
      ? [args.variant]
      : (() => {
          throw new Error(`waste-bench: unknown variant ${args.variant}`);
        })();

const seconds = (start: number) => (performance.now() - start) / 1000;

// Extraction: generation is not timed; segmentation and feature rows are timed separately.
const builder = createFeatureTableBuilder();
let segmentSec = 0;
let featureSec = 0;
for (const trace of generateCorpus({ pipelines, seed })) {
  let t = performance.now();
  const graphlets = segmentGraphlets(trace).graphlets;
  segmentSec += seconds(t);
  t = performance.now();
  builder.add(trace, graphlets);
  featureSec += seconds(t);
}
const extracted = builder.finish();
const table = args.rows === undefined ? extracted : tile(extracted, Number(args.rows));

const split = splitByPipeline(table, { seed });
const results: Record<string, unknown> = {};
for (const variant of variants) {
  const columns = variantColumns(table.features, variant);
  let t = performance.now();
  const train = selectMatrix(table, columns, split.train);
  const test = selectMatrix(table, columns, split.test);
  const selectSec = seconds(t);
  t = performance.now();
  const forest = await trainForestParallel(train, selectRows(table.pushed, split.train), {
    trees,
    seed,
    threads,
    classWeight: 'balanced',
  });
  const trainSec = seconds(t);
  t = performance.now();
  const probability = predictProba(forest, test);
  const predictSec = seconds(t);
  t = performance.now();
  const pushed = selectRows(table.pushed, split.test);
  const curve = freshnessCurve({ probability, pushed, cost: selectRows(table.cost, split.test) });
  const sweepSec = seconds(t);
  results[variant] = {
    features: columns.length,
    selectSec,
    trainSec,
    predictSec,
    sweepSec,
    curvePoints: curve.length,
    balancedAccuracy: balancedAccuracy(confusionMatrix(pushed, classify(probability))),
  };
}

console.log(
  JSON.stringify({
    pipelines,
    extractedRows: extracted.nRows,
    features: extracted.nFeatures,
    segmentSec,
    featureSec,
    featureRowsPerSec: extracted.nRows / featureSec,
    rows: table.nRows,
    tiled: table !== extracted,
    trainRows: split.train.length,
    testRows: split.test.length,
    trees,
    threads,
    variants: results,
  }),
);

/** Repeats whole pipelines (as new pipelines) until the table has at least `rows` rows. */
function tile(t: WasteFeatureTable, rows: number): WasteFeatureTable {
  const copies = Math.max(1, Math.ceil(rows / t.nRows));
  const n = t.nRows * copies;
  const pipeline = new Int32Array(n);
  const names: string[] = [];
  for (let k = 0; k < copies; k++) {
    for (let r = 0; r < t.nRows; r++)
      pipeline[k * t.nRows + r] = t.pipeline[r]! + k * t.pipelines.length;
    for (const name of t.pipelines) names.push(`${name}#${k}`);
  }
  const repeat = <T extends Float32Array | Float64Array | Uint8Array>(
    a: T,
    make: (n: number) => T,
  ): T => {
    const out = make(a.length * copies);
    for (let k = 0; k < copies; k++) out.set(a, k * a.length);
    return out;
  };
  return {
    ...t,
    nRows: n,
    columns: t.columns.map((c) => repeat(c, (m) => new Float32Array(m))),
    pipelines: names,
    pipeline,
    trainer: repeat(t.trainer, (m) => new Float64Array(m)),
    pushed: repeat(t.pushed, (m) => new Uint8Array(m)),
    cost: repeat(t.cost, (m) => new Float64Array(m)),
    stageCosts: repeat(t.stageCosts, (m) => new Float64Array(m)),
  };
}
