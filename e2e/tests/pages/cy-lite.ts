/** The part of Cytoscape's API the e2e tests use through `window.__graphletExplorer.cy`. */
interface CyLite {
  nodes(selector?: string): CyCollection;
  edges(selector?: string): CyCollection;
  getElementById(id: string): CyCollection;
  zoom(): number;
  pan(): { x: number; y: number };
  width(): number;
  height(): number;
  extent(): { x1: number; y1: number; x2: number; y2: number };
}

interface CyCollection {
  readonly length: number;
  map<T>(fn: (element: CyElement) => T): T[];
  filter(fn: (element: CyElement) => boolean): CyCollection;
  id(): string;
  data(key: string): unknown;
  renderedPosition(): { x: number; y: number };
  position(): { x: number; y: number };
  visible(): boolean;
  hasClass(name: string): boolean;
  boundingBox(options?: Record<string, boolean>): CyBox;
  renderedBoundingBox(options?: Record<string, boolean>): CyBox;
}

/** One element of a collection. */
type CyElement = CyCollection;

/** A bounding box as Cytoscape reports it. */
interface CyBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** The global the web app sets for tests (`window.__graphletExplorer`). */
export interface HookGlobal {
  readonly __graphletExplorer?: { readonly cy: CyLite };
}
