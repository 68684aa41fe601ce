// Model freshness against wasted computation as the skip threshold moves (paper §5.3.2, Figure
// 10): a graphlet runs when its predicted push probability is at least the threshold. Freshness is
// the share of pushed graphlets that still run; waste is the compute of unpushed graphlets that
// still run over the compute of all unpushed graphlets.

import type { ConfusionMatrix } from './metrics.ts';

/** Per graphlet: predicted push probability, whether it pushed (0/1), and its compute cost. */
export interface FreshnessInput {
  readonly probability: ArrayLike<number>;
  readonly pushed: ArrayLike<number>;
  readonly cost: ArrayLike<number>;
}

/** One threshold of the sweep and where it lands (x = waste, y = freshness in Figure 10). */
export interface CurvePoint {
  readonly threshold: number;
  readonly freshness: number;
  readonly waste: number;
}

/** What running only the graphlets with probability >= threshold would have meant. */
export interface OperatingPoint extends CurvePoint {
  /** Compute (CPU seconds, as `cost`) of the skipped graphlets, pushed or not. */
  readonly computeSaved: number;
  /** computeSaved over the compute of all graphlets. */
  readonly computeSavedShare: number;
  /** Pushed graphlets that would have been skipped. */
  readonly pushedLost: number;
  /** Predicted "run" (positive) against pushed (positive). */
  readonly confusion: ConfusionMatrix;
  /** Indices of the skipped graphlets, ascending. */
  readonly skipped: Int32Array;
}

/**
 * The curve over every distinct threshold, from "nothing runs" (waste 0, freshness 0) to "all
 * run" (1, 1); thresholds decrease along it. The first threshold lies above every probability
 * (1, or just above the largest probability if that is >= 1). With no pushed graphlets freshness
 * is 1 (nothing can go stale); with no unpushed compute waste is 0.
 * @example
 * const curve = freshnessCurve({ probability: predictProba(forest, test), pushed, cost });
 * const point = operatingPoint({ probability, pushed, cost }, 0.3); // point.skipped, point.computeSaved
 */
export function freshnessCurve(input: FreshnessInput): CurvePoint[] {
  const { probability, pushed, cost } = checkInput(input);
  const n = probability.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => probability[b]! - probability[a]!);
  // Totals summed in sweep order, so the last point is exactly (1, 1) despite rounding.
  let pushedTotal = 0;
  let unpushedCost = 0;
  for (let i = 0; i < n; i++) {
    const g = order[i]!;
    if (pushed[g] === 1) pushedTotal++;
    else unpushedCost += cost[g]!;
  }
  const maxP = n === 0 ? 0 : probability[order[0]!]!;
  let pushedRun = 0;
  let wasteRun = 0;
  const point = (threshold: number): CurvePoint => ({
    threshold,
    freshness: pushedTotal === 0 ? 1 : pushedRun / pushedTotal,
    waste: unpushedCost === 0 ? 0 : wasteRun / unpushedCost,
  });
  const points = [point(maxP < 1 ? 1 : nextUp(maxP))];
  for (let i = 0; i < n; ) {
    const p = probability[order[i]!]!;
    // Every graphlet tied at this probability starts running at the same threshold.
    for (; i < n && probability[order[i]!] === p; i++) {
      const g = order[i]!;
      if (pushed[g] === 1) pushedRun++;
      else wasteRun += cost[g]!;
    }
    points.push(point(p));
  }
  return points;
}

/** Freshness, waste, savings and the skipped graphlets at one threshold. */
export function operatingPoint(input: FreshnessInput, threshold: number): OperatingPoint {
  const { probability, pushed, cost } = checkInput(input);
  if (Number.isNaN(threshold)) throw new Error('freshness-curve: threshold is NaN');
  const n = probability.length;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let unpushedCost = 0;
  let wasteRun = 0;
  let totalCost = 0;
  let saved = 0;
  const skipped: number[] = [];
  for (let i = 0; i < n; i++) {
    const runs = probability[i]! >= threshold;
    const c = cost[i]!;
    totalCost += c;
    if (!runs) {
      skipped.push(i);
      saved += c;
    }
    if (pushed[i] === 1) {
      if (runs) tp++;
      else fn++;
    } else {
      unpushedCost += c;
      if (runs) {
        fp++;
        wasteRun += c;
      } else tn++;
    }
  }
  return {
    threshold,
    freshness: tp + fn === 0 ? 1 : tp / (tp + fn),
    waste: unpushedCost === 0 ? 0 : wasteRun / unpushedCost,
    computeSaved: saved,
    computeSavedShare: totalCost === 0 ? 0 : saved / totalCost,
    pushedLost: fn,
    confusion: { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn },
    skipped: Int32Array.from(skipped),
  };
}

function checkInput(input: FreshnessInput): FreshnessInput {
  const { probability, pushed, cost } = input;
  const n = probability.length;
  if (pushed.length !== n || cost.length !== n) {
    throw new Error(
      `freshness-curve: ${n} probabilities, ${pushed.length} pushed flags and ${cost.length} costs`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(probability[i])) throw new Error(`freshness-curve: probability ${i} is NaN`);
    const y = pushed[i];
    if (y !== 0 && y !== 1)
      throw new Error(`freshness-curve: pushed ${i} is ${y}, expected 0 or 1`);
    const c = cost[i]!;
    if (!(c >= 0 && Number.isFinite(c))) {
      throw new Error(`freshness-curve: cost ${i} is ${c}, expected a finite number >= 0`);
    }
  }
  return input;
}

/** The smallest double greater than x (x finite). */
function nextUp(x: number): number {
  const bits = new Float64Array([x]);
  const view = new BigInt64Array(bits.buffer);
  view[0] = view[0]! + (x >= 0 ? 1n : -1n);
  return bits[0]!;
}
