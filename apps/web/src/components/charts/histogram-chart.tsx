/** A histogram (one bar series per distribution, shared bins) with the paper's reference lines. */
import { memo, useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShare } from '../../lib/figures/format-stat.ts';
import { type HistogramRow, maxValue, shareAxis } from '../../lib/figures/histogram-bars.ts';
import type { ReferenceMark } from '../../lib/figures/reference-marks.ts';
import { histogramTooltip } from '../../lib/figures/tooltip-text.ts';
import { ChartFrame } from './chart-frame.tsx';
import { type SeriesStyle, seriesFill } from './chart-palette.ts';
import { ChartPatterns } from './chart-patterns.tsx';
import { tooltipContent } from './chart-tooltip.tsx';
import { EdgeTick } from './edge-tick.tsx';
import { ReferenceMarks } from './reference-marks.tsx';

export interface HistogramChartProps {
  readonly rows: readonly HistogramRow[];
  readonly series: readonly SeriesStyle[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Unit after a bin range in tooltips ("days"). */
  readonly unit: string;
  /** What is counted ("pipelines"). */
  readonly noun: string;
  /** Vertical lines along the bins: dashed for the paper's numbers, solid for ours. */
  readonly references?: readonly ReferenceMark[];
  readonly height?: number;
}

const NONE: readonly ReferenceMark[] = [];

/** Bars of shares per bin; ticks label decades on log bins. */
export const HistogramChart = memo(function HistogramChart({
  rows,
  series,
  xLabel,
  yLabel,
  unit,
  noun,
  references = NONE,
  height = 260,
}: HistogramChartProps) {
  const id = useId().replace(/:/g, '');
  const ticks = useMemo(() => new Map(rows.map((r) => [r.bin, r.tick])), [rows]);
  const byBin = useMemo(() => new Map(rows.map((r) => [r.bin, r])), [rows]);
  const yAxis = useMemo(() => shareAxis(maxValue(rows)), [rows]);
  return (
    <ChartFrame height={height}>
      <BarChart
        data={rows as HistogramRow[]}
        margin={{ top: 24, right: 16, bottom: 28, left: 16 }}
        barGap={1}
        barCategoryGap="12%"
      >
        <ChartPatterns idPrefix={id} styles={series} />
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="bin"
          interval={0}
          tickLine={false}
          tick={(props: object) => <EdgeTick {...props} format={(bin) => ticks.get(bin) ?? ''} />}
          label={{ value: xLabel, position: 'insideBottom', offset: -16 }}
        />
        <YAxis
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          tickFormatter={(v: number) => formatShare(v)}
          width={56}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 0, dy: 60 }}
        />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.05)' }}
          isAnimationActive={false}
          content={tooltipContent(byBin, String, (row) =>
            histogramTooltip(row, series, unit, noun),
          )}
        />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            name={s.label}
            dataKey={(row: HistogramRow) => row.values[s.key] ?? 0}
            fill={seriesFill(id, s)}
            stroke={s.color}
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
        <ReferenceMarks marks={references} />
      </BarChart>
    </ChartFrame>
  );
});
