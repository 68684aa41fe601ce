// Our forest against scikit-learn on the waste feature table (paper §5, Table 3), variant by
// variant in one run, so both see the same machine: fit and prediction seconds (wall and CPU) with
// `--threads` worker threads against n_jobs, and balanced accuracy, with the same settings (100 trees,
// sqrt features, fully grown, balanced class weights, missing values as -1 for scikit-learn 1.2,
// which rejects NaN). scikit-learn is Debian's python3-sklearn at /usr/bin/python3 (PYTHON to
// change it). With --ablation, two more columns separate the causes of any accuracy gap: our
// forest with missing values as -1, and scikit-learn's trees grown on our class-weighted bootstrap.
//   node bench/src/sklearn-bench.ts [--corpus STORE] [--pipelines N] [--variant NAME]
//     [--trees N] [--threads N] [--seed S] [--ablation]
// Without --corpus a seeded synthetic corpus of --pipelines pipelines (default 40) is generated.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createFeatureTableBuilder,
  isWasteVariant,
  segmentGraphlets,
  selectMatrix,
  selectRows,
  splitByPipeline,
  VARIANT_DEFINITIONS,
  variantColumns,
  WASTE_VARIANTS,
  type WasteFeatureTable,
  type WasteVariant,
} from '@graphlet/core';
import { balancedAccuracy, classify, confusionMatrix } from '@graphlet/forest';
import { createForestPool, predictProbaParallel, trainForestParallel } from '@graphlet/forest/node';
import { generateCorpus } from '@graphlet/synth';
import { streamFeatureTable } from '@graphlet/waste/node';
import { openFeatureSource } from './sklearn/mlmd-source.ts';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    pipelines: { type: 'string', default: '40' },
    variant: { type: 'string', multiple: true },
    trees: { type: 'string', default: '100' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '0' },
    ablation: { type: 'boolean', default: false },
  },
});
const trees = Number(args.trees);
const threads = Number(args.threads);
const seed = Number(args.seed);
const python = process.env.PYTHON ?? '/usr/bin/python3';
const variants: readonly WasteVariant[] = (args.variant ?? [...WASTE_VARIANTS]).map((v) => {
  if (!isWasteVariant(v)) throw new Error(`sklearn-bench: unknown variant ${v}`);
  return v;
});
const seconds = (start: number) => (performance.now() - start) / 1000;

const load = { before: loadavg()[0]! };
const t = performance.now();
const table = args.corpus === undefined ? syntheticTable() : await storeTable(args.corpus);
const featureSec = seconds(t);
const split = splitByPipeline(table, { seed });
const dump = mkdtempSync(join(tmpdir(), 'sklearn-bench-'));
const results: Record<string, unknown> = {};
// One pool for every variant, as `cli waste` trains them: starting the workers (loading their
// modules) is paid once per run, like importing scikit-learn, and is not timed.
const pool = createForestPool(threads);
try {
  writeDump(dump, table, split.isTrain);
  for (const variant of variants) {
    const columns = variantColumns(table.features, variant);
    const ours = await oursOn(columns, false);
    const sklearn = runPython(dump, variant, 'sklearn');
    const row: Record<string, unknown> = {
      features: columns.length,
      paperBalancedAccuracy: VARIANT_DEFINITIONS[variant].paper.balancedAccuracy,
      ours,
      sklearn,
      fitRatio: 'fitSeconds' in sklearn ? ours.fitSeconds / Number(sklearn.fitSeconds) : null,
      fitCpuRatio:
        'fitCpuSeconds' in sklearn ? ours.fitCpuSeconds / Number(sklearn.fitCpuSeconds) : null,
      predictRatio:
        'predictSeconds' in sklearn ? ours.predictSeconds / Number(sklearn.predictSeconds) : null,
    };
    if (args.ablation) {
      row.oursMissingAsMinusOne = await oursOn(columns, true);
      row.sklearnWeightedBootstrap = runPython(dump, variant, 'weighted-bootstrap');
    }
    results[variant] = row;
    process.stderr.write(`sklearn-bench: ${variant} ${JSON.stringify(row)}\n`);
  }
} finally {
  await pool.close();
  rmSync(dump, { recursive: true, force: true });
}
console.log(
  JSON.stringify({
    corpus: args.corpus ?? `synthetic, ${args.pipelines} pipelines`,
    rows: table.nRows,
    trainRows: split.train.length,
    testRows: split.test.length,
    featureSec,
    trees,
    threads,
    loadAverage: { ...load, after: loadavg()[0]! },
    totals: totals(results),
    variants: results,
  }),
);

