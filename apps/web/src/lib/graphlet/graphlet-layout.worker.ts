/// <reference lib="webworker" />
/** Web Worker: lays out a graphlet with ELK's layered algorithm off the main thread. */

import ElkImport from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import { elkPositions } from './elk-graph.ts';

type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;
// elkjs is CommonJS typed as an ES default export: take `.default` when the bundler provides one.
const Elk = ((ElkImport as unknown as { default?: ElkConstructor }).default ??
  ElkImport) as unknown as ElkConstructor;
const elk = new Elk();

self.onmessage = async (event: MessageEvent<{ id: number; graph: ElkNode }>) => {
  const { id, graph } = event.data;
  try {
    const result = await elk.layout(graph);
    self.postMessage({ id, positions: elkPositions(result) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
