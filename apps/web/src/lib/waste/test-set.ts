/**
 * The waste page's test set, rebuilt in the browser from the server's operating point at threshold
 * 1, so that forest's `operatingPoint` (paper §5.3.2: a graphlet runs when its push probability is
 * at least the threshold) answers every threshold as the marker moves, without a request.
 */
import type { WasteOperatingPoint } from '@graphlet/contract';
import type { FreshnessInput } from '@graphlet/forest';

/** The parts of the operating point at threshold 1 the test set is rebuilt from. */
export type PointAtOne = Pick<
  WasteOperatingPoint,
  'waste' | 'computeSavedCpuHours' | 'computeSavedShare' | 'confusion' | 'skipped'
>;

/**
 * Every test graphlet, as forest's FreshnessInput. The point at 1 lists each graphlet with
 * probability below 1; those at probability 1 (its true and false positives) run at every
 * threshold and are known only in aggregate, so they enter at probability 1 sharing their compute
 * evenly, which the operating point's sums cannot tell apart from the real graphlets. Their compute
 * follows from the point's shares: waste = W / (W + skipped unpushed compute), where W is the
 * always-run unpushed compute, and compute saved = share × total compute.
 */
export function testSetFromPointAtOne(point: PointAtOne): FreshnessInput {
  const listed = point.skipped;
  let skippedUnpushedCost = 0;
  for (const g of listed) if (!g.pushed) skippedUnpushedCost += g.cost;
  const saved = point.computeSavedCpuHours * 3600;
  const alwaysPushed = point.confusion.truePositives;
  const alwaysUnpushed = point.confusion.falsePositives;
  const unpushedCost =
    point.waste >= 1 || skippedUnpushedCost === 0
      ? point.waste > 0
        ? Math.max(1, skippedUnpushedCost)
        : 0
      : (point.waste * skippedUnpushedCost) / (1 - point.waste);
  const totalCost = point.computeSavedShare > 0 ? saved / point.computeSavedShare : saved;
  const pushedCost = Math.max(0, totalCost - saved - unpushedCost);

  const n = listed.length + alwaysPushed + alwaysUnpushed;
  const probability = new Float64Array(n);
  const pushed = new Uint8Array(n);
  const cost = new Float64Array(n);
  listed.forEach((g, i) => {
    probability[i] = g.probability;
    pushed[i] = g.pushed ? 1 : 0;
    cost[i] = g.cost;
  });
  for (let i = listed.length; i < n; i++) {
    const isPushed = i < listed.length + alwaysPushed;
    probability[i] = 1;
    pushed[i] = isPushed ? 1 : 0;
    cost[i] = isPushed ? pushedCost / alwaysPushed : unpushedCost / alwaysUnpushed;
  }
  return { probability, pushed, cost };
}
