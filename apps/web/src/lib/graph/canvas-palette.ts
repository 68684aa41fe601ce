/**
 * Colours of the graph canvases per colour scheme. Every colour that carries meaning (role
 * fills, state marks, highlight outlines, the chosen node) reaches 3:1 against the canvas
 * background (WCAG 1.4.11); canvas-palette.test.ts checks it.
 */

export type ColorScheme = 'light' | 'dark';

export interface CanvasPalette {
  /** The canvas background (also the veil that fades the rest of the trace). */
  readonly background: string;
  /** Labels, node borders and state marks. */
  readonly ink: string;
  /** Plain edges: light on purpose, 12,000 of them must not drown the nodes. */
  readonly edge: string;
  /** Edges of the selected graphlet. */
  readonly litEdge: string;
  readonly upstream: string;
  readonly downstream: string;
  /** The outline of the hovered node. */
  readonly hovered: string;
  /** The overlay of the node whose details are open. */
  readonly chosen: string;
  /** The mark of failed executions. */
  readonly failed: string;
}

export const CANVAS_PALETTES: Readonly<Record<ColorScheme, CanvasPalette>> = {
  light: {
    background: '#ffffff',
    ink: '#1d232b',
    edge: '#b7bec5',
    litEdge: '#4d5660',
    upstream: '#0072B2',
    downstream: '#D55E00',
    hovered: '#000000',
    chosen: '#B35C00',
    failed: '#C62828',
  },
  dark: {
    background: '#1b1f24',
    ink: '#e6e9ec',
    edge: '#4a525b',
    litEdge: '#aeb7c0',
    upstream: '#56B4E9',
    downstream: '#FF8A3D',
    hovered: '#ffffff',
    chosen: '#FFB547',
    failed: '#FF6B6B',
  },
};

/** The palette colours that must reach 3:1 against the background (all but plain edges). */
export const MEANINGFUL_KEYS = [
  'ink',
  'litEdge',
  'upstream',
  'downstream',
  'hovered',
  'chosen',
  'failed',
] as const satisfies readonly (keyof CanvasPalette)[];
