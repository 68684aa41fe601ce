/** What a skip threshold means: freshness, waste still incurred, compute saved, pushed lost. */

import { formatThreshold } from '../../lib/waste/curve-series.ts';
import type { ClientOperatingPoint } from '../../lib/waste/threshold-model.ts';
import { ConfusionMatrix } from './confusion-matrix.tsx';

export interface OperatingPointPanelProps {
  readonly point: ClientOperatingPoint;
  readonly variant: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const hours = (x: number) =>
  x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 2 : 1, minimumFractionDigits: 1 });

/** Key numbers and the confusion matrix, updated as the marker moves. */
export function OperatingPointPanel({ point, variant }: OperatingPointPanelProps) {
  const pushed = point.confusion.truePositives + point.confusion.falseNegatives;
  return (
    <section className="card operating-point" aria-label="Operating point">
      <h3>
        {variant} at threshold{' '}
        <span data-testid="op-threshold">{formatThreshold(point.threshold)}</span>
      </h3>
      <dl className="metric-grid">
        <dt>Model freshness</dt>
        <dd data-testid="op-freshness" data-value={point.freshness}>
          {pct(point.freshness)}
        </dd>
        <dt>Waste still incurred</dt>
        <dd data-testid="op-waste" data-value={point.waste}>
          {pct(point.waste)}
        </dd>
        <dt>Compute saved</dt>
        <dd data-testid="op-saved" data-value={point.computeSavedCpuHours}>
          {hours(point.computeSavedCpuHours)} CPU h ({pct(point.computeSavedShare)})
        </dd>
        <dt>Pushed graphlets lost</dt>
        <dd data-testid="op-lost" data-value={point.pushedLost}>
          {point.pushedLost} of {pushed}
        </dd>
        <dt>Graphlets skipped</dt>
        <dd data-testid="op-skipped" data-value={point.skippedCount}>
          {point.skippedCount} of {point.testGraphlets} test graphlets
        </dd>
      </dl>
      <ConfusionMatrix confusion={point.confusion} />
    </section>
  );
}
