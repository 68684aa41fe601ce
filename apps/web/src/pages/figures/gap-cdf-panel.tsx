/** Figure 9(b): the cumulative view of 9(a), with the paper's "80% of all gaps below the pushed median". */

import type { GapFigure } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { CdfChart } from '../../components/charts/cdf-chart.tsx';
import { cdfPoints } from '../../lib/figures/cdf-series.ts';
import { gapCdfReferences } from '../../lib/figures/panel-data.ts';
import type { FigureProps } from './figure-panel.tsx';
import { GAP_HEIGHT, GAP_X_LABEL, GapFigurePanel } from './gap-figure-panel.tsx';
import { GAP_SERIES, gapHistograms } from './gap-series.ts';

export type GapCdfPanelProps = FigureProps<GapFigure>;

/** Two CDF lines on a log x axis. */
export const GapCdfPanel = memo(function GapCdfPanel(props: GapCdfPanelProps) {
  const { entry, figure, paper } = props;
  const data = useMemo(
    () => ({
      points: cdfPoints(gapHistograms(figure)),
      references: gapCdfReferences(figure.pushed, paper, entry.path),
    }),
    [figure, paper, entry.path],
  );
  return (
    <GapFigurePanel {...props}>
      <CdfChart
        points={data.points}
        series={GAP_SERIES}
        xLabel={GAP_X_LABEL}
        unit="hours"
        references={data.references}
        height={GAP_HEIGHT}
      />
    </GapFigurePanel>
  );
});
