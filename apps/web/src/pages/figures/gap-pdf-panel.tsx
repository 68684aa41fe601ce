/** Figure 9(a): hours between consecutive graphlets, all vs pushed, as shares per log bin. */

import type { GapFigure } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { HistogramChart } from '../../components/charts/histogram-chart.tsx';
import { histogramRows } from '../../lib/figures/histogram-bars.ts';
import { gapReferences } from '../../lib/figures/panel-data.ts';
import { countOf } from '../../lib/plural.ts';
import type { FigureProps } from './figure-panel.tsx';
import { GAP_HEIGHT, GAP_X_LABEL, GapFigurePanel } from './gap-figure-panel.tsx';
import { GAP_SERIES, gapHistograms } from './gap-series.ts';

export type GapPdfPanelProps = FigureProps<GapFigure>;

/** Two bar series on shared log bins. */
export const GapPdfPanel = memo(function GapPdfPanel(props: GapPdfPanelProps) {
  const { entry, figure, paper } = props;
  const data = useMemo(
    () => ({
      rows: histogramRows(gapHistograms(figure)),
      references: gapReferences(figure.all, figure.pushed, paper, entry.path),
    }),
    [figure, paper, entry.path],
  );
  return (
    <GapFigurePanel
      {...props}
      note={`${countOf(figure.all.count, 'gap')} between consecutive graphlets, ${figure.pushed.count.toLocaleString('en-US')} between consecutive pushed graphlets.`}
    >
      <HistogramChart
        rows={data.rows}
        series={GAP_SERIES}
        xLabel={GAP_X_LABEL}
        yLabel="Share of pairs (PDF)"
        unit="hours"
        noun="pairs"
        references={data.references}
        height={GAP_HEIGHT}
      />
    </GapFigurePanel>
  );
});
