/** Horizontal bars per category: ours, the paper's stated value beside it, bounds as lines. */
import { memo, useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import {
  type BoundLine,
  type CategoryRow,
  categoryChartHeight,
} from '../../lib/figures/category-bars.ts';
import { formatAmount, formatShare } from '../../lib/figures/format-stat.ts';
import { categoryTooltip } from '../../lib/figures/tooltip-text.ts';
import { ChartFrame } from './chart-frame.tsx';
import { OURS, PAPER, type SeriesStyle, seriesFill } from './chart-palette.ts';
import { ChartPatterns } from './chart-patterns.tsx';
import { tooltipContent } from './chart-tooltip.tsx';
import { ReferenceMarks } from './reference-marks.tsx';

export interface CategoryBarChartProps {
  readonly rows: readonly CategoryRow[];
  readonly bounds?: readonly BoundLine[];
  /** Shares in [0, 1] (axis 0–100%) or counts. */
  readonly format: 'share' | 'count';
  readonly xLabel: string;
  readonly ours?: SeriesStyle;
  /** Height per category, px. */
  readonly rowHeight?: number;
}

const NO_BOUNDS: readonly BoundLine[] = [];

const formatters = {
  share: (v: number | null) => formatShare(v),
  count: (v: number | null) => formatAmount(v),
};

/** Bars with value labels, so numbers are readable without hovering or telling colours apart. */
export const CategoryBarChart = memo(function CategoryBarChart({
  rows,
  bounds = NO_BOUNDS,
  format,
  xLabel,
  ours = OURS,
  rowHeight,
}: CategoryBarChartProps) {
  const id = useId().replace(/:/g, '');
  const showPaper = rows.some((r) => r.paper !== null);
  const byLabel = useMemo(() => new Map(rows.map((r) => [r.label, r])), [rows]);
  const fmt = formatters[format];
  const height = categoryChartHeight(rows, rowHeight);
  // Bounds are shares: the axis runs from 0 to 1.
  const marks = useMemo(
    () => bounds.map((b) => ({ fraction: b.value, label: b.label, dashed: true })),
    [bounds],
  );
  return (
    <ChartFrame height={height}>
      <BarChart
        layout="vertical"
        data={rows as CategoryRow[]}
        margin={{ top: 24, right: 56, bottom: 28, left: 8 }}
        barGap={2}
      >
        <ChartPatterns idPrefix={id} styles={[ours, PAPER]} />
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={format === 'share' ? [0, 1] : [0, 'auto']}
          ticks={format === 'share' ? [0, 0.2, 0.4, 0.6, 0.8, 1] : undefined}
          tickFormatter={(v: number) => fmt(v)}
          label={{ value: xLabel, position: 'insideBottom', offset: -16 }}
        />
        <YAxis type="category" dataKey="label" width={190} tickLine={false} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.05)' }}
          isAnimationActive={false}
          content={tooltipContent(byLabel, String, (row) => categoryTooltip(row, fmt, ours, PAPER))}
        />
        <Legend verticalAlign="top" itemSorter={null} />
        <Bar
          name={ours.label}
          dataKey="ours"
          fill={seriesFill(id, ours)}
          stroke={ours.color}
          isAnimationActive={false}
        >
          <LabelList
            dataKey="ours"
            position="right"
            fontSize={11}
            formatter={(v: unknown) => (typeof v === 'number' ? fmt(v) : 'n/a')}
          />
        </Bar>
        {showPaper && (
          <Bar
            name={PAPER.label}
            dataKey="paper"
            fill={seriesFill(id, PAPER)}
            stroke={PAPER.color}
            isAnimationActive={false}
          >
            <LabelList dataKey="paperText" position="right" fontSize={11} fill={PAPER.color} />
          </Bar>
        )}
        {format === 'share' && <ReferenceMarks marks={marks} from="bottom" />}
      </BarChart>
    </ChartFrame>
  );
});
