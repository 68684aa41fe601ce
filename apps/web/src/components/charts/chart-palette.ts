/**
 * Okabe–Ito colours and fill patterns for charts: every series has a colour AND a pattern or dash,
 * so colour is never the only signal (readable in greyscale and for colour-blind readers).
 */

export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  orange: '#E69F00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  black: '#000000',
} as const;

/**
 * Ink for lines and text that must read on the page background in both colour schemes (the
 * reference lines, RF:Model-Type): black in light, near-white in dark (styles/global.css).
 */
const CHART_INK = 'var(--chart-ink)';

type FillPattern = 'solid' | 'hatch' | 'dots' | 'cross';

/** How one series is drawn. */
export interface SeriesStyle {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly pattern: FillPattern;
  /** Line dash for line charts ("" for solid). */
  readonly dash: string;
}

/** Ours (solid blue) and the paper's (hatched vermillion). */
export const OURS: SeriesStyle = {
  key: 'ours',
  label: 'This corpus',
  color: OKABE_ITO.blue,
  pattern: 'solid',
  dash: '',
};
export const PAPER: SeriesStyle = {
  key: 'paper',
  label: 'Paper (stated)',
  color: OKABE_ITO.vermillion,
  pattern: 'hatch',
  dash: '6 3',
};

/** All graphlets vs pushed / pushed vs unpushed; pushed is blue and unpushed vermillion app-wide. */
export const ALL_GRAPHLETS: SeriesStyle = {
  key: 'all',
  label: 'All graphlets',
  color: OKABE_ITO.orange,
  pattern: 'solid',
  dash: '',
};
export const PUSHED: SeriesStyle = {
  key: 'pushed',
  label: 'Pushed',
  color: OKABE_ITO.blue,
  pattern: 'hatch',
  dash: '6 3',
};
export const UNPUSHED: SeriesStyle = {
  key: 'unpushed',
  label: 'Unpushed',
  color: OKABE_ITO.vermillion,
  pattern: 'dots',
  dash: '2 3',
};

/** The paper's model classes of Figure 3(d)–(f). */
export const CLASS_STYLES: readonly SeriesStyle[] = [
  { key: 'DNN', label: 'DNN', color: OKABE_ITO.blue, pattern: 'solid', dash: '' },
  { key: 'Linear', label: 'Linear', color: OKABE_ITO.orange, pattern: 'hatch', dash: '6 3' },
  { key: 'Rest', label: 'Rest', color: OKABE_ITO.green, pattern: 'cross', dash: '2 3' },
];

/** Reference-line colour for the paper's numbers. */
export const REFERENCE_COLOR = CHART_INK;

/** Text style of every reference line's label. */
export const REFERENCE_LABEL = {
  fontSize: 11,
  fill: REFERENCE_COLOR,
  className: 'reference-label',
} as const;

/** The fill of a series: its colour, or its pattern defined by ChartPatterns under `idPrefix`. */
export function seriesFill(idPrefix: string, style: SeriesStyle): string {
  return style.pattern === 'solid' ? style.color : `url(#${idPrefix}-${style.key})`;
}
