/** Figure 3(d)–(f): one distribution per model class (DNN, Linear, Rest) on shared bins. */

import type { ByClassFigure } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { CLASS_STYLES, OURS } from '../../components/charts/chart-palette.ts';
import { HistogramChart } from '../../components/charts/histogram-chart.tsx';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import { formatAmount } from '../../lib/figures/format-stat.ts';
import { hasValues, histogramRows } from '../../lib/figures/histogram-bars.ts';
import { countOf } from '../../lib/plural.ts';
import { FigurePanel } from './figure-panel.tsx';

export interface ByClassPanelProps {
  readonly entry: FigureEntry;
  readonly figure: ByClassFigure;
  readonly claim: string | undefined;
  readonly xLabel: string;
  readonly unit: string;
}

const HEIGHT = 280;
const CLASSES = ['DNN', 'Linear', 'Rest'] as const;

/** Shares of each class's pipelines per bin (each class sums to 100%). */
export const ByClassPanel = memo(function ByClassPanel({
  entry,
  figure,
  claim,
  xLabel,
  unit,
}: ByClassPanelProps) {
  const data = useMemo(() => {
    const classes = CLASSES.map((key, i) => ({
      key,
      style: CLASS_STYLES[i] ?? OURS,
      distribution: figure.byClass[key],
    }));
    const input = classes.map((c) => ({ key: c.key, histogram: c.distribution.histogram }));
    const series = classes.map((c) => ({
      ...c.style,
      key: c.key,
      label: `${c.style.label} (${countOf(c.distribution.count, 'pipeline')}, mean ${formatAmount(c.distribution.mean)})`,
    }));
    return { rows: histogramRows(input), series, empty: !hasValues(input) };
  }, [figure]);
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      note="Each class's bars sum to 100% of its pipelines."
      height={HEIGHT}
      empty={data.empty ? 'No pipelines to measure in this selection.' : undefined}
    >
      <HistogramChart
        rows={data.rows}
        series={data.series}
        xLabel={xLabel}
        yLabel="Share of the class's pipelines"
        unit={unit}
        noun="pipelines"
        height={HEIGHT}
      />
    </FigurePanel>
  );
});
