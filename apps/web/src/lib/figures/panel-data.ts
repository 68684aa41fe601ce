/** Chart inputs for the distribution panels: reference lines for the paper's and our summary numbers. */

import { formatAmount } from './format-stat.ts';
import { binKeyOf } from './histogram-bars.ts';
import { formatTarget } from './paper-reference.ts';
import type { Distribution, Histogram, PaperTargets } from './stats-document.ts';

/** A vertical reference at a bin (see HistogramChart). */
export interface BinReferenceData {
  readonly bin: string;
  readonly label: string;
  readonly position: 'insideTopLeft' | 'insideTopRight' | 'top';
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
  const refs: BinReferenceData[] = [];
  for (const stat of Object.keys(STAT_NAMES)) {
    const targetPath = `${path}.${stat}`;
    const target = paper[targetPath];
    if (target === undefined || histogram.edges.length < 2) continue;
    refs.push({
      bin: binKeyOf(histogram, target.value),
      label: `paper ${STAT_NAMES[stat]} ${formatTarget(targetPath, target)} ${unit}`,
      position: 'insideTopRight',
      dashed: true,
    });
  }
  if (ours.mean !== null && histogram.edges.length >= 2) {
    refs.push({
      bin: binKeyOf(histogram, ours.mean),
      label: `ours: mean ${formatAmount(ours.mean)}`,
      position: 'insideTopLeft',
      dashed: false,
    });
  }
  return stack(refs);
}

/** Lines in one bin get positions that do not overlap: first top-right, then top-left, then top. */
function stack(refs: BinReferenceData[]): BinReferenceData[] {
  const used = new Map<string, number>();
  const positions = ['insideTopRight', 'insideTopLeft', 'top'] as const;
  return refs.map((r) => {
    const n = used.get(r.bin) ?? 0;
    used.set(r.bin, n + 1);
    return n === 0 ? r : { ...r, position: positions[n % positions.length] ?? 'top' };
  });
}

/** Our mean of each series as a solid line ("pushed mean 40 h"). */
export function meanReferences(
  series: readonly { readonly label: string; readonly distribution: Distribution }[],
  unit: string,
): BinReferenceData[] {
  const refs: BinReferenceData[] = [];
  for (const { label, distribution } of series) {
    if (distribution.mean === null || distribution.histogram.edges.length < 2) continue;
    refs.push({
      bin: binKeyOf(distribution.histogram, distribution.mean),
      label: `${label} mean ${formatAmount(distribution.mean)} ${unit}`,
      position: 'insideTopLeft',
      dashed: false,
    });
  }
  return stack(refs);
}

/** Figure 9(a): the paper's mean gap between pushed graphlets (~40 h), then our two means. */
export function gapReferences(
  all: Distribution,
  pushed: Distribution,
  paper: PaperTargets,
  path: string,
): BinReferenceData[] {
  const refs: BinReferenceData[] = [];
  const targetPath = `${path}.pushed.mean`;
  const target = paper[targetPath];
  if (target !== undefined && pushed.histogram.edges.length >= 2)
    refs.push({
      bin: binKeyOf(pushed.histogram, target.value),
      label: `paper pushed mean ${formatTarget(targetPath, target)} h`,
      position: 'insideTopRight',
      dashed: true,
    });
  const ours = meanReferences(
    [
      { label: 'all', distribution: all },
      { label: 'pushed', distribution: pushed },
    ],
    'h',
  );
  return stack([...refs, ...ours]);
}
