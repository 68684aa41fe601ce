/** Figure 9(d): the trainer's CPU usage, pushed vs unpushed graphlets, on log bins. */

import type { StatsDocument } from '@graphlet/contract';
import { memo, useMemo } from 'react';
import { PUSHED, UNPUSHED } from '../../components/charts/chart-palette.ts';
import { HistogramChart } from '../../components/charts/histogram-chart.tsx';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import { hasValues, histogramRows } from '../../lib/figures/histogram-bars.ts';
import { meanReferences } from '../../lib/figures/panel-data.ts';
import { countOf } from '../../lib/plural.ts';
import { FigurePanel } from './figure-panel.tsx';

export interface TrainerComputePanelProps {
  readonly entry: FigureEntry;
  readonly figure: StatsDocument['figures']['9d'];
  readonly claim: string | undefined;
}

const HEIGHT = 280;
const SERIES = [
  { ...PUSHED, label: 'Pushed graphlets' },
  { ...UNPUSHED, label: 'Unpushed graphlets' },
];

/** Two bar series with our means. */
export const TrainerComputePanel = memo(function TrainerComputePanel({
  entry,
  figure,
  claim,
}: TrainerComputePanelProps) {
  const data = useMemo(() => {
    const input = [
      { key: PUSHED.key, histogram: figure.pushed.histogram },
      { key: UNPUSHED.key, histogram: figure.unpushed.histogram },
    ];
    return {
      rows: histogramRows(input),
      empty: !hasValues(input),
      references: meanReferences(
        [
          { label: 'pushed', distribution: figure.pushed },
          { label: 'unpushed', distribution: figure.unpushed },
        ],
        's',
      ),
    };
  }, [figure]);
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      note={`${figure.pushed.count.toLocaleString('en-US')} pushed and ${countOf(figure.unpushed.count, 'unpushed trainer')} of known cost.`}
      height={HEIGHT}
      empty={data.empty ? 'No trainer of known cost in this selection.' : undefined}
    >
      <HistogramChart
        rows={data.rows}
        series={SERIES}
        xLabel="Trainer CPU usage (CPU seconds, log scale)"
        yLabel="Share of graphlets"
        unit="CPU seconds"
        noun="graphlets"
        references={data.references}
        height={HEIGHT}
      />
    </FigurePanel>
  );
});
