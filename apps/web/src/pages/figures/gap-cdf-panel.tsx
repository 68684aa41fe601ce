/** Figure 9(b): the cumulative view of 9(a), with the paper's "80% of all gaps below the pushed median". */
import { memo, useMemo } from 'react';
import { CdfChart, type XyReference } from '../../components/charts/cdf-chart.tsx';
import { ALL_GRAPHLETS, PUSHED } from '../../components/charts/chart-palette.ts';
import { cdfPoints } from '../../lib/figures/cdf-series.ts';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import { formatAmount } from '../../lib/figures/format-stat.ts';
import { hasValues } from '../../lib/figures/histogram-bars.ts';
import { formatTarget, keyNumbers } from '../../lib/figures/paper-reference.ts';
import type { GapFigure, PaperTargets } from '../../lib/figures/stats-document.ts';
import { FigurePanel } from './figure-panel.tsx';

export interface GapCdfPanelProps {
  readonly entry: FigureEntry;
  readonly figure: GapFigure;
  readonly paper: PaperTargets;
  readonly claim: string | undefined;
}

const HEIGHT = 300;
const SERIES = [
  { ...ALL_GRAPHLETS, label: 'All consecutive graphlets' },
  { ...PUSHED, label: 'Consecutive pushed graphlets' },
];

/** Two CDF lines on a log x axis. */
export const GapCdfPanel = memo(function GapCdfPanel({
  entry,
  figure,
  paper,
  claim,
}: GapCdfPanelProps) {
  const data = useMemo(() => {
    const input = [
      { key: ALL_GRAPHLETS.key, histogram: figure.all.histogram },
      { key: PUSHED.key, histogram: figure.pushed.histogram },
    ];
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
      available={figure.available}
      reason={figure.reason}
      claim={claim}
      keyNumbers={data.numbers}
      height={HEIGHT}
    >
      {data.empty ? (
        <p className="empty">No consecutive graphlets in this selection.</p>
      ) : (
        <CdfChart
          points={data.points}
          series={SERIES}
          xLabel="Time between graphlets (hours, log scale)"
          unit="hours"
          references={data.references}
          height={HEIGHT}
        />
      )}
    </FigurePanel>
  );
});
