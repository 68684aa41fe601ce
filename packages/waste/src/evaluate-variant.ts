/**
 * Trains and evaluates one Table 3 variant (§5.2.2, §5.3): forest on the training rows, push
 * probabilities for every test row, balanced accuracy and confusion at 0.5, the Figure 10
 * freshness-vs-waste curve, and optionally the operating point of a threshold. Pure: the
 * training function is passed in (serial, or on worker threads by runWaste).
 */
import {
  featureCost,
  type PipelineSplit,
  selectMatrix,
  selectRows,
  VARIANT_DEFINITIONS,
  variantColumns,
  type WasteFeatureTable,
  type WasteVariant,
} from '@graphlet/core';
import {
  balancedAccuracy,
  type ConfusionMatrix,
  type CurvePoint,
  classify,
  confusionMatrix,
  type FeatureMatrix,
  type Forest,
  featureImportance,
  freshnessCurve,
  type OperatingPoint,
  operatingPoint,
  predictProba,
  type TrainingMatrix,
} from '@graphlet/forest';

/** Grows a forest on a matrix and 0/1 labels. */
export type TrainFunction = (
  matrix: TrainingMatrix,
  labels: Uint8Array,
) => Promise<Forest> | Forest;

/** Push probabilities of a forest on a row-major matrix (predictProba, or on worker threads). */
export type PredictFunction = (
  forest: Forest,
  matrix: FeatureMatrix,
) => Promise<Float64Array> | Float64Array;

/** Everything measured for one variant. */
export interface VariantEvaluation {
  readonly variant: WasteVariant;
  /** The variant's feature names, in the forest's column order. */
  readonly features: readonly string[];
  /** Table 3's feature cost from this corpus; undefined when no compute is recorded. */
  readonly featureCost: number | undefined;
  readonly balancedAccuracy: number;
  /** At threshold 0.5, positive = pushed. */
  readonly confusion: ConfusionMatrix;
  /** Push probability of every test row, in split.test order. */
  readonly probabilities: Float64Array;
  readonly curve: readonly CurvePoint[];
  /** Gini importance by feature, largest first. */
  readonly importance: readonly { readonly name: string; readonly importance: number }[];
  /** Undefined once runWaste has let it go (keepForests false). */
  readonly forest: Forest | undefined;
  readonly trainSeconds: number;
  readonly predictSeconds: number;
  readonly operatingPoint?: OperatingPoint | undefined;
}

/** Trains `variant` on split.train and scores it on split.test. */
export async function evaluateVariant(
  table: WasteFeatureTable,
  split: PipelineSplit,
  variant: WasteVariant,
  train: TrainFunction,
  threshold?: number,
  predict: PredictFunction = predictProba,
): Promise<VariantEvaluation> {
  const columns = variantColumns(table.features, variant);
  const names = Array.from(columns, (c) => table.features[c]!.name);
  const started = performance.now();
  // Training reads the table's own columns (no copy); the test rows are copied once, row-major.
  const forest = await train(
    { columns: Array.from(columns, (c) => table.columns[c]!), rows: split.train },
    selectRows(table.pushed, split.train),
  );
  const trained = performance.now();
  const testMatrix = selectMatrix(table, columns, split.test);
  const probabilities = await predict(forest, testMatrix);
  const pushed = selectRows(table.pushed, split.test);
  const confusion = confusionMatrix(pushed, classify(probabilities));
  const input = { probability: probabilities, pushed, cost: selectRows(table.cost, split.test) };
  const curve = freshnessCurve(input);
  const done = performance.now();
  const importance = Array.from(featureImportance(forest), (value, i) => ({
    name: names[i]!,
    importance: value,
  })).sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
  return {
    variant,
    features: names,
    featureCost: featureCost(table, VARIANT_DEFINITIONS[variant].stage),
    balancedAccuracy: balancedAccuracy(confusion),
    confusion,
    probabilities,
    curve,
    importance,
    forest,
    trainSeconds: (trained - started) / 1000,
    predictSeconds: (done - trained) / 1000,
    operatingPoint: threshold === undefined ? undefined : operatingPoint(input, threshold),
  };
}

/**
 * The highest threshold in [0, 1] whose freshness is at least `minFreshness` (the least waste at
 * that freshness, §5.3.2); undefined when no point of the curve reaches it.
 */
export function thresholdAtFreshness(
  curve: readonly CurvePoint[],
  minFreshness: number,
): number | undefined {
  let best: number | undefined;
  for (const p of curve) {
    if (p.threshold < 0 || p.threshold > 1 || p.freshness < minFreshness) continue;
    if (best === undefined || p.threshold > best) best = p.threshold;
  }
  return best;
}

/** The largest share of unpushed compute removed (1 - waste) among curve points with freshness >= min. */
export function wasteRemovedAt(curve: readonly CurvePoint[], minFreshness: number): number {
  let best = 0;
  for (const p of curve) if (p.freshness >= minFreshness) best = Math.max(best, 1 - p.waste);
  return best;
}
