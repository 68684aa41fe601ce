/** Tooltip texts of the figures: exact values for a hovered bin, point or category. */
import type { CategoryRow } from './category-bars.ts';
import type { CdfPoint } from './cdf-series.ts';
import { formatAmount, formatEdge, formatShare } from './format-stat.ts';
import type { HistogramRow } from './histogram-bars.ts';

/** One line of a tooltip. */
interface TooltipLine {
  readonly label: string;
  readonly value: string;
  readonly color: string;
}

/** What a tooltip says about one data point. */
export interface TooltipText {
  readonly title: string;
  readonly lines: readonly TooltipLine[];
}

/** A series as tooltips name it. */
export interface NamedSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

/** "[10, 20) days" with "All graphlets: 25.0% (3 of 12 graphlets)" per series. */
export function histogramTooltip(
  row: HistogramRow,
  series: readonly NamedSeries[],
  unit: string,
  noun: string,
): TooltipText {
  return {
    title: `${row.range} ${unit}`,
    lines: series.map((s) => ({
      label: s.label,
      value: `${formatShare(row.values[s.key] ?? 0)} (${formatAmount(row.counts[s.key] ?? 0)} ${noun})`,
      color: s.color,
    })),
  };
}

/** "≤ 10 hours" with "Pushed: 80.0%" per series. */
export function cdfTooltip(
  point: CdfPoint,
  series: readonly NamedSeries[],
  unit: string,
): TooltipText {
  return {
    title: `≤ ${formatEdge(point.x)} ${unit}`,
    lines: series.map((s) => ({
      label: s.label,
      value: formatShare(point.values[s.key] ?? 0),
      color: s.color,
    })),
  };
}

/** "DNN" with ours and, when stated, the paper's value. */
export function categoryTooltip(
  row: CategoryRow,
  format: (value: number | null) => string,
  ours: NamedSeries,
  paper: NamedSeries,
): TooltipText {
  const lines: TooltipLine[] = [{ label: ours.label, value: format(row.ours), color: ours.color }];
  if (row.paper !== null)
    lines.push({ label: paper.label, value: row.paperText, color: paper.color });
  return { title: row.label, lines };
}
