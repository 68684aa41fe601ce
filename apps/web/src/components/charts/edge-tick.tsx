/**
 * A category-axis tick drawn at the left edge of its band instead of its centre, so a histogram's
 * bin edge labels ("1", "10", "100") sit on the edges they name.
 */

export interface EdgeTickProps {
  readonly x?: number;
  readonly y?: number;
  readonly payload?: { readonly value: unknown; readonly offset?: number };
  /** The label of a tick value ("" draws nothing). */
  readonly format: (value: string) => string;
}

/** One tick mark and label at the band's left edge. */
export function EdgeTick({ x = 0, y = 0, payload, format }: EdgeTickProps) {
  const text = format(String(payload?.value ?? ''));
  if (text === '') return null;
  const left = x - (payload?.offset ?? 0);
  return (
    <g className="recharts-cartesian-axis-tick">
      <line x1={left} x2={left} y1={y - 8} y2={y - 3} stroke="var(--chart-axis)" />
      <text x={left} y={y} dy="0.71em" textAnchor="middle" fill="var(--chart-text)" fontSize={12}>
        {text}
      </text>
    </g>
  );
}
