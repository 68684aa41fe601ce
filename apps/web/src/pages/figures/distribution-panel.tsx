/** A one-distribution figure (3a, 3b, 3c, 9c, 9e): histogram, the paper's and our summary lines. */

import type { DistributionFigure } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { OURS } from '../../components/charts/chart-palette.ts';
import { HistogramChart } from '../../components/charts/histogram-chart.tsx';
import { hasValues, histogramRows } from '../../lib/figures/histogram-bars.ts';
import { distributionReferences } from '../../lib/figures/panel-data.ts';
import { keyNumbers } from '../../lib/figures/paper-reference.ts';
import { countOf } from '../../lib/plural.ts';
import { FigurePanel, type FigureProps } from './figure-panel.tsx';

export interface DistributionPanelProps extends FigureProps<DistributionFigure> {
  readonly xLabel: string;
  /** Unit for tooltips and reference labels ("days"). */
  readonly unit: string;
  /** What one value is ("pipelines", "graphlets"). */
  readonly noun: string;
}

const HEIGHT = 280;
const GRAPHLETS = { ...OURS, label: 'All graphlets' };

/** The histogram of one distribution figure. */
export const DistributionPanel = memo(function DistributionPanel({
  entry,
  figure,
  paper,
  claim,
  xLabel,
  unit,
  noun,
}: DistributionPanelProps) {
  const series = noun === 'graphlets' ? GRAPHLETS : OURS;
  const data = useMemo(() => {
    const input = [{ key: series.key, histogram: figure.histogram }];
    return {
      rows: histogramRows(input),
      empty: !hasValues(input),
      references: distributionReferences(figure.histogram, figure, paper, entry.path, unit),
      numbers: keyNumbers(figure, paper, entry.path),
    };
  }, [figure, paper, entry.path, unit, series.key]);
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      keyNumbers={data.numbers}
      note={countOf(figure.count, noun.replace(/s$/, ''), noun)}
      height={HEIGHT}
      empty={data.empty ? `No ${noun} to measure in this selection.` : undefined}
    >
      <HistogramChart
        rows={data.rows}
        series={[series]}
        xLabel={xLabel}
        yLabel={`Share of ${noun}`}
        unit={unit}
        noun={noun}
        references={data.references}
        height={HEIGHT}
      />
    </FigurePanel>
  );
});
