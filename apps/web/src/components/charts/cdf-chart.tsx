/** Cumulative distributions on a log x axis, with the paper's horizontal and vertical references. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { type CdfPoint, cdfDomain, decadeTicks } from '../../lib/figures/cdf-series.ts';
import { formatEdge, formatShare } from '../../lib/figures/format-stat.ts';
import { axisFraction, type XyReference } from '../../lib/figures/reference-marks.ts';
import { cdfTooltip } from '../../lib/figures/tooltip-text.ts';
import { ChartFrame } from './chart-frame.tsx';
import type { SeriesStyle } from './chart-palette.ts';
import { tooltipContent } from './chart-tooltip.tsx';
import { ReferenceMarks } from './reference-marks.tsx';

export interface CdfChartProps {
  readonly points: readonly CdfPoint[];
  readonly series: readonly SeriesStyle[];
  readonly xLabel: string;
  readonly unit: string;
  readonly references?: readonly XyReference[];
  readonly height?: number;
}

const NONE: readonly XyReference[] = [];
const SHAPES = ['circle', 'square', 'triangle'] as const;

/** References as marks on the log x axis and levels on the share axis. */
function referenceMarks(references: readonly XyReference[], [lo, hi]: readonly [number, number]) {
  return {
    marks: references
      .filter((r) => r.axis === 'x')
      .map((r) => ({
        fraction: axisFraction(r.value, lo, hi, 'log'),
        label: r.label,
        dashed: true,
      })),
    levels: references
      .filter((r) => r.axis === 'y')
      .map((r) => ({ fraction: r.value, label: r.label })),
  };
}

/** Lines of cumulative shares; each series has its own dash and marker. */
export const CdfChart = memo(function CdfChart({
  points,
  series,
  xLabel,
  unit,
  references = NONE,
  height = 260,
}: CdfChartProps) {
  const domain = useMemo(() => cdfDomain(points), [points]);
  const ticks = useMemo(() => decadeTicks(domain), [domain]);
  const byX = useMemo(() => new Map(points.map((p) => [p.x, p])), [points]);
  const marks = useMemo(() => referenceMarks(references, domain), [references, domain]);
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
        <ReferenceMarks marks={marks.marks} levels={marks.levels} />
      </LineChart>
    </ChartFrame>
  );
});
