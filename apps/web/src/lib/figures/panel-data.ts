/** Chart inputs for the distribution panels: reference lines for the paper's and our summary numbers. */

import type { Distribution, Histogram, PaperTargets } from '@graphlet/core';
import { formatAmount } from './format-stat.ts';
import { formatTarget } from './paper-reference.ts';
import { histogramFraction, type ReferenceMark, type XyReference } from './reference-marks.ts';

const STAT_NAMES: Readonly<Record<string, string>> = {
  mean: 'mean',
  median: 'median',
  max: 'max',
  p90: 'p90',
};

/**
 * References for a histogram: the paper's stated mean/median/max/p90 at `path` (dashed, "paper
 * mean 36") and our mean (solid, "ours: mean 30.2"), each at its value's place on the bins' axis.
 */
export function distributionReferences(
  histogram: Histogram,
  ours: Pick<Distribution, 'mean'>,
  paper: PaperTargets,
  path: string,
  unit: string,
): ReferenceMark[] {
  const refs: ReferenceMark[] = [];
  for (const stat of Object.keys(STAT_NAMES)) {
    const targetPath = `${path}.${stat}`;
    const target = paper[targetPath];
    if (target === undefined || histogram.edges.length < 2) continue;
    refs.push({
      fraction: histogramFraction(histogram, target.value),
      label: `paper ${STAT_NAMES[stat]} ${formatTarget(targetPath, target)} ${unit}`,
      dashed: true,
    });
  }
  if (ours.mean !== null && histogram.edges.length >= 2) {
    refs.push({
      fraction: histogramFraction(histogram, ours.mean),
      label: `ours: mean ${formatAmount(ours.mean)}`,
      dashed: false,
    });
  }
  return refs;
}

/** Our mean of each series as a solid line ("pushed mean 40 h"). */
export function meanReferences(
  series: readonly { readonly label: string; readonly distribution: Distribution }[],
  unit: string,
): ReferenceMark[] {
  return meanLines(series, unit);
}

function meanLines(
  series: readonly { readonly label: string; readonly distribution: Distribution }[],
  unit: string,
): ReferenceMark[] {
  const refs: ReferenceMark[] = [];
  for (const { label, distribution } of series) {
    if (distribution.mean === null || distribution.histogram.edges.length < 2) continue;
    refs.push({
      fraction: histogramFraction(distribution.histogram, distribution.mean),
      label: `${label} mean ${formatAmount(distribution.mean)} ${unit}`,
      dashed: false,
    });
  }
  return refs;
}

/** Figure 9(a): the paper's mean gap between pushed graphlets (~40 h), then our two means. */
export function gapReferences(
  all: Distribution,
  pushed: Distribution,
  paper: PaperTargets,
  path: string,
): ReferenceMark[] {
  const refs: ReferenceMark[] = [];
  const targetPath = `${path}.pushed.mean`;
  const target = paper[targetPath];
  if (target !== undefined && pushed.histogram.edges.length >= 2)
    refs.push({
      fraction: histogramFraction(pushed.histogram, target.value),
      label: `paper pushed mean ${formatTarget(targetPath, target)} h`,
      dashed: true,
    });
  const ours = meanLines(
    [
      { label: 'all', distribution: all },
      { label: 'pushed', distribution: pushed },
    ],
    'h',
  );
  return [...refs, ...ours];
}

/**
 * References of the gap CDF (Figure 9(b)): the paper's share of all gaps below the pushed median
 * (a level) and our pushed median (a mark on the x axis).
 */
export function gapCdfReferences(
  pushed: Pick<Distribution, 'median'>,
  paper: PaperTargets,
  path: string,
): XyReference[] {
  const references: XyReference[] = [];
  const targetPath = `${path}.shareOfAllBelowPushedMedian`;
  const target = paper[targetPath];
  if (target !== undefined)
    references.push({
      axis: 'y',
      value: target.value,
      label: `paper: ${formatTarget(targetPath, target)} of all gaps below the pushed median`,
    });
  if (pushed.median !== null && pushed.median > 0)
    references.push({
      axis: 'x',
      value: pushed.median,
      label: `ours: pushed median ${formatAmount(pushed.median)} h`,
    });
  return references;
}
