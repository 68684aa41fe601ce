/**
 * The JSON document of `waste --json`: per variant its balanced accuracy, feature cost, confusion
 * matrix and Figure 10 curve (plus Table 3's numbers and the top features), then the corpus,
 * split and timing. docs/waste.md documents every field.
 */
import { VARIANT_DEFINITIONS, type WasteFeatureTable } from '@graphlet/core';
import type { OperatingPoint } from '@graphlet/forest';
import { type VariantEvaluation, wasteRemovedAt } from './evaluate-variant.ts';
import type { WasteRun } from './run-waste.ts';

/** How many of the most important features each variant lists. */
const TOP_FEATURES = 5;

/** Settings echoed into the document. */
export interface WasteSettings {
  readonly trees: number;
  readonly seed: number;
  readonly threads: number;
  /** Include each test graphlet's push probability (and the test graphlets' ids). */
  readonly predictions: boolean;
}

/** The `{pipeline, graphlet}` id of a table row (graphlet = trainer execution id). */
export function rowId(table: WasteFeatureTable, row: number) {
  return { pipeline: table.pipelines[table.pipeline[row]!]!, graphlet: table.trainer[row]! };
}

/** Builds the document (plain JSON values; NaN/undefined become null). */
export function wasteDocument(table: WasteFeatureTable, run: WasteRun, settings: WasteSettings) {
  const variants: Record<string, unknown> = {};
  for (const e of run.evaluations) variants[e.variant] = variantDocument(table, run, e, settings);
  let pushed = 0;
  let trainPushed = 0;
  for (let r = 0; r < table.nRows; r++) {
    pushed += table.pushed[r]!;
    if (run.split.isTrain[r] === 1) trainPushed += table.pushed[r]!;
  }
  return {
    variants,
    trainSeconds: run.trainSeconds,
    graphlets: table.nRows,
    pipelines: table.pipelines.length,
    pushedShare: pushed / table.nRows,
    excluded: table.excluded,
    split: {
      trainGraphlets: run.split.train.length,
      testGraphlets: run.split.test.length,
      trainPipelines: run.split.trainPipelines,
      testPipelines: run.split.testPipelines,
      trainPushed,
      testPushed: pushed - trainPushed,
    },
    features: table.features.map((f) => f.name),
    window: table.options.window,
    trees: settings.trees,
    seed: settings.seed,
    threads: settings.threads,
    ...(settings.predictions
      ? { testGraphlets: Array.from(run.split.test, (r) => rowId(table, r)) }
      : {}),
  };
}

function variantDocument(
  table: WasteFeatureTable,
  run: WasteRun,
  e: VariantEvaluation,
  settings: WasteSettings,
) {
  return {
    balancedAccuracy: e.balancedAccuracy,
    featureCost: e.featureCost ?? null,
    confusion: e.confusion,
    curve: e.curve,
    paper: VARIANT_DEFINITIONS[e.variant].paper,
    wasteRemovedAtFreshness99: wasteRemovedAt(e.curve, 0.99),
    wasteRemovedAtFreshness100: wasteRemovedAt(e.curve, 1),
    topFeatures: e.importance.slice(0, TOP_FEATURES),
    features: e.features,
    trainSeconds: e.trainSeconds,
    predictSeconds: e.predictSeconds,
    ...(e.operatingPoint === undefined
      ? {}
      : { operatingPoint: operatingPointDocument(table, run, e.operatingPoint) }),
    ...(settings.predictions ? { probabilities: Array.from(e.probabilities) } : {}),
  };
}

/** An operating point's numbers as the CLI and the API print them: compute saved in CPU hours. */
export function operatingPointNumbers(p: OperatingPoint) {
  return {
    threshold: p.threshold,
    freshness: p.freshness,
    waste: p.waste,
    computeSavedCpuHours: p.computeSaved / 3600,
    computeSavedShare: p.computeSavedShare,
    pushedLost: p.pushedLost,
    confusion: p.confusion,
  };
}

/** The operating point with CPU hours and the skipped graphlets by id. */
export function operatingPointDocument(table: WasteFeatureTable, run: WasteRun, p: OperatingPoint) {
  return {
    ...operatingPointNumbers(p),
    skipped: Array.from(p.skipped, (i) => rowId(table, run.split.test[i]!)),
  };
}
