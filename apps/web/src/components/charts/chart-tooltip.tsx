/** The tooltip box of every chart: a title and exact values, one line per series. */
import type { TooltipText } from '../../lib/figures/tooltip-text.ts';

export interface ChartTooltipProps {
  readonly active: boolean;
  readonly text: TooltipText | null;
}

/** The tooltip; nothing when inactive. */
export function ChartTooltip({ active, text }: ChartTooltipProps) {
  if (!active || text === null) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{text.title}</div>
      {text.lines.map((line) => (
        <div key={line.label} className="chart-tooltip-line">
          <span className="chart-swatch" style={{ background: line.color }} aria-hidden="true" />
          <span>{line.label}</span>
          <strong>{line.value}</strong>
        </div>
      ))}
    </div>
  );
}

/** Recharts tooltip content showing `text(row)` for the row under the cursor, found by its label. */
export function tooltipContent<K, R>(
  rows: ReadonlyMap<K, R>,
  keyOf: (label: unknown) => K,
  text: (row: R) => TooltipText,
) {
  return ({ active, label }: { readonly active: boolean; readonly label?: unknown }) => {
    const row = rows.get(keyOf(label));
    return <ChartTooltip active={active} text={row === undefined ? null : text(row)} />;
  };
}
