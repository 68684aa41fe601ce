/**
 * The trace routes' cache entries: the trace endpoint's gzipped JSON (as stored once laid out) and,
 * for node and graphlet routes, the parsed trace with its graph; each weighed in bytes.
 */
import { gunzipSync } from 'node:zlib';
import type { TraceGraph as TraceGraphDocument } from '@graphlet/contract';
import {
  buildTraceGraph,
  type Trace,
  type TraceGraph,
  type TraceView,
  traceView,
} from '@graphlet/core';
import { layoutTrace } from '../layout/layout-trace.ts';
import type { StoredGraphlet } from '../store/imported-source.ts';
import type { Store } from '../store/store.ts';
import type { ServerCache, Sized } from './server-cache.ts';

export interface LoadedTrace {
  readonly id: string;
  readonly trace: Trace;
  readonly graph: TraceGraph;
  readonly graphlets: readonly StoredGraphlet[];
  readonly note: string | undefined;
  readonly layout: TraceGraphDocument;
}

/*
 * Parsed JSON takes about 1.5 times its text in V8's heap (measured on bench traces of 6,000 and
 * 25,000 nodes: trace 1.2x, layout document 1.5x, graphlet lists 1.7x); a layout document is
 * estimated from its node count (about 250 bytes of JSON a node).
 */
const PARSED_PER_TEXT_BYTE = 1.5;
const LAYOUT_TEXT_PER_NODE = 250;
const BYTES_PER_GRAPHLET_ID = 16;
/** A statistics view indexes every node by id (two Map entries a node, plus its memos). */
const VIEW_BYTES_PER_NODE = 96;

/**
 * The trace endpoint's answer, gzipped JSON as stored (weighed by its compressed bytes, a twelfth
 * of its text): undefined when no trace has this id, null when it is not laid out yet (the caller
 * lays it out on a task worker, which stores it, and asks again).
 */
export async function cachedLayout(
  cache: ServerCache,
  store: Store,
  id: string,
): Promise<Uint8Array | null | undefined> {
  const gzipped = await cache.load('layout', id, async () => {
    const stored = await store.getTraceLayout(id);
    return stored == null ? undefined : { value: stored, bytes: stored.byteLength };
  });
  if (gzipped !== undefined) return gzipped;
  // Callers that shared one load ask on their own why it found nothing.
  return (await store.hasTraceLayout(id)) === undefined ? undefined : null;
}

/** The parsed trace with its graph, graphlets and layout, or undefined. */
export function cachedTrace(
  cache: ServerCache,
  store: Store,
  id: string,
): Promise<LoadedTrace | undefined> {
  return cache.load('trace', id, () => loadTrace(store, id));
}

const views = new WeakMap<LoadedTrace, TraceView>();

/** The statistics view of a loaded trace, built on first need and weighed with the trace's entry. */
export function traceViewOf(cache: ServerCache, loaded: LoadedTrace): TraceView {
  let view = views.get(loaded);
  if (view === undefined) {
    view = traceView(loaded.trace);
    views.set(loaded, view);
    const nodes = loaded.graph.executions.length + loaded.graph.artifacts.length;
    cache.grew('trace', loaded.id, loaded, VIEW_BYTES_PER_NODE * nodes);
  }
  return view;
}

/** Reads and parses a trace with its graph, graphlets and layout, weighed in bytes; undefined if none. */
export async function loadTrace(store: Store, id: string): Promise<Sized<LoadedTrace> | undefined> {
  const payload = await store.getTracePayload(id);
  if (payload === undefined) return undefined;
  const [graphlets, stored, note] = await Promise.all([
    store.listGraphlets(id),
    store.getTraceLayout(id),
    store.getTraceNote(id),
  ]);
  const trace = JSON.parse(payload) as Trace;
  const graph = buildTraceGraph(trace);
  const layout =
    stored == null
      ? layoutTrace(graph, graphlets)
      : (JSON.parse(gunzipSync(stored).toString()) as TraceGraphDocument);
  const nodes = graph.executions.length + graph.artifacts.length;
  const layoutText = nodes * LAYOUT_TEXT_PER_NODE;
  let graphletIds = 0;
  for (const g of graphlets) {
    graphletIds += g.executions.length + g.artifacts.length + g.spans.length + g.downstream.length;
  }
  const bytes =
    PARSED_PER_TEXT_BYTE * (payload.length + layoutText) +
    BYTES_PER_GRAPHLET_ID * graphletIds +
    typedArrayBytes(graph);
  return {
    value: { id, trace, graph, graphlets, note, layout },
    bytes,
  };
}

/** The bytes of the graph's typed arrays (its adjacency, ranks and orders). */
function typedArrayBytes(graph: TraceGraph): number {
  let bytes = 0;
  for (const value of Object.values(graph)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  }
  return bytes;
}
