/** Cumulative distributions on a log x axis, with the paper's horizontal and vertical references. */
import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type CdfPoint, cdfDomain, decadeTicks } from '../../lib/figures/cdf-series.ts';
import { formatEdge, formatShare } from '../../lib/figures/format-stat.ts';
import { cdfTooltip } from '../../lib/figures/tooltip-text.ts';
import { ChartFrame } from './chart-frame.tsx';
import { REFERENCE_COLOR, REFERENCE_LABEL, type SeriesStyle } from './chart-palette.ts';
import { tooltipContent } from './chart-tooltip.tsx';

/** A reference line at x (vertical) or y (horizontal). */
export interface XyReference {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly label: string;
}

export interface CdfChartProps {
  readonly points: readonly CdfPoint[];
  readonly series: readonly SeriesStyle[];
  readonly xLabel: string;
  readonly unit: string;
  readonly references?: readonly XyReference[];
  readonly height?: number;
}

const SHAPES = ['circle', 'square', 'triangle'] as const;

/** Vertical labels sit on the roomier side of their line (log space); horizontal ones bottom right. */
function referencePosition(r: XyReference, [lo, hi]: readonly [number, number]) {
  if (r.axis === 'y') return 'insideBottomRight' as const;
  const middle = Math.sqrt(lo * hi);
  return r.value > middle ? ('insideTopRight' as const) : ('insideTopLeft' as const);
}

/** Lines of cumulative shares; each series has its own dash and marker. */
export const CdfChart = memo(function CdfChart({
  points,
  series,
  xLabel,
  unit,
  references = [],
  height = 260,
}: CdfChartProps) {
  const domain = useMemo(() => cdfDomain(points), [points]);
  const ticks = useMemo(() => decadeTicks(domain), [domain]);
  const byX = useMemo(() => new Map(points.map((p) => [p.x, p])), [points]);
  return (
    <ChartFrame height={height}>
      <LineChart data={points as CdfPoint[]} margin={{ top: 24, right: 24, bottom: 28, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          scale="log"
          domain={domain}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={(v: number) => formatEdge(v)}
          label={{ value: xLabel, position: 'insideBottom', offset: -16 }}
        />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          tickFormatter={(v: number) => formatShare(v)}
          width={56}
          label={{ value: 'CDF (share ≤ x)', angle: -90, position: 'insideLeft', dy: 60 }}
        />
        <Tooltip
          isAnimationActive={false}
          content={tooltipContent(byX, Number, (point) => cdfTooltip(point, series, unit))}
        />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.map((s, i) => (
          <Line
            key={s.key}
            name={s.label}
            type="linear"
            dataKey={(p: CdfPoint) => p.values[s.key] ?? 0}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dash === '' ? undefined : s.dash}
            legendType={SHAPES[i % SHAPES.length]}
            dot={{ r: 2.5, fill: s.color }}
            isAnimationActive={false}
          />
        ))}
        {references.map((r) => (
          <ReferenceLine
            key={`${r.axis}-${r.value}-${r.label}`}
            {...(r.axis === 'x' ? { x: r.value } : { y: r.value })}
            stroke={REFERENCE_COLOR}
            strokeDasharray="5 4"
            label={{
              value: r.label,
              position: referencePosition(r, domain),
              ...REFERENCE_LABEL,
            }}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
});
