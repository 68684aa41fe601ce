/** Segments a trace on the calling thread into its stored form (re-segmentation, live lineage). */
import { buildTraceGraph, segmentGraphlets, type Trace } from '@graphlet/core';
import type { ImportedTrace } from '../store/imported-source.ts';
import { summarizeTrace } from './summarize-trace.ts';

/** The stored form of a trace: summary, graphlets with metrics, layout unless `layout: false`. */
export function storeTrace(
  trace: Trace,
  options: { readonly layout?: boolean } = {},
): ImportedTrace {
  const graph = buildTraceGraph(trace);
  const { graphlets, note } = segmentGraphlets(trace, graph);
  return summarizeTrace(graph, graphlets, note, options);
}
