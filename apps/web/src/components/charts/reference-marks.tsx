/** The paper's and our reference lines on a chart's x axis, placed so that no two labels overlap. */
import { useMemo } from 'react';
import { DefaultZIndexes, usePlotArea, ZIndexLayer } from 'recharts';
import {
  type PlacedMark,
  placeLevels,
  placeReferenceMarks,
  type ReferenceMark,
} from '../../lib/figures/reference-marks.ts';
import { REFERENCE_COLOR, REFERENCE_LABEL } from './chart-palette.ts';

export interface ReferenceMarksProps {
  readonly marks: readonly ReferenceMark[];
  /** Label rows run down from the plot's top (default) or up from its bottom. */
  readonly from?: 'top' | 'bottom';
  /** Horizontal references at `fraction` of the y axis (0 at the bottom). */
  readonly levels?: readonly Level[];
}

type Level = { readonly fraction: number; readonly label: string };
const NO_LEVELS: readonly Level[] = [];

let context: CanvasRenderingContext2D | null | undefined;

/** The width of a reference label in the page's font; an estimate where there is no canvas (tests). */
function measureLabel(text: string): number {
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
    if (context !== null)
      context.font = `${REFERENCE_LABEL.fontSize}px ${getComputedStyle(document.body).fontFamily}`;
  }
  return context === null
    ? text.length * REFERENCE_LABEL.fontSize * 0.6
    : context.measureText(text).width;
}

/** Lines and labels, drawn inside the chart (a child of a Recharts chart). */
export function ReferenceMarks({ marks, from = 'top', levels = NO_LEVELS }: ReferenceMarksProps) {
  const plot = usePlotArea();
  const width = plot?.width ?? 0;
  const height = plot?.height ?? 0;
  const placed = useMemo(() => {
    const size = { width, height, measure: measureLabel };
    const lines = placeLevels(levels, size);
    const taken = lines.map((l) => l.box);
    return { lines, marks: placeReferenceMarks(marks, { ...size, from, taken }) };
  }, [marks, levels, width, height, from]);
  if (plot === undefined || width <= 0) return null;
  // Above the bars and lines, so that no bar hides a label.
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <g className="reference-marks" transform={`translate(${plot.x},${plot.y})`}>
        {placed.lines.map((l) => (
          <g key={`level-${l.label}`} className="reference-level" data-label={l.label}>
            <line
              x1={0}
              x2={width}
              y1={l.y}
              y2={l.y}
              stroke={REFERENCE_COLOR}
              strokeDasharray="5 4"
            />
            <text
              x={l.textX}
              y={l.textY}
              textAnchor="end"
              fontSize={REFERENCE_LABEL.fontSize}
              fill={REFERENCE_LABEL.fill}
              className={REFERENCE_LABEL.className}
            >
              {l.label}
            </text>
          </g>
        ))}
        {placed.marks.map((m) => (
          <Mark key={`${m.label}-${m.x}`} mark={m} height={plot.height} />
        ))}
      </g>
    </ZIndexLayer>
  );
}

function Mark({ mark, height }: { readonly mark: PlacedMark; readonly height: number }) {
  return (
    <g className="reference-mark" data-outside={mark.outside ?? 'none'} data-label={mark.label}>
      <line
        x1={mark.x}
        x2={mark.x}
        y1={0}
        y2={height}
        stroke={REFERENCE_COLOR}
        strokeWidth={1.5}
        strokeDasharray={mark.dashed ? '5 4' : undefined}
      />
      {mark.outside !== null && (
        <path
          className="reference-arrow"
          d={
            mark.outside === 'right'
              ? `M${mark.x - 7},${height / 2 - 5} L${mark.x},${height / 2} L${mark.x - 7},${height / 2 + 5} Z`
              : `M${mark.x + 7},${height / 2 - 5} L${mark.x},${height / 2} L${mark.x + 7},${height / 2 + 5} Z`
          }
          fill={REFERENCE_COLOR}
        />
      )}
      <text
        x={mark.textX}
        y={mark.textY}
        textAnchor={mark.anchor}
        fontSize={REFERENCE_LABEL.fontSize}
        fill={REFERENCE_LABEL.fill}
        className={REFERENCE_LABEL.className}
      >
        {mark.text}
      </text>
    </g>
  );
}
