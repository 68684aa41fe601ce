/** Figure 9(b): the cumulative view of 9(a), with the paper's "80% of all gaps below the pushed median". */

import type { GapFigure } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { CdfChart, type XyReference } from '../../components/charts/cdf-chart.tsx';
import { cdfPoints } from '../../lib/figures/cdf-series.ts';
import { formatAmount } from '../../lib/figures/format-stat.ts';
import { hasValues } from '../../lib/figures/histogram-bars.ts';
import { formatTarget, keyNumbers } from '../../lib/figures/paper-reference.ts';
import { FigurePanel, type FigureProps } from './figure-panel.tsx';
import { GAP_SERIES, gapHistograms, NO_GAPS } from './gap-series.ts';

export type GapCdfPanelProps = FigureProps<GapFigure>;

const HEIGHT = 300;

/** Two CDF lines on a log x axis. */
export const GapCdfPanel = memo(function GapCdfPanel({
  entry,
  figure,
  paper,
  claim,
}: GapCdfPanelProps) {
  const data = useMemo(() => {
    const input = gapHistograms(figure);
    const references: XyReference[] = [];
    const targetPath = `${entry.path}.shareOfAllBelowPushedMedian`;
    const target = paper[targetPath];
    if (target !== undefined)
      references.push({
        axis: 'y',
        value: target.value,
        label: `paper: ${formatTarget(targetPath, target)} of all gaps below the pushed median`,
      });
    if (figure.pushed.median !== null && figure.pushed.median > 0)
      references.push({
        axis: 'x',
        value: figure.pushed.median,
        label: `ours: pushed median ${formatAmount(figure.pushed.median)} h`,
      });
    return {
      points: cdfPoints(input),
      empty: !hasValues(input),
      references,
      numbers: keyNumbers(figure, paper, entry.path),
    };
  }, [figure, paper, entry.path]);
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      keyNumbers={data.numbers}
      height={HEIGHT}
      empty={data.empty ? NO_GAPS : undefined}
    >
      <CdfChart
        points={data.points}
        series={GAP_SERIES}
        xLabel="Time between graphlets (hours, log scale)"
        unit="hours"
        references={data.references}
        height={HEIGHT}
      />
    </FigurePanel>
  );
});
