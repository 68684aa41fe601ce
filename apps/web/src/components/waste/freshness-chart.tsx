/**
 * Figure 10: model freshness (y) against the wasted computation still incurred (x), one curve per
 * variant with its own colour, dash and marker; children (the threshold marker) draw on top.
 */
import { memo, type ReactNode } from 'react';
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import {
  type ChartPoint,
  type CurveSeries,
  curvePointTooltip,
  VARIANT_STYLES,
} from '../../lib/waste/curve-series.ts';
import { ChartFrame } from '../charts/chart-frame.tsx';
import { ChartTooltip } from '../charts/chart-tooltip.tsx';

export interface FreshnessChartProps {
  readonly series: readonly CurveSeries[];
  readonly title: string;
  readonly height?: number;
  /** The selected variant's curve is drawn thicker. */
  readonly emphasis?: string;
  readonly children?: ReactNode;
}

const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const percent = (v: number) => `${Math.round(v * 100)}%`;

/** The curves with axes from 0 to 100 %, a legend and exact tooltips. */
export const FreshnessChart = memo(function FreshnessChart({
  series,
  title,
  height = 340,
  emphasis,
  children,
}: FreshnessChartProps) {
  return (
    <figure className="waste-figure">
      <figcaption>{title}</figcaption>
      <ChartFrame height={height}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 28, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="waste"
            type="number"
            domain={[0, 1]}
            ticks={TICKS}
            tickFormatter={percent}
            label={{
              value: 'Wasted computation still incurred (share of unpushed compute)',
              position: 'insideBottom',
              offset: -16,
            }}
          />
          <YAxis
            dataKey="freshness"
            type="number"
            domain={[0, 1]}
            ticks={TICKS}
            tickFormatter={percent}
            width={56}
            label={{
              value: 'Model freshness (pushed kept)',
              angle: -90,
              position: 'insideLeft',
              dy: 90,
            }}
          />
          <Tooltip
            isAnimationActive={false}
            cursor={{ strokeDasharray: '3 3' }}
            content={({ active, payload }) => {
              const point = payload?.[0]?.payload as ChartPoint | undefined;
              return (
                <ChartTooltip
                  active={active}
                  text={
                    point === undefined
                      ? null
                      : curvePointTooltip(point, VARIANT_STYLES[point.variant])
                  }
                />
              );
            }}
          />
          <Legend verticalAlign="top" height={36} itemSorter={null} />
          {series.map(({ style, points }) => {
            const strong = style.variant === emphasis;
            return (
              <Scatter
                key={style.variant}
                name={style.variant}
                data={points as ChartPoint[]}
                fill={style.color}
                shape={style.shape}
                legendType={style.shape}
                line={{
                  stroke: style.color,
                  strokeWidth: strong ? 3 : 1.75,
                  strokeDasharray: style.dash === '' ? undefined : style.dash,
                }}
                lineType="joint"
                isAnimationActive={false}
              />
            );
          })}
          {children}
        </ScatterChart>
      </ChartFrame>
    </figure>
  );
});
