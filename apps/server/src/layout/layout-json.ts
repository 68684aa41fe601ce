/**
 * The trace endpoint's answer written as it is laid out: JSON text in chunks (the same text as
 * `JSON.stringify(layoutTrace(...))`) compressed on the fly, so a 1M-node trace never exists
 * whole as node objects or as one string; only its gzip (about a twelfth of the text) is kept.
 */
import type { TraceGraph } from '@graphlet/core';
import { gzipChunksSync } from './gzip-chunks.ts';
import { layoutNodes, traceEdges } from './layout-trace.ts';

type Memberships = Parameters<typeof layoutNodes>[1];

/** Characters of JSON gathered before a chunk is handed on. */
const CHUNK_CHARS = 1 << 20;

/** The layout's JSON text in chunks of about a megabyte. */
export function* layoutJsonChunks(graph: TraceGraph, graphlets: Memberships): Generator<string> {
  let text = '{"nodes":[';
  let first = true;
  for (const n of layoutNodes(graph, graphlets)) {
    text += first ? JSON.stringify(n) : `,${JSON.stringify(n)}`;
    first = false;
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  text += '],"edges":[';
  first = true;
  for (const edge of traceEdges(graph)) {
    text += first ? JSON.stringify(edge) : `,${JSON.stringify(edge)}`;
    first = false;
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  yield `${text}]}`;
}

/** The layout's JSON gzipped, compressed chunk by chunk as it is written. */
export function gzipLayout(graph: TraceGraph, graphlets: Memberships): Buffer {
  return gzipChunksSync(layoutJsonChunks(graph, graphlets));
}
