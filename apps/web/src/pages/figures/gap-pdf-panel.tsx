/** Figure 9(a): hours between consecutive graphlets, all vs pushed, as shares per log bin. */

import type { GapFigure } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { HistogramChart } from '../../components/charts/histogram-chart.tsx';
import { hasValues, histogramRows } from '../../lib/figures/histogram-bars.ts';
import { gapReferences } from '../../lib/figures/panel-data.ts';
import { keyNumbers } from '../../lib/figures/paper-reference.ts';
import { countOf } from '../../lib/plural.ts';
import { FigurePanel, type FigureProps } from './figure-panel.tsx';
import { GAP_SERIES, gapHistograms, NO_GAPS } from './gap-series.ts';

export type GapPdfPanelProps = FigureProps<GapFigure>;

const HEIGHT = 300;

/** Two bar series on shared log bins. */
export const GapPdfPanel = memo(function GapPdfPanel({
  entry,
  figure,
  paper,
  claim,
}: GapPdfPanelProps) {
  const data = useMemo(() => {
    const input = gapHistograms(figure);
    return {
      rows: histogramRows(input),
      empty: !hasValues(input),
      references: gapReferences(figure.all, figure.pushed, paper, entry.path),
      numbers: keyNumbers(figure, paper, entry.path),
    };
  }, [figure, paper, entry.path]);
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      keyNumbers={data.numbers}
      note={`${countOf(figure.all.count, 'gap')} between consecutive graphlets, ${figure.pushed.count.toLocaleString('en-US')} between consecutive pushed graphlets.`}
      height={HEIGHT}
      empty={data.empty ? NO_GAPS : undefined}
    >
      <HistogramChart
        rows={data.rows}
        series={GAP_SERIES}
        xLabel="Time between graphlets (hours, log scale)"
        yLabel="Share of pairs (PDF)"
        unit="hours"
        noun="pairs"
        references={data.references}
        height={HEIGHT}
      />
    </FigurePanel>
  );
});
