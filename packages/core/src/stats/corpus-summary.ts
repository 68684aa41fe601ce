/** Corpus counts (§2.2): pipelines, graphlets, pushed and warm-start shares, node counts, period. */
import type { CorpusSummary } from './corpus-statistics.ts';
import type { Collector } from './pipeline-context.ts';

const DAY_MS = 86_400_000;

/** Collects the `corpus` section. */
export function corpusSummaryCollector(): Collector<CorpusSummary> {
  let pipelines = 0;
  let withGraphlets = 0;
  let graphlets = 0;
  let pushed = 0;
  let executions = 0;
  let artifacts = 0;
  let events = 0;
  let maxNodes = 0;
  let warm = 0;
  let warmPipelineGraphlets = 0;
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  const see = (t: number | undefined) => {
    if (t === undefined || !Number.isFinite(t)) return;
    if (t < oldest) oldest = t;
    if (t > newest) newest = t;
  };
  const share = (n: number) => (graphlets === 0 ? null : n / graphlets);
  return {
    add({ trace, graphlets: gs }) {
      pipelines++;
      if (gs.length > 0) withGraphlets++;
      graphlets += gs.length;
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
      for (const e of trace.executions) {
        see(e.startMs);
        see(e.endMs);
      }
      for (const a of trace.artifacts) see(a.createdMs);
    },
    finish: () => ({
      pipelines,
      pipelinesWithGraphlets: withGraphlets,
      graphlets,
      pushedGraphlets: pushed,
      pushedShare: share(pushed),
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
