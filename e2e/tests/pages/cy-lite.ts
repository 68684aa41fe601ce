/** The part of Cytoscape's API the e2e tests use through `window.__graphletExplorer.cy`. */
interface CyLite {
  nodes(selector?: string): CyCollection;
  getElementById(id: string): CyCollection;
  /** The viewport's pan, in rendered pixels. */
  pan(): { x: number; y: number };
}

interface CyCollection {
  readonly length: number;
  map<T>(fn: (element: { id(): string }) => T): T[];
  id(): string;
  emit(event: string): void;
}

/** The global the web app sets for tests (`window.__graphletExplorer`). */
export interface HookGlobal {
  readonly __graphletExplorer?: { readonly cy: CyLite };
}
