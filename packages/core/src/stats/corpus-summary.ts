/**
 * Corpus counts (§2.2): pipelines, graphlets, pushed and warm-start shares, node counts, period;
 * failed trainers counted apart, with the compute spent on them (docs/statistics.md).
 */
import type { ExecutionId } from '../ids.ts';
import type { CorpusSummary } from './corpus-statistics.ts';
import { costWithSource } from './execution-cost.ts';
import type { Collector, PipelineContext } from './pipeline-context.ts';

const DAY_MS = 86_400_000;

/** Collects the `corpus` section. */
export function corpusSummaryCollector(): Collector<CorpusSummary> {
  let pipelines = 0;
  let withGraphlets = 0;
  let graphlets = 0;
  let failed = 0;
  let pushed = 0;
  let executions = 0;
  let artifacts = 0;
  let events = 0;
  let maxNodes = 0;
  let warm = 0;
  let warmPipelineGraphlets = 0;
  let compute = 0;
  let failedCompute = 0;
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  const see = (t: number | undefined) => {
    if (t === undefined || !Number.isFinite(t)) return;
    if (t < oldest) oldest = t;
    if (t > newest) newest = t;
  };
  const share = (n: number) => (graphlets === 0 ? null : n / graphlets);
  return {
    add(p) {
      const { trace, graphlets: gs } = p;
      pipelines++;
      if (gs.length > 0) withGraphlets++;
      graphlets += gs.length;
      failed += p.failedGraphlets.length;
      executions += trace.executions.length;
      artifacts += trace.artifacts.length;
      events += trace.events.length;
      maxNodes = Math.max(maxNodes, trace.executions.length + trace.artifacts.length);
      let warmHere = 0;
      for (const g of gs) {
        if (g.pushed) pushed++;
        if (g.warmStart) warmHere++;
      }
      warm += warmHere;
      if (warmHere > 0) warmPipelineGraphlets += gs.length;
      const onlyFailed = failedOnlyExecutions(p);
      for (const e of trace.executions) {
        const seconds = costWithSource(e).seconds;
        compute += seconds;
        if (onlyFailed.has(e.id)) failedCompute += seconds;
        see(e.startMs);
        see(e.endMs);
      }
      for (const a of trace.artifacts) see(a.createdMs);
    },
    finish: () => ({
      pipelines,
      pipelinesWithGraphlets: withGraphlets,
      graphlets: graphlets + failed,
      completedGraphlets: graphlets,
      failedTrainerGraphlets: failed,
      pushedGraphlets: pushed,
      pushedShare: share(pushed),
      failedCompute: {
        cpuSeconds: failedCompute,
        share: compute > 0 ? failedCompute / compute : null,
      },
      executions,
      artifacts,
      events,
      maxTraceNodes: maxNodes,
      warmStartShare: share(warm),
      warmStartPipelineGraphletShare: share(warmPipelineGraphlets),
      periodDays: oldest === Number.POSITIVE_INFINITY ? null : (newest - oldest) / DAY_MS,
    }),
  };
}

/** Executions that belong to failed-trainer graphlets and to no completed one. */
function failedOnlyExecutions(p: PipelineContext): Set<ExecutionId> {
  const out = new Set<ExecutionId>();
  if (p.failedGraphlets.length === 0) return out;
  for (const g of p.failedGraphlets) for (const id of g.executions) out.add(id);
  for (const g of p.graphlets) for (const id of g.executions) out.delete(id);
  return out;
}
