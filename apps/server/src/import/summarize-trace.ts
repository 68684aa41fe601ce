/** Turns one segmented trace into the rows the store keeps: summary columns and graphlet metrics. */
import { executionCost, type Graphlet, lifespanDays, type Trace } from '@graphlet/core';
import type { ImportedTrace, StoredGraphlet } from '../store/imported-source.ts';

/** The stored form of a trace and its graphlets (payload as compact JSON). */
export function summarizeTrace(
  trace: Trace,
  graphlets: readonly Graphlet[],
  note?: string,
): ImportedTrace {
  const cost = new Map<number, number>();
  let computeSeconds = 0;
  for (const e of trace.executions) {
    const seconds = executionCost(e);
    cost.set(e.id, seconds);
    computeSeconds += seconds;
  }
  const pushed = graphlets.filter((g) => g.pushed).length;
  const lifespan = lifespanDays(trace);
  return {
    pipeline: trace.pipeline,
    payload: JSON.stringify(trace),
    summary: {
      executions: trace.executions.length,
      artifacts: trace.artifacts.length,
      graphlets: graphlets.length,
      pushedShare: graphlets.length === 0 ? null : pushed / graphlets.length,
      lifespanDays: lifespan ?? null,
      // As Figure 3(b): a pipeline living less than a day trains its models "per day".
      modelsPerDay: lifespan === undefined ? null : graphlets.length / Math.max(lifespan, 1),
      computeSeconds,
    },
    graphlets: graphlets.map((g) => storedGraphlet(g, cost)),
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
