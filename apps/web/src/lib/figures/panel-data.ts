/** Chart inputs for the distribution panels: reference lines for the paper's and our summary numbers. */

import type { Distribution, Histogram, PaperTargets } from '@graphlet/core';
import { formatAmount } from './format-stat.ts';
import { binPlaceOf } from './histogram-bars.ts';
import { formatTarget } from './paper-reference.ts';

/** A vertical reference at a bin (see HistogramChart). */
export interface BinReferenceData {
  readonly bin: string;
  /** Where in the bin the value falls. */
  readonly position: 'start' | 'middle' | 'end';
  readonly label: string;
  /** Which side of the line the label sits on (away from the nearer plot edge). */
  readonly side: 'left' | 'right';
  /** Label row from the top, so labels of nearby lines never overlap. */
  readonly row: number;
  readonly dashed: boolean;
}

const STAT_NAMES: Readonly<Record<string, string>> = {
  mean: 'mean',
  median: 'median',
  max: 'max',
  p90: 'p90',
};

/**
 * References for a histogram: the paper's stated mean/median/max/p90 at `path` (dashed, "paper
 * mean 36") and our mean (solid, "ours: mean 30.2"), each placed in the bin holding its value.
 */
export function distributionReferences(
  histogram: Histogram,
  ours: Pick<Distribution, 'mean'>,
  paper: PaperTargets,
  path: string,
  unit: string,
): BinReferenceData[] {
  const refs: Unplaced[] = [];
  for (const stat of Object.keys(STAT_NAMES)) {
    const targetPath = `${path}.${stat}`;
    const target = paper[targetPath];
    if (target === undefined || histogram.edges.length < 2) continue;
    refs.push({
      ...binPlaceOf(histogram, target.value),
      label: `paper ${STAT_NAMES[stat]} ${formatTarget(targetPath, target)} ${unit}`,
      dashed: true,
    });
  }
  if (ours.mean !== null && histogram.edges.length >= 2) {
    refs.push({
      ...binPlaceOf(histogram, ours.mean),
      label: `ours: mean ${formatAmount(ours.mean)}`,
      dashed: false,
    });
  }
  return place(refs, histogram.edges.length - 1);
}

type Unplaced = Omit<BinReferenceData, 'side' | 'row'>;

/** Gives each label its own row, on the side of its line with more room. */
function place(refs: readonly Unplaced[], bins: number): BinReferenceData[] {
  return refs.map((r, row) => ({
    ...r,
    row,
    side: Number(r.bin) < bins * 0.6 ? 'right' : 'left',
  }));
}

/** Our mean of each series as a solid line ("pushed mean 40 h"). */
export function meanReferences(
  series: readonly { readonly label: string; readonly distribution: Distribution }[],
  unit: string,
): BinReferenceData[] {
  const bins = (series[0]?.distribution.histogram.edges.length ?? 1) - 1;
  return place(meanLines(series, unit), bins);
}

function meanLines(
  series: readonly { readonly label: string; readonly distribution: Distribution }[],
  unit: string,
): Unplaced[] {
  const refs: Unplaced[] = [];
  for (const { label, distribution } of series) {
    if (distribution.mean === null || distribution.histogram.edges.length < 2) continue;
    refs.push({
      ...binPlaceOf(distribution.histogram, distribution.mean),
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
): BinReferenceData[] {
  const refs: Unplaced[] = [];
  const targetPath = `${path}.pushed.mean`;
  const target = paper[targetPath];
  if (target !== undefined && pushed.histogram.edges.length >= 2)
    refs.push({
      ...binPlaceOf(pushed.histogram, target.value),
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
  return place([...refs, ...ours], pushed.histogram.edges.length - 1);
}
