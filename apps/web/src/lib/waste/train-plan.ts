/**
 * "Train on corpus": one request for the four main variants, then one per ablation, with the same
 * trees and seed (so all share a split), and one progress bar over the seven variants.
 */
import { MAIN_VARIANTS, type WasteVariant } from '@graphlet/core';
import { countOf } from '../plural.ts';
import { ABLATION_VARIANTS } from './waste-variants.ts';

/** One training request body and how many variants it trains. */
export interface TrainStep {
  readonly body: { readonly variant?: WasteVariant; readonly trees: number; readonly seed: number };
  readonly variants: number;
}

/** The requests that train all seven variants. */
export function trainPlan(trees: number, seed = 0): TrainStep[] {
  return [
    { body: { trees, seed }, variants: MAIN_VARIANTS.length },
    ...ABLATION_VARIANTS.map((variant) => ({ body: { variant, trees, seed }, variants: 1 })),
  ];
}

/** What the bar shows: a fraction in [0, 1] and a line such as "Variant 2 of 7 (RF:Input+Pre) · trees 40 of 100". */
export interface TrainProgress {
  readonly fraction: number;
  readonly label: string;
}

type Progress = Readonly<Record<string, number | string>>;

const num = (p: Progress, key: string): number | undefined => {
  const v = p[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Progress over the plan while step `stepIndex` reports `progress` (a waste-train job's counters). */
export function trainProgress(
  plan: readonly TrainStep[],
  stepIndex: number,
  progress: Progress,
): TrainProgress {
  const total = plan.reduce((sum, s) => sum + s.variants, 0);
  const before = plan.slice(0, stepIndex).reduce((sum, s) => sum + s.variants, 0);
  const step = plan[stepIndex];
  const count = num(progress, 'variantCount') ?? step?.variants ?? 1;
  const stage = progress.stage;
  if (stage !== 'training' && stage !== 'evaluated' && stage !== 'saving' && stage !== 'done') {
    const traces = num(progress, 'tracesTotal');
    const done = num(progress, 'tracesDone');
    const features =
      traces === undefined || done === undefined
        ? ''
        : ` · features of ${done} of ${countOf(traces, 'trace')}`;
    return {
      fraction: total === 0 ? 0 : before / total,
      label: `Variant ${Math.min(before + 1, total)} of ${total}: preparing${features}`,
    };
  }
  const index = num(progress, 'variantIndex') ?? 1;
  const treesDone = num(progress, 'treesDone') ?? 0;
  const treesTotal = num(progress, 'treesTotal') ?? 0;
  const within = stage === 'training' ? (treesTotal === 0 ? 0 : treesDone / treesTotal) : 1;
  const current = before + Math.min(index, count);
  const variant = typeof progress.variant === 'string' ? ` (${progress.variant})` : '';
  const trees = treesTotal > 0 ? ` · trees ${treesDone} of ${treesTotal}` : '';
  return {
    fraction: total === 0 ? 0 : Math.min(1, (current - 1 + within) / total),
    label: `Variant ${current} of ${total}${variant}${trees}`,
  };
}
