/** Parsed traces with their graph, graphlets and laid-out JSON, kept for the most recently used. */
import type { DatabaseSync } from 'node:sqlite';
import type { TraceGraph as TraceGraphDocument } from '@graphlet/contract';
import { buildTraceGraph, type Trace, type TraceGraph } from '@graphlet/core';
import type { StoredGraphlet } from '../store/imported-source.ts';
import { getTraceNote, getTracePayload, listGraphlets } from '../store/trace-queries.ts';
import { layoutTrace } from './layout-trace.ts';

export interface LoadedTrace {
  readonly id: string;
  readonly trace: Trace;
  readonly graph: TraceGraph;
  readonly graphlets: readonly StoredGraphlet[];
  readonly note: string | undefined;
  readonly layout: TraceGraphDocument;
  /** `layout` serialised once, answered as is. */
  readonly layoutJson: string;
}

/** An LRU of loaded traces; cleared whenever sources change. */
export class TraceCache {
  private readonly db: DatabaseSync;
  private readonly capacity: number;
  private readonly entries = new Map<string, LoadedTrace>();

  constructor(db: DatabaseSync, capacity = 16) {
    this.db = db;
    this.capacity = capacity;
  }

  /** The loaded trace, or undefined when no trace has this id. */
  get(id: string): LoadedTrace | undefined {
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const payload = getTracePayload(this.db, id);
    if (payload === undefined) return undefined;
    const trace = JSON.parse(payload) as Trace;
    const graph = buildTraceGraph(trace);
    const graphlets = listGraphlets(this.db, id);
    const layout = layoutTrace(graph, graphlets);
    const loaded: LoadedTrace = {
      id,
      trace,
      graph,
      graphlets,
      note: getTraceNote(this.db, id),
      layout,
      layoutJson: JSON.stringify(layout),
    };
    this.entries.set(id, loaded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return loaded;
  }

  /** Forgets every loaded trace. */
  clear(): void {
    this.entries.clear();
  }
}
