/** SVG <defs> with one fill pattern per patterned series (ids `${idPrefix}-${key}`). */
import type { SeriesStyle } from './chart-palette.ts';

export interface ChartPatternsProps {
  readonly idPrefix: string;
  readonly styles: readonly SeriesStyle[];
}

/** Pattern definitions to place inside a Recharts chart. */
export function ChartPatterns({ idPrefix, styles }: ChartPatternsProps) {
  return (
    <defs>
      {styles
        .filter((s) => s.pattern !== 'solid')
        .map((s) => (
          <pattern
            key={s.key}
            id={`${idPrefix}-${s.key}`}
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform={s.pattern === 'hatch' ? 'rotate(45)' : undefined}
          >
            <rect width={6} height={6} fill={s.color} fillOpacity={0.25} />
            {s.pattern === 'hatch' && (
              <line x1={0} y1={0} x2={0} y2={6} stroke={s.color} strokeWidth={3} />
            )}
            {s.pattern === 'dots' && <circle cx={3} cy={3} r={1.6} fill={s.color} />}
            {s.pattern === 'cross' && (
              <path d="M0 0L6 6M6 0L0 6" stroke={s.color} strokeWidth={1.4} />
            )}
          </pattern>
        ))}
    </defs>
  );
}
