/**
 * Feature cost (Table 3's last column): the share of a graphlet's compute already spent when a
 * variant's features exist, averaged over graphlets, rescaled so that RF:Validation = 1.
 */
import { STAGE_COSTS } from './graphlet-features.ts';
import type { CostStage } from './variants.ts';

/** Per-row stage costs and totals, as in WasteFeatureTable. */
export interface StageCostTable {
  readonly nRows: number;
  readonly stageCosts: Float64Array;
  readonly cost: Float64Array;
}

/** Share of one graphlet's compute spent by the end of `stage` (the graphlet's cost must be > 0). */
function stageShare(table: StageCostTable, row: number, stage: CostStage): number {
  const k = row * STAGE_COSTS;
  const s = table.stageCosts;
  switch (stage) {
    case 'config':
      return 0;
    case 'ingestion':
      return s[k]! / table.cost[row]!;
    case 'pre':
      return s[k + 1]! / table.cost[row]!;
    case 'trainer':
      return (s[k + 1]! + s[k + 2]!) / table.cost[row]!;
    case 'all':
      return 1;
  }
}

/**
 * Mean share over the graphlets of known (positive) compute, divided by the same mean for
 * `all` (RF:Validation). Undefined when no graphlet has a known compute cost.
 */
export function featureCost(table: StageCostTable, stage: CostStage): number | undefined {
  let sum = 0;
  let all = 0;
  for (let r = 0; r < table.nRows; r++) {
    if (!(table.cost[r]! > 0)) continue;
    sum += stageShare(table, r, stage);
    all += 1;
  }
  return all === 0 ? undefined : sum / all;
}
