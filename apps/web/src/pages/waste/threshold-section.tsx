/**
 * The selected variant at its threshold: Figure 10 with the draggable marker, the operating point
 * computed in the browser at every move, and the server's skipped graphlets (debounced).
 */

import type { WasteVariant } from '@graphlet/core';
import { operatingPoint } from '@graphlet/forest';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { wasteOperatingPointQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { FreshnessChart } from '../../components/waste/freshness-chart.tsx';
import { MarkerContext, MarkerSlot } from '../../components/waste/marker-slot.tsx';
import { OperatingPointPanel } from '../../components/waste/operating-point-panel.tsx';
import {
  type CurvePoint,
  type CurveSeries,
  curveSeries,
  VARIANT_STYLES,
} from '../../lib/waste/curve-series.ts';
import { formatSkipParam, traceHref } from '../../lib/waste/skip-param.ts';
import { skippedByTrace } from '../../lib/waste/skipped-by-trace.ts';
import { testSetFromPointAtOne } from '../../lib/waste/test-set.ts';
import { defaultThreshold, thresholdSteps } from '../../lib/waste/threshold-steps.ts';
import { FIGURE_10A, FIGURE_10B } from '../../lib/waste/waste-variants.ts';
import { ExportPolicyButton } from './export-policy-button.tsx';
import { SkippedTraces } from './skipped-traces.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';
import { useLiveThreshold } from './use-live-threshold.ts';

export interface ThresholdSectionProps {
  /** The model holding the selected variant. */
  readonly modelId: string;
  readonly variant: WasteVariant;
  readonly curves: Readonly<Partial<Record<WasteVariant, readonly CurvePoint[]>>>;
  /** The threshold in the URL, if any. */
  readonly threshold: number | undefined;
  readonly onThreshold: (threshold: number) => void;
}

/** Figures 10(a) and 10(b), the marker, the operating point and the skipped graphlets. */
export function ThresholdSection({
  modelId,
  variant,
  curves,
  threshold: urlThreshold,
  onThreshold,
}: ThresholdSectionProps) {
  const curve = curves[variant] ?? [];
  const steps = useMemo(() => thresholdSteps(curve), [curve]);
  const { live, change, end } = useLiveThreshold(urlThreshold, onThreshold);
  const threshold = live ?? urlThreshold ?? defaultThreshold(curve);

  // Every test graphlet below probability 1, once per model and variant: the client's data.
  const atOne = useQuery(wasteOperatingPointQuery(modelId, variant, 1));
  const testSet = useMemo(
    () => (atOne.data === undefined ? undefined : testSetFromPointAtOne(atOne.data)),
    [atOne.data],
  );
  const point = useMemo(
    () => (testSet === undefined ? undefined : operatingPoint(testSet, threshold)),
    [testSet, threshold],
  );

  const settled = useDebouncedValue(threshold, 250);
  const server = useQuery({
    ...wasteOperatingPointQuery(modelId, variant, settled),
    placeholderData: keepPreviousData,
  });
  const skipped = useMemo(
    () => (server.data === undefined ? [] : skippedByTrace(server.data.skipped)),
    [server.data],
  );
  const skipParam = formatSkipParam({ model: modelId, variant, threshold: settled });

  const seriesA = useMemo(() => curveSeries(curves, FIGURE_10A), [curves]);
  const seriesB = useMemo(() => curveSeries(curves, FIGURE_10B), [curves]);
  const inA = FIGURE_10A.includes(variant);
  const slot = useMemo(() => <MarkerSlot />, []);
  const style = VARIANT_STYLES[variant];
  const markerProps = useMemo(
    () =>
      point === undefined
        ? null
        : {
            points: curve,
            steps,
            threshold,
            freshness: point.freshness,
            waste: point.waste,
            color: style.color,
            label: `Skip threshold of ${variant}`,
            onChange: change,
            onDragEnd: end,
          },
    [point, curve, steps, threshold, style.color, variant, change, end],
  );

  const chart = (series: CurveSeries[], title: string, withMarker: boolean) => (
    <FreshnessChart series={series} title={title} emphasis={variant}>
      {withMarker ? slot : null}
    </FreshnessChart>
  );

  return (
    <MarkerContext.Provider value={markerProps}>
      <section className="waste-threshold" aria-label="Skip threshold">
        <div className="waste-charts">
          {chart(seriesA, 'Figure 10(a): freshness against waste, the four main variants', inA)}
          {seriesB.length > 1 ? (
            chart(seriesB, 'Figure 10(b): ablations beside RF:Input+Pre+Trainer (baseline)', !inA)
          ) : (
            <div className="unavailable-figure">
              <strong>Figure 10(b) is not available for this model</strong>
              <span>
                No ablation (RF:History, RF:Shape, RF:Model-Type) was trained with this model's
                traces, trees and seed. "Train on corpus" trains all seven variants.
              </span>
            </div>
          )}
        </div>
        <p className="key-hint">
          Drag the ○ marker along the {variant} curve, or focus it and use ← → ↑ ↓ (next distinct
          threshold), PageUp/PageDown (bigger steps), Home/End. A higher threshold skips more.
        </p>
        {atOne.isError ? (
          <QueryErrorMessage query={atOne} title="Could not load the test predictions" />
        ) : point === undefined ? (
          <Skeleton height={220} label="Loading the operating point" />
        ) : (
          <div className="waste-point">
            <OperatingPointPanel
              point={point}
              testGraphlets={testSet?.probability.length ?? 0}
              variant={variant}
            />
            <section className="card" aria-label="Skipped graphlets">
              <div className="toolbar">
                <h3 style={{ margin: 0 }}>Skipped test graphlets</h3>
                {skipped[0] !== undefined && (
                  <Link className="button primary" to={traceHref(skipped[0].traceId, skipParam)}>
                    Show on trace
                  </Link>
                )}
                <ExportPolicyButton modelId={modelId} variant={variant} threshold={threshold} />
              </div>
              {server.isError ? (
                <QueryErrorMessage query={server} title="Could not load the skipped graphlets" />
              ) : server.data === undefined ? (
                <Skeleton height={80} label="Loading the skipped graphlets" />
              ) : (
                <SkippedTraces
                  traces={skipped}
                  skipParam={skipParam}
                  stale={server.isPlaceholderData || settled !== threshold}
                />
              )}
            </section>
          </div>
        )}
      </section>
    </MarkerContext.Provider>
  );
}
