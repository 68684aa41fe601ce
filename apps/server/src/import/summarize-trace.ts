/** Turns one segmented trace into the rows the store keeps: summary, graphlet metrics, layout (gzipped). */
import {
  executionCost,
  type Graphlet,
  lifespanDays,
  pipelineStatsState,
  type TraceGraph,
} from '@graphlet/core';
import { gzipLayout } from '../layout/layout-json.ts';
import type { ImportedTrace, StoredGraphlet } from '../store/imported-source.ts';
import { searchNodeRows } from '../store/search-index.ts';

/**
 * The stored form of a trace (its graph) and its graphlets; payload as compact JSON, layout as
 * gzipped JSON.
 * With `layout: false` the layout is left to the trace's first request (a sync of thousands of
 * pipelines spends its time reading, not laying out traces nobody opens).
 */
export function summarizeTrace(
  graph: TraceGraph,
  graphlets: readonly Graphlet[],
  note?: string,
  options: { readonly layout?: boolean } = {},
): ImportedTrace {
  const { trace } = graph;
  const cost = new Map<number, number>();
  let computeSeconds = 0;
  for (const e of trace.executions) {
    const seconds = executionCost(e);
    cost.set(e.id, seconds);
    computeSeconds += seconds;
  }
  const pushed = graphlets.filter((g) => g.pushed).length;
  // Failed trainers made no model: shares and rates are over completed trainers (docs/statistics.md).
  const failed = graphlets.filter((g) => g.failed).length;
  const completed = graphlets.length - failed;
  const lifespan = lifespanDays(trace);
  const stored = graphlets.map((g) => storedGraphlet(g, cost));
  return {
    pipeline: trace.pipeline,
    payload: JSON.stringify(trace),
    layout: options.layout === false ? null : gzipLayout(graph, stored),
    summary: {
      executions: trace.executions.length,
      artifacts: trace.artifacts.length,
      graphlets: graphlets.length,
      failedGraphlets: failed,
      pushedShare: completed === 0 ? null : pushed / completed,
      lifespanDays: lifespan ?? null,
      // As Figure 3(b): a pipeline living less than a day trains its models "per day".
      modelsPerDay: lifespan === undefined ? null : completed / Math.max(lifespan, 1),
      computeSeconds,
    },
    graphlets: stored,
    stats: JSON.stringify(pipelineStatsState(trace, graphlets)),
    searchRows: searchNodeRows(trace),
    note,
  };
}

function storedGraphlet(g: Graphlet, cost: ReadonlyMap<number, number>): StoredGraphlet {
  let computeSeconds = 0;
  for (const id of g.executions) computeSeconds += cost.get(id) ?? 0;
  const startMs = g.startMs ?? null;
  const endMs = g.endMs ?? null;
  return {
    trainer: g.trainer,
    index: g.index,
    executions: [...g.executions],
    artifacts: [...g.artifacts],
    spans: [...g.spans],
    downstream: [...g.downstream],
    warmStart: g.warmStart,
    failed: g.failed,
    pushed: g.pushed,
    startMs,
    endMs,
    metrics: {
      executions: g.executions.length,
      artifacts: g.artifacts.length,
      spans: g.spans.length,
      computeSeconds,
      durationMs: startMs === null || endMs === null ? null : endMs - startMs,
    },
  };
}
