/** What a skip threshold means: freshness, waste still incurred, compute saved, pushed lost. */
import type { OperatingPoint } from '@graphlet/forest';
import { formatThreshold } from '../../lib/waste/curve-series.ts';
import { ConfusionMatrix } from './confusion-matrix.tsx';

export interface OperatingPointPanelProps {
  /** Forest's operating point over the test graphlets (compute in CPU seconds). */
  readonly point: OperatingPoint;
  readonly testGraphlets: number;
  readonly variant: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const hours = (x: number) =>
  x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 2 : 1, minimumFractionDigits: 1 });

/** Key numbers and the confusion matrix, updated as the marker moves. */
export function OperatingPointPanel({ point, testGraphlets, variant }: OperatingPointPanelProps) {
  const pushed = point.confusion.truePositives + point.confusion.falseNegatives;
  const savedCpuHours = point.computeSaved / 3600;
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
        <dd data-testid="op-saved" data-value={savedCpuHours}>
          {hours(savedCpuHours)} CPU h ({pct(point.computeSavedShare)})
        </dd>
        <dt>Pushed graphlets lost</dt>
        <dd data-testid="op-lost" data-value={point.pushedLost}>
          {point.pushedLost} of {pushed}
        </dd>
        <dt>Graphlets skipped</dt>
        <dd data-testid="op-skipped" data-value={point.skipped.length}>
          {point.skipped.length} of {testGraphlets} test graphlets
        </dd>
      </dl>
      <ConfusionMatrix confusion={point.confusion} />
    </section>
  );
}
