/**
 * Operating points of a skip threshold computed in the browser, as forest's `operatingPoint` does
 * on the server (paper §5.3.2): a graphlet runs when its push probability is >= the threshold.
 * The test graphlets are sorted once by probability with prefix sums, so each threshold costs one
 * binary search (well under a millisecond while the marker is dragged).
 */

/** One test graphlet as the model scored it. */
export interface TestPrediction {
  readonly probability: number;
  readonly pushed: boolean;
  /** CPU seconds. */
  readonly cost: number;
}

/**
 * Test graphlets that run at every threshold in [0, 1] (probability 1 or more), known only in
 * aggregate: the operating point at threshold 1 counts them but does not list them.
 */
export interface AlwaysRun {
  readonly pushed: number;
  readonly unpushed: number;
  /** Compute of the unpushed ones, CPU seconds. */
  readonly unpushedCost: number;
  /** Compute of all of them, CPU seconds. */
  readonly cost: number;
}

/** The precomputed arrays; build once per model and variant. */
export interface ThresholdModel {
  /** Probabilities of the skippable graphlets, ascending. */
  readonly probability: Float64Array;
  /** Prefix sums over the first k of `probability`: pushed count, unpushed count, costs. */
  readonly pushedBelow: Int32Array;
  readonly unpushedBelow: Int32Array;
  readonly costBelow: Float64Array;
  readonly unpushedCostBelow: Float64Array;
  readonly always: AlwaysRun;
  readonly totalPushed: number;
  readonly totalUnpushed: number;
  readonly totalCost: number;
  readonly totalUnpushedCost: number;
}

/** What a threshold means for the test set (the fields of the server's operating point). */
export interface ClientOperatingPoint {
  readonly threshold: number;
  readonly freshness: number;
  readonly waste: number;
  readonly computeSavedCpuHours: number;
  readonly computeSavedShare: number;
  readonly pushedLost: number;
  readonly confusion: {
    readonly truePositives: number;
    readonly falsePositives: number;
    readonly trueNegatives: number;
    readonly falseNegatives: number;
  };
  readonly skippedCount: number;
  readonly testGraphlets: number;
}

/** Sorts the predictions and sums them up once. */
export function buildThresholdModel(
  predictions: readonly TestPrediction[],
  always: AlwaysRun,
): ThresholdModel {
  const sorted = [...predictions].sort((a, b) => a.probability - b.probability);
  const n = sorted.length;
  const probability = new Float64Array(n);
  const pushedBelow = new Int32Array(n + 1);
  const unpushedBelow = new Int32Array(n + 1);
  const costBelow = new Float64Array(n + 1);
  const unpushedCostBelow = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const g = sorted[i] as TestPrediction;
    probability[i] = g.probability;
    pushedBelow[i + 1] = (pushedBelow[i] ?? 0) + (g.pushed ? 1 : 0);
    unpushedBelow[i + 1] = (unpushedBelow[i] ?? 0) + (g.pushed ? 0 : 1);
    costBelow[i + 1] = (costBelow[i] ?? 0) + g.cost;
    unpushedCostBelow[i + 1] = (unpushedCostBelow[i] ?? 0) + (g.pushed ? 0 : g.cost);
  }
  return {
    probability,
    pushedBelow,
    unpushedBelow,
    costBelow,
    unpushedCostBelow,
    always,
    totalPushed: (pushedBelow[n] ?? 0) + always.pushed,
    totalUnpushed: (unpushedBelow[n] ?? 0) + always.unpushed,
    totalCost: (costBelow[n] ?? 0) + always.cost,
    totalUnpushedCost: (unpushedCostBelow[n] ?? 0) + always.unpushedCost,
  };
}

/** How many of the ascending `values` are below `x` (the first index with values[i] >= x). */
export function countBelow(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The operating point at `threshold`: one binary search, then arithmetic on the prefix sums. */
export function operatingPointAt(model: ThresholdModel, threshold: number): ClientOperatingPoint {
  const k = countBelow(model.probability, threshold);
  const fn = model.pushedBelow[k] ?? 0;
  const tn = model.unpushedBelow[k] ?? 0;
  const tp = model.totalPushed - fn;
  const fp = model.totalUnpushed - tn;
  const saved = model.costBelow[k] ?? 0;
  const skippedUnpushedCost = model.unpushedCostBelow[k] ?? 0;
  const wasteRun = model.totalUnpushedCost - skippedUnpushedCost;
  return {
    threshold,
    freshness: tp + fn === 0 ? 1 : tp / (tp + fn),
    waste: model.totalUnpushedCost === 0 ? 0 : Math.max(0, wasteRun) / model.totalUnpushedCost,
    computeSavedCpuHours: saved / 3600,
    computeSavedShare: model.totalCost === 0 ? 0 : saved / model.totalCost,
    pushedLost: fn,
    confusion: { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn },
    skippedCount: k,
    testGraphlets: model.probability.length + model.always.pushed + model.always.unpushed,
  };
}

/** The server's operating point at threshold 1, reduced to what the client needs. */
export interface OperatingPointAtOne {
  readonly waste: number;
  readonly computeSavedCpuHours: number;
  readonly computeSavedShare: number;
  readonly confusion: { readonly truePositives: number; readonly falsePositives: number };
  readonly skipped: readonly TestPrediction[];
}

/**
 * The predictions and the always-run rest from the operating point at threshold 1: it lists every
 * test graphlet with probability < 1; those at 1 (true positives and false positives there) run at
 * every threshold, and their compute follows from the waste and compute-saved shares.
 */
export function predictionsFromPointAtOne(point: OperatingPointAtOne): {
  predictions: TestPrediction[];
  always: AlwaysRun;
} {
  const predictions = point.skipped.map((g) => ({
    probability: g.probability,
    pushed: g.pushed,
    cost: g.cost,
  }));
  let skippedUnpushedCost = 0;
  for (const g of predictions) if (!g.pushed) skippedUnpushedCost += g.cost;
  const saved = point.computeSavedCpuHours * 3600;
  // waste = W / (W + skippedUnpushedCost) at threshold 1, where W is the always-run unpushed compute.
  const unpushedCost =
    point.waste >= 1 || skippedUnpushedCost === 0
      ? point.waste > 0
        ? Math.max(1, skippedUnpushedCost)
        : 0
      : (point.waste * skippedUnpushedCost) / (1 - point.waste);
  const totalCost = point.computeSavedShare > 0 ? saved / point.computeSavedShare : saved;
  return {
    predictions,
    always: {
      pushed: point.confusion.truePositives,
      unpushed: point.confusion.falsePositives,
      unpushedCost,
      cost: Math.max(unpushedCost, totalCost - saved),
    },
  };
}