/** Our forest on the variant's columns (missing values as -1 when asked): fit, predict, score. */
async function oursOn(columns: Int32Array, missingAsMinusOne: boolean) {
  const source = Array.from(columns, (c) => table.columns[c]!);
  const view = missingAsMinusOne
    ? source.map((column) => column.map((v) => (Number.isNaN(v) ? -1 : v)))
    : source;
  const labels = selectRows(table.pushed, split.train);
  let start = performance.now();
  // CPU seconds of the whole process (every thread): less disturbed by a busy machine than wall
  // time, and comparable with scikit-learn's process_time().
  const cpu = process.cpuUsage();
  const forest = await trainForestParallel({ columns: view, rows: split.train }, labels, {
    trees,
    seed,
    pool,
    classWeight: 'balanced',
  });
  const fitSeconds = seconds(start);
  const used = process.cpuUsage(cpu);
  const fitCpuSeconds = (used.user + used.system) / 1e6;
  // Prediction on the same worker threads, from the table's columns (the row-major copy of the
  // test rows included), against scikit-learn's predict_proba with n_jobs.
  start = performance.now();
  const predictCpu = process.cpuUsage();
  const probability = await predictProbaParallel(
    forest,
    selectMatrix({ columns: view }, Int32Array.from(view.keys()), split.test),
    pool,
  );
  const predictSeconds = seconds(start);
  const predictUsed = process.cpuUsage(predictCpu);
  const predictCpuSeconds = (predictUsed.user + predictUsed.system) / 1e6;
  const pushed = selectRows(table.pushed, split.test);
  return {
    fitSeconds,
    fitCpuSeconds,
    predictSeconds,
    predictCpuSeconds,
    balancedAccuracy: balancedAccuracy(confusionMatrix(pushed, classify(probability))),
    nodesPerTree: forest.trees.reduce((n, tree) => n + tree.nodeCount, 0) / forest.trees.length,
  };
}

function runPython(dir: string, variant: WasteVariant, mode: string): Record<string, unknown> {
  const script = fileURLToPath(new URL('../sklearn/waste_variant.py', import.meta.url));
  const child = spawnSync(
    python,
    [script, dir, variant, '--trees', String(trees), '--jobs', String(threads), '--mode', mode],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    return {
      error: `${python} exited with ${child.status ?? child.error?.message}: ${child.stderr.trim().split('\n').at(-1)}`,
    };
  }
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

/** Features row-major float32, labels and split as bytes, and each variant's column indices. */
function writeDump(dir: string, t: WasteFeatureTable, isTrain: Uint8Array): void {
  const x = new Float32Array(t.nRows * t.nFeatures);
  t.columns.forEach((column, f) => {
    for (let r = 0; r < t.nRows; r++) x[r * t.nFeatures + f] = column[r]!;
  });
  writeFileSync(join(dir, 'x.f32'), x);
  writeFileSync(join(dir, 'y.u8'), t.pushed);
  writeFileSync(join(dir, 'train.u8'), isTrain);
  const meta = {
    rows: t.nRows,
    features: t.features.map((f) => f.name),
    variants: Object.fromEntries(
      WASTE_VARIANTS.map((v) => [v, Array.from(variantColumns(t.features, v))]),
    ),
  };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
}

function syntheticTable(): WasteFeatureTable {
  const builder = createFeatureTableBuilder();
  for (const trace of generateCorpus({ pipelines: Number(args.pipelines), seed: 1 })) {
    builder.add(trace, segmentGraphlets(trace).graphlets);
  }
  return builder.finish();
}

async function storeTable(path: string): Promise<WasteFeatureTable> {
  const source = openFeatureSource(path);
  source.close();
  const tasks = Array.from({ length: source.pipelines }, (_, i) => ({
    spec: path,
    item: i,
    key: path,
  }));
  const { table: built } = await streamFeatureTable(tasks, {
    sourceModule: new URL('./sklearn/mlmd-source.ts', import.meta.url),
    threads,
  });
  return built;
}

/** Fit and prediction seconds summed over the variants, ours against scikit-learn's, wall and CPU. */
function totals(rows: Record<string, unknown>) {
  const sum = { ours: 0, sklearn: 0, oursCpu: 0, sklearnCpu: 0 };
  const predict = { ours: 0, sklearn: 0, oursCpu: 0, sklearnCpu: 0 };
  for (const row of Object.values(rows) as {
    ours: {
      fitSeconds: number;
      fitCpuSeconds: number;
      predictSeconds: number;
      predictCpuSeconds: number;
    };
    sklearn: {
      fitSeconds?: number;
      fitCpuSeconds?: number;
      predictSeconds?: number;
      predictCpuSeconds?: number;
    };
  }[]) {
    sum.ours += row.ours.fitSeconds;
    sum.oursCpu += row.ours.fitCpuSeconds;
    sum.sklearn += row.sklearn.fitSeconds ?? Number.NaN;
    sum.sklearnCpu += row.sklearn.fitCpuSeconds ?? Number.NaN;
    predict.ours += row.ours.predictSeconds;
    predict.oursCpu += row.ours.predictCpuSeconds;
    predict.sklearn += row.sklearn.predictSeconds ?? Number.NaN;
    predict.sklearnCpu += row.sklearn.predictCpuSeconds ?? Number.NaN;
  }
  return {
    ...sum,
    fitRatio: sum.ours / sum.sklearn,
    fitCpuRatio: sum.oursCpu / sum.sklearnCpu,
    predict: {
      ...predict,
      ratio: predict.ours / predict.sklearn,
      cpuRatio: predict.oursCpu / predict.sklearnCpu,
    },
  };
}
