/**
 * Where a chart's reference lines and their labels go: each vertical mark at its value's place
 * along the x axis (as a fraction of the plot width), clamped to the plot edge with an arrow when
 * the value lies outside the axis, and each label in the first row where its box overlaps no other.
 */

import type { Histogram } from '@graphlet/core';

/** A vertical reference at `fraction` of the x axis (below 0 or above 1 when outside the axis). */
export interface ReferenceMark {
  readonly fraction: number;
  /** The label, naming the value ("paper max 130 days"). */
  readonly label: string;
  /** Dashed for the paper's numbers, solid for ours. */
  readonly dashed: boolean;
}

/** A box in plot pixels (x from the plot's left edge, y from its top). */
export interface LabelBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A mark placed in a plot of known size. */
export interface PlacedMark {
  readonly label: string;
  readonly dashed: boolean;
  /** The line's x in plot pixels, on the edge when `outside`. */
  readonly x: number;
  readonly outside: 'left' | 'right' | null;
  /** The text drawn: the label, with an arrow towards the value when it is off the axis. */
  readonly text: string;
  /** Which way the text runs from its x: `start` to the right of the line, `end` to its left. */
  readonly anchor: 'start' | 'end';
  /** The text's x (the line's x plus or minus the padding). */
  readonly textX: number;
  /** The text's baseline y. */
  readonly textY: number;
  readonly row: number;
  readonly box: LabelBox;
}

/** How labels are laid out. */
export interface PlacementOptions {
  readonly width: number;
  readonly height: number;
  /** Text width in px. */
  readonly measure: (text: string) => number;
  /** Label rows run down from the top of the plot or up from its bottom. */
  readonly from?: 'top' | 'bottom';
  /** Boxes already taken (e.g. a horizontal reference's label). */
  readonly taken?: readonly LabelBox[];
  /** Height of one label row: the text's box plus its halo above and below. */
  readonly rowHeight?: number;
  /** Space between a line and its text, and between two labels. */
  readonly padding?: number;
  /** Width of the halo drawn around each text (charts.css; it widens the box on every side). */
  readonly halo?: number;
}

/** Where `value` falls on a linear or log axis from `lo` to `hi` (0 at lo, 1 at hi, beyond outside). */
export function axisFraction(
  value: number,
  lo: number,
  hi: number,
  scale: 'linear' | 'log' = 'linear',
): number {
  if (scale === 'log') {
    if (value <= 0) return Number.NEGATIVE_INFINITY;
    if (lo <= 0 || hi <= lo) return 0;
    return Math.log(value / lo) / Math.log(hi / lo);
  }
  return hi === lo ? 0 : (value - lo) / (hi - lo);
}

/**
 * Where `value` falls on a histogram drawn as equal-width bands, one per bin (a Recharts category
 * axis): its bin's index plus its place inside the bin (in log space on log bins), over the bins.
 */
export function histogramFraction(histogram: Pick<Histogram, 'edges' | 'scale'>, value: number) {
  const { edges, scale } = histogram;
  const bins = edges.length - 1;
  const first = edges[0];
  const last = edges[bins];
  if (bins <= 0 || first === undefined || last === undefined) return 0.5;
  const log = scale === 'log' && first > 0;
  if (value < first || value > last)
    return axisFraction(value, first, last, log ? 'log' : 'linear');
  let i = 0;
  while (i < bins - 1 && value >= (edges[i + 1] ?? Number.POSITIVE_INFINITY)) i++;
  const lo = edges[i] ?? 0;
  const hi = edges[i + 1] ?? lo;
  const within = axisFraction(value, lo, hi, log ? 'log' : 'linear');
  return (i + Math.min(1, Math.max(0, within))) / bins;
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Places every mark: lines at their x (or the nearer edge, with "←"/"→" in the label), texts on the
 * side of the line with room, each in the first row (from the top or bottom) where it overlaps no
 * label placed before it nor a `taken` box. Marks are placed from left to right.
 */
export function placeReferenceMarks(
  marks: readonly ReferenceMark[],
  options: PlacementOptions,
): PlacedMark[] {
  const { width, height, measure, from = 'top', taken = [] } = options;
  const { rowHeight = 20, padding = 4, halo = 3 } = options;
  const order = marks
    .map((mark, index) => ({ mark, index }))
    .sort((a, b) => a.mark.fraction - b.mark.fraction || a.index - b.index);
  const boxes: LabelBox[] = [...taken];
  const placed: PlacedMark[] = [];
  for (const { mark } of order) {
    const outside = mark.fraction < 0 ? 'left' : mark.fraction > 1 ? 'right' : null;
    const x = Math.min(1, Math.max(0, mark.fraction)) * width;
    const text =
      outside === 'left' ? `← ${mark.label}` : outside === 'right' ? `${mark.label} →` : mark.label;
    const textWidth = measure(text) + 2 * halo;
    const fitsRight = x + padding + textWidth <= width;
    const anchor = outside === 'right' || (outside === null && !fitsRight) ? 'end' : 'start';
    const textX = anchor === 'start' ? x + padding + halo : x - padding - halo;
    const left = anchor === 'start' ? textX - halo : textX - textWidth + halo;
    let row = 0;
    let box: LabelBox;
    for (;;) {
      const top =
        from === 'top' ? padding + row * rowHeight : height - padding - (row + 1) * rowHeight;
      box = { left, right: left + textWidth, top, bottom: top + rowHeight };
      const candidate = box;
      if (!boxes.some((b) => overlaps(candidate, b, padding)) || row > marks.length + taken.length)
        break;
      row++;
    }
    boxes.push(box);
    placed.push({
      label: mark.label,
      dashed: mark.dashed,
      x,
      outside,
      text,
      anchor,
      textX,
      textY: box.bottom - halo - 3,
      row,
      box,
    });
  }
  return placed;
}

/** A horizontal reference at `fraction` of the y axis (0 at the bottom), placed. */
export interface PlacedLevel {
  readonly label: string;
  /** The line's y in plot pixels. */
  readonly y: number;
  readonly textX: number;
  readonly textY: number;
  readonly box: LabelBox;
}

/**
 * Horizontal references with their labels right-aligned just under the line (above it when the
 * line is near the bottom); the boxes go to placeReferenceMarks as `taken`.
 */
export function placeLevels(
  levels: readonly { readonly fraction: number; readonly label: string }[],
  options: Pick<
    PlacementOptions,
    'width' | 'height' | 'measure' | 'rowHeight' | 'padding' | 'halo'
  >,
): PlacedLevel[] {
  const { width, height, measure, rowHeight = 20, padding = 4, halo = 3 } = options;
  return levels.map(({ fraction, label }) => {
    const y = (1 - Math.min(1, Math.max(0, fraction))) * height;
    const below = y + 2 + rowHeight <= height;
    const top = below ? y + 2 : y - 2 - rowHeight;
    const right = width - padding;
    const box = { left: right - measure(label) - 2 * halo, right, top, bottom: top + rowHeight };
    return { label, y, textX: right - halo, textY: box.bottom - halo - 3, box };
  });
}

/** A reference line on a CDF chart at x (vertical) or y (horizontal). */
export interface XyReference {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly label: string;
}
