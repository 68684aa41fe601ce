/** The two series Figures 9(a) and 9(b) share: gaps after any graphlet and after a pushed one. */

import type { GapFigure } from '@graphlet/core';
import { ALL_GRAPHLETS, PUSHED } from '../../components/charts/chart-palette.ts';
import type { HistogramSeries } from '../../lib/figures/histogram-bars.ts';

/** Legend styles and labels, all gaps first. */
export const GAP_SERIES = [
  { ...ALL_GRAPHLETS, label: 'All consecutive graphlets' },
  { ...PUSHED, label: 'Consecutive pushed graphlets' },
];

/** What the panels show when there is no gap to plot. */
export const NO_GAPS = 'No consecutive graphlets in this selection.';

/** The histograms of both series, keyed as `GAP_SERIES`. */
export function gapHistograms(figure: GapFigure): HistogramSeries[] {
  return [
    { key: ALL_GRAPHLETS.key, histogram: figure.all.histogram },
    { key: PUSHED.key, histogram: figure.pushed.histogram },
  ];
}
