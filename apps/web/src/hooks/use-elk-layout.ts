/** Lays out a graph with ELK in a Web Worker; positions arrive asynchronously. */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { useEffect, useState } from 'react';
import type { Positions } from '../lib/graphlet/elk-graph.ts';

type Layout =
  | { readonly state: 'pending' }
  | { readonly state: 'done'; readonly positions: Positions }
  | { readonly state: 'failed'; readonly message: string };

/** The ELK layout of `graph` (recomputed when the graph object changes). */
export function useElkLayout(graph: ElkNode | undefined): Layout {
  const [layout, setLayout] = useState<Layout>({ state: 'pending' });
  useEffect(() => {
    if (graph === undefined) return;
    setLayout({ state: 'pending' });
    const worker = new Worker(
      new URL('../lib/graphlet/graphlet-layout.worker.ts', import.meta.url),
      {
        type: 'module',
      },
    );
    worker.onmessage = (event: MessageEvent<{ positions?: Positions; error?: string }>) => {
      const { positions, error } = event.data;
      if (positions !== undefined) setLayout({ state: 'done', positions });
      else setLayout({ state: 'failed', message: error ?? 'layout failed' });
    };
    worker.onerror = (event) =>
      setLayout({ state: 'failed', message: event.message || 'layout worker failed' });
    worker.postMessage({ id: 1, graph });
    return () => worker.terminate();
  }, [graph]);
  return layout;
}
