/**
 * Loaded traces for the read routes: the trace endpoint's JSON (computed at import, gzipped on
 * first need) and, for node and graphlet routes, the parsed trace with its graph; LRU, cleared
 * whenever sources change.
 */
import type { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import type { TraceGraph as TraceGraphDocument } from '@graphlet/contract';
import { buildTraceGraph, type Trace, type TraceGraph } from '@graphlet/core';
import type { StoredGraphlet } from '../store/imported-source.ts';
import {
  getTraceLayout,
  getTraceNote,
  getTracePayload,
  listGraphlets,
  putTraceLayout,
} from '../store/trace-queries.ts';
import { layoutTrace } from './layout-trace.ts';

export interface LoadedTrace {
  readonly id: string;
  readonly trace: Trace;
  readonly graph: TraceGraph;
  readonly graphlets: readonly StoredGraphlet[];
  readonly note: string | undefined;
  readonly layout: TraceGraphDocument;
}

/** The trace endpoint's answer, as text and (made on first request) gzipped. */
export class LayoutText {
  readonly json: string;
  private gz: Buffer | undefined;

  constructor(json: string) {
    this.json = json;
  }

  /** The JSON gzipped, computed once. */
  gzip(): Buffer {
    this.gz ??= gzipSync(this.json, { level: 6 });
    return this.gz;
  }
}

/** A small least-recently-used map. */
class Lru<T> {
  private readonly capacity: number;
  private readonly entries = new Map<string, T>();

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get(key: string, load: () => T | undefined): T | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = load();
    if (value === undefined) return undefined;
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Caches what the trace routes answer. */
export class TraceCache {
  private readonly db: DatabaseSync;
  private readonly layouts = new Lru<LayoutText>(64);
  private readonly traces = new Lru<LoadedTrace>(8);

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** The trace endpoint's JSON, or undefined when no trace has this id. */
  layout(id: string): LayoutText | undefined {
    return this.layouts.get(id, () => {
      const stored = getTraceLayout(this.db, id);
      if (stored === undefined) return undefined;
      if (stored !== null) return new LayoutText(stored);
      const json = JSON.stringify(this.get(id)!.layout);
      putTraceLayout(this.db, id, json);
      return new LayoutText(json);
    });
  }

  /** The parsed trace with its graph, graphlets and layout, or undefined. */
  get(id: string): LoadedTrace | undefined {
    return this.traces.get(id, () => {
      const payload = getTracePayload(this.db, id);
      if (payload === undefined) return undefined;
      const trace = JSON.parse(payload) as Trace;
      const graph = buildTraceGraph(trace);
      const graphlets = listGraphlets(this.db, id);
      const stored = getTraceLayout(this.db, id);
      const layout =
        typeof stored === 'string'
          ? (JSON.parse(stored) as TraceGraphDocument)
          : layoutTrace(graph, graphlets);
      return { id, trace, graph, graphlets, note: getTraceNote(this.db, id), layout };
    });
  }

  /** Forgets everything loaded. */
  clear(): void {
    this.layouts.clear();
    this.traces.clear();
  }
}
